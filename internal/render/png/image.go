package png

import (
	"image"
	"image/draw"
	"math"

	"github.com/broadside/broadside/internal/frame"
)

// Image draws an image stretched into its box, its edges rounded to whole
// pixels (half a pixel at most: nothing a photo or logo shows). The image
// is resampled to that size once (see resample) and kept while the same
// image is drawn at the same size and place, so a logo on every card is
// scaled once per worker. Under a clip that is not on whole pixels it
// is drawn by gg, through the clip's mask.
func (p *painter) Image(it *frame.Image, t frame.Transform) error {
	b := it.Img.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return nil
	}
	round := func(v float64) int { return int(math.Round(v)) }
	dr := image.Rect(round(t.X(it.X)), round(t.Y(it.Y)), round(t.X(it.X+it.W)), round(t.Y(it.Y+it.H)))
	if p.masked() {
		// Resampled here to its box on whole pixels, as below, and
		// composited by gg through the clip's mask: gg scaling the
		// image itself reads it a pixel at a time through At (2 s for
		// a photo behind a poster's preview).
		if dr.Empty() {
			return nil
		}
		src, _, err := p.r.images.get(it, dr, dr)
		if err != nil {
			return err
		}
		dc := p.gg()
		dc.Push()
		dc.Identity()
		dc.DrawImage(src, 0, 0) // src is at dr already
		dc.Pop()
		p.markBox(t.X(it.X), t.Y(it.Y), t.X(it.X+it.W), t.Y(it.Y+it.H), 0)
		return nil
	}
	vis := dr.Intersect(p.clip)
	if dr.Empty() || vis.Empty() {
		return nil
	}
	if p.r.images.once && isOpaque(it.Img) {
		// Straight into the page: the pixels it replaces are the
		// picture's, resampled as get does.
		src, err := pixels(it.Img, dr.Dx(), dr.Dy())
		if err != nil {
			return err
		}
		resample(p.img.SubImage(vis).(*image.RGBA), dr, src)
		p.mark(vis, false)
		return nil
	}
	src, opaque, err := p.r.images.get(it, dr, vis)
	if err != nil {
		return err
	}
	op := draw.Over
	if opaque {
		op = draw.Src
	}
	draw.Draw(p.img, vis, src, vis.Min, op)
	p.mark(vis, false)
	return nil
}

// images keeps pictures resampled to the pixels they were drawn at, a few
// at a time (a card has a photo and a logo at most).
type images struct {
	m map[imageKey]*scaled
	// once says the renderer draws a single page (a kept background,
	// Backgrounds): an opaque picture is resampled straight into it.
	once bool
}

// imageKey is an image (by its key, which stands for its pixels), the box
// it fills and the part of it that is drawn.
type imageKey struct {
	key     string
	dr, vis image.Rectangle
}

type scaled struct {
	img    *image.RGBA
	opaque bool
}

// get returns the part vis of it's image resampled to fill dr, and whether
// it is opaque. Images without a key are resampled every time.
func (c *images) get(it *frame.Image, dr, vis image.Rectangle) (*image.RGBA, bool, error) {
	k := imageKey{it.Key, dr, vis}
	if s, ok := c.m[k]; ok && it.Key != "" {
		return s.img, s.opaque, nil
	}
	src, err := pixels(it.Img, dr.Dx(), dr.Dy())
	if err != nil {
		return nil, false, err
	}
	img := image.NewRGBA(vis)
	resample(img, dr, src)
	s := &scaled{img: img, opaque: isOpaque(it.Img)}
	if it.Key != "" {
		if c.m == nil || len(c.m) >= 4 {
			c.m = map[imageKey]*scaled{}
		}
		c.m[k] = s
	}
	return s.img, s.opaque, nil
}

// pixels returns img's pixels for drawing it w × h pixels large: a photo
// decoded when drawn (imageio.Photo) is decoded at the least of its sizes
// that has as many pixels.
func pixels(img image.Image, w, h int) (image.Image, error) {
	if p, ok := img.(interface {
		AtLeast(w, h int) (image.Image, error)
	}); ok {
		return p.AtLeast(w, h)
	}
	return img, nil
}

// isOpaque reports whether an image has no transparent pixels, when its
// type can tell cheaply (a JPEG photo always can).
func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}
