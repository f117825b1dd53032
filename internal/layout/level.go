package layout

import "math"

// Facing pages end level where the quotes allow. Quotes are never split to
// fill a page (only one taller than a page flows on), so a page usually
// ends short of its text area's foot by less than the next quote, and
// pages facing each other end at different heights. Levelling widens the
// gaps between the quotes of a page, each by the same amount and by at
// most maxStretch times the layout's gap, so that the page ends at the
// foot of its text area; where one page of a spread cannot reach the foot,
// the other stops at the same height, and both end level. The last page of
// the flow ends where its quotes end, as the last page of a chapter does;
// a page with one quote, or a page for each quote, is left as it is.

// maxStretch is how much a gap may grow, in multiples of the layout's gap:
// up to three gaps between two quotes still reads as one list (looked at
// on the default booklet, where it levels every spread but the last to
// within a line).
const maxStretch = 2

// level returns, for each of pages, how much to widen each of its gaps.
// Pages are whole spreads of the flow, in order (a spread is an even, left,
// page and the odd page after it; the flow's first page may be a right page
// alone), and the last of them is the flow's last page when ends.
func (p *paginator) level(pages []flowPage, ends bool) []float64 {
	extra := make([]float64, len(pages))
	if p.perPage {
		return extra
	}
	// natural is how far down the text area a page's quotes end; most how
	// far its gaps can take it.
	natural := make([]float64, len(pages))
	most := make([]float64, len(pages))
	gaps := make([]int, len(pages))
	for i, fp := range pages {
		if len(fp.slots) == 0 {
			continue
		}
		last := fp.slots[len(fp.slots)-1]
		natural[i] = last.top + last.s.h - fp.box.Y
		for _, sl := range fp.slots {
			if sl.gap {
				gaps[i]++
			}
		}
		most[i] = natural[i]
		if !ends || i < len(pages)-1 {
			most[i] = math.Min(fp.box.H, natural[i]+float64(gaps[i])*maxStretch*p.gap)
		}
	}
	// facing is the index of the page facing page i among pages, or -1.
	facing := func(i int) int {
		j := i + 1
		if pages[i].n%2 == 1 {
			j = i - 1
		}
		if j < 0 || j >= len(pages) || pages[j].n != pages[i].n+(j-i) {
			return -1
		}
		return j
	}
	for i := range pages {
		if gaps[i] == 0 {
			continue
		}
		target := most[i]
		// Level with the facing page, unless it is the flow's last (which
		// ends where its quotes do): as far as both can reach.
		j := facing(i)
		if j >= 0 && !(ends && (j == len(pages)-1 || i == len(pages)-1)) {
			target = math.Max(natural[i], math.Min(most[i], most[j]))
		}
		extra[i] = math.Max(0, target-natural[i]) / float64(gaps[i])
	}
	return extra
}
