package png

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/fogleman/gg"
)

// TestGradientRectIsGG: a linear gradient filled on whole pixels by
// gradientRect gives gg's pixels exactly, at every angle (across, down,
// slanted, backwards), with one to three stops, translucent ones too, over
// opaque, translucent and empty pixels, in rectangles that reach past the
// image, small ones and ones drawn a band of rows per core.
func TestGradientRectIsGG(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	col := func() frame.Color {
		c := frame.Color{R: uint8(rng.IntN(256)), G: uint8(rng.IntN(256)), B: uint8(rng.IntN(256)), A: 255}
		if rng.IntN(3) == 0 {
			c.A = uint8(rng.IntN(256))
		}
		return c
	}
	for n := range 309 {
		w, h := 20+rng.IntN(60), 20+rng.IntN(60)
		if n >= 300 {
			// Large enough to be drawn a band per core.
			w, h = 600+rng.IntN(100), 500+rng.IntN(100)
		}
		if n >= 306 {
			// A card's size, slanted, opaque: every level of each
			// channel is crossed somewhere (the colour kept along a row
			// between its ends, span, must change exactly where gg's does).
			w, h = 1080, 1080+135*(n-306)
		}
		bg := image.NewRGBA(image.Rect(0, 0, w, h))
		switch n % 3 {
		case 0: // opaque noise
			for i := range bg.Pix {
				bg.Pix[i] = uint8(rng.IntN(256))
			}
			for i := 3; i < len(bg.Pix); i += 4 {
				bg.Pix[i] = 255
			}
		case 1: // translucent, premultiplied
			for i := 0; i < len(bg.Pix); i += 4 {
				a := uint8(rng.IntN(256))
				bg.Pix[i], bg.Pix[i+1], bg.Pix[i+2], bg.Pix[i+3] = a/2, a/3, a, a
			}
		}
		g := &frame.Gradient{}
		for range 1 + rng.IntN(3) {
			g.Stops = append(g.Stops, frame.Stop{Offset: rng.Float64(), Color: col()})
		}
		if n >= 306 {
			g.Stops = []frame.Stop{
				{Offset: 0, Color: frame.Color{R: 0x14, G: 0x1a, B: 0x3c, A: 255}},
				{Offset: 0.5, Color: frame.Color{R: 255, G: 0, B: 128, A: 255}},
				{Offset: 1, Color: frame.Color{R: 0, G: 255, B: 0x5b, A: 255}},
			}
		}
		if n%4 == 0 {
			g.Stops[0].Offset = 0
		}
		x0, y0 := rng.Float64()*float64(w), rng.Float64()*float64(h)
		x1, y1 := rng.Float64()*float64(w), rng.Float64()*float64(h)
		switch n % 5 {
		case 0:
			y1 = y0 // across
		case 1:
			x1 = x0 // down
		}
		r := image.Rect(rng.IntN(w)-5, rng.IntN(h)-5, rng.IntN(w)+10, rng.IntN(h)+10).Canon()
		if n >= 306 {
			x0, y0, x1, y1 = 40, float64(h)-30, float64(w)-70, 25+float64(n)
			r = bg.Rect
		}
		want := image.NewRGBA(bg.Rect)
		copy(want.Pix, bg.Pix)
		dc := gg.NewContextForRGBA(want)
		lg := gg.NewLinearGradient(x0, y0, x1, y1)
		for _, s := range g.Stops {
			lg.AddColorStop(s.Offset, nrgba(s.Color))
		}
		dc.DrawRectangle(float64(r.Min.X), float64(r.Min.Y), float64(r.Dx()), float64(r.Dy()))
		dc.SetFillStyle(lg)
		dc.Fill()
		got := image.NewRGBA(bg.Rect)
		copy(got.Pix, bg.Pix)
		gradientRect(got, r.Intersect(got.Rect), g, x0, y0, x1, y1)
		if !bytes.Equal(got.Pix, want.Pix) {
			for i := range got.Pix {
				if got.Pix[i] != want.Pix[i] {
					p := i / 4
					t.Fatalf("case %d (%v, %d stops, %.1f,%.1f → %.1f,%.1f): pixel %d,%d is %v, gg's %v", n, r, len(g.Stops), x0, y0, x1, y1,
						p%w, p/w, got.Pix[i&^3:i&^3+4], want.Pix[i&^3:i&^3+4])
				}
			}
		}
	}
}

// BenchmarkGradientRect fills a square card with dusk's slanted gradient,
// as a theme's background is drawn once per batch before any card.
func BenchmarkGradientRect(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	g := &frame.Gradient{Stops: []frame.Stop{{Offset: 0, Color: frame.Color{R: 0x14, G: 0x1a, B: 0x3c, A: 255}}, {Offset: 1, Color: frame.Color{R: 0x3d, G: 0x1a, B: 0x5b, A: 255}}}}
	for i := 0; i < b.N; i++ {
		gradientRect(img, img.Rect, g, 100, 900, 980, 180)
	}
}
