package layout

import (
	"math"

	"github.com/broadside/broadside/internal/frame"
)

// A quote taller than a page's text area, even at its smallest, flows on
// over as many pages as it needs, as text in a book does: it is set once at
// the largest size at which it fits the text area's width (its words are
// never changed), then its lines are shared out among pages. What stands
// before the quote's text (its heading, a mark) stays with its first
// lines, what follows (its author and role) with its last, and no page
// holds fewer than minLines lines of it at its start or end, so neither a
// heading nor the attribution is ever alone.

// minLines is the fewest lines of a flowing quote a page may hold at its
// foot or head.
const minLines = 2

// fitLong sets the items of a unit to the text area's width alone (any
// height) and returns them with the index of the item that may flow over
// pages: the quote's words. It returns nil when the unit has none, or
// cannot be set even so. Its warnings say which words too wide for the
// area were broken across lines.
func (c *composer) fitLong(stack *Region, items []item, box frame.Rect) (*fitted, int, []string) {
	tall := box
	tall.H = math.Inf(1)
	s, warns, err := c.fit(stack, items, tall)
	if err != nil || s == nil {
		return nil, -1, nil
	}
	for i, it := range s.items {
		if t, ok := it.(*textItem); ok && (t.field == "text" || t.field == "excerpt") && len(t.lines) > 0 {
			return s, i, warns
		}
	}
	return nil, -1, nil
}

// flowLong adds a fitted unit taller than a page, whose item k flows, in
// pieces: the items before k and its first lines where the room left
// takes them with minLines lines (else on a new page), whole pages of its
// lines, and its last lines with the items after k.
func (p *paginator) flowLong(u *flowUnit, s *fitted, k int) error {
	q := s.items[k].(*textItem)
	pre, post := s.items[:k], s.items[k+1:]
	hPre, hPost := q.before, 0.0
	for _, it := range pre {
		hPre += it.head().before + setHeight(it)
	}
	for _, it := range post {
		hPost += it.head().before + setHeight(it)
	}
	n := len(q.lines)
	room := func() float64 {
		top := p.y
		if !p.empty() {
			top += p.gap
		}
		return p.box.Y + p.box.H - top
	}
	if !p.empty() && (p.perPage || hPre+q.linesHeight(minLines) > room()+1e-6) {
		if err := p.newPage(u.q); err != nil {
			return err
		}
	}
	first := true
	for pos := 0; pos < n; {
		r := room()
		head := 0.0
		if first {
			head = hPre
		}
		rest := n - pos
		if head+q.linesHeight(rest)+hPost <= r+1e-6 {
			p.addPiece(u, pieceOf(pre, first, q.piece(pos, n), post), first)
			return nil
		}
		m := q.linesIn(r - head)
		if m >= rest {
			// The lines fit, the attribution does not: it goes on with
			// the last of them.
			m = rest - minLines
		}
		if rest-m < minLines {
			m = rest - minLines
		}
		if m < minLines {
			if !p.empty() {
				if err := p.newPage(u.q); err != nil {
					return err
				}
				continue
			}
			// A page holds fewer than two lines: one, to go on.
			m = max(1, min(m, rest))
		}
		p.addPiece(u, pieceOf(pre, first, q.piece(pos, pos+m), nil), first)
		pos += m
		first = false
		if err := p.newPage(u.q); err != nil {
			return err
		}
	}
	return nil
}

// pieceOf is the items of one page's piece of a flowing unit: the items
// before the flowing one with its first piece, then the piece of it, then
// post (the items after it, with its last piece).
func pieceOf(pre []item, first bool, part *textItem, post []item) []item {
	var out []item
	if first {
		out = append(out, pre...)
	}
	out = append(out, part)
	return append(out, post...)
}

// addPiece adds a piece of a flowing unit to the current page, at the top
// of the room left.
func (p *paginator) addPiece(u *flowUnit, items []item, first bool) {
	h := 0.0
	for _, it := range items {
		h += it.head().before + setHeight(it)
	}
	top, gap := p.y, !p.empty()
	if gap {
		top += p.gap
	}
	p.slots = append(p.slots, slot{u: u, s: &fitted{items: items, h: h}, top: top, gap: gap, first: first})
	p.y = top + h
}

// setHeight is an item's height as last set.
func setHeight(it item) float64 {
	_, h := it.place(nil, frame.Rect{W: 1}, 0)
	return h
}

// linesHeight is the height of n lines of the paragraph as set.
func (it *textItem) linesHeight(n int) float64 {
	if n <= 0 {
		return 0
	}
	return (it.para.Ascent+it.para.Descent)*it.size + float64(n-1)*it.lineHeight*it.size
}

// linesIn is how many lines of the paragraph as set fit in h points.
func (it *textItem) linesIn(h float64) int {
	lh := it.lineHeight * it.size
	first := (it.para.Ascent + it.para.Descent) * it.size
	if h < first-1e-6 {
		return 0
	}
	return 1 + int(math.Floor((h-first)/lh+1e-6))
}

// piece is the paragraph as set, from line a to line b (not included), as
// an item of its own: a piece of a paragraph that flows over pages. A piece
// that does not start the paragraph has no space above it and no indent
// for the opening mark, which hangs only beside the first line.
func (it *textItem) piece(a, b int) *textItem {
	part := *it
	part.lines = it.lines[a:b]
	if a > 0 {
		part.indent = 0
		part.before = 0
	}
	return &part
}
