package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/gcfloor"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/project"
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
			// A booklet keeps a small heap live while it allocates
			// a great deal: see gcfloor.
			gcfloor.Set(bookletHeapFloor)
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
			// The sheet and creep are those of the imposed booklet; asked
			// for without it they would be silently ignored.
			if mode != press.Saddle {
				for _, f := range []struct{ name, value string }{{"--sheet", e.opts.sheet}, {"--creep", e.opts.creep}} {
					if f.value != "" {
						return usagef("%s %s applies to the booklet imposed for folding; add --impose saddle", f.name, f.value)
					}
				}
			}
			_, err := e.booklet(mode, e.opts.out)
			return err
		},
	})
}

// maxCreep is the most a sheet's pages may move toward the spine: creep
// is about the paper's thickness, 0.05 to 0.3 mm a sheet, so a larger
// value is a slip of the unit (1cm for 0.1mm).
const maxCreep = 1 * 72 / 25.4

// bookletOut is the default file of each imposition.
// bookletHeapFloor is how large the heap may grow before the collector
// runs while a booklet is made (see gcfloor). 48 MB took the 950-page
// one-a-page booklet from 30 collections to a few, its resident set from
// about 60 to 78 MB; 64 MB saved little more CPU and took the 7,500-quote
// booklet to 134-145 MB (the target is 150), 48 MB to 129-138.
const bookletHeapFloor = 48 << 20

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
	// The quotes are read while the settings, layout and theme are: the
	// first use waits for the same result (a 950-quote file takes about
	// 50 ms). Reading them has no effect but the result.
	go e.p.Dataset()
	conf, err := e.p.Campaign()
	if err != nil {
		return "", err
	}
	l, err := e.p.Layout(project.Pick("--layout", e.opts.layout, conf.Booklet.Pos, "layout", "booklet.layout", conf.Booklet.Layout, "booklet-a5"), "a booklet", "booklet")
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
	th, err := e.theme(conf.Booklet.Pos, "booklet.theme", conf.Booklet.Theme, "print")
	if err != nil {
		return "", err
	}
	creep, err := parseMM(e.opts.creep)
	if err != nil {
		return "", usagef("--creep %s: %v", e.opts.creep, err)
	}
	if creep > maxCreep {
		return "", usagef("--creep %s: that moves pages %s mm a sheet; creep is about the paper's thickness, 0.05 to 0.3 mm, and at most %s mm", e.opts.creep, mmOf(creep), mmOf(maxCreep))
	}
	sheet := strings.ToLower(e.opts.sheet)
	if sheet != "" && sheet != "a4" && sheet != "letter" {
		return "", usagef("--sheet %s: use a4 or letter", e.opts.sheet)
	}
	// The fonts the booklet uses are parsed while the quotes are read.
	fontsParsed := make(chan struct{})
	go func() {
		defer close(fontsParsed)
		if reg, err := e.p.Fonts(); err == nil {
			th.Preload(reg, l)
		}
	}()
	qs, err := e.selected()
	<-fontsParsed
	if err != nil {
		return "", err
	}
	reg, brand, err := e.p.FontsAndBrand()
	if err != nil {
		return "", err
	}
	if out == "" {
		out = bookletOut(defaultOut, mode)
	}
	start := time.Now()
	b := &press.Booklet{Layout: l, Theme: th, Fonts: reg, Brand: brand, Quotes: qs, Meta: project.Meta(brand, qs)}
	made, warns, err := b.Make(mode, sheet, creep)
	for _, w := range warns {
		e.p.Warn(w)
	}
	if err != nil {
		// Every problem of the booklet at once, as check lists the
		// dataset's; a booklet with quotes missing is not written.
		if ps := problems(err); len(ps) > 1 {
			return "", &reported{fmt.Sprintf("booklet: %d problems; the booklet was not written:\n  %s", len(ps), strings.Join(ps, "\n  "))}
		}
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
		fmt.Fprintf(e.stdout, "%s: a booklet of %s on %s of %s (%s)\n", out, count(made.Pages, "page"), count(made.Sheets/2, "sheet"), paper, took)
		if made.Scale < 1 {
			fmt.Fprintf(e.stdout, "note: the pages were scaled to %.0f%% to fit %s; use the layout's own paper for full size\n", made.Scale*100, paper)
		}
		fmt.Fprintln(e.stdout, press.SaddleInstructions)
	case press.PrintShop:
		fmt.Fprintf(e.stdout, "%s: %s of %s with 3 mm bleed and crop marks, fonts embedded (%s)\n", out, count(made.Pages, "page"), l.SizeLabel(), took)
	default:
		fmt.Fprintf(e.stdout, "%s: %s of %s in reading order (%s)\n", out, count(made.Pages, "page"), l.SizeLabel(), took)
	}
	return out, nil
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

// problems are the messages of err, one for each error errors.Join put
// in it (and in those it joined), each on one line.
func problems(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, problems(e)...)
		}
		return out
	}
	return []string{strings.ReplaceAll(err.Error(), "\n", " ")}
}
