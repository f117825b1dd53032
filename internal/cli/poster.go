package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/quote"
)

func init() {
	register(&command{
		name:    "poster",
		summary: "make an event poster (PDF and PNG preview), A4 to A0, optionally tiled over home-printer sheets",
		usage:   "poster [--quote ID] [--layout poster-a4|poster-a3|poster-a2|poster-a1|poster-a0|poster-tabloid|poster-arch-d] [--landscape] [--event-title T --event-date D --event-place P --url U] [--tile a4|letter [--overlap 10mm]] [--out FILE]",
		examples: []string{
			"broadside poster --layout poster-a2 --quote nils-melzer",
			"broadside poster --event-title \"Vigil for press freedom\" --event-date \"Saturday 14 June, 2 pm\" --event-place \"Parliament Square\"",
			"broadside poster --layout poster-a1 --tile a4            # print an A1 poster on A4 sheets",
			"broadside poster --layout poster-tabloid --landscape",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.quotes, "quote", "", "the quote `ID` (default: the campaign's, else the first)")
			fs.StringVar(&o.layout, "layout", "", "poster `LAYOUTS`, separated by commas (default: the campaign's, else poster-a3)")
			fs.BoolVar(&o.landscape, "landscape", false, "landscape instead of portrait")
			fs.StringVar(&o.theme, "theme", "", "theme `NAME` (default: the campaign's, else print)")
			fs.StringVar(&o.eventTitle, "event-title", "", "the event's `TITLE`")
			fs.StringVar(&o.eventDate, "event-date", "", "its `DATE` and time, as it should be printed")
			fs.StringVar(&o.eventPlace, "event-place", "", "its `PLACE`")
			fs.StringVar(&o.url, "url", "", "the `URL` for the QR code and the link (default: the campaign's)")
			fs.StringVar(&o.tile, "tile", "", "also split the poster over `PAPER` sheets: a4 or letter")
			fs.StringVar(&o.overlap, "overlap", "10mm", "`LENGTH` neighbouring tiles share, for gluing")
			fs.StringVar(&o.out, "out", "", "the PDF `FILE`, for one layout (default output/<layout>.pdf; the preview and tiles go beside it)")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; poster takes only options", args[0])
			}
			return e.posters(defaultOut, e.opts.out)
		},
	})
	register(&command{
		name:    "placards",
		summary: "make placards (PDF) to carry on a march: one quote a page, letters readable at a distance",
		usage:   "placards [--layout placard-a3|placard-a4|placard-tabloid] [--distance 10m] [--quote id,...] [--tag T] [--out FILE]",
		examples: []string{
			"broadside placards                                   # every quote, A3, readable from 10 m",
			"broadside placards --layout placard-a4 --distance 5m --tag press-freedom",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.layout, "layout", "", "placard `LAYOUT` (default: the campaign's, else placard-a3)")
			fs.StringVar(&o.theme, "theme", "", "theme `NAME` (default: the campaign's, else print)")
			fs.StringVar(&o.distance, "distance", "", "reading `DISTANCE`, e.g. 10m: capitals are at least 2.5 cm tall per 10 m (default: the layout's)")
			fs.StringVar(&o.out, "out", "", "the PDF `FILE` (default output/placards-<size>.pdf)")
			o.selection(fs)
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; placards takes only options", args[0])
			}
			return e.placards(defaultOut, e.opts.out)
		},
	})
}

// posterBrand is the campaign's brand with the event and URL of the flags.
func (e *env) posterBrand() (layout.Brand, error) {
	b, err := e.brand()
	if err != nil {
		return b, err
	}
	conf, _ := e.campaign()
	b.Event = layout.Event{
		Title: firstOf(e.opts.eventTitle, conf.Event.Title),
		Date:  firstOf(e.opts.eventDate, conf.Event.Date),
		Place: firstOf(e.opts.eventPlace, conf.Event.Place),
	}
	if e.opts.url != "" {
		if !strings.HasPrefix(e.opts.url, "http://") && !strings.HasPrefix(e.opts.url, "https://") {
			return b, usagef("--url %s: write the address in full, e.g. https://example.org", e.opts.url)
		}
		b.URL = e.opts.url
	}
	return b, nil
}

