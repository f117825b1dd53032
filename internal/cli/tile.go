package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/render/pdf"
)

func init() {
	register(&command{
		name:    "tile",
		summary: "split any PDF poster over A4 or Letter sheets, with overlap, cut marks and a map",
		usage:   "tile IN.pdf [--sheet a4|letter] [--overlap 10mm] [--page N] [--out FILE]",
		examples: []string{
			"broadside tile output/poster-a1.pdf",
			"broadside tile big-banner.pdf --sheet letter --overlap 15mm",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.sheet, "sheet", "a4", "`PAPER` to print on: a4 or letter")
			fs.StringVar(&o.overlap, "overlap", "10mm", "`LENGTH` neighbouring sheets share, for gluing")
			fs.IntVar(&o.page, "page", 1, "which `PAGE` of the PDF to tile")
			fs.StringVar(&o.out, "out", "", "the tiled PDF `FILE` (default IN-tiled-<paper>.pdf beside IN.pdf)")
		},
		run:      runTile,
		ownFlags: true,
	})
}

func runTile(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return usagef("name the PDF to tile, e.g. broadside tile poster.pdf")
	}
	in := args[0]
	if st, err := os.Stat(in); err != nil {
		return fmt.Errorf("%s does not exist", in)
	} else if st.IsDir() {
		return fmt.Errorf("%s is a folder; name a PDF file", in)
	}
	opt, err := e.tileOptions("--sheet", e.opts.sheet)
	if err != nil {
		return err
	}
	reg, err := e.p.Fonts()
	if err != nil {
		return err
	}
	// Reading other people's PDFs is the one step that can stall on a
	// damaged file; give it a deadline rather than hang.
	type result struct {
		doc []byte
		g   impose.Grid
		err error
	}
	done := make(chan result, 1)
	go func() {
		sheets, g, err := press.TilePDF(in, e.opts.page, opt, reg)
		if err != nil {
			done <- result{err: err}
			return
		}
		doc, err := press.PDF(sheets, pdf.Meta{Title: filepath.Base(in) + " tiled on " + opt.Paper, Creator: "broadside", Date: project.BuildDate()})
		done <- result{doc, g, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(2 * time.Minute):
		return fmt.Errorf("reading %s took over two minutes; the file may be damaged: open it and save it again as PDF", in)
	}
	if r.err != nil {
		return r.err
	}
	doc, g := r.doc, r.g
	out := e.opts.out
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + "-tiled-" + strings.ToLower(e.opts.sheet) + ".pdf"
	}
	if err := outfile.Write(out, doc); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", out, tiledNote(g, opt.Paper))
	return nil
}
