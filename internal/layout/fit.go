package layout

import (
	"fmt"
	"math"
	"strings"

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
	a := area{box: box, hang: math.Max(0, box.X-c.l.Safe.Left*c.scale), placard: c.l.Kind == "placard",
		hangR: math.Max(0, c.l.W()-c.l.Safe.Right*c.scale-(box.X+box.W))}
	g := &gaveWay{c: c}
	// Items may come broken anywhere already: a booklet's quote too tall
	// for a page is fitted again to flow over pages (fitLong).
	anywhere := false
	for _, it := range items {
		if t, ok := it.(*textItem); ok && t.anywhere {
			anywhere = true
		}
	}
	for {
		s, fail := fitItems(items, a)
		if s != nil {
			warns := g.warnings()
			if anywhere {
				warns = append(warns, c.splitWarnings(items)...)
			}
			return s, warns, nil
		}
		less, ok, err := g.giveWay(items, fail.item)
		if err != nil {
			return nil, nil, err
		}
		if !ok && fail.word != "" && !anywhere && !a.placard {
			// A word of the quote wider than the box even at the
			// smallest size (a long URL, a chemical name), with nothing
			// left to give way: as a last resort, as CSS's
			// overflow-wrap: anywhere does, break it between two
			// characters, with a warning. Placards refuse instead: their
			// letters must stay large enough to read from afar.
			anywhere = true
			for _, it := range items {
				if t, ok := it.(*textItem); ok {
					t.anywhere = true
				}
			}
			continue
		}
		if !ok {
			// Broken, a word may fit across but the text be too tall:
			// the error then says so.
			return nil, nil, c.fitError(r, items, a, fail)
		}
		if items = less; len(items) == 0 {
			return nil, g.warnings(), nil
		}
	}
}

// splitWarnings says which words of items were broken as a last resort
// (see fit), and where.
func (c *composer) splitWarnings(items []item) []string {
	var out []string
	for _, it := range items {
		t, ok := it.(*textItem)
		if !ok {
			continue
		}
		who := "the text"
		if t.quote != "" {
			who = "quote " + t.quote
		}
		for _, w := range t.splitWords() {
			w = strings.Trim(w, "“”‘’„‚«»‹›\"'「」『』")
			if rs := []rune(w); len(rs) > 40 {
				w = string(rs[:39]) + "…"
			}
			out = append(out, fmt.Sprintf("%s, layout %s (%s:%d): “%s” is wider than its box even at the smallest size, so it is broken across lines",
				who, c.l.Name, c.l.File, t.r.Pos.Line, w))
		}
	}
	return out
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
