package text

import (
	"math"

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
// starting at x and its baseline at y. The runs carry each glyph's position,
// so exporters draw without measuring. The hanging opening mark, if any,
// sits left of x.
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
			Font:     f.Key,
			Size:     size,
			Color:    color,
			X:        x + (p.Pos[i]-origin)*size,
			Y:        y,
			Tracking: p.style.Tracking * size,
		}
		runes := make([]rune, 0, j-i)
		pos := make([]float64, 0, j-i)
		em := 1 / float64(f.UnitsPerEm)
		for k := i; k < j; k++ {
			r := p.Runes[k]
			if r == '\n' || r == '\r' {
				continue
			}
			if len(pos) > 0 {
				// Where this glyph is not where the previous one's nominal
				// advance would put it, a PDF string must restart.
				prev := p.Runes[k-1]
				want := pos[len(pos)-1] + float64(f.Nominal(prev))*em*size + run.Tracking
				got := (p.Pos[k] - p.Pos[i]) * size
				if math.Abs(got-want) > 1e-6*size {
					run.Segs = append(run.Segs, len(pos))
					run.Adj = append(run.Adj, got-want)
				}
			}
			runes = append(runes, r)
			pos = append(pos, (p.Pos[k]-p.Pos[i])*size)
		}
		run.Text = string(runes)
		run.Pos = pos
		asc := f.Ascent * em * size
		desc := f.Descent * em * size
		run.Ink = frame.Rect{X: run.X, Y: y - asc, W: (p.Pos[j] - p.Pos[i]) * size, H: asc + desc}
		out = append(out, run)
		i = j
	}
	return out
}
