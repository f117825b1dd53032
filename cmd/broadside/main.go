// Command broadside turns a campaign's quotes into social-media cards,
// printable booklets and leaflets, posters and placards.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/broadside/broadside/internal/cli"
	"github.com/broadside/broadside/internal/gcfloor"
	"github.com/broadside/broadside/internal/outfile"
)

// startHeapFloor is the heap below which the collector does not run (see
// main). 32 MB is above what start-up and a card batch keep live (about 23
// MB), so it takes the collections out of start-up, and below what
// batches reach anyway, so their resident set stays the same.
const startHeapFloor = 32 << 20

// memoryLimit is the default soft memory limit (see main).
const memoryLimit = 200 << 20

// interruptGrace is how long an interrupted run may take to finish the
// work in hand before it is ended (see main).
const interruptGrace = 400 * time.Millisecond

func main() {
	// Batches keep little memory live but allocate an image per card; a
	// tighter collector keeps the resident set small (ten thousand cards
	// in under 100 MB) at no measurable cost in speed. GOGC still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
		// But not from the first megabytes: start-up (fonts, layouts,
		// the dataset) grows the heap from nothing to about 20 MB, and at
		// GOGC 50 that took fifteen collections before the first cards
		// were drawn, a fifth of a small run's start. Under the floor
		// the collector waits; past it GOGC 50 rules (see gcfloor).
		gcfloor.Set(startHeapFloor)
	}
	// A soft limit on the memory the runtime holds: reading a dataset of
	// 50,000 quotes builds a YAML tree of about 170 MB for a moment, and
	// with GOGC at 50 the heap then peaked at 230 MB (280 MB resident).
	// Near the limit the collector runs more often instead; smaller runs
	// never reach it. GOMEMLIMIT still wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// The first Ctrl-C (or SIGTERM) asks the run to stop: files under way
	// are finished or removed, never left half-written. A second one ends
	// the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	endProfiles := startProfiles()
	finished := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
		case <-finished:
			return
		}
		stop()
		// The work in hand gets a grace period to finish, which a card
		// or a page needs (the run then ends as usual, its summary
		// printed). Work that is not checked for interruption, such as
		// decoding a camera's photo for a theme, can take longer on a
		// busy machine: then the run ends here, its unfinished files
		// removed, so that Ctrl-C stops within a second.
		select {
		case <-finished:
		case <-time.After(interruptGrace):
			endProfiles()
			fmt.Fprintln(os.Stderr, "broadside: interrupted; files already finished are complete, nothing is half-written")
			outfile.Exit(cli.ExitInterrupted)
		}
	}()
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	close(finished)
	stop()
	endProfiles()
	os.Exit(code)
}
