package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/press"
)

func init() {
	register(&command{
		name:    "build",
		summary: "render everything the campaign asks for into output/",
		usage:   "build [--out DIR] [--shard i/n]",
		examples: []string{
			"broadside build                       # the built-in campaign, or ./data/quotes.yaml",
			"broadside build --data my-quotes.csv --out print-run",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.out, "out", defaultOut, "`DIR` for everything")
			fs.IntVar(&o.workers, "workers", 0, "`N` cards drawn at once (default: one per core)")
			o.sharding(fs)
		},
		run: runBuild,
	})
}

// runBuild makes the cards, the booklet in each configured imposition, the
// leaflets, the posters (and their tiles) and the placards, as
// data/campaign.yaml says. Every output is attempted: one that fails is
// reported as it fails and in the summary, the others are still made, and
// the exit status is 1.
func runBuild(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected %q; build takes only options", args[0])
	}
	start := time.Now()
	// Without these nothing can be made: stop at once.
	conf, err := e.p.Campaign()
	if err != nil {
		return err
	}
	if _, _, err := e.p.FontsAndBrand(); err != nil {
		return err
	}
	if _, err := e.p.Library(); err != nil {
		return err
	}
	imposes := conf.Booklet.Impose
	if len(imposes) == 0 {
		imposes = []string{press.Reading, press.Saddle}
	}
	if conf.Booklet.PrintShop {
		imposes = append(imposes, press.PrintShop)
	}
	shard, err := e.shard()
	if err != nil {
		return err
	}
	out := e.opts.out
	b := &buildRun{e: e, ctx: ctx}
	b.step("cards", "card", func() (int, error) { return e.cards(ctx, filepath.Join(out, "cards")) })
	if shard.I > 1 {
		// The print documents are made once, by the first shard, so that
		// the shards add up to exactly one whole build.
		fmt.Fprintf(e.stdout, "shard %s: built %s in %s → %s; the booklets, leaflets, posters and placards are made by shard 1/%d\n",
			shard, joinAnd(b.made), time.Since(start).Round(time.Millisecond), out, shard.N)
		return b.result()
	}
	for _, mode := range imposes {
		path := bookletOut(out, mode)
		b.step(filepath.Base(path), "booklet", func() (int, error) {
			if _, err := e.booklet(mode, path); err != nil {
				return 0, err
			}
			return 1, nil
		})
	}
	b.step("leaflets", "leaflet", func() (int, error) { return e.leaflets(out, "") })
	b.step("posters", "poster", func() (int, error) { return e.posters(out, "") })
	b.step("placards", "placard file", func() (int, error) { return e.placards(out, "") })
	if ctx.Err() != nil {
		return ctx.Err()
	}
	fmt.Fprintf(e.stdout, "built %s in %s → %s\n", joinAnd(b.made), time.Since(start).Round(time.Millisecond), out)
	return b.result()
}

// result is build's error: nil, interrupted, or the summary of failures.
func (b *buildRun) result() error {
	if b.ctx.Err() != nil {
		return b.ctx.Err()
	}
	if len(b.failed) > 0 {
		return &reported{fmt.Sprintf("build: %s failed, everything else was made:\n%s", count(len(b.failed), "output"), strings.Join(b.failed, "\n"))}
	}
	return nil
}

// buildRun tells what build made and what failed.
type buildRun struct {
	e      *env
	ctx    context.Context
	made   []string // "114 cards", "2 booklets"
	counts map[string]int
	nouns  []string
	failed []string
	// errs are the steps' error messages so far, and the step of each.
	errs map[string]string
}

// step runs one output; noun counts what it makes for the summary. A
// failure is printed at once, as the command on its own would print it.
func (b *buildRun) step(name, noun string, run func() (int, error)) {
	if b.ctx.Err() != nil {
		return
	}
	n, err := run()
	if b.counts == nil {
		b.counts = map[string]int{}
	}
	if _, seen := b.counts[noun]; !seen {
		b.nouns = append(b.nouns, noun)
	}
	if err == nil || n > 0 {
		b.counts[noun] += n
	}
	b.made = b.made[:0]
	for _, nn := range b.nouns {
		if b.counts[nn] > 0 {
			b.made = append(b.made, count(b.counts[nn], nn))
		}
	}
	if err == nil || b.ctx.Err() != nil {
		return
	}
	// The booklet in another imposition fails for the same problems:
	// say so rather than list them again.
	if same, ok := b.errs[err.Error()]; ok {
		msg := "not made, for the same problems as " + same
		b.failed = append(b.failed, "  "+name+": "+msg)
		fmt.Fprintf(b.e.stderr, "%s: %s\n", name, msg)
		return
	}
	if b.errs == nil {
		b.errs = map[string]string{}
	}
	b.errs[err.Error()] = name
	first, rest, _ := strings.Cut(err.Error(), "\n")
	b.failed = append(b.failed, "  "+name+": "+strings.TrimSuffix(first, ":"))
	fmt.Fprintf(b.e.stderr, "%s: %s\n", name, first)
	if rest != "" {
		fmt.Fprintln(b.e.stderr, rest)
	}
}

// joinAnd writes "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return "nothing"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
