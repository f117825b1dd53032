package par

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestEachRunsEveryIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 0}, {1, 0}, {7, 1}, {100, 3}, {5, 16}} {
		seen := make([]atomic.Int32, tc.n)
		var workers atomic.Int32
		got := Each(context.Background(), tc.n, tc.workers, func() func(int) {
			workers.Add(1)
			return func(i int) { seen[i].Add(1) }
		})
		if got != tc.n {
			t.Errorf("n=%d workers=%d: started %d", tc.n, tc.workers, got)
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d ran %d times", tc.n, i, c)
			}
		}
		if tc.workers > 0 && int(workers.Load()) > tc.workers {
			t.Errorf("n=%d: %d workers, want at most %d", tc.n, workers.Load(), tc.workers)
		}
	}
}

func TestEachStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	started := Each(ctx, 1000, 2, func() func(int) {
		return func(i int) {
			if ran.Add(1) == 10 {
				cancel()
			}
		}
	})
	if started >= 1000 || started < 10 {
		t.Fatalf("started %d of 1000 after cancelling at the 10th", started)
	}
	if int(ran.Load()) != started {
		t.Fatalf("ran %d, but %d were handed out", ran.Load(), started)
	}
}
