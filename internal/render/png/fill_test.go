package png

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// fillOver gives image/draw's pixels, byte for byte, for colours of every
// alpha (clear to all but opaque) over pixels of every value, for areas
// small (one band) and large (a band per core), clipped to the image.
func TestFillOver(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for _, tc := range []struct {
		size image.Point
		area image.Rectangle
	}{
		{image.Pt(40, 30), image.Rect(3, 4, 37, 29)},
		{image.Pt(700, 500), image.Rect(-10, -10, 800, 600)},
	} {
		for trial := 0; trial < 20; trial++ {
			c := color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(255))}
			if trial == 0 {
				c.A = 0
			}
			want := image.NewRGBA(image.Rectangle{Max: tc.size})
			for i := range want.Pix {
				want.Pix[i] = uint8(r.IntN(256))
			}
			got := image.NewRGBA(want.Rect)
			copy(got.Pix, want.Pix)
			draw.Draw(want, tc.area, image.NewUniform(c), image.Point{}, draw.Over)
			fillOver(got, tc.area, c)
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Fatalf("%v over %v: pixels differ from image/draw's", c, tc.area)
			}
		}
	}
}

// BenchmarkFillOver lays a photo theme's overlay over a square card.
func BenchmarkFillOver(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	c := color.NRGBA{0x22, 0x22, 0x22, 166}
	for i := 0; i < b.N; i++ {
		fillOver(img, img.Rect, c)
	}
}
