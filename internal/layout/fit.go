package layout

import (
	"math"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/text"
)

// fit chooses the largest fit parameter t at which items fit box, leaves
// every item set at it, and returns them fitted. A hanging mark may use the
// margin up to the safe area, no further. When even t = 0 does not fit,
// text of the campaign's settings gives way (giveway.go) and the items are
// fitted again; the warnings say what was left out. When nothing can give
// way, it returns a *FitError naming the region r, what made it fail and
// what would fix it. The fitted stack is nil when every item gave way.
func (c *composer) fit(r *Region, items []item, box frame.Rect) (*fitted, []string, error) {
	a := area{box: box, hang: math.Max(0, box.X-c.l.Safe.Left*c.scale), placard: c.l.Kind == "placard"}
	g := &gaveWay{c: c}
	for {
		s, fail := fitItems(items, a)
		if s != nil {
			return s, g.warnings(), nil
		}
		less, ok, err := g.giveWay(items, fail.item)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			return nil, nil, c.fitError(r, items, a, fail)
		}
		if items = less; len(items) == 0 {
			return nil, g.warnings(), nil
		}
	}
}

// failure is why items do not fit even at t = 0: they are over points
// too tall, or item (its index) could not be set at all, word then being
// a word too wide for the box, when that is why.
type failure struct {
	over float64
	item int
	word string
}

// fitItems finds the largest t at which items fit a, as fit does, or
// says why they do not fit at t = 0.
func fitItems(items []item, a area) (*fitted, failure) {
	if a.placard {
		// A placard takes its measure (measure.go); when no size fits,
		// the search below says why.
		if h, ok := fitMeasure(items, a); ok {
			return &fitted{items: items, box: a.box, h: h}, failure{}
		}
	}
	// The last try is remembered: the search usually ends on it, and then
	// the items are already set at the chosen t.
	lastT, last := math.NaN(), failure{}
	lastH := 0.0
	fits := func(t float64) bool {
		h, failed, word, ok := measure(items, t, a)
		lastT, lastH, last = t, h, failure{over: h - a.box.H, item: failed, word: word}
		return ok && h <= a.box.H+1e-6
	}
	t, ok := text.Fit(fits, 16)
	if !ok {
		return nil, last
	}
	h := lastH
	if t != lastT {
		h, _, _, _ = measure(items, t, a)
	}
	return &fitted{items: items, box: a.box, h: h}, failure{}
}

// measure sets every item at t and returns the stack's height, spaces
// included. It stops at the first item that cannot be set, and returns
// its index (failed; -1 when every item could be set) and what it said:
// ok false, and maybe a word too wide for the box.
func measure(items []item, t float64, a area) (h float64, failed int, word string, ok bool) {
	for i, it := range items {
		h += it.head().before
		ih, word, ok := it.height(t, a)
		if !ok {
			return ih, i, word, false
		}
		h += ih
	}
	return h, -1, "", true
}
