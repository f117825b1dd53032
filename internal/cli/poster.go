package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/project"
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
			fs.StringVar(&o.tile, "tile", "", "also split the poster over `PAPER` sheets: a4, letter, or auto (letter for US sizes); only a poster larger than the sheet is split")
			fs.StringVar(&o.overlap, "overlap", "10mm", "`LENGTH` neighbouring tiles share, for gluing")
			fs.StringVar(&o.out, "out", "", "the PDF `FILE`, for one layout (default output/<layout>.pdf; the preview and tiles go beside it)")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; poster takes only options", args[0])
			}
			_, err := e.posters(defaultOut, e.opts.out)
			return err
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
			_, err := e.placards(defaultOut, e.opts.out)
			return err
		},
	})
}

// posterBrand is the campaign's brand with the event and URL of the flags.
func (e *env) posterBrand() (layout.Brand, error) {
	b, err := e.p.Brand()
	if err != nil {
		return b, err
	}
	conf, _ := e.p.Campaign()
	b.Event = layout.Event{
		Title: firstOf(e.opts.eventTitle, conf.Event.Title),
		Date:  firstOf(e.opts.eventDate, conf.Event.Date),
		Place: firstOf(e.opts.eventPlace, conf.Event.Place),
	}
	// Messages about these name the flag that set them.
	b.Flags = map[string]string{}
	for field, v := range map[string]string{"event-title": e.opts.eventTitle, "event-date": e.opts.eventDate, "event-place": e.opts.eventPlace, "url": e.opts.url} {
		if v != "" {
			b.Flags[field] = "--" + field
		}
	}
	if e.opts.url != "" {
		if !strings.HasPrefix(e.opts.url, "http://") && !strings.HasPrefix(e.opts.url, "https://") {
			return b, usagef("--url %s: write the address in full, e.g. https://example.org", e.opts.url)
		}
		b.URL = e.opts.url
	}
	return b, nil
}

