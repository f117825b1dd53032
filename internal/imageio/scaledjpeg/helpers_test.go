package scaledjpeg

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand"
	"testing"
)

// photo is photo-like content: smooth gradients, a hard-edged disc and
// ±8 of noise.
func photo(w, h int, gray bool) image.Image {
	rng := rand.New(rand.NewSource(int64(w*7919 + h)))
	var g *image.Gray
	var c *image.RGBA
	if gray {
		g = image.NewGray(image.Rect(0, 0, w, h))
	} else {
		c = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	clip := func(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v))) }
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			r := 128 + 100*math.Sin(fx*5+fy*2)
			gr := 128 + 90*math.Cos(fy*4-fx)
			b := 60 + 150*fx*fy
			dx, dy := x-w/2, y-h/3
			if dx*dx+dy*dy < w*h/16 {
				r, gr, b = 230, 200, 40
			}
			if (x/(w/5+1)+y/(h/4+1))%3 == 0 {
				r, gr, b = r*0.6, gr*0.6, b*0.6
			}
			n := rng.Float64()*16 - 8
			if gray {
				g.Pix[y*g.Stride+x] = clip((r+gr+b)/3 + n)
			} else {
				c.Set(x, y, color.RGBA{clip(r + n), clip(gr + n), clip(b + n), 255})
			}
		}
	}
	if gray {
		return g
	}
	return c
}

func encode(t testing.TB, m image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// plane is one sample plane of an image.
type plane struct {
	pix    []uint8
	stride int
	w, h   int
	name   string
}

func planes(t testing.TB, m image.Image) []plane {
	t.Helper()
	switch m := m.(type) {
	case *image.Gray:
		return []plane{{m.Pix, m.Stride, m.Rect.Dx(), m.Rect.Dy(), "gray"}}
	case *image.YCbCr:
		// image/jpeg may give planes with a larger stride: the chroma
		// size is the one image.NewYCbCr gives.
		ref := image.NewYCbCr(m.Rect, m.SubsampleRatio)
		cw, ch := ref.CStride, len(ref.Cb)/max(ref.CStride, 1)
		return []plane{
			{m.Y, m.YStride, m.Rect.Dx(), m.Rect.Dy(), "Y"},
			{m.Cb, m.CStride, cw, ch, "Cb"},
			{m.Cr, m.CStride, cw, ch, "Cr"},
		}
	}
	t.Fatalf("image is %T", m)
	return nil
}

// box averages a plane over s×s boxes (partial boxes at the right and
// bottom edge over the samples they have).
func box(p plane, s int) plane {
	w, h := (p.w+s-1)/s, (p.h+s-1)/s
	out := plane{pix: make([]uint8, w*h), stride: w, w: w, h: h, name: p.name}
	for by := 0; by < h; by++ {
		for bx := 0; bx < w; bx++ {
			sum, n := 0, 0
			for y := by * s; y < min(by*s+s, p.h); y++ {
				for x := bx * s; x < min(bx*s+s, p.w); x++ {
					sum += int(p.pix[y*p.stride+x])
					n++
				}
			}
			out.pix[by*w+bx] = uint8((sum + n/2) / n)
		}
	}
	return out
}

type diff struct {
	max  int
	mean float64
	psnr float64
}

func compare(t testing.TB, got, want plane) diff {
	t.Helper()
	if got.w != want.w || got.h != want.h {
		t.Fatalf("%s plane is %d×%d, want %d×%d", got.name, got.w, got.h, want.w, want.h)
	}
	var d diff
	sum, sq := 0, 0
	for y := 0; y < got.h; y++ {
		for x := 0; x < got.w; x++ {
			e := int(got.pix[y*got.stride+x]) - int(want.pix[y*want.stride+x])
			if e < 0 {
				e = -e
			}
			d.max = max(d.max, e)
			sum += e
			sq += e * e
		}
	}
	n := float64(got.w * got.h)
	d.mean = float64(sum) / n
	if sq == 0 {
		d.psnr = math.Inf(1)
	} else {
		d.psnr = 10 * math.Log10(255*255/(float64(sq)/n))
	}
	return d
}
