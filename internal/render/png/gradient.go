package png

import (
	"encoding/binary"
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
	rp := newRamp(stops)
	inv := 1 / (mag * mag)
	at := func(x, y int, memo *spanMemo) [4]uint32 {
		fx, fy := float64(x), float64(y)
		switch {
		case dy == 0 && dx != 0:
			return colorAt((fx-x0)/dx, stops)
		case dx == 0 && dy != 0:
			return colorAt((fy-y0)/dy, stops)
		}
		// gg measures the pixel's distance from the line through the
		// start square to the gradient, by the foot of a perpendicular and
		// math.Hypot; that is the projection on the gradient, worked out
		// here as one product a pixel, and the colour there by products
		// worked out once (ramp). The two differ in the last bits of the
		// position, which moves a colour channel only where its 8-bit value
		// is exactly on a boundary: TestGradientRectIsGG finds no pixel
		// where it does. (Half the time of a slanted gradient went to
		// math.Hypot and the divisions.)
		dot := dx*(fx-x0) + dy*(fy-y0)
		if dot < 0 {
			return stops[0].c
		}
		if mag == 0 {
			return colorAt(math.NaN(), stops) // gg's 0/0
		}
		pos := dot * inv
		if lo, hi := memo.lo, memo.hi; lo < pos && pos < hi {
			return memo.c
		}
		memo.c, memo.lo, memo.hi = rp.span(pos)
		return memo.c
	}
	across := dx == 0 && dy != 0 // one colour a row
	slanted := dx != 0 && dy != 0
	gx0, gy0 := x0, y0 // the gradient's start (band's y0 is a row)
	opaque := true
	for _, s := range stops {
		opaque = opaque && s.c[3] == 0xffff
	}
	band := func(y0, y1 int) {
		var memo spanMemo // the colour last worked out, and where it holds
		for y := y0; y < y1; y++ {
			row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
			if slanted && opaque {
				// at, unrolled for the common case: an opaque slanted
				// gradient, every pixel's colour written as it is.
				ry := dy * (float64(y-img.Rect.Min.Y) - gy0)
				first, c := pack(stops[0].c), pack(memo.c)
				for i, x := 0, r.Min.X; i+4 <= len(row); i, x = i+4, x+1 {
					dot := dx*(float64(x-img.Rect.Min.X)-gx0) + ry
					if dot < 0 {
						binary.LittleEndian.PutUint32(row[i:], first)
						continue
					}
					if pos := dot * inv; !(memo.lo < pos && pos < memo.hi) {
						memo.c, memo.lo, memo.hi = rp.span(pos)
						c = pack(memo.c)
					}
					binary.LittleEndian.PutUint32(row[i:], c)
				}
				continue
			}
			var c [4]uint32
			if across {
				c = at(r.Min.X-img.Rect.Min.X, y-img.Rect.Min.Y, &memo)
			}
			for i, x := 0, r.Min.X; i < len(row); i, x = i+4, x+1 {
				if !across {
					c = at(x-img.Rect.Min.X, y-img.Rect.Min.Y, &memo)
				}
				if opaque {
					// over16 of an opaque colour is the colour.
					row[i], row[i+1], row[i+2], row[i+3] = uint8(c[0]>>8), uint8(c[1]>>8), uint8(c[2]>>8), uint8(c[3]>>8)
					continue
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
	eachBand(splitRows(y0, y1, split), func(_, y0, y1 int) { do(y0, y1) })
}

// eachBand calls do for each band of rows (splitRows), at once, with the
// band's index, and returns when all have returned.
func eachBand(bs [][2]int, do func(i, y0, y1 int)) {
	var wg sync.WaitGroup
	for i, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do(i, b[0], b[1])
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

// ramp is colorAt with each stop's channels as floats and each span's
// reciprocal length worked out once.
type ramp struct {
	stops []gstop
	c     [][4]float64
	inv   []float64
}

func newRamp(stops []gstop) *ramp {
	r := &ramp{stops: stops, c: make([][4]float64, len(stops)), inv: make([]float64, len(stops))}
	for i, s := range stops {
		for k := range s.c {
			r.c[i][k] = float64(s.c[k])
		}
		if i > 0 {
			r.inv[i] = 1 / (s.pos - stops[i-1].pos)
		}
	}
	return r
}

// at is colorAt(pos, r.stops), up to the last bits of the lerp.
func (r *ramp) at(pos float64) [4]uint32 {
	stops := r.stops
	if pos <= 0 || len(stops) == 1 {
		return stops[0].c
	}
	last := stops[len(stops)-1]
	if pos >= last.pos {
		return last.c
	}
	for i := 1; i < len(stops); i++ {
		if pos < stops[i].pos {
			t := (pos - stops[i-1].pos) * r.inv[i]
			a, b := &r.c[i-1], &r.c[i]
			var c [4]uint32
			for k := range c {
				v := uint32(uint8(int32(a[k]*(1-t)+b[k]*t) >> 8))
				c[k] = v | v<<8
			}
			return c
		}
	}
	return last.c
}

// pack is an opaque 16-bit colour's RGBA pixel, as four bytes in order.
func pack(c [4]uint32) uint32 {
	return c[0]>>8 | c[1]>>8<<8 | c[2]>>8<<16 | c[3]>>8<<24
}

// spanMemo is a colour of a ramp and the positions lo < pos < hi where
// it holds (span).
type spanMemo struct {
	c      [4]uint32
	lo, hi float64
}

// span returns at(pos) and positions lo < pos < hi between which at gives
// the same colour, or lo == hi when it cannot tell. Each channel is a
// straight line in the position within a stop's span; the colour holds
// while every channel stays between the same multiples of 256, less a
// margin (1e-9 of the span) far wider than the lerp's rounding.
func (r *ramp) span(pos float64) (c [4]uint32, lo, hi float64) {
	c = r.at(pos)
	stops := r.stops
	if pos <= 0 || len(stops) == 1 || pos >= stops[len(stops)-1].pos {
		return c, pos, pos
	}
	i := 1
	for pos >= stops[i].pos {
		i++
	}
	p0, p1 := stops[i-1].pos, stops[i].pos
	if p0 < 0 || p0 >= p1 || pos < p0 {
		return c, pos, pos
	}
	t0, t1 := 0.0, 1.0
	a, b := &r.c[i-1], &r.c[i]
	for k := range c {
		d := b[k] - a[k]
		if d == 0 {
			continue
		}
		v := float64(c[k] & 0xff) // the channel's 8-bit value
		ta, tb := (256*v-a[k])/d, (256*(v+1)-a[k])/d
		if ta > tb {
			ta, tb = tb, ta
		}
		t0, t1 = max(t0, ta), min(t1, tb)
	}
	const margin = 1e-9
	lo, hi = p0+(t0+margin)*(p1-p0), p0+(t1-margin)*(p1-p0)
	if !(lo < pos && pos < hi) {
		return c, pos, pos
	}
	return c, lo, hi
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
