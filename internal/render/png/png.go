// Package png draws frames into raster images. It never measures or wraps
// text: each glyph is drawn by its glyph ID where the frame placed it
// (GlyphDrawer: the glyph's outline from golang.org/x/image/font/sfnt,
// which draws overlapping outlines of modern fonts without holes), while
// gg draws backgrounds, shapes, gradients and images.
package png

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/fogleman/gg"
)

// Renderer draws frames. It keeps buffers for drawing glyphs, which are
// not safe for concurrent use: give each goroutine its own Renderer.
type Renderer struct {
	glyphs GlyphDrawer
	// Backgrounds, when set, keeps the backgrounds of the pages drawn,
	// each drawn once (see Backgrounds). Renderers drawing the cards of
	// one batch share one.
	Backgrounds *Backgrounds
	// images are pictures resampled to the pixels they are drawn at.
	images images
	// dc is gg's context for dcImg, kept from one page to the next while
	// the image drawn into is the same (a worker reuses one image): making
	// one allocates a rasteriser of megabytes.
	dc    *gg.Context
	dcImg *image.RGBA
	// base is the background under the page drawn last, compressed once,
	// or nil (see Encode).
	base *Base
	// last is what the renderer drew last, and into which image, for the
	// next page to repaint only that (marks.go); marks collects the
	// marks of the page being drawn; touched, same, ink, lo and hi are
	// rowHints' buffers.
	last    lastPage
	marks   []mark
	touched []bool
	same    []bool
	ink     []int32
	lo, hi  []int32
	cells   []uint64
	// ix is the palette indexes of the flat page drawn last (indexed.go).
	ix indexed
}

// New returns a renderer. It draws text with the fonts the frames' runs
// carry.
func New() *Renderer { return &Renderer{} }

// Render draws page p at scale pixels per point into a new image of its
// trim size, rounded to whole pixels. The bleed is not drawn: screens show
// the trim.
func (r *Renderer) Render(p *frame.Page, scale float64) (*image.RGBA, error) {
	w, h := int(math.Round(p.W()*scale)), int(math.Round(p.H()*scale))
	return r.render(nil, p, w, h, scale)
}

// RenderInto draws page p into an image w × h pixels large, at w/W pixels
// per point: into img when it already has that size (a worker drawing card
// after card reuses one), else into a new image. It returns the image.
func (r *Renderer) RenderInto(img *image.RGBA, p *frame.Page, w, h int) (*image.RGBA, error) {
	return r.render(img, p, w, h, float64(w)/p.W())
}