// posters renders the chosen posters, their previews and their tiles.
func (e *env) posters(dir, out string) error {
	conf, lib, err := e.settings()
	if err != nil {
		return err
	}
	names, err := e.layoutNames(conf.Poster.Layouts, "poster-a3", out)
	if err != nil {
		return err
	}
	landscape := e.opts.landscape || conf.Poster.Landscape
	th, err := e.theme(lib, conf.Poster.Theme, "print")
	if err != nil {
		return err
	}
	tile := firstOf(e.opts.tile, conf.Poster.Tile)
	var tileOpt impose.TileOptions
	if tile != "" {
		if tileOpt, err = e.tileOptions("--tile", tile); err != nil {
			return err
		}
	}
	ds, err := e.dataset()
	if err != nil {
		return err
	}
	id := firstOf(e.opts.quotes, conf.Poster.Quote)
	q := ds.Quotes[0]
	if id != "" {
		if strings.Contains(id, ",") {
			return usagef("--quote: a poster shows one quote")
		}
		qs, err := ds.Select([]string{id}, nil)
		if err != nil {
			return usagef("%v", err)
		}
		q = qs[0]
	}
	reg, err := e.fonts()
	if err != nil {
		return err
	}
	brand, err := e.posterBrand()
	if err != nil {
		return err
	}
	for _, name := range names {
		if landscape && !strings.HasSuffix(name, "-landscape") {
			name += "-landscape"
		}
		l, err := layoutOf(lib, name, "a poster", "poster")
		if err != nil {
			return err
		}
		start := time.Now()
		p := &press.Poster{Layout: l, Theme: th, Fonts: reg, Brand: brand, Quote: q, Meta: e.meta(brand, []quote.Quote{q})}
		f, warns, err := p.Compose()
		for _, w := range warns {
			e.warn(w)
		}
		if err != nil {
			return err
		}
		doc, err := press.PDF([]*frame.Page{f}, p.Meta)
		if err != nil {
			return err
		}
		path := out
		if path == "" {
			path = filepath.Join(dir, l.Name+".pdf")
		}
		if err := outfile.Write(path, doc); err != nil {
			return err
		}
		png, _, err := press.Preview(f, press.PreviewWidth)
		if err != nil {
			return err
		}
		preview := strings.TrimSuffix(path, filepath.Ext(path)) + ".png"
		if err := outfile.Write(preview, png); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: a poster of %s, quote %s, preview %s (%s)\n", path, l.SizeLabel(), q.ID, preview, time.Since(start).Round(time.Millisecond))
		if tile != "" {
			sheets, g, err := press.TileFrame(f, tileOpt, reg)
			if err != nil {
				return err
			}
			tdoc, err := press.PDF(sheets, p.Meta)
			if err != nil {
				return err
			}
			tpath := strings.TrimSuffix(path, filepath.Ext(path)) + "-tiled-" + tile + ".pdf"
			if err := outfile.Write(tpath, tdoc); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s: the poster on %s\n", tpath, tiledNote(g, tileOpt.Paper))
		}
	}
	return nil
}

// placards renders one placard per selected quote; a quote that cannot be
// set large enough is reported, and the others are still printed.
func (e *env) placards(dir, out string) error {
	conf, lib, err := e.settings()
	if err != nil {
		return err
	}
	name := firstOf(e.opts.layout, conf.Placards.Layout, "placard-a3")
	l, err := layoutOf(lib, name, "a placard", "placard")
	if err != nil {
		return err
	}
	d := conf.Placards.Distance
	if e.opts.distance != "" {
		if d, err = parseMetres(e.opts.distance); err != nil {
			return usagef("--distance %s: %v", e.opts.distance, err)
		}
	}
	if d > 0 {
		c := *l
		c.Distance = d
		l = &c
	}
	th, err := e.theme(lib, conf.Placards.Theme, "print")
	if err != nil {
		return err
	}
	qs, err := e.selected()
	if err != nil {
		return err
	}
	reg, brand, err := e.fontsAndBrand()
	if err != nil {
		return err
	}
	start := time.Now()
	var pages []*frame.Page
	var failed []string
	for _, q := range qs {
		f, warns, err := layout.Compose(layout.Input{Quote: q, Brand: brand}, l, th, reg)
		for _, w := range warns {
			e.warn(w)
		}
		if err != nil {
			failed = append(failed, "  "+err.Error())
			continue
		}
		pages = append(pages, f)
	}
	if len(pages) > 0 {
		doc, err := press.PDF(pages, e.meta(brand, qs))
		if err != nil {
			return err
		}
		if out == "" {
			out = filepath.Join(dir, "placards-"+strings.TrimPrefix(l.Name, "placard-")+".pdf")
		}
		if err := outfile.Write(out, doc); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %d placards of %s, capitals at least %.1f cm tall for reading from %g m (%s)\n",
			out, len(pages), l.SizeLabel(), l.Distance*0.25, l.Distance, time.Since(start).Round(time.Millisecond))
	}
	if len(failed) > 0 {
		return &reported{fmt.Sprintf("%d of %d placards could not be set large enough:\n%s\nGive those quotes a shorter excerpt (see docs/dataset.md), or use a bigger placard or a shorter --distance.",
			len(failed), len(qs), strings.Join(failed, "\n"))}
	}
	return nil
}

// parseMetres reads "10m", "10 m" or "10".
func parseMetres(s string) (float64, error) {
	v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.ToLower(s)), "m"))
	var d float64
	if _, err := fmt.Sscanf(v, "%g", &d); err != nil || d <= 0 || d > 100 {
		return 0, fmt.Errorf("write a distance in metres such as 10m")
	}
	return d, nil
}

// tileOptions reads the sheet paper (named by flag in messages) and
// --overlap.
func (e *env) tileOptions(flag, paper string) (impose.TileOptions, error) {
	w, h, name, err := press.SheetPortrait(paper)
	if err != nil {
		return impose.TileOptions{}, usagef("%s: %v", flag, err)
	}
	ov, err := parseMM(e.opts.overlap)
	if err != nil {
		return impose.TileOptions{}, usagef("--overlap %s: %v", e.opts.overlap, err)
	}
	return impose.TileOptions{SheetW: w, SheetH: h, Overlap: ov, Paper: name}, nil
}

// tiledNote says how a tiled poster is laid out and printed.
func tiledNote(g impose.Grid, paper string) string {
	return fmt.Sprintf("%d × %d sheets of %s, overlapping %.0f mm; page 1 maps how they go together. Print single-sided at actual size (100%%).",
		g.Rows, g.Cols, paper, g.Overlap/(72/25.4))
}
