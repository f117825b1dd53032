package text

import "math"

// Item is what the line breaker sees of a word: widths only, no fonts, so
// its tests are tables of numbers. A line may end after any item.
type Item struct {
	// W is the width of the item's visible content.
	W float64
	// Space is the width of the space after it, which counts only when the
	// line goes on after the item.
	Space float64
	// Forced means the line must end after this item (a hard line break).
	Forced bool
	// Hyphen means the item ends in a hyphen ("full-" of "full-scale"):
	// a line may end there, at a small cost, since a compound split over
	// two lines reads less well.
	Hyphen bool
	// Split means a line may end after the item only by breaking a word
	// that is wider than the measure (Para.LinesAnywhere): a last resort,
	// costly, so a word is broken as few times as it can be.
	Split bool
}

// Mode chooses what the breaker optimises.
type Mode int

const (
	// Ragged fills lines evenly and leaves the last line free, as for running
	// text; it still refuses a one-word last line when it can.
	Ragged Mode = iota
	// Balanced makes all lines, the last included, as equal as it can, as
	// for display text on cards and posters.
	Balanced
)

// Options tune Break.
type Options struct {
	Mode Mode
	// MaxLines bounds the number of lines; 0 means no bound.
	MaxLines int
	// FirstIndent narrows (positive) or widens (negative, for a hanging
	// mark) the first line.
	FirstIndent float64
}

// Costs are in units of the measure squared, so they compare with squared
// slack whatever the unit of width.
const (
	oneWordLastLine = 1e4 // a widow: avoided whenever any other break works
	shortLastLine   = 4   // a last line shorter than a fifth of the measure
	// perLine keeps the breaker from buying a slightly smoother rag with an
	// extra line, which a fitted text box cannot afford.
	perLine = 0.05
	// hyphenEnd is the cost of ending a line inside a hyphenated compound.
	hyphenEnd = 0.1
	// splitEnd is the cost of ending a line inside a word broken as a
	// last resort: more than any rag, less than a widow.
	splitEnd = 2
)

// Break chooses where lines end so the whole paragraph, not just each line,
// looks even: a small dynamic programme over every feasible break (Knuth and
// Plass, without stretchable glue, since the text is set ragged). It returns
// the index just past the last item of each line. ok is false when some item
// is wider than the measure, or when the text needs more than MaxLines lines;
// the lines returned are then the best it could do, for reporting.
func Break(items []Item, width float64, opt Options) (ends []int, ok bool) {
	n := len(items)
	if n == 0 {
		return nil, true
	}
	if width <= 0 {
		return []int{n}, false
	}
	if math.IsInf(width, 1) {
		// No measure: lines end only where the text breaks them.
		for i, it := range items {
			if it.Forced || i == n-1 {
				ends = append(ends, i+1)
			}
		}
		return ends, true
	}
	// prefix[i] = sum of W and Space of items[:i].
	prefix := make([]float64, n+1)
	for i, it := range items {
		prefix[i+1] = prefix[i] + it.W + it.Space
	}
	lineW := func(i, j int) float64 { return prefix[j] - prefix[i] - items[j-1].Space }
	measure := func(i int) float64 {
		if i == 0 {
			return width - opt.FirstIndent
		}
		return width
	}

	// lineCost is the cost of a line of items[i:j]; the caller has checked
	// that it fits.
	lineCost := func(i, j int) float64 {
		m := measure(i)
		w := lineW(i, j)
		last := j == n
		slack := (m - w) / width
		var c float64
		switch {
		case last && opt.Mode == Ragged:
			c = 0
		case items[j-1].Forced && opt.Mode == Ragged:
			c = 0 // a line ended by hand is as long as its author wanted
		default:
			c = slack * slack
		}
		if !last && items[j-1].Hyphen {
			c += hyphenEnd
		}
		if !last && items[j-1].Split {
			c += splitEnd
		}
		if last || items[j-1].Forced {
			if j-i == 1 && i > 0 && !items[i-1].Forced {
				c += oneWordLastLine
			} else if w < 0.2*m && i > 0 {
				short := 0.2 - w/m
				c += shortLastLine * short * short * 25
			}
		}
		return c + perLine
	}
	// extend tries every line starting at i; lines get wider as j grows,
	// so the first that does not fit ends the search.
	extend := func(i int, fn func(j int, c float64)) {
		for j := i + 1; j <= n; j++ {
			if j-1 > i && items[j-2].Forced || lineW(i, j) > measure(i)+1e-9 {
				return // a hard break inside the line, or too wide
			}
			fn(j, lineCost(i, j))
		}
	}
	inf := math.Inf(1)

	if opt.MaxLines <= 0 {
		// No bound on lines: one cost per break position.
		cost := make([]float64, n+1)
		from := make([]int32, n+1)
		for j := 1; j <= n; j++ {
			cost[j] = inf
		}
		for i := 0; i < n; i++ {
			if cost[i] == inf {
				continue
			}
			extend(i, func(j int, c float64) {
				if c += cost[i]; c < cost[j] {
					cost[j], from[j] = c, int32(i)
				}
			})
		}
		if cost[n] == inf {
			return greedy(items, width, opt), false
		}
		for j := n; j > 0; j = int(from[j]) {
			ends = append(ends, j)
		}
		for a, b := 0, len(ends)-1; a < b; a, b = a+1, b-1 {
			ends[a], ends[b] = ends[b], ends[a]
		}
		return ends, true
	}

	maxLines := opt.MaxLines
	if maxLines > n {
		maxLines = n
	}
	// cost[k][j]: least cost of setting items[:j] in exactly k lines.
	cost := make([][]float64, maxLines+1)
	from := make([][]int32, maxLines+1)
	for k := range cost {
		cost[k] = make([]float64, n+1)
		from[k] = make([]int32, n+1)
		for j := range cost[k] {
			cost[k][j] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= maxLines; k++ {
		any := false
		for i := 0; i < n; i++ {
			base := cost[k-1][i]
			if base == inf {
				continue
			}
			extend(i, func(j int, c float64) {
				if c += base; c < cost[k][j] {
					cost[k][j], from[k][j] = c, int32(i)
					any = true
				}
			})
		}
		if !any {
			break // nothing is reachable with k lines, so nothing with more
		}
	}
	bestK, best := 0, inf
	for k := 1; k <= maxLines; k++ {
		// Prefer fewer lines when costs tie within rounding.
		if cost[k][n] < best-1e-12 {
			best, bestK = cost[k][n], k
		}
	}
	if bestK == 0 {
		return greedy(items, width, opt), false
	}
	ends = make([]int, bestK)
	j := n
	for k := bestK; k > 0; k-- {
		ends[k-1] = j
		j = int(from[k][j])
	}
	return ends, true
}

// greedy fills each line as far as it goes, even past the measure; it is
// used only to report text that cannot be set.
func greedy(items []Item, width float64, opt Options) []int {
	var ends []int
	w := 0.0
	start := 0
	m := width - opt.FirstIndent
	for i, it := range items {
		if i > start && w+it.W > m {
			ends = append(ends, i)
			start, w, m = i, 0, width
		}
		w += it.W + it.Space
		if it.Forced {
			ends = append(ends, i+1)
			start, w, m = i+1, 0, width
		}
	}
	if start < len(items) {
		ends = append(ends, len(items))
	}
	return ends
}
