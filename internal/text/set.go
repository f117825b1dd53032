package text

import (
	"unicode/utf8"

	"github.com/broadside/broadside/internal/frame"
)

// Align places lines within their measure.
type Align int

const (
	Left Align = iota
	Center
	Right
)

// Set turns line l into glyph runs at size points, with the line's measure
// starting at x and its baseline at y: one run for each stretch of one font.
// Each glyph carries its position (kerning and tracking included), its
// glyph id and the characters it stands for, so exporters draw without
// measuring. The hanging opening mark, if any, sits left of x.
func (p *Para) Set(l Line, size, x, y, width float64, align Align, color frame.Color) []*frame.Text {
	switch align {
	case Center:
		x += (width - l.W*size) / 2
	case Right:
		x += width - l.W*size
	}
	origin := p.Pos[l.Start]
	if l.Start == 0 {
		origin += p.Hang // the mark hangs: content starts at x
	}
	var out []*frame.Text
	for i := l.Start; i < l.End; {
		f := p.Fonts[i]
		j := i + 1
		for j < l.End && p.Fonts[j] == f {
			j++
		}
		if f == nil {
			i = j
			continue
		}
		run := &frame.Text{
			Font:     f,
			Size:     size,
			Color:    color,
			X:        x + (p.Pos[i]-origin)*size,
			Y:        y,
			Tracking: p.style.Tracking * size,
		}
		glyphs := make([]frame.Glyph, 0, j-i)
		text := make([]byte, 0, j-i)
		for k := i; k < j; k++ {
			r := p.Runes[k]
			if r == '\n' || r == '\r' {
				continue
			}
			id, _ := f.Glyph(r)
			start := int32(len(text))
			text = utf8.AppendRune(text, r)
			glyphs = append(glyphs, frame.Glyph{ID: id, Rune: r, X: (p.Pos[k] - p.Pos[i]) * size, Start: start, End: int32(len(text))})
		}
		run.Text = string(text)
		run.Glyphs = glyphs
		em := 1 / float64(f.UnitsPerEm)
		asc := f.Ascent * em * size
		desc := f.Descent * em * size
		run.Ink = frame.Rect{X: run.X, Y: y - asc, W: (p.Pos[j] - p.Pos[i]) * size, H: asc + desc}
		out = append(out, run)
		i = j
	}
	return out
}
