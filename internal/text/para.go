// Package text sets paragraphs: it finds break opportunities (UAX #14),
// measures with the font package's advances, chooses line breaks over the
// whole paragraph, applies typography at render time, and turns lines into
// positioned glyph runs for a frame. It is the only place broadside measures
// text.
package text

import (
	"fmt"
	"strings"

	"github.com/broadside/broadside/internal/font"
	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/unicode/bidi"
)

// Style is how a paragraph is set.
type Style struct {
	// Chain is the font and its fallbacks; the first sets line metrics.
	Chain font.Chain
	// Tracking adds space after every character, in em (0.05 = 5%), for
	// capitals and small labels.
	Tracking float64
	// Upper sets the text in capitals (labels, never quotes).
	Upper bool
	// HangOpen hangs the first character (an opening quote mark) into the
	// margin, so the text edge stays straight.
	HangOpen bool
}

// MissingError reports characters that cannot be set: no font of the
// chain draws them, or (with Reason) the engine does not support them.
type MissingError struct {
	Runes  []rune
	Reason string
}

func (e *MissingError) Error() string {
	var parts []string
	for _, r := range e.Runes {
		parts = append(parts, fmt.Sprintf("%q (U+%04X)", string(r), r))
	}
	if e.Reason != "" {
		return e.Reason + ": " + strings.Join(parts, ", ")
	}
	return "no bundled font can draw " + strings.Join(parts, ", ")
}

