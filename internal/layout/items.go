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
	// lang is the text's language (BCP 47), "" when unknown.
	lang string
	// lead is a decorative opening mark set beside the first line, on
	// its baseline, rather than above the text: the low marks („ ‚) of
	// German, Czech, Polish or Hebrew, which read as closing marks when
	// drawn alone above it (see attachMarks).
	lead *markItem
}

// height sets the paragraph at t. A size at which the last word must
// stand alone does not fit (a smaller one will), except at t = 0, where
// there is no smaller one.
func (it *textItem) height(t float64, a area) (float64, string, bool) {
	it.extra = 0
	if it.lead != nil {
		it.extra = it.lead.leadWidth(t, a, it)
	}
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
	h := (it.para.Ascent+it.para.Descent)*it.size + float64(len(it.lines)-1)*it.lineHeight*it.size
	if it.lead != nil {
		// A low mark may reach below a single line's descent.
		h = math.Max(h, it.para.Ascent*it.size+it.lead.drop-it.lead.inkB*it.lead.size)
	}
	return h
}

// place appends the item's glyph runs, line under line, and a link over
// their ink when the text links somewhere.
func (it *textItem) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	var ink frame.Rect
	lines := it.setLines(box, y)
	for _, runs := range lines {
		for _, run := range runs {
			dst = append(dst, run)
			ink = frame.Union(ink, run.Ink)
		}
	}
	if it.lead != nil && len(lines) > 0 {
		dst = it.lead.placeBeside(dst, lines[0], y+it.para.Ascent*it.size, it)
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
			// Narrowed on the side the paragraph starts.
			w -= it.indent
			if !it.para.RTL() {
				x += it.indent
			}
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
	// rtl places the mark at the right: the quote it opens reads right
	// to left.
	rtl bool
	// low says the mark sits on the baseline („ ‚): see textItem.lead.
	low bool
	// lang is the language whose mark it is, quote the quote it
	// belongs to (for messages).
	lang, quote string
	// drop is how far below the first baseline a low mark's own baseline
	// is, in points (see leadWidth).
	drop float64
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
	switch it.align.Resolve(it.rtl) {
	case text.Center:
		x = box.X + (box.W-(it.inkR-it.inkL)*s)/2 - it.inkL*s
	case text.Right:
		x = box.X + box.W - it.inkR*s
	}
	for _, run := range it.para.Set(it.lines[0], s, x, y+it.inkT*s, it.lines[0].W*s, text.Left, it.color) {
		run.Ink = frame.Rect{X: x + it.inkL*s, Y: y, W: (it.inkR - it.inkL) * s, H: (it.inkT - it.inkB) * s}
		dst = append(dst, run)
	}
	return dst, it.extent()
}

// leadWidth sets a low mark beside text item t's first line at fit
// parameter tt and returns how far it reaches before the line, gap
// included, in points. It is drawn as large as its size range allows, but
// no larger than keeps it low: its ink reaches no higher than lowTop of
// the capitals above the baseline, which is what makes „ read as an
// opening mark (drawn large on the baseline it rises to the capitals'
// height and reads as a closing ”), and no lower than keeps its tail clear
// of the second line's capitals. It is moved down (drop) when its natural
// position would rise above that.
func (it *markItem) leadWidth(tt float64, a area, t *textItem) float64 {
	it.set(tt, a)
	ts := t.sizeAt(tt)
	top := lowTop * t.para.CapHeight * ts
	room := (t.lineHeight - t.para.CapHeight) * ts * 0.8
	if h := it.inkT - it.inkB; h > 0 {
		it.size = math.Min(it.size, (top+room)/h)
	}
	it.drop = math.Max(0, it.inkT*it.size-top)
	return (it.inkR-it.inkL)*it.size + leadGap*ts
}

// lowTop is how high a low mark's ink may reach, in capital heights above
// the baseline: about where a comma's top is, well under the x-height.
const lowTop = 0.4

// leadGap is the space between a low mark and the first word, in em of the
// text.
const leadGap = 0.15

