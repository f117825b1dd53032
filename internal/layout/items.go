package layout

import (
	"math"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/qr"
	"github.com/broadside/broadside/internal/text"
)

// The kinds of stack item. Each answers two questions: how tall it is at
// fit parameter t, and which frame items it places.

// textItem is a paragraph set in a region's style: a quote, a name, a line
// of the campaign's, one paragraph of an introduction.
type textItem struct {
	itemHead
	setting
	lineHeight float64 // baseline distance, in multiples of the size
	color      frame.Color
	// link makes the text a live link in PDFs.
	link string
	// quote is the ID of the quote the item shows a field of, and field
	// that field ("text", "excerpt", "author", "role", "attribution",
	// "organisation"), for messages; "" for other text.
	quote, field string
	// settings, for text of the campaign's settings, is how it gives way
	// when its stack does not fit (giveway.go); nil for other text.
	settings *settingText
	// source names text that comes from a setting and does not give way
	// (the introduction), for messages.
	source string
}

// height sets the paragraph at t. A size at which the last word must
// stand alone does not fit (a smaller one will), except at t = 0, where
// there is no smaller one.
func (it *textItem) height(t float64, a area) (float64, string, bool) {
	good := it.set(t, a)
	if good && widowRefused(it.lines, t, a) {
		return math.Inf(1), "", false
	}
	if !good {
		return it.failure(a.box.W)
	}
	return it.extent(), "", true
}

// extent is the height of the set lines: from the first line's ascender
// to the last line's descender.
func (it *textItem) extent() float64 {
	if len(it.lines) == 0 {
		return 0
	}
	return (it.para.Ascent+it.para.Descent)*it.size + float64(len(it.lines)-1)*it.lineHeight*it.size
}

// place appends the item's glyph runs, line under line, and a link over
// their ink when the text links somewhere.
func (it *textItem) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	var ink frame.Rect
	for _, runs := range it.setLines(box, y) {
		for _, run := range runs {
			dst = append(dst, run)
			ink = frame.Union(ink, run.Ink)
		}
	}
	if it.link != "" && !ink.Empty() {
		dst = append(dst, &frame.Link{X: ink.X, Y: ink.Y, W: ink.W, H: ink.H, URL: it.link})
	}
	return dst, it.extent()
}

// setLines turns the set lines into glyph runs, a slice for each line, the
// first line's ascender at y. The first line is narrowed by the indent
// where the margin had no room for the whole hanging mark.
func (it *textItem) setLines(box frame.Rect, y float64) [][]*frame.Text {
	lh := it.lineHeight * it.size
	base := y + it.para.Ascent*it.size
	out := make([][]*frame.Text, len(it.lines))
	for i, ln := range it.lines {
		x, w := box.X, box.W
		if i == 0 {
			x, w = x+it.indent, w-it.indent
		}
		out[i] = it.para.Set(ln, it.size, x, base+float64(i)*lh, w, it.align, it.color)
	}
	return out
}

// markItem is a decorative opening quotation mark. Its glyph is placed by
// its ink, not its advance, so it lines up with the text edge and sits
// exactly on the space above the quote.
type markItem struct {
	itemHead
	setting
	color frame.Color
	// inkL, inkB, inkR, inkT are the glyph's ink box in em, y up.
	inkL, inkB, inkR, inkT float64
}

// height sets the mark at t: it never widows, but can be too wide.
func (it *markItem) height(t float64, a area) (float64, string, bool) {
	if !it.set(t, a) {
		return it.failure(a.box.W)
	}
	return it.extent(), "", true
}

// extent is the height of the mark's ink.
func (it *markItem) extent() float64 {
	if len(it.lines) == 0 {
		return 0
	}
	return (it.inkT - it.inkB) * it.size
}

