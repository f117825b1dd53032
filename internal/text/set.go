package text

import (
	"math"
	"unicode/utf8"

	"github.com/broadside/broadside/internal/bidi"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/shape"
)

// Align places lines within their measure. For a right-to-left paragraph
// Left and Right are mirrored: Left is where the text starts.
type Align int

const (
	Left Align = iota
	Center
	Right
)

// Resolve returns the side a line aligned as a in a paragraph of the
// given direction goes to: right-to-left text aligned Left starts at the
// right edge.
func (a Align) Resolve(rtl bool) Align {
	switch {
	case !rtl || a == Center:
		return a
	case a == Left:
		return Right
	}
	return Left
}

// Set turns line l into glyph runs at size points, with the line's measure
// starting at x and its baseline at y. The line's shaped runs are cut at
// its ends and put in visual order (UAX #9 rule L2, per line, after
// breaking): a run for each stretch of one font, script and direction.
// Each glyph carries its glyph id, its position (the shaper's advances and
// offsets, tracking) and the bytes of the run's text it stands for, so
// exporters draw without measuring. The hanging opening mark, if any, sits
// outside the measure, on the side the paragraph starts.
func (p *Para) Set(l Line, size, x, y, width float64, align Align, color frame.Color) []*frame.Text {
	switch a := align.Resolve(p.rtl); {
	case math.IsInf(width, 0):
		// No measure to align in: the line starts at x.
	case a == Center:
		x += (width - l.W*size) / 2
	case a == Right:
		x += width - l.W*size
	}
	// origin is the paragraph position at x: the mark hangs left, so the
	// content starts at x.
	origin := p.Pos[l.Start]
	if l.Start == 0 && !p.rtl {
		origin += p.Hang
	}
	var pieces []piece
	var levels []bidi.Level
	for ri := range p.shaped.Runs {
		r := &p.shaped.Runs[ri]
		s, e := max(r.Start, l.Start), min(r.End, l.End)
		if s < e {
			pieces = append(pieces, piece{r, s, e})
			levels = append(levels, r.Level)
		}
	}
	order := bidi.Order(levels)
	inOrder := true // the pieces are in reading order: a left-to-right line
	for i, k := range order {
		inOrder = inOrder && i == k
	}
	out := make([]*frame.Text, 0, len(pieces))
	pen := x + (p.Pos[l.Start]-origin)*size
	for _, k := range order {
		pc := pieces[k]
		px := pen
		if inOrder {
			// From the paragraph's positions, as broadside always placed
			// left-to-right text: the same numbers to the last bit.
			px = x + (p.Pos[pc.start]-origin)*size
		}
		if t := p.setPiece(pc, size, px, y, color, inOrder); t != nil {
			out = append(out, t)
		}
		pen += (p.Pos[pc.end] - p.Pos[pc.start]) * size
	}
	return out
}

// piece is the part of a shaped run on one line: runes [start, end).
type piece struct {
	run        *shape.Run
	start, end int
}

// setPiece makes the glyph run of a piece with its origin at x, y.
//
// In a left-to-right piece (logical) each cluster starts where the
// paragraph's positions put it; in a reordered one the glyphs' advances
// are added up in visual order.
func (p *Para) setPiece(pc piece, size, x, y float64, color frame.Color, logical bool) *frame.Text {
	r, f := pc.run, pc.run.Font
	em := size / float64(f.UnitsPerEm)
	track := p.style.Tracking * size
	if r.Cursive {
		track = 0
	}
	// off[i] is the byte offset in the run's text of rune start+i.
	off := make([]int32, pc.end-pc.start+1)
	text := make([]byte, 0, pc.end-pc.start)
	for i := pc.start; i < pc.end; i++ {
		off[i-pc.start] = int32(len(text))
		text = utf8.AppendRune(text, p.Runes[i])
	}
	off[len(off)-1] = int32(len(text))
	glyphs := make([]frame.Glyph, 0, pc.end-pc.start)
	pen := 0.0
	fromPos := logical && !r.Level.RTL()
	for k, g := range r.Glyphs {
		c := g.Cluster
		if c < pc.start || c >= pc.end || isBreak(p.Runes[c]) {
			continue
		}
		if fromPos && (k == 0 || r.Glyphs[k-1].Cluster != c) {
			pen = (p.Pos[c] - p.Pos[pc.start]) * size
		}
		glyphs = append(glyphs, frame.Glyph{
			ID:    g.ID,
			Rune:  p.Runes[c],
			X:     pen + float64(g.XOffset)*em,
			Y:     -float64(g.YOffset) * em,
			Start: off[c-pc.start],
			End:   off[min(c+g.Runes, pc.end)-pc.start],
		})
		pen += float64(g.XAdvance) * em
		if k+1 == len(r.Glyphs) || r.Glyphs[k+1].Cluster != c {
			pen += track
		}
	}
	if len(glyphs) == 0 {
		return nil
	}
	asc, desc := f.Ascent*em, f.Descent*em
	return &frame.Text{
		Font:     f,
		Size:     size,
		Color:    color,
		X:        x,
		Y:        y,
		Text:     string(text),
		Glyphs:   glyphs,
		RTL:      r.Level.RTL(),
		Tracking: track,
		Ink:      frame.Rect{X: x, Y: y - asc, W: (p.Pos[pc.end] - p.Pos[pc.start]) * size, H: asc + desc},
	}
}
