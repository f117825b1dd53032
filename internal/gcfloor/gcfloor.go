// Package gcfloor keeps the garbage collector from running while the heap
// is still small. broadside collects at GOGC 50 so that a batch of cards,
// which keeps little memory live, stays small; but a run whose live heap
// is a few megabytes then collects every few megabytes it allocates. The
// 950-page one-a-page booklet allocates about 115 MB with at most 23 MB
// live and collected 30 times, about a fifth of its CPU time. With a floor
// the heap may grow to the floor before a collection; past it the usual
// percentage rules, so a large run's peak is what it was.
//
// The runtime has no such setting (its own floor is 4 MB × GOGC/100), so
// the percentage is set again after every collection from the heap left
// live, as a GC tuner does: a finalizer on an object that dies in every
// cycle.
package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// The runtime's smallest heap goal at GOGC 100.
const runtimeMin = 4 << 20

var (
	floor atomic.Uint64
	// base is the percentage above the floor, read at the first Set; -1
	// when the collector is off.
	base atomic.Int64
	once sync.Once
)

// Set lets the heap grow to floor bytes before the collector runs, from now
// on; Set(0) takes the floor away. Above the floor the percentage in force
// at the first call (GOGC, or what main set) applies. A collector that was
// turned off stays off.
func Set(bytes uint64) {
	floor.Store(bytes)
	once.Do(func() {
		b := debug.SetGCPercent(100)
		debug.SetGCPercent(b)
		base.Store(int64(b))
		if b >= 0 {
			arm()
		}
	})
	tune()
}

// tune sets the percentage for the heap live after the last collection.
func tune() {
	b := int(base.Load())
	if b < 0 {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	var live uint64 // 0 until the first collection
	if s[0].Value.Kind() == metrics.KindUint64 {
		live = s[0].Value.Uint64()
	}
	debug.SetGCPercent(percent(live, floor.Load(), b))
}

// percent is the GOGC that puts the next heap goal at the floor when live
// bytes are live, or base when that is already above it. Before the first
// collection (live 0) the runtime's own floor stands in for the heap.
func percent(live, floor uint64, base int) int {
	if live == 0 {
		return max(base, int(floor*100/runtimeMin))
	}
	if live*uint64(100+base)/100 >= floor {
		return base
	}
	return int(floor*100/live) - 100
}

// sentinel is allocated for each cycle and found unreachable by the next
// collection; it is large enough not to share a tiny block, whose
// finalizer might never run.
type sentinel struct{ _ [16]byte }

func arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		tune()
		arm()
	})
}
