// Package text sets paragraphs: it shapes them (internal/shape: bidi
// levels, a font per cluster, HarfBuzz), finds break opportunities (UAX
// #14, Thai words), chooses line breaks over the whole paragraph, applies
// typography at render time, and turns lines into positioned glyph runs
// for a frame, reordered for right-to-left text line by line. It is the
// only place broadside measures text.
package text

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/shape"
	"github.com/broadside/broadside/internal/thai"
	"github.com/go-text/typesetting/segmenter"
)

// Style is how a paragraph is set.
type Style struct {
	// Chain is the font and its fallbacks (font.Registry.ChainFor); the
	// first sets the cap height.
	Chain font.Chain
	// Lang is the text's BCP 47 language tag: right-to-left languages
	// (ar, he, fa...) set the paragraph right to left even when it starts
	// with a Latin name, and the shaper picks the language's forms.
	// Without one the first strong letter decides.
	Lang string
	// Tracking adds space after every character, in em (0.05 = 5%), for
	// capitals and small labels. Never in cursive scripts (Arabic,
	// Devanagari...), whose letters it would tear apart.
	Tracking float64
	// Upper sets the text in capitals (labels, never quotes).
	Upper bool
	// HangOpen hangs the first character (an opening quote mark) into the
	// margin on the side the paragraph starts (the right for
	// right-to-left text), so the text edge stays straight.
	HangOpen bool
}

// MissingError reports characters that no font of the chain draws: a
// missing glyph would be an empty box in print.
type MissingError struct {
	Runes []rune
}

func (e *MissingError) Error() string {
	var parts []string
	for i, r := range e.Runes {
		if i == maxListed && len(e.Runes) > maxListed+1 {
			// A whole quote in a script without a font would list
			// every letter: the first few say enough.
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Runes)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%q (U+%04X)", string(r), r))
	}
	return "no bundled font can draw " + strings.Join(parts, ", ")
}

// maxListed is how many missing characters an error names.
const maxListed = 6

// Para is a paragraph shaped and measured once in em units (size 1):
// advances do not depend on size without hinting, so fitting at any size
// is arithmetic.
type Para struct {
	Runes []rune
	// Pos[i] is the x in em of the start of rune i in reading (logical)
	// order: the advances of the clusters before it, tracking included;
	// Pos[len] is the end. Widths of stretches of the text are differences
	// of Pos whatever their direction. Lines break only where a shaping
	// cluster starts, so positions inside a cluster are never used.
	Pos []float64
	// Items are the words between break opportunities, in em.
	Items []Item
	// starts[i] is the index of the first rune of Items[i]; ends[i] is the
	// end of its visible content (trailing spaces excluded).
	starts, ends []int
	// Hang is the width in em of the hanging opening character, 0 if none.
	Hang float64
	// Ascent and Descent, in em (positive): the largest of the fonts that
	// draw the paragraph, so Arabic stacks and Devanagari vowel signs
	// stay inside the text block.
	Ascent, Descent float64
	// CapHeight of the first font, in em.
	CapHeight float64
	style     Style
	shaped    *shape.Result
	// boundary[i] says a shaping cluster starts at rune i (or i is the
	// end): the only places a line may break.
	boundary []bool
	rtl      bool
}

// RTL reports whether the paragraph reads right to left: its lines are
// then set from the right, and Left alignment means the right edge.
func (p *Para) RTL() bool { return p.rtl }

// FirstGlyph returns the font and glyph the paragraph's first character is
// drawn with, as the shaper chose it (a bracket or guillemet in right-to-
// left text is its mirror image): what a decorative mark measures its ink
// by. ok is false for an empty paragraph.
func (p *Para) FirstGlyph() (f *font.Font, id uint16, ok bool) {
	for _, r := range p.shaped.Runs {
		for _, g := range r.Glyphs {
			if g.Cluster == 0 {
				return r.Font, g.ID, true
			}
		}
	}
	return nil, 0, false
}

