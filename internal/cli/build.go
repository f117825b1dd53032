package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/broadside/broadside/internal/press"
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
		run: runBuild,
	})
}

// runBuild makes the cards, the booklet in each configured imposition, the
// leaflets, the posters (and their tiles) and the placards, as
// data/campaign.yaml says.
func runBuild(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected %q; build takes only options", args[0])
	}
	start := time.Now()
	conf, err := e.p.Campaign()
	if err != nil {
		return err
	}
	n, err := e.cards(ctx, filepath.Join(e.opts.out, "cards"))
	if err != nil {
		return err
	}
	files := 0
	imposes := conf.Booklet.Impose
	if len(imposes) == 0 {
		imposes = []string{press.Reading, press.Saddle}
	}
	if conf.Booklet.PrintShop {
		imposes = append(imposes, press.PrintShop)
	}
	for _, mode := range imposes {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if _, err := e.booklet(mode, bookletOut(e.opts.out, mode)); err != nil {
			return err
		}
		files++
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err := e.leaflets(e.opts.out, ""); err != nil {
		return err
	}
	if err := e.posters(e.opts.out, ""); err != nil {
		return err
	}
	if err := e.placards(e.opts.out, ""); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "built %d cards, %d booklets, the leaflets, posters and placards in %s → %s\n", n, files, time.Since(start).Round(time.Millisecond), e.opts.out)
	return nil
}
