// Command broadside turns a campaign's quotes into social-media cards,
// printable booklets and leaflets, posters and placards.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/broadside/broadside/internal/cli"
)

func main() {
	// Batches keep little memory live but allocate an image per card; a
	// tighter collector keeps the resident set small (ten thousand cards
	// in under 100 MB) at no measurable cost in speed. GOGC still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	// The first Ctrl-C (or SIGTERM) asks the run to stop: files under way
	// are finished or removed, never left half-written. A second one ends
	// the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	endProfiles := startProfiles()
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	endProfiles()
	os.Exit(code)
}
