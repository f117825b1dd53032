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
// palette PNGs stay possible). It keeps the masks it rasterised (half a
// megabyte at most, see glyphCache) and buffers between glyphs, and is
// not safe for concurrent use: one per goroutine.
type GlyphDrawer struct {
	buf  sfnt.Buffer
	rast vector.Rasterizer
	// mask is the image the rasteriser draws into, over scratch; a mask
	// small enough is then copied into the cache.
	mask    image.Alpha
	scratch []uint8
	cache   glyphCache
	ink     inker
	// drawn is the union of the pixels drawn since it was last emptied
	// (the painter's marks, marks.go).
	drawn image.Rectangle
	// boxes, while keepBoxes is set, collects each glyph's pixels drawn
	// (a card over a Base: marks.go's cells).
	boxes     []image.Rectangle
	keepBoxes bool
	// ix, when set, takes the palette index of every pixel drawn
	// (indexed.go).
	ix *indexed
}

// Draw draws glyph gid of f, at px pixels per em, with its origin (on the
// baseline) at x, y in dst's pixels, in colour c, clipped to clip. A glyph
// with no outline (a space) draws nothing; an ID the font lacks is an
// error.
func (d *GlyphDrawer) Draw(dst *image.RGBA, clip image.Rectangle, f *sfnt.Font, gid uint16, px, x, y float64, c color.Color) error {
	dot, k := glyphAt(f, gid, px, x, y)
	g, pix, ok := d.cache.get(k)
	if !ok {
		var err error
		if g, pix, err = d.rasterize(k, dot, clip); err != nil || pix == nil {
			return err
		}
	}
	if g.w == 0 {
		return nil
	}
	dr := g.rect(int(dot.X>>6), int(dot.Y>>6))
	target := dr.Intersect(clip).Intersect(dst.Rect)
	if target.Empty() {
		return nil
	}
	d.ink.color(c.RGBA())
	if d.ix != nil {
		d.ink.overIndexed(dst, target, pix, int(g.w), target.Min.Sub(dr.Min), d.ix)
	} else {
		d.ink.over(dst, target, pix, int(g.w), target.Min.Sub(dr.Min))
	}
	d.drawn = d.drawn.Union(target)
	if d.keepBoxes {
		d.boxes = append(d.boxes, target)
	}
	return nil
}

// glyphAt returns the origin of a glyph drawn at x, y, and the key of its
// mask. x is rounded to a quarter of a pixel, as FreeType-based and Skia
// text renderers place glyphs along a line (a shift of at most an eighth of
// a pixel, which no reader sees), so that a letter at one size has 4 masks
// instead of 64 and the mask cache finds it: drawing 190 cards took 10-16%
// less CPU, and the cards are 5% smaller (docs/performance.md, lever 22).
// The baseline y is rounded to a whole pixel, as Skia does for text set
// along horizontal lines (a shift of at most half a pixel up or down): with
// 64ths, every line of a quote fell at its own fraction and rasterised its
// letters again, where now the second line finds the first's masks. It
// halved the misses of 190 cards and took 9% off their CPU (lever 23).
func glyphAt(f *sfnt.Font, gid uint16, px, x, y float64) (fixed.Point26_6, glyphKey) {
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x*4)) * 16, Y: fixed.Int26_6(math.Round(y)) * 64}
	return dot, glyphKey{f: f, ppem: fixed.Int26_6(math.Round(px * 64)), gid: gid, fx: uint8(dot.X & 63), fy: uint8(dot.Y & 63)}
}

// rasterize loads and rasterises the glyph k names, with its origin at
// dot, keeping its mask in the cache when it is small enough. It returns
// nil pixels when there is nothing to draw: a glyph off the clip is not
// rasterised.
func (d *GlyphDrawer) rasterize(k glyphKey, dot fixed.Point26_6, clip image.Rectangle) (glyphMask, []uint8, error) {
	segs, err := k.f.LoadGlyph(&d.buf, sfnt.GlyphIndex(k.gid), k.ppem, nil)
	if err != nil {
		return glyphMask{}, nil, err
	}
	if len(segs) == 0 {
		// Kept too, so that a space is not loaded again.
		d.cache.reserve(k, &glyphMask{}, 0)
		return glyphMask{}, nil, nil
	}
	b := segs.Bounds().Add(dot)
	dr := image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil())
	w, h := dr.Dx(), dr.Dy()
	if w <= 0 || h <= 0 || !dr.Overlaps(clip) {
		return glyphMask{}, nil, nil
	}
	g := glyphMask{
		offX: int32(dr.Min.X - int(dot.X>>6)), offY: int32(dr.Min.Y - int(dot.Y>>6)),
		w: int32(w), h: int32(h),
	}
	if cap(d.scratch) < w*h {
		d.scratch = make([]uint8, 2*w*h)
	}
	pix := d.scratch[:w*h]
	clear(pix)
	d.mask.Pix, d.mask.Stride, d.mask.Rect = pix, w, image.Rect(0, 0, w, h)
	bx, by := dot.X-fixed.Int26_6(dr.Min.X<<6), dot.Y-fixed.Int26_6(dr.Min.Y<<6)
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
	if kept := d.cache.reserve(k, &g, w*h); kept != nil {
		copy(kept, pix)
	}
	return g, pix, nil
}
