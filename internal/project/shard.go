package project

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/quote"
)

// MaxShards bounds n in a shard i/n: more shards than that would each get
// too few quotes to be worth a machine.
const MaxShards = 100_000

// Shard is one of N parts of a run, numbered 1 to N, for spreading a large
// run over machines. Every quote belongs to exactly one shard, chosen by a
// stable hash of its id (32-bit FNV-1a, modulo N, plus one), so shards can
// run anywhere, in any order, with any selection, and together make
// exactly the cards of one whole run. The zero Shard is the whole run.
type Shard struct{ I, N int }

// ParseShard reads "i/n", e.g. "3/8".
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	switch {
	case !ok || err1 != nil || err2 != nil:
		return Shard{}, fmt.Errorf("write the shard as i/n, e.g. 1/4 for the first of four")
	case n < 1 || n > MaxShards:
		return Shard{}, fmt.Errorf("the number of shards must be from 1 to %d", MaxShards)
	case i < 1 || i > n:
		return Shard{}, fmt.Errorf("shards are numbered from 1 to %d; with Kubernetes, use $((JOB_COMPLETION_INDEX + 1))/%d", n, n)
	}
	return Shard{i, n}, nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.I, s.N) }

// Whole reports whether s is the whole run.
func (s Shard) Whole() bool { return s.N <= 1 }

// ShardOf returns the shard (1 to n) the quote with id belongs to.
func ShardOf(id string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32()%uint32(n)) + 1
}

// Has reports whether the quote with id belongs to s.
func (s Shard) Has(id string) bool { return s.Whole() || ShardOf(id, s.N) == s.I }

// Filter returns the quotes of qs that belong to s, in their order.
func (s Shard) Filter(qs []quote.Quote) []quote.Quote {
	if s.Whole() {
		return qs
	}
	var out []quote.Quote
	for _, q := range qs {
		if s.Has(q.ID) {
			out = append(out, q)
		}
	}
	return out
}
