package press

import (
	"fmt"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
)

// Leaflet is what a leaflet or flyer needs: its layout names which of the
// quotes goes where (the first on the cover, and so on).
type Leaflet struct {
	Layout *layout.Layout
	Theme  *layout.Theme
	Fonts  *font.Registry
	Brand  layout.Brand
	Quotes []quote.Quote
	Meta   pdf.Meta
}

// Make renders the sides of the sheet as PDF pages, with the quotes spread
// over the panels when there are fewer than places (spread.go). Warnings
// about them come back even when the leaflet fails.
func (lf *Leaflet) Make() (*Made, []string, error) {
	if len(lf.Quotes) == 0 {
		return nil, nil, fmt.Errorf("a leaflet needs at least one quote")
	}
	in := layout.Input{Quote: lf.Quotes[0], More: lf.Quotes[1:], Brand: lf.Brand}
	sides, warns, err := layout.ComposeSides(in, spread(lf.Layout, len(lf.Quotes), lf.Brand), lf.Theme, lf.Fonts)
	if err != nil {
		return nil, warns, err
	}
	out, err := write(pdf.Doc{Pages: sides, Meta: lf.Meta})
	if err != nil {
		return nil, warns, err
	}
	return &Made{PDF: out, Pages: len(sides), Sheets: len(sides), Scale: 1, Drawn: sides}, warns, nil
}

// Instructions says how to print and fold a leaflet or flyer.
func Instructions(l *layout.Layout) string {
	duplex := "flip on long edge"
	if l.Size.Width > l.Size.Height {
		duplex = "flip on short edge"
	}
	s := fmt.Sprintf("To print: double-sided, %s, actual size (100%%).", duplex)
	if l.Fold == "roll" {
		s += " To fold: lay it inside up, fold the narrow right-hand panel in, then fold the left-hand panel over it; the cover ends up on top."
	}
	return s
}