// NewPara shapes s for setting. It fails with a *MissingError when some
// character has no glyph in any font of the chain.
func NewPara(s string, st Style) (*Para, error) {
	if len(st.Chain) == 0 {
		return nil, fmt.Errorf("no font to set text in")
	}
	if st.Upper {
		s = strings.ToUpper(s)
	}
	runes := []rune(s)
	res := shapeParagraph(runes, shape.Options{Chain: st.Chain, Lang: st.Lang, NoLigatures: st.Tracking != 0})
	primary := st.Chain[0]
	em := 1 / float64(primary.UnitsPerEm)
	p := &Para{
		Runes:     runes,
		CapHeight: primary.CapHeight * em,
		Ascent:    primary.Ascent * em,
		Descent:   primary.Descent * em,
		style:     st,
		shaped:    res,
		rtl:       res.Bidi.Base.RTL(),
	}
	n := len(runes)
	p.Pos = make([]float64, n+1)
	p.boundary = make([]bool, n+1)
	p.boundary[n] = true
	// Pos[c+1] first collects the advance of the cluster starting at c;
	// a running sum then makes positions of them.
	notdef := false
	for ri := range res.Runs {
		run := &res.Runs[ri]
		f := run.Font
		em := 1 / float64(f.UnitsPerEm)
		track := st.Tracking
		if run.Cursive {
			track = 0
		}
		visible := false
		for k, g := range run.Glyphs {
			c := g.Cluster
			if isBreak(runes[c]) {
				continue
			}
			p.boundary[c] = true
			p.Pos[c+1] += float64(g.XAdvance) * em
			if k+1 == len(run.Glyphs) || run.Glyphs[k+1].Cluster != c {
				p.Pos[c+1] += track
			}
			if g.ID == 0 {
				notdef = true
			}
			if !visible && !font.NeedsNoGlyph(runes[c]) {
				visible = true
			}
		}
		if visible && f != primary {
			p.Ascent = max(p.Ascent, f.Ascent*em)
			p.Descent = max(p.Descent, f.Descent*em)
		}
	}
	if m := missing(res, st.Chain, notdef); len(m) > 0 {
		return nil, &MissingError{Runes: m}
	}
	for i := range n {
		if isBreak(runes[i]) {
			p.boundary[i] = true
		}
		p.Pos[i+1] += p.Pos[i]
	}
	if st.HangOpen && n > 0 && isOpenQuote(runes[0]) {
		k := 1
		for k < n && !p.boundary[k] {
			k++
		}
		p.Hang = p.Pos[k]
	}
	p.segment()
	return p, nil
}

// isBreak reports the line breaks the breaker handles: they take no room.
func isBreak(r rune) bool { return r == '\n' || r == '\r' }

