package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"
)

func init() {
	register(&command{
		name:    "build",
		summary: "render everything the campaign asks for into output/",
		usage:   "build [--out DIR]",
		examples: []string{
			"broadside build                       # the built-in campaign, or ./data/quotes.yaml",
			"broadside build --data my-quotes.csv --out print-run",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.out, "out", defaultOut, "`DIR` for everything")
			fs.IntVar(&o.workers, "workers", 0, "`N` cards drawn at once (default: one per core)")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; build takes only options", args[0])
			}
			start := time.Now()
			n, err := e.cards(ctx, filepath.Join(e.opts.out, "cards"))
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "built %d cards in %s → %s\n", n, time.Since(start).Round(time.Millisecond), e.opts.out)
			return nil
		},
	})
}
