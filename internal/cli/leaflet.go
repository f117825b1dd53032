package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/quote"
)

func init() {
	register(&command{
		name:    "leaflet",
		summary: "make a tri-fold leaflet or a flyer (PDF) with a few chosen quotes",
		usage:   "leaflet [--layout trifold-a4|trifold-letter|flyer-a5|flyer-a6] [--quote id,...] [--tag T] [--out FILE]",
		examples: []string{
			"broadside leaflet                                        # the campaign's leaflets",
			"broadside leaflet --layout trifold-letter",
			"broadside leaflet --layout flyer-a6 --quote noam-chomsky,jameel-jaffer",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.layout, "layout", "", "leaflet or flyer `LAYOUTS`, separated by commas (default: the campaign's, else trifold-a4)")
			fs.StringVar(&o.theme, "theme", "", "theme `NAME` (default: the campaign's, else print)")
			fs.StringVar(&o.out, "out", "", "the PDF `FILE` to write, for one layout (default output/leaflet-<layout>.pdf)")
			o.selection(fs)
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; leaflet takes only options", args[0])
			}
			_, err := e.leaflets(defaultOut, e.opts.out)
			return err
		},
	})
}

// leaflets renders the chosen leaflet and flyer layouts and returns how
// many it made; one that fails does not stop the others.
func (e *env) leaflets(dir, out string) (int, error) {
	conf, err := e.p.Campaign()
	if err != nil {
		return 0, err
	}
	choices, err := e.layoutChoices(conf.Leaflet.Pos, "leaflet.layouts", conf.Leaflet.Layouts, out, "trifold-a4", "flyer-a5")
	if err != nil {
		return 0, err
	}
	th, err := e.theme(conf.Leaflet.Pos, "leaflet.theme", conf.Leaflet.Theme, "print")
	if err != nil {
		return 0, err
	}
	// Every layout is checked before anything is written; the quotes are
	// as many as the fullest of them shows.
	var layouts []*layout.Layout
	slots := 1
	for _, c := range choices {
		l, err := e.p.Layout(c, "a leaflet or flyer", "leaflet", "flyer")
		if err != nil {
			return 0, err
		}
		layouts = append(layouts, l)
		slots = max(slots, l.QuoteSlots())
	}
	qs, err := e.p.LeafletQuotes(list(e.opts.quotes), list(e.opts.tags), slots)
	if err != nil {
		return 0, err
	}
	reg, brand, err := e.p.FontsAndBrand()
	if err != nil {
		return 0, err
	}
	e.warnLeftOut(conf, layouts, qs, slots)
	n := 0
	var errs []error
	for _, l := range layouts {
		start := time.Now()
		lf := &press.Leaflet{Layout: l, Theme: th, Fonts: reg, Brand: brand, Quotes: qs, Meta: project.Meta(brand, qs)}
		made, warns, err := lf.Make()
		for _, w := range warns {
			e.p.Warn(w)
		}
		if err != nil {
			// Every problem of the leaflet at once, under its name.
			if ps := problems(err); len(ps) > 1 {
				err = fmt.Errorf("%s: %d problems; it was not written:\n  %s", l.Name, len(ps), strings.Join(ps, "\n  "))
			}
			errs = append(errs, err)
			continue
		}
		path := out
		if path == "" {
			path = filepath.Join(dir, "leaflet-"+l.Name+".pdf")
		}
		if err := outfile.Write(path, made.PDF); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
		fmt.Fprintf(e.stdout, "%s: a %s of %s, two sides (%s)\n%s\n", path, l.Kind, l.SizeLabel(), time.Since(start).Round(time.Millisecond), press.Instructions(l))
	}
	return n, errors.Join(errs...)
}

// warnLeftOut names the quotes a leaflet or flyer has no place for. Quotes
// chosen with --quote or --tag are named for every layout that leaves some
// out ("flyer-a5 has room for 1 quote"); the campaign's leaflet.quotes
// only when even the fullest layout leaves some out, since a flyer
// showing the first of the trifold's quotes is what the settings ask for.
// (A layout with more places than quotes spreads them: see press/spread.go.)
func (e *env) warnLeftOut(conf *campaign.Config, layouts []*layout.Layout, qs []quote.Quote, fullest int) {
	chosen := e.opts.quotes != "" || e.opts.tags != ""
	for _, l := range layouts {
		room := l.QuoteSlots()
		if len(qs) <= room || !chosen && room < fullest {
			continue
		}
		var ids []string
		for _, q := range qs[room:] {
			ids = append(ids, q.ID)
		}
		msg := fmt.Sprintf("%s has room for %s, so it leaves out %s", l.Name, count(room, "quote"), strings.Join(ids, ", "))
		if !chosen && len(conf.Leaflet.Quotes) > 0 {
			msg = fmt.Sprintf("%s:%d: leaflet.quotes: %s", conf.File, conf.Leaflet.Pos.Of("quotes"), msg)
		}
		e.p.Warn(msg)
	}
}