// place appends the mark's run with its ink's top at y and its ink's edge
// on the box's edge (or centred), and the ink as the run's Ink.
func (it *markItem) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	s := it.size
	x := box.X - it.inkL*s
	switch it.align {
	case text.Center:
		x = box.X + (box.W-(it.inkR-it.inkL)*s)/2 - it.inkL*s
	case text.Right:
		x = box.X + box.W - it.inkR*s
	}
	for _, run := range it.para.Set(it.lines[0], s, x, y+it.inkT*s, math.Inf(1), text.Left, it.color) {
		run.Ink = frame.Rect{X: x + it.inkL*s, Y: y, W: (it.inkR - it.inkL) * s, H: (it.inkT - it.inkB) * s}
		dst = append(dst, run)
	}
	return dst, it.extent()
}

// ruleItem is a horizontal rule of a fixed width and thickness.
type ruleItem struct {
	itemHead
	width, thickness float64 // points
	color            frame.Color
}

// height is the rule's thickness, whatever t.
func (it *ruleItem) height(float64, area) (float64, string, bool) { return it.thickness, "", true }

// place appends the rule, aligned in the box.
func (it *ruleItem) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	x := alignX(box, it.width, it.align)
	return append(dst, &frame.Rect{X: x, Y: y, W: it.width, H: it.thickness, Fill: it.color}), it.thickness
}

// qrItem is a QR code of a fixed side, linking to what it encodes.
type qrItem struct {
	itemHead
	code              *qr.Code
	side              float64 // points
	color, background frame.Color
	url               string
}

// height is the code's side, whatever t.
func (it *qrItem) height(float64, area) (float64, string, bool) { return it.side, "", true }

// place appends the code's modules, aligned in the box, and a link over it.
func (it *qrItem) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	x := alignX(box, it.side, it.align)
	dst = append(dst, it.code.Draw(x, y, it.side, it.color, it.background)...)
	if it.url != "" {
		dst = append(dst, &frame.Link{X: x, Y: y, W: it.side, H: it.side, URL: it.url})
	}
	return dst, it.side
}

// setting is a paragraph at the size a fit parameter gives it, broken into
// lines: what text items and marks share.
type setting struct {
	para     *text.Para
	min, max float64 // font size range in points
	mode     text.Mode
	maxLines int

	// Set by set.
	size float64
	// indent narrows the first line where the margin has no room for the
	// whole hanging mark.
	indent float64
	lines  []text.Line
	// broken memoises line breaks: sizes round to half points, so many of
	// the fitter's tries set a paragraph at a size it has already broken
	// it at.
	broken map[breakKey]brokenLines
}

// breakKey is everything LinesIndent depends on that can vary for a
// setting: its paragraph, mode and max lines are fixed.
type breakKey struct{ size, width, indent float64 }

// brokenLines is a paragraph broken at one size, and whether it fitted.
type brokenLines struct {
	lines []text.Line
	good  bool
}

// set sets the paragraph at t (sizes round down to half points) in the
// area's width, the opening mark hanging as far as the area allows. It
// reports whether the paragraph fits the width and its max lines.
func (s *setting) set(t float64, a area) bool {
	s.size = math.Floor((s.min+t*(s.max-s.min))*2) / 2
	if s.size < s.min {
		s.size = s.min
	}
	s.indent = math.Max(0, s.para.Hang*s.size-a.hang)
	k := breakKey{s.size, a.box.W, s.indent}
	if bl, ok := s.broken[k]; ok {
		s.lines = bl.lines
		return bl.good
	}
	lines, good := s.para.LinesIndent(s.size, a.box.W, s.mode, s.maxLines, s.indent)
	if s.broken == nil {
		s.broken = map[breakKey]brokenLines{}
	}
	s.broken[k] = brokenLines{lines, good}
	s.lines = lines
	return good
}

// failure is what height returns when the paragraph does not fit: the
// first word wider than width at the current size, if one is; otherwise
// an infinite height (it needs more lines than it may have).
func (s *setting) failure(width float64) (float64, string, bool) {
	p := s.para
	for i, it := range p.Items {
		if it.W*s.size > width {
			return 0, string(p.Runes[p.ItemStart(i):p.ItemEnd(i)]), false
		}
	}
	return math.Inf(1), "", false
}
