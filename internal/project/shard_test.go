package project

import (
	"fmt"
	"strings"
	"testing"
)

// Every id belongs to exactly one shard, the same one every time, and the
// shards are about even.
func TestShards(t *testing.T) {
	const n = 4
	counts := make([]int, n+1)
	for i := 0; i < 10_000; i++ {
		id := fmt.Sprintf("signer-%d", i)
		owners := 0
		for s := 1; s <= n; s++ {
			if (Shard{s, n}).Has(id) {
				owners++
				counts[s]++
			}
		}
		if owners != 1 {
			t.Fatalf("%s belongs to %d shards", id, owners)
		}
	}
	for s := 1; s <= n; s++ {
		if counts[s] < 2300 || counts[s] > 2700 {
			t.Errorf("shard %d/%d has %d of 10000", s, n, counts[s])
		}
	}
	// The hash is FNV-1a as documented (docs/scale.md): pinned, so that a
	// change would be noticed before shards of one run disagree.
	// (FNV-1a of "nils-melzer" is 30798763; 30798763 mod 4 + 1 = 4.)
	if got := ShardOf("nils-melzer", 4); got != 4 {
		t.Errorf("nils-melzer is in shard %d of 4", got)
	}
	for _, tt := range []struct{ in, err string }{
		{"2/4", ""}, {" 1 / 1 ", ""}, {"0/4", "numbered from 1 to 4"}, {"5/4", "numbered from 1 to 4"}, {"1/0", "from 1 to"}, {"half", "write the shard as i/n"},
	} {
		_, err := ParseShard(tt.in)
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseShard(%q): %v, want %q", tt.in, err, tt.err)
		}
	}
}
