package scaledjpeg

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand"
	"sync"
	"testing"
)

var (
	benchOnce sync.Once
	benchJPEG []byte
)

// benchPhoto is a 4000 × 3000 photo-like JPEG (the size of a phone photo)
// at quality 90: smooth gradients, noise and hard edges.
func benchPhoto(b *testing.B) []byte {
	benchOnce.Do(func() {
		const w, h = 4000, 3000
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		rng := rand.New(rand.NewSource(1))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				fx, fy := float64(x)/w, float64(y)/h
				r := 120 + 90*math.Sin(fx*7+fy*3)
				g := 130 + 80*math.Cos(fy*5-fx*2)
				bl := 70 + 140*fx*fy
				if dx, dy := x-1300, y-1200; dx*dx+dy*dy < 700*700 {
					r, g, bl = 220, 190, 60
				}
				if (x/170+y/230)%4 == 0 {
					r, g, bl = r*0.7, g*0.7, bl*0.8
				}
				n := rng.NormFloat64() * 6
				i := m.PixOffset(x, y)
				m.Pix[i] = uint8(math.Max(0, math.Min(255, r+n)))
				m.Pix[i+1] = uint8(math.Max(0, math.Min(255, g+n)))
				m.Pix[i+2] = uint8(math.Max(0, math.Min(255, bl+n)))
				m.Pix[i+3] = 255
			}
		}
		benchJPEG = encode(b, m, 90)
	})
	return benchJPEG
}

func BenchmarkDecode(b *testing.B) {
	data := benchPhoto(b)
	b.Run("imagejpeg", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, scale := range []int{1, 2, 4, 8} {
		b.Run("scale"+string(rune('0'+scale)), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Decode(data, scale); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
