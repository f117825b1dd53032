// Package par runs independent jobs on every core. The project has four
// such loops (cards, booklet preparation, layout parsing, check); they share
// this one so cancellation and ordering behave the same everywhere.
package par

import (
	"context"
	"runtime"
	"sync"
)

// Each calls work for every index in [0, n) on up to workers goroutines
// (GOMAXPROCS when workers <= 0). newWorker is called once per goroutine and
// returns that goroutine's work function, so each can keep scratch state
// (a rasteriser, a copy of a composer) without locking.
//
// Indices are handed out in order. When ctx is cancelled no new index is
// handed out; those under way finish. Each returns how many indices were
// handed out, so the caller knows that [started, n) never ran.
func Each(ctx context.Context, n, workers int, newWorker func() func(i int)) (started int) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for i := range next {
				work(i)
			}
		}()
	}
	defer func() {
		close(next)
		wg.Wait()
	}()
	for i := range n {
		if ctx.Err() != nil {
			return i
		}
		select {
		case next <- i:
		case <-ctx.Done():
			return i
		}
	}
	return n
}
