package frame

import "math"

// Union returns the smallest rectangle holding a and b; an empty rectangle
// adds nothing.
func Union(a, b Rect) Rect {
	if a.Empty() {
		return b
	}
	if b.Empty() {
		return a
	}
	x0, y0 := math.Min(a.X, b.X), math.Min(a.Y, b.Y)
	x1, y1 := math.Max(a.X+a.W, b.X+b.W), math.Max(a.Y+a.H, b.Y+b.H)
	return Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// Contains reports whether r holds o, within tolerance eps.
func (r Rect) Contains(o Rect, eps float64) bool {
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.X+o.W <= r.X+r.W+eps && o.Y+o.H <= r.Y+r.H+eps
}

// Walk calls fn for every item, entering groups, with the offset and scale
// that map the item's coordinates into f's.
func (f *Frame) Walk(fn func(it Item, dx, dy, scale float64)) {
	f.walk(fn, Transform{S: 1})
}

func (f *Frame) walk(fn func(Item, float64, float64, float64), t Transform) {
	for _, it := range f.Items {
		fn(it, t.DX, t.DY, t.S)
		if g, ok := it.(*Group); ok {
			g.Frame.walk(fn, t.Into(g))
		}
	}
}

// TextInk returns the union of the ink boxes of every text item, in f's
// coordinates: what a safe-area test checks.
func (f *Frame) TextInk() Rect {
	var u Rect
	f.Walk(func(it Item, dx, dy, s float64) {
		if t, ok := it.(*Text); ok {
			u = Union(u, Rect{X: dx + t.Ink.X*s, Y: dy + t.Ink.Y*s, W: t.Ink.W * s, H: t.Ink.H * s})
		}
	})
	return u
}
