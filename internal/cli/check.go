package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/par"
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
	ds, err := e.dataset()
	if err != nil {
		add(err)
	}
	reg, err := e.fonts()
	if err != nil {
		add(err)
	}
	lib, err := e.library()
	if err != nil {
		add(err)
	}
	_, err = e.campaign()
	if err != nil {
		add(err)
	}
	if lib != nil && reg != nil {
		for _, name := range lib.ThemeNames() {
			th, _ := lib.Theme(name)
			if err := th.Check(reg); err != nil {
				add(err)
			}
		}
	}
	var brand layout.Brand
	if ds != nil {
		if brand, err = e.brand(); err != nil {
			add(err)
		}
	}
	composed := 0
	var plan *cardPlan
	if ds != nil && reg != nil && lib != nil && len(problems) == 0 {
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
			for _, l := range plan.layouts {
				for _, q := range ds.Quotes {
					jobs = append(jobs, job{l, q})
				}
			}
			plan.theme.Preload(reg, plan.layouts...)
			errs := make([]error, len(jobs))
			par.Each(ctx, len(jobs), 0, func() func(int) {
				return func(i int) {
					var warns []string
					_, warns, errs[i] = layout.Compose(layout.Input{Quote: jobs[i].q, Brand: brand}, jobs[i].l, plan.theme, reg)
					for _, w := range warns {
						e.warn(w)
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
	fmt.Fprintf(e.stdout, "ok: %s from %s, %d fonts, %d layouts and %d themes; every quote fits every card layout in theme %s (%d checked)\n",
		count(len(ds.Quotes), "quote"), ds.Name, len(reg.Fonts()), len(lib.LayoutNames("")), len(lib.ThemeNames()), plan.theme.Name, composed)
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
