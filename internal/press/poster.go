package press

import (
	"bytes"
	"fmt"
	"image"
	"math"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
	bpng "github.com/broadside/broadside/internal/render/png"
	"github.com/broadside/broadside/internal/text"
)

// Poster is what a poster needs.
type Poster struct {
	Layout *layout.Layout
	Theme  *layout.Theme
	Fonts  *font.Registry
	Brand  layout.Brand
	Quote  quote.Quote
	Meta   pdf.Meta
}

// PreviewWidth is the width in pixels of a poster's PNG preview.
const PreviewWidth = 1200

// Compose sets the poster, and returns it with warnings about it.
func (p *Poster) Compose() (*frame.Page, []string, error) {
	return layout.Compose(layout.Input{Quote: p.Quote, Brand: p.Brand}, p.Layout, p.Theme, p.Fonts)
}

// PDF writes pages as a PDF.
func PDF(pages []*frame.Page, meta pdf.Meta) ([]byte, error) {
	return write(pdf.Doc{Pages: pages, Meta: meta})
}

// Preview renders a page to PNG, width pixels wide, from the same page as
// the PDF.
func Preview(p *frame.Page, width int) ([]byte, image.Image, error) {
	img, err := bpng.New().Render(p, float64(width)/p.W())
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := bpng.Encode(&buf, img); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), img, nil
}

// TileFrame splits a poster page over sheets (map first).
func TileFrame(p *frame.Page, opt impose.TileOptions, reg *font.Registry) ([]*frame.Page, impose.Grid, error) {
	f := p.Frame
	src := func(dx, dy, scale float64) frame.Item { return &frame.Group{X: dx, Y: dy, Scale: scale, Frame: f} }
	tx, err := Texter(reg)
	if err != nil {
		return nil, impose.Grid{}, err
	}
	return impose.Tile(f.W, f.H, src, tx, opt)
}

// Texter sets labels for tiled sheets in Inter.
func Texter(reg *font.Registry) (impose.Texter, error) {
	regular, err := reg.Lookup("Inter", 400, false)
	if err != nil {
		return nil, err
	}
	bold, err := reg.Lookup("Inter", 700, false)
	if err != nil {
		return nil, err
	}
	return func(s string, x, y, size float64, isBold bool, c frame.Color) []frame.Item {
		f := regular
		if isBold {
			f = bold
		}
		p, err := text.NewPara(s, text.Style{Chain: reg.ChainFor(f, "")})
		if err != nil {
			return nil
		}
		lines, _ := p.Lines(size, math.Inf(1), text.Ragged, 0)
		var out []frame.Item
		for _, ln := range lines {
			for _, run := range p.Set(ln, size, x, y, math.Inf(1), text.Left, c) {
				out = append(out, run)
			}
		}
		return out
	}, nil
}

// SheetPortrait returns a sheet's portrait size in points.
func SheetPortrait(name string) (w, h float64, paper string, err error) {
	lw, lh, err := impose.SheetSize(name)
	if err != nil {
		return 0, 0, "", err
	}
	paper = map[string]string{"a4": "A4", "letter": "Letter"}[name]
	return lh, lw, paper, nil
}

// TilePDF splits page (1-based) of any PDF file over sheets (map first).
func TilePDF(file string, page int, opt impose.TileOptions, reg *font.Registry) ([]*frame.Page, impose.Grid, error) {
	sizes, err := pdf.PageSizes(file)
	if err != nil {
		return nil, impose.Grid{}, err
	}
	if page < 1 || page > len(sizes) {
		return nil, impose.Grid{}, fmt.Errorf("%s has %d pages; there is no page %d", file, len(sizes), page)
	}
	w, h := sizes[page-1][0], sizes[page-1][1]
	src := func(dx, dy, scale float64) frame.Item {
		return &frame.PDFPage{X: dx, Y: dy, W: w * scale, H: h * scale, File: file, Page: page}
	}
	tx, err := Texter(reg)
	if err != nil {
		return nil, impose.Grid{}, err
	}
	return impose.Tile(w, h, src, tx, opt)
}
