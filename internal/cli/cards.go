package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/cards"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/project"
)

func init() {
	register(&command{
		name:    "cards",
		summary: "make quote cards (PNG) for social media, with alt text and captions",
		usage:   "cards [--layout a,b|all] [--theme NAME] [--quote id,...] [--tag T] [--out DIR] [--format png|jpeg] [--shard i/n]",
		examples: []string{
			"broadside cards                                  # every quote, every platform size",
			"broadside cards --layout story --theme ink       # Stories only, dark theme",
			"broadside cards --quote nils-melzer,noam-chomsky # two quotes",
			"broadside cards --tag press-freedom --out ~/Desktop/cards",
			"broadside cards --shard 2/8 --out shard-2   # the second of eight machines (docs/scale.md)",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.layout, "layout", "", "card `LAYOUTS`, separated by commas, or all (default: the campaign's, else all)")
			fs.StringVar(&o.theme, "theme", "", "colours and typefaces: a theme `NAME` (default: the campaign's; see 'broadside list themes')")
			fs.StringVar(&o.out, "out", filepath.Join(defaultOut, "cards"), "`DIR` for the cards and their manifest")
			fs.StringVar(&o.format, "format", "", "`FORMAT`: png or jpeg (default: the campaign's, else png)")
			fs.IntVar(&o.workers, "workers", 0, "`N` cards drawn at once (default: one per core)")
			o.selection(fs)
			o.sharding(fs)
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; cards takes only options", args[0])
			}
			_, err := e.cards(ctx, e.opts.out)
			return err
		},
	})
}

// planCards resolves --layout, --theme and --format against the campaign.
func (e *env) planCards() (*project.CardPlan, error) {
	return e.p.CardPlan(project.CardArgs{Layouts: list(e.opts.layout), Theme: e.opts.theme, Format: e.opts.format})
}

// cards renders the selected quotes in the planned layouts into dir and
// writes the manifest. It returns how many cards were made.
func (e *env) cards(ctx context.Context, dir string) (int, error) {
	plan, err := e.planCards()
	if err != nil {
		return 0, err
	}
	qs, err := e.selected()
	if err != nil {
		return 0, err
	}
	shard, err := e.shard()
	if err != nil {
		return 0, err
	}
	qs = shard.Filter(qs)
	reg, brand, err := e.p.FontsAndBrand()
	if err != nil {
		return 0, err
	}
	if err := outfile.MkdirAll(dir); err != nil {
		return 0, err
	}
	var jobs []cards.Job
	for _, l := range plan.Layouts {
		for _, q := range qs {
			name := filepath.Join(l.Name, q.ID+plan.Ext)
			if !outfile.Inside(dir, name) {
				return 0, fmt.Errorf("quote id %q or layout name %q would write outside %s", q.ID, l.Name, dir)
			}
			jobs = append(jobs, cards.Job{Layout: l, Quote: q, Path: filepath.Join(dir, name)})
		}
	}
	start := time.Now()
	plan.Theme.Preload(reg, plan.Layouts...)
	prog := newProgress(e.stderr, len(jobs), "cards")
	b := &cards.Batch{Theme: plan.Theme, Brand: brand, Fonts: reg, Format: plan.Format, Workers: e.opts.workers, Done: func(r cards.Result) { prog.done(r.Job.Layout.Name, r.Err) }}
	results := b.Run(ctx, jobs)
	prog.finish()
	var failed []string
	for _, r := range results {
		for _, w := range r.Warnings {
			e.p.Warn(w)
		}
		if r.Err != nil && ctx.Err() == nil {
			failed = append(failed, fmt.Sprintf("  %s/%s: %s", r.Job.Layout.Name, r.Job.Quote.ID, strings.Join(problems(r.Err), "\n    ")))
		}
	}
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	made, err := cards.WriteManifest(dir, results, brand)
	if err != nil {
		return made, err
	}
	took := time.Since(start)
	of := ""
	if !shard.Whole() {
		of = " (shard " + shard.String() + ")"
	}
	fmt.Fprintf(e.stdout, "%s%s in %s (%.0f a second), theme %s → %s\n",
		count(made, "card"), of, took.Round(time.Millisecond), float64(made)/took.Seconds(), plan.Theme.Name, dir)
	fmt.Fprintf(e.stdout, "alt text and captions: %s, %s\n", filepath.Join(dir, "cards.json"), filepath.Join(dir, "cards.csv"))
	if len(failed) > 0 {
		return made, &reported{fmt.Sprintf("%d of %s failed:\n%s", len(failed), count(len(jobs), "card"), strings.Join(failed, "\n"))}
	}
	return made, nil
}
