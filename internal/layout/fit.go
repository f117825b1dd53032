package layout

import (
	"math"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/text"
)

// fit chooses the largest fit parameter t at which items fit box, leaves
// every item set at it, and returns them fitted. A hanging mark may use the
// margin up to the safe area, no further. When even t = 0 does not fit, it
// returns a *FitError naming the quote (the one an item shows, else
// quoteID), the layout line of r and how much is missing.
func (c *composer) fit(r *Region, items []item, box frame.Rect, quoteID string) (*fitted, error) {
	a := area{box: box, hang: math.Max(0, box.X-c.l.Safe.Left*c.scale)}
	if c.l.Kind == "placard" {
		if h, ok := fitMeasure(items, a); ok {
			return &fitted{items: items, box: box, h: h}, nil
		}
	}
	// The last try is remembered: the search usually ends on it, and then
	// the items are already set at the chosen t.
	lastT, lastH, lastWord := math.NaN(), 0.0, ""
	fits := func(t float64) bool {
		h, word, ok := measure(items, t, a)
		lastT, lastH, lastWord = t, h, word
		return ok && h <= box.H+1e-6
	}
	t, ok := text.Fit(fits, 16)
	h, word := lastH, lastWord
	if t != lastT {
		h, word, _ = measure(items, t, a)
	}
	if !ok {
		return nil, c.fitError(r, items, h-box.H, word, quoteID)
	}
	return &fitted{items: items, box: box, h: h}, nil
}

// measure sets every item at t and returns the stack's height, spaces
// included. It stops at the first item that cannot be set, and returns
// what that item said: ok false, and maybe a word too wide for the box.
func measure(items []item, t float64, a area) (h float64, word string, ok bool) {
	for _, it := range items {
		h += it.head().before
		ih, word, ok := it.height(t, a)
		if !ok {
			return ih, word, false
		}
		h += ih
	}
	return h, "", true
}

// fitError explains why items do not fit r's box even at their smallest:
// over is how much too tall they are in points (infinite when some text
// needs more lines than it may have), word a word too wide for the box.
func (c *composer) fitError(r *Region, items []item, over float64, word, id string) error {
	for _, it := range items {
		if t, ok := it.(*textItem); ok && t.quote != "" {
			id = t.quote
			break
		}
	}
	e := &FitError{Quote: id, Layout: c.l.Name, File: c.l.File, Line: r.Pos.Line, Over: over / c.scale, Unit: c.l.Size.Unit, Word: word}
	if math.IsInf(over, 0) || over <= 0 && word == "" {
		// More lines than max-lines allows: say so rather than "0 too tall".
		e.Over = 0
		e.Why = " (it needs more lines than the layout's max-lines)"
		for _, it := range items {
			if t, ok := it.(*textItem); ok && t.maxLines > 0 {
				e.Line = t.r.Pos.Of("max-lines")
			}
		}
	}
	if c.l.Distance > 0 {
		e.Why += "; placards keep letters large enough to read from " + trim(c.l.Distance) + " m"
		if e.Word != "" {
			e.Why += ", so add a shorter excerpt or choose a larger placard"
		}
	}
	return e
}
