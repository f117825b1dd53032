package png

import (
	"image"
	"math"

	"github.com/broadside/broadside/internal/frame"
)

// clip is what one PushClip changed, for PopClip to undo.
type clip struct {
	outer image.Rectangle // the painter's pixel clip before
	// byGG says gg clips too, to the rectangle x0, y0 – x1, y1 (pixels):
	// its drawing (paths, gradients, images under a clip that is not on
	// whole pixels) can only be clipped by a mask.
	byGG           bool
	x0, y0, x1, y1 float64
}

// PushClip limits drawing to the clip rectangle. A clip on whole pixels
// that leaves the whole image drawable (the group a cover photo is cropped
// by) changes nothing and costs nothing. Any other limits the painter's
// own drawing (glyphs, pixel-aligned fills, images) to the clip's whole
// pixels and gg's to a mask of the rectangle.
func (p *painter) PushClip(c frame.Rect, t frame.Transform) error {
	x0, y0 := t.X(c.X), t.Y(c.Y)
	x1, y1 := t.X(c.X+c.W), t.Y(c.Y+c.H)
	cl := clip{outer: p.clip, x0: x0, y0: y0, x1: x1, y1: y1}
	if pr, ok := pixelRect(x0, y0, x1-x0, y1-y0); !ok || !p.img.Rect.In(pr) {
		cl.byGG = true
		dc := p.gg()
		dc.Push()
		dc.DrawRectangle(x0, y0, x1-x0, y1-y0)
		dc.Clip()
		p.clip = p.clip.Intersect(image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1))))
	}
	p.clips = append(p.clips, cl)
	return nil
}

// PopClip returns to the clip before the last PushClip. gg's Pop keeps
// the clip mask it has (it restores everything else), so the mask is
// rebuilt from the clips still pushed: without this, everything drawn
// after a clipped group (a cover photo) went through a mask, several
// times slower.
func (p *painter) PopClip() error {
	cl := p.clips[len(p.clips)-1]
	p.clips = p.clips[:len(p.clips)-1]
	p.clip = cl.outer
	if !cl.byGG {
		return nil
	}
	dc := p.gg()
	dc.Pop()
	dc.ResetClip()
	for _, o := range p.clips {
		if o.byGG {
			dc.DrawRectangle(o.x0, o.y0, o.x1-o.x0, o.y1-o.y0)
			dc.Clip()
		}
	}
	return nil
}

// masked reports whether gg draws through a clip mask.
func (p *painter) masked() bool {
	for _, c := range p.clips {
		if c.byGG {
			return true
		}
	}
	return false
}
