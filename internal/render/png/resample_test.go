package png

import (
	"image"
	"math/rand/v2"
	"testing"
)

// photoYCbCr is a w × h 4:2:0 photo of noise over smooth ramps.
func photoYCbCr(w, h int) *image.YCbCr {
	r := rand.New(rand.NewPCG(41, 42))
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[y*img.YStride+x] = uint8((x+y)/16 + r.IntN(32))
		}
	}
	for i := range img.Cb {
		img.Cb[i] = uint8(100 + r.IntN(40))
		img.Cr[i] = uint8(120 + r.IntN(40))
	}
	return img
}

// BenchmarkResamplePhoto covers a square card with a 4000 × 3000 photo
// decoded at half its size, as the photo theme's background is drawn.
func BenchmarkResamplePhoto(b *testing.B) {
	src := photoYCbCr(2000, 1500)
	dst := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	dr := image.Rect(-180, 0, 1260, 1080)
	for i := 0; i < b.N; i++ {
		resample(dst, dr, src)
	}
}

// A plane's rows are its taps' sums in order, across then down, bit for
// bit as the plain loops give them, whatever the scale (up, down, by a
// little or a lot, so that two, three, four or more taps are summed and
// the source's edges are reached) and with one channel or four.
func TestPlaneSums(t *testing.T) {
	r := rand.New(rand.NewPCG(43, 44))
	for _, scale := range []float64{0.3, 0.69, 1, 1.389, 1.85, 2.5, 3.7} {
		for _, nc := range []int{1, 4} {
			srcW, srcH := 57, 41
			outW, outH := int(float64(srcW)/scale), int(float64(srcH)/scale)
			src := make([][]uint8, srcH)
			for y := range src {
				src[y] = make([]uint8, srcW*nc)
				for x := range src[y] {
					src[y][x] = uint8(r.IntN(256))
				}
			}
			h, v := tent(0, outW, scale, srcW), tent(0, outH, scale, srcH)
			p := newPlane(nc, func(y int) []uint8 { return src[y] }, &h, &v, outW)
			got := make([]float32, outW*nc)
			for oy := 0; oy < outH; oy++ {
				p.out(oy, got)
				for ox := 0; ox < outW; ox++ {
					for c := 0; c < nc; c++ {
						var want float32
						for j := 0; j < v.n[oy]; j++ {
							var across float32
							row := src[v.start[oy]+j]
							for k := 0; k < h.n[ox]; k++ {
								across += h.w[ox*h.stride+k] * float32(row[(h.start[ox]+k)*nc+c])
							}
							want += v.w[oy*v.stride+j] * across
						}
						if g := got[ox*nc+c]; g != want {
							t.Fatalf("scale %v, %d channels: sample (%d, %d, %d) is %v, want %v", scale, nc, ox, oy, c, g, want)
						}
					}
				}
			}
		}
	}
}
