package impose

import (
	"fmt"

	"github.com/broadside/broadside/internal/frame"
)

// Crop marks: how far from the trim edge they start (beyond the bleed), how
// long they are, and how thick. Registration black prints on every plate.
const (
	markGap    = 2 * mm // points between the bleed and a mark
	markLength = 6 * mm
	markWidth  = 0.25
)

// PrintShop places a page (composed with its bleed, page.Bleed) on a sheet
// big enough for crop marks outside the bleed, and names the trim and bleed
// boxes, so a print shop can print and cut it as it comes.
func PrintShop(page *frame.Page) *frame.Page {
	bleed, w, h := page.Bleed, page.W(), page.H()
	slug := bleed + markGap + markLength + 2
	sheet := frame.NewPage(w+2*slug, h+2*slug, page.Label)
	trim := frame.Rect{X: slug, Y: slug, W: w, H: h}
	bl := frame.Rect{X: slug - bleed, Y: slug - bleed, W: w + 2*bleed, H: h + 2*bleed}
	sheet.Boxes = &frame.Boxes{Trim: trim, Bleed: bl}
	sheet.Add(&frame.Group{X: slug, Y: slug, Clip: bl, Frame: page.Frame})
	sheet.Add(cornerMarks(trim, bleed+markGap, markLength, markWidth, frame.Color{A: 255})...)
	return sheet
}

// SheetSize returns a named sheet's size in points, landscape.
func SheetSize(name string) (w, h float64, err error) {
	switch name {
	case "a4":
		return 297 * mm, 210 * mm, nil
	case "letter":
		return 11 * 72, 8.5 * 72, nil
	}
	return 0, 0, fmt.Errorf("%q is not a sheet; use a4 or letter", name)
}