// rightToLeft lists, once each, the characters of s written right to left
// (Hebrew, Arabic and their kin). broadside sets lines left to right, so
// it refuses them rather than print them backwards, even when an added
// font has their glyphs.
func rightToLeft(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r < 0x0590 || seen[r] {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// Para is a paragraph measured once in em units (size 1): advances do not
// depend on size without hinting, so fitting at any size is arithmetic.
type Para struct {
	Runes []rune
	// Fonts[i] draws Runes[i]; nil for characters drawn by nothing
	// (invisible format characters the font lacks).
	Fonts []*font.Font
	// Pos[i] is the x of rune i in em from the start of the paragraph,
	// kerning and tracking included; Pos[len] is the end.
	Pos []float64
	// Items are the words between break opportunities, in em.
	Items []Item
	// starts[i] is the index of the first rune of Items[i]; ends[i] is the
	// end of its visible content (trailing spaces excluded).
	starts, ends []int
	// Hang is the width in em of the hanging opening character, 0 if none.
	Hang float64
	// Ascent and Descent of the first font, in em (positive).
	Ascent, Descent float64
	// CapHeight of the first font, in em.
	CapHeight float64
	style     Style
}

// NewPara prepares s for setting. It fails with a *MissingError when some
// character has no glyph in any font of the chain: a missing glyph would be
// an empty box in print.
func NewPara(s string, st Style) (*Para, error) {
	if len(st.Chain) == 0 {
		return nil, fmt.Errorf("no font to set text in")
	}
	if st.Upper {
		s = strings.ToUpper(s)
	}
	if m := rightToLeft(s); len(m) > 0 {
		return nil, &MissingError{Runes: m, Reason: "right-to-left scripts are not supported yet"}
	}
	primary := st.Chain[0]
	p := &Para{
		Runes:     []rune(s),
		Ascent:    primary.Ascent / float64(primary.UnitsPerEm),
		Descent:   primary.Descent / float64(primary.UnitsPerEm),
		CapHeight: primary.CapHeight / float64(primary.UnitsPerEm),
		style:     st,
	}
	n := len(p.Runes)
	p.Fonts = make([]*font.Font, n)
	p.Pos = make([]float64, n+1)
	// Assign fonts. Spaces and invisible characters stay in the font of the
	// character before them when it has them, so runs stay long. Characters
	// that need a glyph and that no font draws are collected, once each and
	// in order, as Chain.Missing would list them.
	cur := primary
	var missing []rune
	var seen map[rune]bool
	for i, r := range p.Runes {
		switch {
		case font.NeedsNoGlyph(r) && (cur.Has(r) || r == '\n' || r == '\r' || r == '\t'):
			p.Fonts[i] = cur
		default:
			p.Fonts[i] = st.Chain.Pick(r) // nil for missing and invisible characters
			switch {
			case font.NeedsNoGlyph(r):
			case p.Fonts[i] != nil:
				cur = p.Fonts[i]
			case !seen[r]:
				if seen == nil {
					seen = map[rune]bool{}
				}
				seen[r] = true
				missing = append(missing, r)
			}
		}
	}
	if len(missing) > 0 {
		return nil, &MissingError{Runes: missing}
	}
	// Shape each run of one font and accumulate positions.
	x := 0.0
	for i := 0; i < n; {
		j := i + 1
		for j < n && p.Fonts[j] == p.Fonts[i] {
			j++
		}
		f := p.Fonts[i]
		if f == nil {
			for k := i; k < j; k++ {
				p.Pos[k] = x
			}
			i = j
			continue
		}
		adv := f.Advances(p.Runes[i:j])
		em := 1 / float64(f.UnitsPerEm)
		for k := i; k < j; k++ {
			p.Pos[k] = x
			r := p.Runes[k]
			if r == '\n' || r == '\r' {
				continue
			}
			x += float64(adv[k-i])*em + st.Tracking
		}
		i = j
	}
	p.Pos[n] = x
	if st.HangOpen && n > 0 && isOpenQuote(p.Runes[0]) {
		p.Hang = p.Pos[1]
	}
	p.segment()
	return p, nil
}

func isOpenQuote(r rune) bool { return strings.ContainsRune("“‘„‚«\"'", r) }

// segment splits the paragraph at UAX #14 break opportunities.
func (p *Para) segment() {
	var seg segmenter.Segmenter
	seg.Init(p.Runes)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		start, end := l.Offset, l.Offset+len(l.Text)
		content := end
		for content > start && isSpace(p.Runes[content-1]) {
			content--
		}
		if content == start && len(p.Items) > 0 && !l.IsMandatoryBreak {
			// Only spaces: they widen the previous word's space.
			last := len(p.Items) - 1
			p.Items[last].Space += p.Pos[end] - p.Pos[start]
			continue
		}
		w := p.Pos[content] - p.Pos[start]
		if start == 0 {
			w -= p.Hang
		}
		p.Items = append(p.Items, Item{
			W:      w,
			Space:  p.Pos[end] - p.Pos[content],
			Forced: l.IsMandatoryBreak && end < len(p.Runes),
			Hyphen: content == end && (p.Runes[end-1] == '-' || p.Runes[end-1] == '\u2010'),
		})
		p.starts = append(p.starts, start)
		p.ends = append(p.ends, content)
	}
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029'
}

// Line is one set line: runes [Start, End) of the paragraph, visible content
// only, and its width in em (hang excluded).
type Line struct {
	Start, End int
	W          float64
	// Items is the number of words (break-free pieces) on the line.
	Items int
	// Forced is true when the line ends at a hard line break.
	Forced bool
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
	if len(p.Items) == 0 {
		return nil, true
	}
	items := make([]Item, len(p.Items))
	for i, it := range p.Items {
		items[i] = Item{W: it.W * size, Space: it.Space * size, Forced: it.Forced, Hyphen: it.Hyphen}
	}
	ends, ok := Break(items, width, Options{Mode: mode, MaxLines: maxLines, FirstIndent: indent})
	lines := make([]Line, len(ends))
	first := 0
	for i, e := range ends {
		l := Line{Start: p.starts[first], End: p.ends[e-1], Items: e - first, Forced: p.Items[e-1].Forced}
		l.W = p.Pos[l.End] - p.Pos[l.Start]
		if l.Start == 0 {
			l.W -= p.Hang
		}
		lines[i] = l
		first = e
	}
	return lines, ok
}

// ItemStart and ItemEnd return the rune range of item i's visible content.
func (p *Para) ItemStart(i int) int { return p.starts[i] }
func (p *Para) ItemEnd(i int) int   { return p.ends[i] }
