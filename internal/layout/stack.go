package layout

import (
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/text"
)

// A stack sets items one under another in a box, all at sizes chosen
// together: one number t from 0 to 1 places every item between its smallest
// and largest size, and the largest t at which everything fits wins. Items
// keep their proportions, and the quote is as large as the box allows.
//
// Composing a stack is a pipeline of three stages, each in its own file:
//
//	prepare  (prepare.go)  regions → items: text broken into words and
//	                       measured once, at 1 em; QR codes encoded
//	fit      (fit.go)      items → the largest t at which they all fit the
//	                       box, each item left set at it
//	place    (place.go)    set items, a box and a top → frame items
//
// The booklet's paginator (flow.go) runs the same stages, with a page's
// room between fit and place.

// item is one thing in a stack, prepared: a paragraph, a quotation mark, a
// rule or a QR code, each a type of its own (items.go). A new kind of item
// is a new type; the stages do not change.
type item interface {
	// head is what every item has: its region and the space above it.
	head() *itemHead
	// height sets the item at fit parameter t in area a and returns its
	// height in points. ok is false when it cannot be set at t; word then
	// names a word wider than the box, when that is why. The item keeps
	// the setting for place.
	height(t float64, a area) (h float64, word string, ok bool)
	// place appends the frame items of the item, as last set, with its
	// top at y in box, to dst. It returns them and the item's height.
	place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64)
}

// itemHead is what every item has.
type itemHead struct {
	// r is the region the item comes from, for messages.
	r *Region
	// before is the space above the item, in points.
	before float64
	align  text.Align
}

// head makes every item that embeds an itemHead answer item.head.
func (h *itemHead) head() *itemHead { return h }

// area is where a stack is fitted: its box, and how far left of the box
// (hangR: right, for right-to-left text) a hanging opening quotation mark
// may reach (the margin, up to the safe area).
type area struct {
	box         frame.Rect
	hang, hangR float64
	// keepWidows lets a one-word last line pass at any size: a placard's
	// search (measure.go) judges its lines itself.
	keepWidows bool
	// placard makes fitting take the placard's measure (measure.go)
	// rather than search for the largest size that fits.
	placard bool
}

// fitted is a stack fitted to its box, ready to place: its items set at
// the chosen t, and the height they take.
type fitted struct {
	items []item
	box   frame.Rect
	h     float64
}

// stack sets items in the box of r, aligned in it vertically as r says (a
// stack centres; a lone region starts at its top), and returns the frame
// items. Items with nothing to show are left out.
func (c *composer) stack(r *Region, items []Region, in *Input) ([]frame.Item, []string, error) {
	s, warns, err := c.fitStack(r, items, in)
	if s == nil || err != nil {
		return nil, warns, err
	}
	return s.place(nil, s.top(r)), warns, nil
}

// top is where the fitted stack starts in its box when aligned as r says.
func (s *fitted) top(r *Region) float64 {
	y := s.box.Y
	valign := r.VAlign
	if valign == "" && r.Type == "stack" {
		valign = "middle"
	}
	switch valign {
	case "middle":
		y += (s.box.H - s.h) / 2
	case "bottom":
		y += s.box.H - s.h
	}
	return y
}

// fitStack prepares and fits the items of a stack in the box of r, with
// warnings about what gave way. It returns nil when no item has anything
// to show.
func (c *composer) fitStack(r *Region, items []Region, in *Input) (*fitted, []string, error) {
	its, err := c.prepareAll(items, r, in)
	if err != nil || len(its) == 0 {
		return nil, nil, err
	}
	return c.fit(r, its, c.box(*r.Box))
}
