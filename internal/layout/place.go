package layout

import (
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/text"
)

// place appends the frame items of the fitted stack to dst, its top at y:
// each item under the one before, after its space.
func (s *fitted) place(dst []frame.Item, y float64) []frame.Item {
	for _, it := range s.items {
		y += it.head().before
		var h float64
		dst, h = it.place(dst, s.box, y)
		y += h
	}
	return dst
}

// alignX is the x at which something w wide sits in box with alignment a.
func alignX(box frame.Rect, w float64, a text.Align) float64 {
	x := box.X
	switch a {
	case text.Center:
		x += (box.W - w) / 2
	case text.Right:
		x += box.W - w
	}
	return x
}