// posters renders the chosen posters, their previews and their tiles, and
// returns how many posters it made; one that fails does not stop the
// others.
func (e *env) posters(dir, out string) (int, error) {
	conf, err := e.p.Campaign()
	if err != nil {
		return 0, err
	}
	choices, err := e.layoutChoices(conf.Poster.Pos, "poster.layouts", conf.Poster.Layouts, out, "poster-a3")
	if err != nil {
		return 0, err
	}
	landscape := e.opts.landscape || conf.Poster.Landscape
	th, err := e.theme(conf.Poster.Pos, "poster.theme", conf.Poster.Theme, "print")
	if err != nil {
		return 0, err
	}
	tile := strings.ToLower(firstOf(e.opts.tile, conf.Poster.Tile))
	if _, given := conf.Poster.Pos.Keys["tile"]; !given && tile == "" {
		tile = "auto" // as the built-in campaign does; tile: "" for none
	}
	switch tile {
	case "", "auto":
	default:
		if _, err := e.tileOptions("--tile", tile); err != nil {
			return 0, err
		}
	}
	q, err := e.p.PosterQuote("--quote", e.opts.quotes)
	if err != nil {
		return 0, err
	}
	reg, err := e.p.Fonts()
	if err != nil {
		return 0, err
	}
	brand, err := e.posterBrand()
	if err != nil {
		return 0, err
	}
	pj := posterJob{theme: th, quote: q, fonts: reg, brand: brand, dir: dir, out: out, tile: tile}
	n := 0
	var errs []error
	for _, c := range choices {
		if landscape && !strings.HasSuffix(c.Value, "-landscape") {
			c.Value += "-landscape"
		}
		if err := e.poster(c, pj); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// posterJob is what every poster of a run shares.
type posterJob struct {
	theme    *layout.Theme
	quote    quote.Quote
	fonts    *font.Registry
	brand    layout.Brand
	dir, out string
	tile     string // a paper to tile on, or ""
	tileOpt  impose.TileOptions
}

// poster makes the poster of layout c, its preview and, when the job
// tiles, its tiles.
func (e *env) poster(c project.Choice, pj posterJob) error {
	th, q, reg, brand, dir, out := pj.theme, pj.quote, pj.fonts, pj.brand, pj.dir, pj.out
	l, err := e.p.Layout(c, "a poster", "poster")
	if err != nil {
		return err
	}
	start := time.Now()
	p := &press.Poster{Layout: l, Theme: th, Fonts: reg, Brand: brand, Quote: q, Meta: project.Meta(brand, []quote.Quote{q})}
	f, warns, err := p.Compose()
	for _, w := range warns {
		e.p.Warn(w)
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
	if pj.tile == "" {
		return nil
	}
	tile := pj.tile
	if tile == "auto" {
		tile = autoPaper(l)
	}
	tileOpt, err := e.tileOptions("--tile", tile)
	if err != nil {
		return err
	}
	if !largerThan(l.W(), l.H(), tileOpt) {
		fmt.Fprintf(e.stdout, "%s: fits on one sheet of %s, so it is not tiled\n", path, tileOpt.Paper)
		return nil
	}
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
	return nil
}

// autoPaper is the sheet a poster is tiled on when the campaign does not
// say: Letter for US sizes (whose sides are whole quarter inches: Tabloid,
// Arch D), A4 for the others.
func autoPaper(l *layout.Layout) string {
	quarters := func(pt float64) bool {
		q := pt / 18 // a quarter inch is 18 points
		return math.Abs(q-math.Round(q)) < 0.01
	}
	if quarters(l.W()) && quarters(l.H()) {
		return "letter"
	}
	return "a4"
}

// largerThan reports whether a w × h poster is larger than the sheet of
// opt either way round, so that tiling it takes more than one sheet.
func largerThan(w, h float64, opt impose.TileOptions) bool {
	const slack = 0.5 // points
	fits := func(sw, sh float64) bool { return w <= sw+slack && h <= sh+slack }
	return !fits(opt.SheetW, opt.SheetH) && !fits(opt.SheetH, opt.SheetW)
}

// placards renders one placard per selected quote; a quote that cannot be
// set large enough is reported, and the others are still printed.
func (e *env) placards(dir, out string) (int, error) {
	conf, err := e.p.Campaign()
	if err != nil {
		return 0, err
	}
	l, err := e.p.Layout(project.Pick("--layout", e.opts.layout, conf.Placards.Pos, "layout", "placards.layout", conf.Placards.Layout, "placard-a3"), "a placard", "placard")
	if err != nil {
		return 0, err
	}
	d := conf.Placards.Distance
	if e.opts.distance != "" {
		if d, err = parseMetres(e.opts.distance); err != nil {
			return 0, usagef("--distance %s: %v", e.opts.distance, err)
		}
	}
	if d > 0 {
		c := *l
		c.Distance = d
		l = &c
	}
	th, err := e.theme(conf.Placards.Pos, "placards.theme", conf.Placards.Theme, "print")
	if err != nil {
		return 0, err
	}
	qs, err := e.selected()
	if err != nil {
		return 0, err
	}
	reg, brand, err := e.p.FontsAndBrand()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	var pages []*frame.Page
	var failed []string
	for _, q := range qs {
		f, warns, err := layout.Compose(layout.Input{Quote: q, Brand: brand}, l, th, reg)
		for _, w := range warns {
			e.p.Warn(w)
		}
		if err != nil {
			failed = append(failed, "  "+err.Error())
			continue
		}
		pages = append(pages, f)
	}
	made := 0
	if len(pages) > 0 {
		doc, err := press.PDF(pages, project.Meta(brand, qs))
		if err != nil {
			return 0, err
		}
		if out == "" {
			out = filepath.Join(dir, "placards-"+strings.TrimPrefix(l.Name, "placard-")+".pdf")
		}
		if err := outfile.Write(out, doc); err != nil {
			return 0, err
		}
		made = 1
		fmt.Fprintf(e.stdout, "%s: %s of %s, capitals at least %.1f cm tall for reading from %g m (%s)\n",
			out, count(len(pages), "placard"), l.SizeLabel(), l.Distance*0.25, l.Distance, time.Since(start).Round(time.Millisecond))
	}
	if len(failed) > 0 {
		// Each line says what would fix that quote (fiterror.go): an
		// excerpt, a shorter one, a larger placard or a shorter distance.
		return made, &reported{fmt.Sprintf("%d of %s could not be made:\n%s",
			len(failed), count(len(qs), "placard"), strings.Join(failed, "\n"))}
	}
	return made, nil
}

// tileOptions reads the sheet paper (named by flag in messages) and
// --overlap.
func (e *env) tileOptions(flag, paper string) (impose.TileOptions, error) {
	w, h, name, err := press.SheetPortrait(strings.ToLower(paper))
	if err != nil {
		return impose.TileOptions{}, usagef("%s: %v", flag, err)
	}
	ov, err := parseMM(e.opts.overlap)
	if err != nil {
		return impose.TileOptions{}, usagef("--overlap %s: %v", e.opts.overlap, err)
	}
	// No --overlap (build has none) is the default overlap; --overlap 0
	// is none.
	return impose.TileOptions{SheetW: w, SheetH: h, Overlap: ov, NoOverlap: e.opts.overlap != "" && ov == 0, Paper: name}, nil
}

// tiledNote says how a tiled poster is laid out and printed.
func tiledNote(g impose.Grid, paper string) string {
	overlap := "edge to edge"
	if g.Overlap > 0 {
		overlap = "overlapping " + mmOf(g.Overlap) + " mm"
	}
	return fmt.Sprintf("%d × %d sheets of %s, %s; page 1 maps how they go together. Print single-sided at actual size (100%%).",
		g.Rows, g.Cols, paper, overlap)
}
