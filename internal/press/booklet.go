// Package press makes the print documents: it composes booklets, leaflets
// and posters with the layout engine, imposes them for the printer that
// will print them, and writes the PDF.
package press

import (
	"bytes"
	"fmt"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
)

// Impositions of a booklet.
const (
	Reading   = "none"   // pages in reading order, one per PDF page
	Saddle    = "saddle" // two pages per sheet side, for folding and stapling
	PrintShop = "print-shop"
)

// Booklet is what a booklet needs.
type Booklet struct {
	Layout *layout.Layout
	Theme  *layout.Theme
	Fonts  *font.Registry
	Brand  layout.Brand
	Quotes []quote.Quote
	Meta   pdf.Meta
	// Previews keeps the pages drawn in Made.Drawn, for previews drawn
	// from the same pictures as the PDF (the studio). Without it they are
	// let go once written into the PDF, before it is finished: a booklet of
	// 7,500 quotes' pages are tens of megabytes (docs/performance.md).
	Previews bool
}

// Made is a rendered document and facts to tell the user.
type Made struct {
	PDF []byte
	// Pages is the number of booklet pages (after padding, for saddle).
	Pages int
	// Sheets is the number of PDF pages: sheet sides when imposed.
	Sheets int
	// Scale is below 1 when imposed pages were shrunk to fit the sheet.
	Scale float64
	// Drawn are the PDF's pages, for previews drawn from the
	// same pictures the PDF was written from; only with Booklet.Previews.
	Drawn []*frame.Page
}

// Make renders the booklet in one imposition. sheet names the paper for
// saddle ("" for the layout's own); creep is in points per sheet. Warnings
// about the pages (an image too small for print, say) come back even when
// the booklet fails.
func (b *Booklet) Make(mode, sheet string, creep float64) (*Made, []string, error) {
	bk, warns, err := layout.ComposeBooklet(b.Quotes, b.Brand, b.Layout, b.Theme, b.Fonts, mode == PrintShop)
	if err != nil {
		return nil, warns, err
	}
	made, err := b.impose(bk, mode, sheet, creep)
	return made, warns, err
}

// impose places the booklet's pages as mode says and writes the PDF.
func (b *Booklet) impose(bk *layout.Booklet, mode, sheet string, creep float64) (*Made, error) {
	doc := pdf.Doc{Meta: b.Meta}
	for _, m := range bk.Marks {
		doc.Outline = append(doc.Outline, pdf.Bookmark{Title: m.Title, Page: m.Page, Level: m.Level, Y: m.Y})
	}
	made := &Made{Scale: 1}
	switch mode {
	case Reading:
		doc.Pages = bk.Pages
		made.Pages = len(bk.Pages)
	case PrintShop:
		for _, p := range bk.Pages {
			doc.Pages = append(doc.Pages, impose.PrintShop(p))
		}
		made.Pages = len(bk.Pages)
	case Saddle:
		if sheet == "" {
			sheet = b.Layout.Sheet
		}
		w, h, err := impose.SheetSize(sheet)
		if err != nil {
			return nil, err
		}
		sheets, scale, err := impose.Saddle(bk.Pages, impose.Options{SheetW: w, SheetH: h, Creep: creep})
		if err != nil {
			return nil, err
		}
		// Saddle pads the pages to a multiple of four, two to a side.
		doc.Pages, made.Scale, made.Pages = sheets, scale, 2*len(sheets)
		// Sheets mix pages from all over the booklet, so an outline would
		// jump about; the reading-order file has it.
		doc.Outline = nil
	default:
		return nil, fmt.Errorf("%q is not an imposition; use none or saddle", mode)
	}
	made.Sheets = len(doc.Pages)
	if b.Previews {
		made.Drawn = doc.Pages
	} else {
		// Nothing else holds the pages while they are written, so
		// pdf.Write can let each go once it is in the PDF.
		bk.Pages, doc.Consume = nil, true
	}
	out, err := write(doc)
	if err != nil {
		return nil, err
	}
	made.PDF = out
	return made, nil
}

// write renders doc as PDF bytes.
func write(doc pdf.Doc) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
