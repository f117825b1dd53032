package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
)

func init() {
	register(&command{
		name:    "booklet",
		summary: "make a PDF booklet of the quotes, for home printers or a print shop",
		usage:   "booklet [--layout booklet-a5|booklet-half-letter] [--impose none|saddle] [--sheet a4|letter] [--print-shop] [--creep MM] [--quote id,...] [--tag T] [--out FILE]",
		examples: []string{
			"broadside booklet                                   # A5 pages in reading order",
			"broadside booklet --impose saddle                   # two pages per A4 side, to fold and staple",
			"broadside booklet --layout booklet-half-letter --impose saddle --sheet letter",
			"broadside booklet --print-shop                      # bleed and crop marks for a print shop",
			"broadside booklet --tag journalists --out journalists.pdf",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.layout, "layout", "", "booklet `LAYOUT` (default: the campaign's, else booklet-a5)")
			fs.StringVar(&o.theme, "theme", "", "theme `NAME` (default: the campaign's, else print)")
			fs.StringVar(&o.impose, "impose", "none", "`HOW`: none (pages in reading order) or saddle (for folding and stapling)")
			fs.StringVar(&o.sheet, "sheet", "", "`PAPER` for --impose saddle: a4 or letter (default: the layout's)")
			fs.BoolVar(&o.printShop, "print-shop", false, "trim-size pages with 3 mm bleed and crop marks, for a print shop")
			fs.BoolVar(&o.onePerPage, "one-per-page", false, "give each quote a page of its own, centred, instead of flowing them")
			fs.StringVar(&o.creep, "creep", "", "for thick booklets: move inner pages toward the spine by this `MM` per sheet, e.g. 0.1mm")
			fs.StringVar(&o.out, "out", "", "the PDF `FILE` to write (default output/booklet.pdf, output/booklet-saddle.pdf or output/booklet-print-shop.pdf)")
			o.selection(fs)
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected %q; booklet takes only options", args[0])
			}
			mode := e.opts.impose
			if e.opts.printShop {
				if mode == press.Saddle {
					return usagef("--print-shop gives single trimmed pages, which print shops impose themselves; leave out --impose saddle")
				}
				mode = press.PrintShop
			}
			if mode != press.Reading && mode != press.Saddle && mode != press.PrintShop {
				return usagef("--impose %s: use none or saddle", mode)
			}
			_, err := e.booklet(mode, e.opts.out)
			return err
		},
	})
}

// bookletOut is the default file of each imposition.
func bookletOut(dir, mode string) string {
	switch mode {
	case press.Saddle:
		return filepath.Join(dir, "booklet-saddle.pdf")
	case press.PrintShop:
		return filepath.Join(dir, "booklet-print-shop.pdf")
	}
	return filepath.Join(dir, "booklet.pdf")
}

// booklet renders the booklet in one imposition and says how to print it.
func (e *env) booklet(mode, out string) (string, error) {
	conf, lib, err := e.settings()
	if err != nil {
		return "", err
	}
	name := firstOf(e.opts.layout, conf.Booklet.Layout, "booklet-a5")
	l, err := layoutOf(lib, name, "a booklet", "booklet")
	if err != nil {
		return "", err
	}
	if e.opts.onePerPage {
		c := *l
		fl := *l.Flow
		fl.PerPage = 1
		c.Flow = &fl
		l = &c
	}
	th, err := e.theme(lib, conf.Booklet.Theme, "print")
	if err != nil {
		return "", err
	}
	creep, err := parseMM(e.opts.creep)
	if err != nil {
		return "", usagef("--creep %s: %v", e.opts.creep, err)
	}
	sheet := e.opts.sheet
	if sheet != "" && sheet != "a4" && sheet != "letter" {
		return "", usagef("--sheet %s: use a4 or letter", sheet)
	}
	qs, err := e.selected()
	if err != nil {
		return "", err
	}
	reg, brand, err := e.fontsAndBrand()
	if err != nil {
		return "", err
	}
	if out == "" {
		out = bookletOut(defaultOut, mode)
	}
	start := time.Now()
	b := &press.Booklet{Layout: l, Theme: th, Fonts: reg, Brand: brand, Quotes: qs, Meta: e.meta(brand, qs)}
	made, warns, err := b.Make(mode, sheet, creep)
	for _, w := range warns {
		e.warn(w)
	}
	if err != nil {
		return "", err
	}
	if err := outfile.Write(out, made.PDF); err != nil {
		return "", err
	}
	took := time.Since(start).Round(time.Millisecond)
	switch mode {
	case press.Saddle:
		paper := strings.ToUpper(firstOf(sheet, l.Sheet, "a4"))
		if paper == "LETTER" {
			paper = "Letter"
		}
		fmt.Fprintf(e.stdout, "%s: a booklet of %d pages on %d sheets of %s (%s)\n", out, made.Pages, made.Sheets/2, paper, took)
		if made.Scale < 1 {
			fmt.Fprintf(e.stdout, "note: the pages were scaled to %.0f%% to fit %s; use the layout's own paper for full size\n", made.Scale*100, paper)
		}
		fmt.Fprintf(e.stdout, "To print: double-sided, flip on short edge, actual size (100%%); keep the sheets in order, fold the stack in half and staple on the fold.\n")
	case press.PrintShop:
		fmt.Fprintf(e.stdout, "%s: %d pages of %s with 3 mm bleed and crop marks, fonts embedded (%s)\n", out, made.Pages, l.SizeLabel(), took)
	default:
		fmt.Fprintf(e.stdout, "%s: %d pages of %s in reading order (%s)\n", out, made.Pages, l.SizeLabel(), took)
	}
	return out, nil
}

// meta is the PDF document information of a campaign's documents. The date
// is SOURCE_DATE_EPOCH when set, else a fixed date, so the same inputs give
// the same bytes.
func (e *env) meta(b layout.Brand, qs []quote.Quote) pdf.Meta {
	title := b.Title
	if title == "" {
		title = b.Campaign
	}
	var kw []string
	seen := map[string]bool{}
	for _, h := range b.Hashtags {
		kw, seen[h] = append(kw, h), true
	}
	for _, q := range qs {
		for _, t := range q.Tags {
			if !seen[t] {
				kw, seen[t] = append(kw, t), true
			}
		}
	}
	return pdf.Meta{
		Title:    title,
		Author:   b.Campaign,
		Subject:  b.Tagline,
		Keywords: strings.Join(kw, ", "),
		Creator:  "broadside",
		Lang:     b.Lang,
		Date:     buildDate(),
	}
}

// buildDate is the date written into files: SOURCE_DATE_EPOCH (the
// reproducible-builds convention) or 1 January 2000.
func buildDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// firstOf returns the first non-empty string.
func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// parseMM reads a length like "0.1mm", "0.1" (millimetres) or "0.3pt" and
// returns points.
func parseMM(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	unit := 72 / 25.4
	v := strings.TrimSpace(strings.ToLower(s))
	switch {
	case strings.HasSuffix(v, "mm"):
		v = strings.TrimSuffix(v, "mm")
	case strings.HasSuffix(v, "cm"):
		v, unit = strings.TrimSuffix(v, "cm"), 72/2.54
	case strings.HasSuffix(v, "pt"):
		v, unit = strings.TrimSuffix(v, "pt"), 1
	case strings.HasSuffix(v, "in"):
		v, unit = strings.TrimSuffix(v, "in"), 72
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 0 || f > 1000 {
		return 0, fmt.Errorf("write a length such as 0.1mm")
	}
	return f * unit, nil
}