// render checks that w × h is a drawable size, finds or makes the image
// and draws p's frame into it at scale: its background from the
// renderer's Backgrounds when it has one.
func (r *Renderer) render(img *image.RGBA, p *frame.Page, w, h int, scale float64) (*image.RGBA, error) {
	if w <= 0 || h <= 0 || w > 20000 || h > 20000 {
		return nil, fmt.Errorf("render %s: %d × %d pixels is not a drawable size", p.Label, w, h)
	}
	if img == nil || img.Rect != image.Rect(0, 0, w, h) || img.Stride != 4*w {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	f := p.Frame
	r.base = nil
	reuse := img == r.last.img
	r.last.img = nil // known again only once p is drawn
	r.marks = r.marks[:0]
	r.ix.img = nil
	if bg := r.Backgrounds.layer(p, w, h, scale); bg != nil {
		if bg.err != nil {
			return nil, bg.err
		}
		r.base = bg.base
		u := under{layer: bg}
		if !r.restore(img, u, reuse) {
			copy(img.Pix, bg.img.Pix)
		}
		return img, r.drawOver(img, f.Items[p.Background.Items:], f, scale, u)
	}
	if c, ok := coverFill(f, img, scale); ok {
		// A flat background: filled in full, or only where the last
		// page drew over the same colour.
		u := under{fill: c}
		restored := r.restore(img, u, reuse)
		if !restored {
			if err := r.draw(img, &frame.Frame{W: f.W, H: f.H, Items: f.Items[:1]}, scale, true); err != nil {
				return img, err
			}
		}
		// The palette indexes are kept as it is drawn (indexed.go).
		r.ix.begin(img, pixel(c), r.last.marks, restored)
		r.glyphs.ix = &r.ix
		err := r.drawOver(img, f.Items[1:], f, scale, u)
		r.glyphs.ix = nil
		if err != nil {
			r.ix.img = nil
			return img, err
		}
		r.ix.end(r.marks)
		return img, nil
	}
	return img, r.draw(img, f, scale, false)
}

// drawOver draws items of f (the page's own, over its background u, which
// img already holds) and remembers what they marked.
func (r *Renderer) drawOver(img *image.RGBA, items []frame.Item, f *frame.Frame, scale float64, u under) error {
	r.marks = r.marks[:0]
	// Over a Base, each glyph's box is kept besides its run's mark: the
	// encoder copies the Base's bits between glyphs (rowHints' cells).
	r.glyphs.boxes, r.glyphs.keepBoxes = r.glyphs.boxes[:0], u.layer != nil
	err := r.draw(img, &frame.Frame{W: f.W, H: f.H, Items: items}, scale, true)
	r.glyphs.keepBoxes = false
	if err != nil {
		return err
	}
	r.remember(img, u)
	return nil
}

// Draw draws f into img, which it first clears to transparent.
func (r *Renderer) Draw(img *image.RGBA, f *frame.Frame, scale float64) error {
	r.last.img, r.marks = nil, r.marks[:0]
	return r.draw(img, f, scale, false)
}

// draw draws f into img; unless img is already prepared (a background
// copied in), it is cleared first, or left for f's first item to cover.
func (r *Renderer) draw(img *image.RGBA, f *frame.Frame, scale float64, prepared bool) error {
	if !prepared && !covers(f, img, scale) {
		clear(img.Pix)
		if img.Stride != 4*img.Rect.Dx() {
			draw.Draw(img, img.Bounds(), image.Transparent, image.Point{}, draw.Src)
		}
	}
	p := &painter{r: r, img: img, clip: img.Bounds()}
	err := f.Draw(p, frame.Transform{S: scale})
	if err != nil || len(p.clips) > 0 {
		// gg's state is not known to be clean: start afresh next time.
		r.dc = nil
	}
	return err
}

// covers reports whether f's first item paints every pixel of img opaquely
// (a card's flat background), so clearing img first would be wasted.
func covers(f *frame.Frame, img *image.RGBA, scale float64) bool {
	_, ok := coverColor(f, img, scale)
	return ok
}

// coverColor returns the colour of f's first item when it is a rectangle
// that fills every pixel of img with it opaquely.
func coverColor(f *frame.Frame, img *image.RGBA, scale float64) (frame.Color, bool) {
	if len(f.Items) == 0 {
		return frame.Color{}, false
	}
	it, ok := f.Items[0].(*frame.Rect)
	if !ok {
		return frame.Color{}, false
	}
	c, ok := it.Fill.(frame.Color)
	if !ok || !c.Opaque() {
		return frame.Color{}, false
	}
	pr, ok := pixelRect(it.X*scale, it.Y*scale, it.W*scale, it.H*scale)
	return c, ok && img.Rect.In(pr)
}

// coverFill is coverColor for a first item that is only that fill (no
// stroke), which filling its colour again restores.
func coverFill(f *frame.Frame, img *image.RGBA, scale float64) (frame.Color, bool) {
	c, ok := coverColor(f, img, scale)
	if !ok || f.Items[0].(*frame.Rect).StrokeWidth > 0 {
		return frame.Color{}, false
	}
	return c, true
}

// painter draws the items frame.Draw hands it into one image: glyphs with
// by glyph ID straight into the pixels, images resampled once,
// everything else with gg.
type painter struct {
	r   *Renderer
	img *image.RGBA
	// dc is gg's context on img, made on first use (see gg).
	dc *gg.Context
	// clip is the pixel rectangle drawing is limited to (the image, or the
	// innermost clip); clips holds what each PushClip changed.
	clip  image.Rectangle
	clips []clip
}

// gg returns gg's context on the painter's image, with no clip, path or
// transformation: the renderer's when it was made for this image.
func (p *painter) gg() *gg.Context {
	if p.dc != nil {
		return p.dc
	}
	if p.r.dc == nil || p.r.dcImg != p.img {
		p.r.dc, p.r.dcImg = gg.NewContextForRGBA(p.img), p.img
	}
	p.dc = p.r.dc
	p.dc.ResetClip()
	p.dc.Identity()
	p.dc.ClearPath()
	return p.dc
}

// Line strokes a line with gg.
func (p *painter) Line(l *frame.Line, t frame.Transform) error {
	dc := p.gg()
	dc.SetColor(nrgba(l.Color))
	dc.SetLineWidth(l.Width * t.S)
	dc.DrawLine(t.X(l.X0), t.Y(l.Y0), t.X(l.X1), t.Y(l.Y1))
	dc.Stroke()
	// Its caps reach past the ends by up to the width.
	p.markBox(t.X(l.X0), t.Y(l.Y0), t.X(l.X1), t.Y(l.Y1), l.Width*t.S)
	return nil
}

// Link does nothing: links live only in PDFs.
func (p *painter) Link(*frame.Link, frame.Transform) error { return nil }

// PDFPage does nothing: only the PDF exporter can place another PDF's
// page, and no PNG is made of a frame that holds one (`broadside tile`
// writes PDF only).
func (p *painter) PDFPage(*frame.PDFPage, frame.Transform) error { return nil }

// Rect fills a rectangle with its colour or gradient and strokes it.
func (p *painter) Rect(it *frame.Rect, t frame.Transform) error {
	x, y, w, h := t.X(it.X), t.Y(it.Y), it.W*t.S, it.H*t.S
	switch f := it.Fill.(type) {
	case frame.Color:
		if pr, ok := pixelRect(x, y, w, h); ok {
			// Edges on whole pixels need no anti-aliasing: fill directly,
			// which is many times faster than rasterising a path.
			if f.Opaque() {
				draw.Draw(p.img, pr.Intersect(p.clip), image.NewUniform(nrgba(f)), image.Point{}, draw.Src)
			} else {
				fillOver(p.img, pr.Intersect(p.clip), nrgba(f))
			}
			p.mark(pr.Intersect(p.clip), true)
			break
		}
		dc := p.gg()
		dc.DrawRectangle(x, y, w, h)
		dc.SetColor(nrgba(f))
		dc.Fill()
		p.markBox(x, y, x+w, y+h, 0)
	case *frame.Gradient:
		if pr, ok := pixelRect(x, y, w, h); ok && !p.masked() {
			// On whole pixels, gg's own pixels, without gg (gradient.go).
			gradientRect(p.img, pr.Intersect(p.clip), f, t.X(f.X0), t.Y(f.Y0), t.X(f.X1), t.Y(f.Y1))
			p.mark(pr.Intersect(p.clip), false)
			break
		}
		g := gg.NewLinearGradient(t.X(f.X0), t.Y(f.Y0), t.X(f.X1), t.Y(f.Y1))
		for _, s := range f.Stops {
			g.AddColorStop(s.Offset, nrgba(s.Color))
		}
		dc := p.gg()
		dc.DrawRectangle(x, y, w, h)
		dc.SetFillStyle(g)
		dc.Fill()
		p.markBox(x, y, x+w, y+h, 0)
	}
	if it.StrokeWidth > 0 {
		dc := p.gg()
		dc.DrawRectangle(x, y, w, h)
		dc.SetColor(nrgba(it.Stroke))
		dc.SetLineWidth(it.StrokeWidth * t.S)
		dc.Stroke()
		p.markBox(x, y, x+w, y+h, it.StrokeWidth*t.S)
	}
	return nil
}

// Path fills its subpaths as one shape, so where they touch there is no
// seam. Snapped, every vertex goes to a whole pixel; a snapped path of
// rectangles then fills whole pixels directly, with no anti-aliasing.
func (p *painter) Path(it *frame.Path, t frame.Transform) error {
	at := func(pt frame.Point) (float64, float64) {
		x, y := t.X(pt.X), t.Y(pt.Y)
		if it.Snap {
			x, y = math.Round(x), math.Round(y)
		}
		return x, y
	}
	if it.Snap {
		if rects, ok := pixelRects(it.Subpaths, at); ok {
			op := draw.Over
			if it.Fill.Opaque() {
				op = draw.Src
			}
			src := image.NewUniform(nrgba(it.Fill))
			for _, r := range rects {
				draw.Draw(p.img, r.Intersect(p.clip), src, image.Point{}, op)
				p.mark(r.Intersect(p.clip), true)
			}
			return nil
		}
	}
	dc := p.gg()
	dc.ClearPath()
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, sp := range it.Subpaths {
		for i, pt := range sp {
			x, y := at(pt)
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			if i == 0 {
				dc.MoveTo(x, y)
			} else {
				dc.LineTo(x, y)
			}
		}
		dc.ClosePath()
	}
	dc.SetFillRule(gg.FillRuleWinding)
	dc.SetColor(nrgba(it.Fill))
	dc.Fill()
	if x0 <= x1 {
		p.markBox(x0, y0, x1, y1, 0)
	}
	return nil
}

// pixelRects returns the subpaths as pixel rectangles when each is a
// rectangle with its edges across and down, as at maps them; ok is false
// otherwise.
func pixelRects(subpaths [][]frame.Point, at func(frame.Point) (float64, float64)) ([]image.Rectangle, bool) {
	out := make([]image.Rectangle, 0, len(subpaths))
	for _, sp := range subpaths {
		if len(sp) != 4 {
			return nil, false
		}
		x0, y0 := at(sp[0])
		x1, y1 := at(sp[1])
		x2, y2 := at(sp[2])
		x3, y3 := at(sp[3])
		if y0 != y1 || x1 != x2 || y2 != y3 || x3 != x0 {
			return nil, false
		}
		out = append(out, image.Rect(int(x0), int(y0), int(x2), int(y2)).Canon())
	}
	return out, true
}

// Text draws each glyph of a run, by its glyph ID, at the position the
// frame gives it.
func (p *painter) Text(it *frame.Text, t frame.Transform) error {
	fnt, ok := it.Font.(*font.Font)
	if !ok {
		return fmt.Errorf("render: a text run's font (%v) has no outlines to draw", it.Font)
	}
	sf := fnt.SFNT()
	px := it.Size * t.S
	col := nrgba(it.Color)
	dst := p.img.SubImage(p.clip).(*image.RGBA)
	p.r.glyphs.drawn = image.Rectangle{}
	for _, g := range it.Glyphs {
		if err := p.r.glyphs.Draw(dst, p.clip, sf, g.ID, px, t.X(it.X+g.X), t.Y(it.Y+g.Y), col); err != nil {
			return fmt.Errorf("render: font %s, glyph %d: %w", fnt.Key, g.ID, err)
		}
	}
	p.markText(p.r.glyphs.drawn)
	return nil
}

// coverage maps 256 levels of glyph coverage onto 65 (0, 1/64, ... 1).
// The eye cannot tell 64 steps of anti-aliasing from 256, and a card set
// in a few flat colours then has few enough colours (under 256) to be
// written as a palette PNG: smaller, and several times faster to encode.
var coverage = func() (t [256]uint8) {
	for i := range t {
		k := (i*64 + 127) / 255
		t[i] = uint8((k*255 + 32) / 64)
	}
	return
}()

// quantize applies coverage to the part r of a glyph mask.
func quantize(a *image.Alpha, r image.Rectangle) {
	r = r.Intersect(a.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := a.Pix[a.PixOffset(r.Min.X, y):a.PixOffset(r.Max.X, y)]
		for i, v := range row {
			row[i] = coverage[v]
		}
	}
}

// pixelRect returns the rectangle as whole pixels when its edges fall on
// pixel boundaries.
func pixelRect(x, y, w, h float64) (image.Rectangle, bool) {
	whole := func(v float64) bool { return math.Abs(v-math.Round(v)) < 1e-6 }
	if !whole(x) || !whole(y) || !whole(x+w) || !whole(y+h) {
		return image.Rectangle{}, false
	}
	return image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h))), true
}

func nrgba(c frame.Color) color.NRGBA { return color.NRGBA{R: c.R, G: c.G, B: c.B, A: c.A} }

// pixel is an opaque colour as an RGBA pixel read as a little-endian
// uint32.
func pixel(c frame.Color) uint32 {
	return uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | 0xff<<24
}
