package bidi

import xbidi "golang.org/x/text/unicode/bidi"

// LineLevels returns the levels of the characters of one line,
// Text[start:end], with rule L1 applied: segment and paragraph separators,
// and whitespace and isolate controls before them or at the end of the
// line, go back to the paragraph level, so trailing spaces sit at the
// paragraph's end edge whatever the direction of the last word.
func (p *Paragraph) LineLevels(start, end int) []Level {
	lv := make([]Level, end-start)
	copy(lv, p.Levels[start:end])
	trailing := true // inside a run of whitespace reaching the line end or a separator
	for i := end - 1; i >= start; i-- {
		switch c := p.classes[i]; {
		case c == xbidi.S || c == xbidi.B:
			lv[i-start] = p.Base
			trailing = true
		case c == xbidi.WS || c == xbidi.LRI || c == xbidi.RLI || c == xbidi.FSI || c == xbidi.PDI || p.removed[i]:
			if trailing {
				lv[i-start] = p.Base
			}
		default:
			trailing = false
		}
	}
	return lv
}

// Run is a stretch of one line at one level, Text[Start:End] in logical
// order; a right-to-left run (odd Level) is drawn with its characters
// reversed, which the shaper does when given the run's direction.
type Run struct {
	Start, End int
	Level      Level
}

// Runs returns the runs of the line Text[start:end] in visual order, left
// to right (rules L1 and L2).
func (p *Paragraph) Runs(start, end int) []Run {
	lv := p.LineLevels(start, end)
	var runs []Run
	for i := 0; i < len(lv); {
		j := i + 1
		for j < len(lv) && lv[j] == lv[i] {
			j++
		}
		runs = append(runs, Run{start + i, start + j, lv[i]})
		i = j
	}
	reorder(runs, func(r Run) Level { return r.Level })
	return runs
}

// VisualOrder returns the logical indices of the line Text[start:end] in
// the order they are displayed, left to right (L1, L2). Characters
// removed by rule X9 are left out when skipRemoved is set, as in
// Unicode's conformance tests.
func (p *Paragraph) VisualOrder(start, end int, skipRemoved bool) []int {
	lv := p.LineLevels(start, end)
	type ch struct {
		i int
		l Level
	}
	var cs []ch
	for k, l := range lv {
		if skipRemoved && p.removed[start+k] {
			continue
		}
		cs = append(cs, ch{start + k, l})
	}
	reorder(cs, func(c ch) Level { return c.l })
	out := make([]int, len(cs))
	for k, c := range cs {
		out[k] = c.i
	}
	return out
}

// reorder applies L2: from the highest level down to the lowest odd one,
// every maximal stretch at that level or higher is reversed.
func reorder[T any](xs []T, level func(T) Level) {
	if len(xs) == 0 {
		return
	}
	hi, lo := Level(0), Level(255)
	for _, x := range xs {
		l := level(x)
		hi = max(hi, l)
		if l&1 == 1 {
			lo = min(lo, l)
		}
	}
	for l := hi; l >= lo && l > 0; l-- {
		for i := 0; i < len(xs); {
			if level(xs[i]) < l {
				i++
				continue
			}
			j := i
			for j < len(xs) && level(xs[j]) >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				xs[a], xs[b] = xs[b], xs[a]
			}
			i = j
		}
	}
}

// Order returns the visual order, left to right, of items (runs of text
// from a shaper, say) at the given levels in logical order (rule L2). The
// levels should be the line's, with L1 applied.
func Order(levels []Level) []int {
	type it struct {
		i int
		l Level
	}
	xs := make([]it, len(levels))
	for i, l := range levels {
		xs[i] = it{i, l}
	}
	reorder(xs, func(x it) Level { return x.l })
	out := make([]int, len(xs))
	for k, x := range xs {
		out[k] = x.i
	}
	return out
}