// missing lists what no font draws: what the shaper could not give a font,
// and, when some glyph came out as the font's .notdef (a mark the chosen
// font lacks, say), the characters of those clusters no font of the chain
// has. Once each, in order.
func missing(res *shape.Result, chain font.Chain, notdef bool) []rune {
	out := res.Missing
	if !notdef {
		return out
	}
	for _, run := range res.Runs {
		for _, g := range run.Glyphs {
			if g.ID != 0 {
				continue
			}
			for _, r := range res.Text[g.Cluster : g.Cluster+g.Runes] {
				if !font.NeedsNoGlyph(r) && !isBreak(r) && !slices.Contains(out, r) && chain.Pick(r) == nil {
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// isOpenQuote reports the opening quotation marks that hang: those of the
// languages in quoteStyles (Danish opens with », Swedish with ”). East
// Asian corner brackets take a full em and are set inside the measure.
func isOpenQuote(r rune) bool { return strings.ContainsRune("“‘„‚«»‹›”’\"'", r) }

// thaiDict is the word list Thai text is broken with; nil breaks Thai only
// between clusters, as a last resort.
var thaiDict = thai.Default

// segment splits the paragraph at break opportunities: UAX #14's, and in
// Thai text (which has no spaces between words) the ends of dictionary
// words. A line never breaks inside a shaping cluster.
func (p *Para) segment() {
	type brk struct {
		pos       int
		mandatory bool
	}
	var brks []brk
	var seg segmenter.Segmenter
	seg.Init(p.Runes)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		brks = append(brks, brk{l.Offset + len(l.Text), l.IsMandatoryBreak})
	}
	if hasThai(p.Runes) {
		for _, b := range thai.Breaks(p.Runes, thaiDict()) {
			if b.Word {
				brks = append(brks, brk{pos: b.Pos})
			}
		}
		slices.SortStableFunc(brks, func(a, b brk) int { return a.pos - b.pos })
	}
	start := 0
	for k, b := range brks {
		end := b.pos
		if end <= start || end < len(p.Runes) && !p.boundary[end] {
			continue // inside a cluster, or said twice
		}
		if !b.mandatory && end < len(p.Runes) && isHangul(p.Runes[end-1]) && isHangul(p.Runes[end]) {
			// Korean is written with spaces between words: lines break
			// there, not between the syllables of a word (CSS's
			// word-break: keep-all). A word too wide for its line may
			// still break between syllables, as a last resort.
			continue
		}
		if k+1 < len(brks) && brks[k+1].pos == end {
			brks[k+1].mandatory = brks[k+1].mandatory || b.mandatory
			continue
		}
		content := end
		for content > start && isSpace(p.Runes[content-1]) {
			content--
		}
		if content == start && len(p.Items) > 0 && !b.mandatory {
			// Only spaces: they widen the previous word's space.
			last := len(p.Items) - 1
			p.Items[last].Space += p.Pos[end] - p.Pos[start]
			start = end
			continue
		}
		w := p.Pos[content] - p.Pos[start]
		if start == 0 {
			w -= p.Hang
		}
		p.Items = append(p.Items, Item{
			W:      w,
			Space:  p.Pos[end] - p.Pos[content],
			Forced: b.mandatory && end < len(p.Runes),
			Hyphen: content == end && (p.Runes[end-1] == '-' || p.Runes[end-1] == '\u2010'),
		})
		p.starts = append(p.starts, start)
		p.ends = append(p.ends, content)
		start = end
	}
}

// isHangul reports Hangul syllables and jamo.
func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

func hasThai(rs []rune) bool { return slices.ContainsFunc(rs, isThai) }

func isThai(r rune) bool { return r >= 0x0E01 && r <= 0x0E5B }

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029'
}

// Line is one set line: runes [Start, End) of the paragraph, visible content
// only, and its width in em (hang excluded).
type Line struct {
	Start, End int
	W          float64
	// Items is the number of words (break-free pieces) on the line, a
	// word broken as a last resort counting once.
	Items int
	// Forced is true when the line ends at a hard line break.
	Forced bool
	// Split is true when the line ends inside a word broken as a last
	// resort (see LinesAnywhere).
	Split bool
}

// Widow reports a paragraph whose last line is a single word: the breaker
// avoids one when it can, but a fitter must also refuse a size at which it
// cannot.
func Widow(lines []Line) bool {
	n := len(lines)
	return n > 1 && lines[n-1].Items == 1 && !lines[n-2].Forced
}

// Lines breaks the paragraph for a measure of width points at size points.
// ok is false when it cannot be set within the measure and maxLines.
func (p *Para) Lines(size, width float64, mode Mode, maxLines int) ([]Line, bool) {
	return p.LinesIndent(size, width, mode, maxLines, 0)
}

// LinesIndent is Lines with the first line narrowed by indent points: where
// the margin has no room for the whole hanging mark, it hangs less.
func (p *Para) LinesIndent(size, width float64, mode Mode, maxLines int, indent float64) ([]Line, bool) {
	return p.lines(size, width, mode, maxLines, indent, false)
}

// LinesAnywhere is LinesIndent with the last resort of CSS's
// overflow-wrap: anywhere: a word wider than the measure (a long URL, a
// chemical name) may be broken between any two characters (grapheme
// clusters; in Thai, character clusters), without a hyphen, as few times
// as the breaker can. Words that fit are never broken. A fitter uses it
// only when no size lets the text fit unbroken. A broken Arabic or
// Devanagari word keeps its joining forms on both sides of the break,
// which shows that it goes on.
func (p *Para) LinesAnywhere(size, width float64, mode Mode, maxLines int, indent float64) ([]Line, bool) {
	return p.lines(size, width, mode, maxLines, indent, true)
}

func (p *Para) lines(size, width float64, mode Mode, maxLines int, indent float64, anywhere bool) ([]Line, bool) {
	if len(p.Items) == 0 {
		return nil, true
	}
	// Pieces the breaker sees: the items, or with anywhere the items too
	// wide for the measure cut at every place they may break.
	items := make([]Item, 0, len(p.Items))
	starts, ends, owner := p.starts, p.ends, []int(nil)
	for _, it := range p.Items {
		items = append(items, Item{W: it.W * size, Space: it.Space * size, Forced: it.Forced, Hyphen: it.Hyphen})
		if anywhere && it.W*size > width-max(indent, 0)+1e-9 && owner == nil {
			owner = []int{} // from here on, pieces are mapped back to items
		}
	}
	if owner != nil {
		items = items[:0]
		starts, ends = nil, nil
		for i, it := range p.Items {
			var cuts []int
			if it.W*size > width-max(indent, 0)+1e-9 {
				cuts = p.cuts(p.starts[i], p.ends[i])
			}
			a := p.starts[i]
			for _, c := range append(cuts, p.ends[i]) {
				last := c == p.ends[i]
				w := (p.Pos[c] - p.Pos[a]) * size
				if a == 0 {
					w -= p.Hang * size
				}
				pc := Item{W: w, Split: !last}
				if last {
					pc.Space, pc.Forced, pc.Hyphen = it.Space*size, it.Forced, it.Hyphen
				}
				items = append(items, pc)
				starts, ends, owner = append(starts, a), append(ends, c), append(owner, i)
				a = c
			}
		}
	}
	brk, ok := Break(items, width, Options{Mode: mode, MaxLines: maxLines, FirstIndent: indent})
	lines := make([]Line, len(brk))
	first := 0
	for i, e := range brk {
		l := Line{Start: starts[first], End: ends[e-1], Items: e - first, Forced: items[e-1].Forced, Split: items[e-1].Split}
		if owner != nil {
			l.Items = owner[e-1] - owner[first] + 1
		}
		l.W = p.Pos[l.End] - p.Pos[l.Start]
		if l.Start == 0 {
			l.W -= p.Hang
		}
		lines[i] = l
		first = e
	}
	return lines, ok
}

// cuts returns where the word Runes[start:end] may break as a last resort:
// between grapheme clusters, and in Thai between character clusters (a
// leading vowel stays with its consonant), never inside a shaping
// cluster.
func (p *Para) cuts(start, end int) []int {
	word := p.Runes[start:end]
	ok := make([]bool, len(word)+1)
	var seg segmenter.Segmenter
	seg.Init(word)
	it := seg.GraphemeIterator()
	for it.Next() {
		ok[it.Grapheme().Offset] = true
	}
	if hasThai(word) {
		for i := 1; i < len(word); i++ {
			if isThai(word[i-1]) && isThai(word[i]) {
				ok[i] = false
			}
		}
		for _, b := range thai.Breaks(word, nil) {
			ok[b.Pos] = true
		}
	}
	var out []int
	for i := 1; i < len(word); i++ {
		if ok[i] && p.boundary[start+i] {
			out = append(out, start+i)
		}
	}
	return out
}

// ItemStart and ItemEnd return the rune range of item i's visible content.
func (p *Para) ItemStart(i int) int { return p.starts[i] }
func (p *Para) ItemEnd(i int) int   { return p.ends[i] }
