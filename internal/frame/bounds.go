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

// TextInk returns the union of the ink boxes of every text item, in f's
// coordinates and ignoring clips: what a safe-area test checks.
func (f *Frame) TextInk() Rect {
	var d inkDrawer
	f.Draw(&d, Transform{S: 1})
	return d.ink
}

// inkDrawer collects the ink of text items and ignores everything else.
type inkDrawer struct{ ink Rect }

// Text adds the run's ink, mapped into the outer frame.
func (d *inkDrawer) Text(x *Text, t Transform) error {
	d.ink = Union(d.ink, Rect{X: t.X(x.Ink.X), Y: t.Y(x.Ink.Y), W: x.Ink.W * t.S, H: x.Ink.H * t.S})
	return nil
}

func (*inkDrawer) Rect(*Rect, Transform) error       { return nil }
func (*inkDrawer) Path(*Path, Transform) error       { return nil }
func (*inkDrawer) Line(*Line, Transform) error       { return nil }
func (*inkDrawer) Image(*Image, Transform) error     { return nil }
func (*inkDrawer) Link(*Link, Transform) error       { return nil }
func (*inkDrawer) PDFPage(*PDFPage, Transform) error { return nil }
func (*inkDrawer) PushClip(Rect, Transform) error    { return nil }
func (*inkDrawer) PopClip() error                    { return nil }
