package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
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
			return e.leaflets(defaultOut, e.opts.out)
		},
	})
}

// leaflets renders the chosen leaflet and flyer layouts.
func (e *env) leaflets(dir, out string) error {
	conf, lib, err := e.settings()
	if err != nil {
		return err
	}
	names, err := e.layoutNames(conf.Leaflet.Layouts, "trifold-a4", out)
	if err != nil {
		return err
	}
	th, err := e.theme(lib, conf.Leaflet.Theme, "print")
	if err != nil {
		return err
	}
	// Every layout is checked before anything is written; the quotes are
	// as many as the fullest of them shows.
	var layouts []*layout.Layout
	slots := 1
	for _, name := range names {
		l, err := layoutOf(lib, name, "a leaflet or flyer", "leaflet", "flyer")
		if err != nil {
			return err
		}
		layouts = append(layouts, l)
		slots = max(slots, l.QuoteSlots())
	}
	qs, err := e.leafletQuotes(slots)
	if err != nil {
		return err
	}
	reg, brand, err := e.fontsAndBrand()
	if err != nil {
		return err
	}
	for _, l := range layouts {
		start := time.Now()
		lf := &press.Leaflet{Layout: l, Theme: th, Fonts: reg, Brand: brand, Quotes: qs, Meta: e.meta(brand, qs)}
		made, warns, err := lf.Make()
		for _, w := range warns {
			e.warn(w)
		}
		if err != nil {
			return err
		}
		path := out
		if path == "" {
			path = filepath.Join(dir, "leaflet-"+l.Name+".pdf")
		}
		if err := outfile.Write(path, made.PDF); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: a %s of %s, two sides (%s)\n%s\n", path, l.Kind, l.SizeLabel(), time.Since(start).Round(time.Millisecond), press.Instructions(l))
	}
	return nil
}

// leafletQuotes are --quote/--tag when given, else the campaign's choice,
// else the first n quotes of the dataset (as many as the leaflet shows).
func (e *env) leafletQuotes(n int) ([]quote.Quote, error) {
	if e.opts.quotes != "" || e.opts.tags != "" {
		return e.selected()
	}
	conf, err := e.campaign()
	if err != nil {
		return nil, err
	}
	ds, err := e.dataset()
	if err != nil {
		return nil, err
	}
	if len(conf.Leaflet.Quotes) > 0 {
		qs, err := ds.Select(conf.Leaflet.Quotes, nil)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: leaflet.quotes: %w", conf.File, conf.Leaflet.Pos.Of("quotes"), err)
		}
		// Keep the campaign's order: the first goes on the cover.
		byID := map[string]quote.Quote{}
		for _, q := range qs {
			byID[q.ID] = q
		}
		var out []quote.Quote
		for _, id := range conf.Leaflet.Quotes {
			out = append(out, byID[id])
		}
		return out, nil
	}
	return ds.Quotes[:min(n, len(ds.Quotes))], nil
}

// layoutNames are --layout when given, else the campaign's, else def; with
// --out, there must be only one.
func (e *env) layoutNames(campaign []string, def, out string) ([]string, error) {
	names := list(e.opts.layout)
	if len(names) == 0 {
		names = campaign
	}
	if len(names) == 0 {
		names = []string{def}
	}
	if out != "" && len(names) > 1 {
		return nil, usagef("--out names one file; choose one --layout, or leave out --out")
	}
	return names, nil
}
