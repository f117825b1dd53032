package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/cards"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
)

func init() {
	register(&command{
		name:    "cards",
		summary: "make quote cards (PNG) for social media, with alt text and captions",
		usage:   "cards [--layout a,b|all] [--theme NAME] [--quote id,...] [--tag T] [--out DIR] [--format png|jpeg]",
		examples: []string{
			"broadside cards                                  # every quote, every platform size",
			"broadside cards --layout story --theme ink       # Stories only, dark theme",
			"broadside cards --quote nils-melzer,noam-chomsky # two quotes",
			"broadside cards --tag press-freedom --out ~/Desktop/cards",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.layout, "layout", "", "card `LAYOUTS`, separated by commas, or all (default: the campaign's, else all)")
			fs.StringVar(&o.theme, "theme", "", "colours and typefaces: a theme `NAME` (default: the campaign's; see 'broadside list themes')")
			fs.StringVar(&o.out, "out", filepath.Join(defaultOut, "cards"), "`DIR` for the cards and their manifest")
			fs.StringVar(&o.format, "format", "", "`FORMAT`: png or jpeg (default: the campaign's, else png)")
			fs.IntVar(&o.workers, "workers", 0, "`N` cards drawn at once (default: one per core)")
			o.selection(fs)
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

// cardPlan is what a cards run will make.
type cardPlan struct {
	layouts []*layout.Layout
	theme   *layout.Theme
	format  string
}

// planCards resolves --layout, --theme and --format against the campaign.
func (e *env) planCards() (*cardPlan, error) {
	conf, lib, err := e.settings()
	if err != nil {
		return nil, err
	}
	names, err := e.layoutNames(conf.Cards.Layouts, "all", "")
	if err != nil {
		return nil, err
	}
	if len(names) == 1 && names[0] == "all" {
		names = lib.LayoutNames("card")
	}
	p := &cardPlan{format: e.opts.format}
	for _, n := range names {
		l, err := layoutOf(lib, n, "a card", "card")
		if err != nil {
			return nil, err
		}
		p.layouts = append(p.layouts, l)
	}
	if p.theme, err = e.theme(lib, conf.Cards.Theme, "paper"); err != nil {
		return nil, err
	}
	if p.format == "" {
		p.format = conf.Cards.Format
	}
	switch p.format {
	case "", "png":
		p.format = "png"
	case "jpeg", "jpg":
		p.format = "jpeg"
	default:
		return nil, usagef("--format %s: use png or jpeg", p.format)
	}
	return p, nil
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
	reg, brand, err := e.fontsAndBrand()
	if err != nil {
		return 0, err
	}
	if err := outfile.MkdirAll(dir); err != nil {
		return 0, err
	}
	ext := map[string]string{"png": ".png", "jpeg": ".jpg"}[plan.format]
	var jobs []cards.Job
	for _, l := range plan.layouts {
		for _, q := range qs {
			name := filepath.Join(l.Name, q.ID+ext)
			if !outfile.Inside(dir, name) {
				return 0, fmt.Errorf("quote id %q or layout name %q would write outside %s", q.ID, l.Name, dir)
			}
			jobs = append(jobs, cards.Job{Layout: l, Quote: q, Path: filepath.Join(dir, name)})
		}
	}
	start := time.Now()
	plan.theme.Preload(reg, plan.layouts...)
	prog := newProgress(e.stderr, len(jobs), "cards")
	b := &cards.Batch{Theme: plan.theme, Brand: brand, Fonts: reg, Format: plan.format, Workers: e.opts.workers, Done: func(r cards.Result) { prog.done(r.Job.Layout.Name, r.Err) }}
	results := b.Run(ctx, jobs)
	prog.finish()
	var failed []string
	for _, r := range results {
		for _, w := range r.Warnings {
			e.warn(w)
		}
		if r.Err != nil && ctx.Err() == nil {
			failed = append(failed, fmt.Sprintf("  %s/%s: %v", r.Job.Layout.Name, r.Job.Quote.ID, r.Err))
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
	fmt.Fprintf(e.stdout, "%d cards in %s (%.0f a second), theme %s → %s\n",
		made, took.Round(time.Millisecond), float64(made)/took.Seconds(), plan.theme.Name, dir)
	fmt.Fprintf(e.stdout, "alt text and captions: %s, %s\n", filepath.Join(dir, "cards.json"), filepath.Join(dir, "cards.csv"))
	if len(failed) > 0 {
		return made, &reported{fmt.Sprintf("%d of %d cards failed:\n%s", len(failed), len(jobs), strings.Join(failed, "\n"))}
	}
	return made, nil
}
