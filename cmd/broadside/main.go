// Command broadside turns a campaign's quotes into social-media cards,
// printable booklets and leaflets, posters and placards.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/broadside/broadside/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
