package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/quote"
)

func init() {
	register(&command{
		name:    "check",
		summary: "check the quotes, fonts, layouts, themes and settings, and that every quote fits",
		usage:   "check [--data FILE] [--layouts DIR] [--fonts DIR] [--config FILE] [--theme NAME]",
		examples: []string{
			"broadside check",
			"broadside check --data quotes.csv",
			"broadside check --layouts my-layouts --theme my-theme",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.theme, "theme", "", "theme `NAME` to check the fit with (default: the campaign's)")
			fs.StringVar(&o.layout, "layout", "", "card `LAYOUTS` to check, separated by commas, or all (default: the campaign's)")
		},
		run: runCheck,
	})
}

// runCheck reports every problem it finds, grouped by what to fix, and
// exits non-zero if there is any. It composes every quote in every card
// layout, which finds text that would not fit, without drawing anything.
func runCheck(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected %q; check takes only options", args[0])
	}
	var problems []string
	add := func(err error) {
		for _, line := range strings.Split(err.Error(), "\n") {
			problems = append(problems, line)
		}
	}
	for _, err := range e.p.Problems() {
		add(err)
	}
	ds, _ := e.p.Dataset()
	reg, _ := e.p.Fonts()
	lib, _ := e.p.Library()
	brand, _ := e.p.Brand()
	composed := 0
	var plan *project.CardPlan
	if ds != nil && reg != nil && lib != nil && len(problems) == 0 {
		var err error
		plan, err = e.planCards()
		if err != nil {
			add(err)
		} else {
			// Each distinct problem once: a missing glyph shows in every
			// layout, but needs fixing once. Composing runs on every core;
			// problems are reported in layout and quote order.
			type job struct {
				l *layout.Layout
				q quote.Quote
			}
			var jobs []job
			for _, l := range plan.Layouts {
				for _, q := range ds.Quotes {
					jobs = append(jobs, job{l, q})
				}
			}
			plan.Theme.Preload(reg, plan.Layouts...)
			errs := make([]error, len(jobs))
			par.Each(ctx, len(jobs), 0, func() func(int) {
				return func(i int) {
					var warns []string
					_, warns, errs[i] = layout.Compose(layout.Input{Quote: jobs[i].q, Brand: brand}, jobs[i].l, plan.Theme, reg)
					for _, w := range warns {
						e.p.Warn(w)
					}
				}
			})
			if ctx.Err() != nil {
				return ctx.Err()
			}
			composed = len(jobs)
			seen := map[string]bool{}
			for _, err := range errs {
				if err == nil {
					continue
				}
				var ge *layout.GlyphError
				key := err.Error()
				if errors.As(err, &ge) {
					key = ge.Error()
				}
				if !seen[key] {
					seen[key] = true
					add(err)
				}
			}
		}
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
		}
		return &reported{fmt.Sprintf("check: %d problem%s found; nothing was rendered", len(problems), plural(len(problems)))}
	}
	fmt.Fprintf(e.stdout, "ok: %s from %s, %s, %s and %s; every quote fits every card layout in theme %s (%d checked)\n",
		count(len(ds.Quotes), "quote"), ds.Name, count(len(reg.Fonts()), "font"), count(len(lib.LayoutNames("")), "layout"), count(len(lib.ThemeNames()), "theme"), plan.Theme.Name, composed)
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func count(n int, noun string) string { return fmt.Sprintf("%d %s%s", n, noun, plural(n)) }

// quoteWords counts words for listings.
func quoteWords(q quote.Quote) int { return len(strings.Fields(q.Text)) }