// placeBeside appends the mark as text item t's lead: on the first line's
// baseline, its ink ending a gap before the line's first glyph (after its
// last, for right-to-left text).
func (it *markItem) placeBeside(dst []frame.Item, line []*frame.Text, base float64, t *textItem) []frame.Item {
	if len(line) == 0 {
		return dst
	}
	lo, hi := line[0].Ink.X, line[0].Ink.X+line[0].Ink.W
	for _, r := range line[1:] {
		lo, hi = math.Min(lo, r.Ink.X), math.Max(hi, r.Ink.X+r.Ink.W)
	}
	s, gap := it.size, leadGap*t.size
	x := lo - gap - it.inkR*s
	if t.para.RTL() {
		x = hi + gap - it.inkL*s
	}
	base += it.drop
	for _, run := range it.para.Set(it.lines[0], s, x, base, it.lines[0].W*s, text.Left, it.color) {
		run.Ink = frame.Rect{X: x + it.inkL*s, Y: base - it.inkT*s, W: (it.inkR - it.inkL) * s, H: (it.inkT - it.inkB) * s}
		dst = append(dst, run)
	}
	return dst
}

// ruleItem is a horizontal rule of a fixed width and thickness.
type ruleItem struct {
	itemHead
	width, thickness float64 // points
	color            frame.Color
	// rtl mirrors the rule's alignment: it follows right-to-left text.
	rtl bool
}

// height is the rule's thickness, whatever t.
func (it *ruleItem) height(float64, area) (float64, string, bool) { return it.thickness, "", true }

// place appends the rule, aligned in the box.
func (it *ruleItem) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	x := alignX(box, it.width, it.align.Resolve(it.rtl))
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
	// extra is how far a lead mark reaches before the first line, in
	// points (see textItem.lead): it hangs with the paragraph's own mark.
	extra float64
	lines []text.Line
	// anywhere lets words wider than the measure break between any two
	// characters, the fitter's last resort (see composer.fit).
	anywhere bool
	// broken memoises line breaks: sizes round to half points, so many of
	// the fitter's tries set a paragraph at a size it has already broken
	// it at.
	broken map[breakKey]brokenLines
}

// breakKey is everything LinesIndent depends on that can vary for a
// setting: its paragraph, mode and max lines are fixed.
type breakKey struct {
	size, width, indent float64
	anywhere            bool
}

// brokenLines is a paragraph broken at one size, and whether it fitted.
type brokenLines struct {
	lines []text.Line
	good  bool
}

// set sets the paragraph at t (sizes round down to half points) in the
// area's width, the opening mark hanging as far as the area allows. It
// reports whether the paragraph fits the width and its max lines.
func (s *setting) set(t float64, a area) bool {
	s.size = s.sizeAt(t)
	room := a.hang
	if s.para.RTL() {
		room = a.hangR
	}
	s.indent = math.Max(0, s.para.Hang*s.size+s.extra-room)
	k := breakKey{s.size, a.box.W, s.indent, s.anywhere}
	if bl, ok := s.broken[k]; ok {
		s.lines = bl.lines
		return bl.good
	}
	var lines []text.Line
	var good bool
	if s.anywhere {
		lines, good = s.para.LinesAnywhere(s.size, a.box.W, s.mode, s.maxLines, s.indent)
	} else {
		lines, good = s.para.LinesIndent(s.size, a.box.W, s.mode, s.maxLines, s.indent)
	}
	if s.broken == nil {
		s.broken = map[breakKey]brokenLines{}
	}
	s.broken[k] = brokenLines{lines, good}
	s.lines = lines
	return good
}

// sizeAt is the size t gives: between min and max, rounded down to half
// points.
func (s *setting) sizeAt(t float64) float64 {
	return math.Max(s.min, math.Floor((s.min+t*(s.max-s.min))*2)/2)
}

// failure is what height returns when the paragraph does not fit: the
// first word wider than width at the current size, if one is; otherwise
// an infinite height (it needs more lines than it may have).
func (s *setting) failure(width float64) (float64, string, bool) {
	p := s.para
	if s.anywhere {
		// Words too wide are broken: only more lines than allowed fail.
		return math.Inf(1), "", false
	}
	for i, it := range p.Items {
		if it.W*s.size > width {
			return 0, string(p.Runes[p.ItemStart(i):p.ItemEnd(i)]), false
		}
	}
	return math.Inf(1), "", false
}

// splitWords lists the words the setting's lines break inside (set with
// anywhere), each once.
func (s *setting) splitWords() []string {
	var out []string
	p := s.para
	for _, l := range s.lines {
		if !l.Split {
			continue
		}
		for i := range p.Items {
			if p.ItemStart(i) < l.End && l.End < p.ItemEnd(i) {
				w := string(p.Runes[p.ItemStart(i):p.ItemEnd(i)])
				if len(out) == 0 || out[len(out)-1] != w {
					out = append(out, w)
				}
			}
		}
	}
	return out
}
