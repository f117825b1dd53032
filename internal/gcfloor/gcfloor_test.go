package gcfloor

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		name        string
		live, floor uint64
		base, want  int
	}{
		{"nothing live yet: the runtime's 4 MB floor raised to 48 MB", 0, 48 * mb, 50, 1200},
		{"small heap: the goal is the floor", 8 * mb, 48 * mb, 50, 500},
		{"at the floor", 32 * mb, 48 * mb, 50, 50},
		{"large heap: the base percentage", 90 * mb, 48 * mb, 50, 50},
		{"a floor below the runtime's own", 0, 1 * mb, 50, 50},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := percent(c.live, c.floor, c.base); got != c.want {
				t.Errorf("percent(%d, %d, %d) = %d, want %d", c.live, c.floor, c.base, got, c.want)
			}
		})
	}
}

var sink []byte

// collections allocates 32 MB of garbage, a few kilobytes at a time, and
// returns how many collections ran meanwhile.
func collections() uint32 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < 32<<20/4096; i++ {
		sink = make([]byte, 4096)
	}
	runtime.ReadMemStats(&after)
	return after.NumGC - before.NumGC
}

// TestFloor checks that the collector waits for the floor: at GOGC 50,
// with almost nothing live, 32 MB of garbage is collected many times over;
// under a 64 MB floor, hardly ever.
func TestFloor(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	Set(0)
	defer Set(0)
	without := collections()
	if without < 4 {
		t.Fatalf("without a floor %d collections; the test needs several to compare", without)
	}
	Set(64 << 20)
	with := collections()
	t.Logf("collections while allocating 32 MB: %d without a floor, %d with 64 MB", without, with)
	if with > 1 {
		t.Errorf("with a 64 MB floor %d collections while allocating 32 MB (without: %d), want at most 1", with, without)
	}
}
