package frame

// Drawer is what an exporter implements to draw frames: a method for each
// kind of item, and a clip pushed and popped around a clipped group. Each
// method gets the item in its own frame's coordinates and the transform
// that maps them onto the surface. The walk (Frame.Draw) is the only place
// that knows how frames nest, so every exporter enters groups, scales and
// clips the same way.
type Drawer interface {
	Rect(r *Rect, t Transform) error
	Path(p *Path, t Transform) error
	Line(l *Line, t Transform) error
	Text(x *Text, t Transform) error
	Image(im *Image, t Transform) error
	Link(l *Link, t Transform) error
	PDFPage(p *PDFPage, t Transform) error
	// PushClip limits drawing to clip, in the coordinates t maps, until
	// the matching PopClip. Clips nest.
	PushClip(clip Rect, t Transform) error
	PopClip() error
}

// Draw walks f's items in order, later over earlier, and hands each to d
// with t, the transform from f's coordinates to the surface. A group's
// frame is drawn with t.Into(group), between PushClip and PopClip when the
// group clips; unclipped groups push nothing. Draw stops at the first error
// d returns and returns it.
func (f *Frame) Draw(d Drawer, t Transform) error {
	for _, it := range f.Items {
		var err error
		switch it := it.(type) {
		case *Rect:
			err = d.Rect(it, t)
		case *Path:
			err = d.Path(it, t)
		case *Line:
			err = d.Line(it, t)
		case *Text:
			err = d.Text(it, t)
		case *Image:
			err = d.Image(it, t)
		case *Link:
			err = d.Link(it, t)
		case *PDFPage:
			err = d.PDFPage(it, t)
		case *Group:
			err = it.draw(d, t)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// draw draws the group's frame, clipped when it clips.
func (g *Group) draw(d Drawer, t Transform) error {
	if g.Clip.Empty() {
		return g.Frame.Draw(d, t.Into(g))
	}
	if err := d.PushClip(g.Clip, t); err != nil {
		return err
	}
	if err := g.Frame.Draw(d, t.Into(g)); err != nil {
		return err
	}
	return d.PopClip()
}
