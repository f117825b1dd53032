package layout

import (
	"math"

	"github.com/broadside/broadside/internal/text"
)

// A placard is read from afar, a few words to a line, so how its lines
// fall matters more than on any other layout: a short word alone on a line
// ("must", "pas") leaves a hole the eye reads as the end of a thought, and
// the binary search the other layouts use (which assumes that what fits at
// one size fits at every smaller one) can settle far below the size the
// box allows, once a size is refused for its breaks. So a placard tries
// every size, largest first, half a point apart, and takes the largest
// whose balanced lines leave no short word alone; where every readable
// size leaves one, the largest with the fewest. That is the placard's
// measure: its lines fill the width, and the next size up would not fit.

// lonelyShare is how much of the measure a word alone on a line must fill
// not to count as lonely. "whistleblowers" alone fills most of a placard's
// width and reads as a line; "must" alone fills a third and does not.
const lonelyShare = 0.55

// fitMeasure finds the placard's size as described above and leaves the
// items set at it. ok is false when no size fits at all (the caller's
// search then reports why).
func fitMeasure(items []item, a area) (h float64, ok bool) {
	a.keepWidows = true
	steps := 1.0
	for _, it := range items {
		if ti, isText := it.(*textItem); isText {
			steps = math.Max(steps, math.Ceil((ti.max-ti.min)*2))
		}
	}
	steps = math.Min(steps, 1000)
	// Sizes far above the largest at which the text is short enough are
	// not worth breaking: a quick search finds that size, and the scan
	// starts a little above it (more lines can make a larger size fit).
	top := steps
	if t, ok := text.Fit(func(t float64) bool {
		h, _, _, fits := measure(items, t, a)
		return fits && h <= a.box.H+1e-6
	}, 10); ok {
		top = math.Min(steps, math.Ceil((t+0.1)*steps))
	}
	bestT, bestBad := -1.0, math.MaxInt
	for k := top; k >= 0; k-- {
		t := k / steps
		h, _, _, fits := measure(items, t, a)
		if !fits || h > a.box.H+1e-6 {
			continue
		}
		bad := lonelyLines(items, a)
		if bad < bestBad {
			bestT, bestBad = t, bad
		}
		if bad == 0 {
			break
		}
	}
	if bestT < 0 {
		return 0, false
	}
	h, _, _, _ = measure(items, bestT, a)
	return h, true
}

// lonelyLines counts the lines of the quote's text, as last set, that hold
// one word filling less than lonelyShare of the measure, and a last line
// of one word whatever its width. A line ended by hand (a line break in
// the text) is the writer's choice and never counts.
func lonelyLines(items []item, a area) int {
	n := 0
	for _, it := range items {
		ti, ok := it.(*textItem)
		if !ok || ti.quote == "" || len(ti.lines) < 2 {
			continue
		}
		if text.Widow(ti.lines) {
			// Alone on the last line, even a long word reads as left over:
			// "pas. »" under "tairons".
			n++
		}
		for i, ln := range ti.lines {
			if ln.Items != 1 || ln.Forced || i > 0 && ti.lines[i-1].Forced || i == len(ti.lines)-1 {
				continue
			}
			measure := a.box.W
			if i == 0 {
				measure -= ti.indent
			}
			if ln.W*ti.size < lonelyShare*measure {
				n++
			}
		}
	}
	return n
}

// widowRefused reports whether a text item set at t must be refused for a
// one-word last line: everywhere but at the smallest size (there is no
// smaller one to try), unless the caller judges lines itself.
func widowRefused(lines []text.Line, t float64, a area) bool {
	return t > 0 && !a.keepWidows && text.Widow(lines)
}
