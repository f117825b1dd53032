package png

import (
	"image"
	"math"
	"runtime"
	"sync"

	"github.com/broadside/broadside/internal/frame"
)

// gradientRect fills r, a rectangle on whole pixels, with the linear
// gradient g (in pixels) over what is there, giving exactly the pixels gg
// gives when it fills the same rectangle with gg.NewLinearGradient: the
// same position along the gradient for each pixel (gg's linearGradient
// ColorAt, to the last bit of its floating point), the same colour at that
// position (getColor, colorLerp) and the same compositing of a fully
// covered pixel (patternPainter.Paint at coverage 0xffff). gg asks an
// interface for every pixel's colour and boxes it: a theme's gradient
// behind a square card took 0.15 s of CPU, on the path of the first card of
// every batch (docs/performance.md, lever 25); this takes a sixth of it,
// on every core, and a row's colour once when the gradient runs down the
// page.
func gradientRect(img *image.RGBA, r image.Rectangle, g *frame.Gradient, x0, y0, x1, y1 float64) {
	if r.Empty() {
		return
	}
	stops := make([]gstop, 0, len(g.Stops))
	for _, s := range g.Stops {
		// gg keeps its stops sorted by offset (a stable sort).
		i := len(stops)
		for i > 0 && stops[i-1].pos > s.Offset {
			i--
		}
		c := nrgba(s.Color)
		cr, cg, cb, ca := c.RGBA()
		stops = append(stops, gstop{})
		copy(stops[i+1:], stops[i:])
		stops[i] = gstop{pos: s.Offset, c: [4]uint32{cr, cg, cb, ca}}
	}
	if len(stops) == 0 {
		return // gg paints transparent: nothing
	}
	dx, dy := x1-x0, y1-y0
	mag := math.Hypot(dx, dy)
	at := func(x, y int) [4]uint32 {
		fx, fy := float64(x), float64(y)
		switch {
		case dy == 0 && dx != 0:
			return colorAt((fx-x0)/dx, stops)
		case dx == 0 && dy != 0:
			return colorAt((fy-y0)/dy, stops)
		}
		if dx*(fx-x0)+dy*(fy-y0) < 0 {
			return stops[0].c
		}
		u := ((fx-x0)*-dy + (fy-y0)*dx) / (mag * mag)
		x2, y2 := x0+u*-dy, y0+u*dx
		return colorAt(math.Hypot(fx-x2, fy-y2)/mag, stops)
	}
	across := dx == 0 && dy != 0 // one colour a row
	band := func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
			var c [4]uint32
			if across {
				c = at(r.Min.X-img.Rect.Min.X, y-img.Rect.Min.Y)
			}
			for i, x := 0, r.Min.X; i < len(row); i, x = i+4, x+1 {
				if !across {
					c = at(x-img.Rect.Min.X, y-img.Rect.Min.Y)
				}
				over16(row[i:i+4:i+4], c)
			}
		}
	}
	// A background is drawn before any card over it, while the workers
	// wait: a band of rows per core.
	bands(r.Min.Y, r.Max.Y, r.Dx()*r.Dy() >= 1<<18, band)
}

// bands calls do for bands of the rows y0 to y1 (splitRows), at once.
func bands(y0, y1 int, split bool, do func(y0, y1 int)) {
	var wg sync.WaitGroup
	for _, b := range splitRows(y0, y1, split) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do(b[0], b[1])
		}()
	}
	wg.Wait()
}

// splitRows cuts the rows y0 to y1 into a band per core when split and
// there are enough of them, else returns them as one.
func splitRows(y0, y1 int, split bool) [][2]int {
	n := runtime.GOMAXPROCS(0)
	if !split || y1-y0 < 4*n {
		return [][2]int{{y0, y1}}
	}
	out := make([][2]int, n)
	for i := range out {
		out[i] = [2]int{y0 + (y1-y0)*i/n, y0 + (y1-y0)*(i+1)/n}
	}
	return out
}

// gstop is a gradient stop with its colour as color.Color.RGBA gives it.
type gstop struct {
	pos float64
	c   [4]uint32
}

// colorAt is gg's getColor and colorLerp, on 16-bit premultiplied colours.
func colorAt(pos float64, stops []gstop) [4]uint32 {
	if pos <= 0 || len(stops) == 1 {
		return stops[0].c
	}
	last := stops[len(stops)-1]
	if pos >= last.pos {
		return last.c
	}
	for i, s := range stops[1:] {
		if pos < s.pos {
			t := (pos - stops[i].pos) / (s.pos - stops[i].pos)
			var c [4]uint32
			for k := range c {
				// color.RGBA's RGBA of the 8-bit lerp.
				v := uint32(uint8(int32(float64(stops[i].c[k])*(1-t)+float64(s.c[k])*t) >> 8))
				c[k] = v | v<<8
			}
			return c
		}
	}
	return last.c
}

// over16 composites colour c (16-bit premultiplied) over the pixel px as
// gg's pattern painter does at full coverage.
func over16(px []byte, c [4]uint32) {
	const m = 1<<16 - 1
	a := (m - c[3]) * 0x101
	px[0] = uint8((uint32(px[0])*a + c[0]*m) / m >> 8)
	px[1] = uint8((uint32(px[1])*a + c[1]*m) / m >> 8)
	px[2] = uint8((uint32(px[2])*a + c[2]*m) / m >> 8)
	px[3] = uint8((uint32(px[3])*a + c[3]*m) / m >> 8)
}
