package png

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// GlyphDrawer draws glyphs by glyph ID, as shaped text needs: a shaper
// picks glyphs (Arabic joining forms, Devanagari conjuncts) that no
// character maps to, so the rune-based font.Face cannot draw them. It does
// what x/image's opentype face does for a rune, from the outline on:
// unhinted outlines rasterised with x/image/vector at a sub-pixel origin,
// coverage quantised to 65 levels like every glyph of this package (so
// palette PNGs stay possible). It keeps buffers between glyphs and is not
// safe for concurrent use: one per goroutine.
type GlyphDrawer struct {
	buf  sfnt.Buffer
	rast vector.Rasterizer
	mask image.Alpha
}

// Draw draws glyph gid of f, at px pixels per em, with its origin (on the
// baseline) at x, y in dst's pixels, in colour c, clipped to clip. A glyph
// with no outline (a space) draws nothing; an ID the font lacks is an
// error.
func (d *GlyphDrawer) Draw(dst *image.RGBA, clip image.Rectangle, f *sfnt.Font, gid uint16, px, x, y float64, c color.Color) error {
	segs, err := f.LoadGlyph(&d.buf, sfnt.GlyphIndex(gid), fixed.Int26_6(math.Round(px*64)), nil)
	if err != nil {
		return err
	}
	if len(segs) == 0 {
		return nil
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
	b := segs.Bounds().Add(dot)
	dr := image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil())
	w, h := dr.Dx(), dr.Dy()
	if w <= 0 || h <= 0 || !dr.Overlaps(clip) {
		return nil
	}
	bx, by := dot.X-fixed.Int26_6(dr.Min.X<<6), dot.Y-fixed.Int26_6(dr.Min.Y<<6)
	if cap(d.mask.Pix) < w*h {
		d.mask.Pix = make([]uint8, 2*w*h)
	}
	d.mask.Pix = d.mask.Pix[:w*h]
	clear(d.mask.Pix)
	d.mask.Stride, d.mask.Rect = w, image.Rect(0, 0, w, h)
	d.rast.Reset(w, h)
	d.rast.DrawOp = draw.Src
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X+bx) / 64, float32(p.Y+by) / 64
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			d.rast.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			d.rast.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			d.rast.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			d.rast.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	d.rast.Draw(&d.mask, d.mask.Rect, image.Opaque, image.Point{})
	quantize(&d.mask, d.mask.Rect)
	target := dr.Intersect(clip)
	draw.DrawMask(dst, target, image.NewUniform(c), image.Point{}, &d.mask, target.Min.Sub(dr.Min), draw.Over)
	return nil
}
