package png

import (
	"image"
	"image/draw"
	"math"
)

// resample draws src scaled to fill the box dr into dst: only dst's own
// rectangle is computed, so a photo cropped to cover a card costs what the
// card shows. It filters with a triangle (tent) kernel widened by the
// reduction factor, so a 4000-pixel photo brought down to 1080 pixels
// averages every source pixel instead of sampling a few (which would
// shimmer), and it does so separably, a row at a time, keeping only the
// handful of filtered rows the kernel spans: a 12-megapixel photo scales in
// a few megabytes, where x/image/draw's kernels allocate a float buffer of
// the destination width times the source height (over 100 MB here) and gg's
// transform through a clip mask takes seconds.
//
// JPEG photos (YCbCr) are filtered plane by plane, the chroma planes at
// their own, smaller, resolution, and turned into RGB only at the output
// size: a quarter of the work of converting first. Work is split over the
// cores by output rows.
func resample(dst *image.RGBA, dr image.Rectangle, src image.Image) {
	vis := dst.Rect.Intersect(dr)
	sb := src.Bounds()
	if vis.Empty() || sb.Empty() {
		return
	}
	var job func(y0, y1 int)
	if yc, ok := src.(*image.YCbCr); ok && yc.Rect.Min == (image.Point{}) && ratio(yc.SubsampleRatio) != (image.Point{}) {
		job = ycbcrJob(dst, dr, vis, yc)
	} else {
		job = rgbaJob(dst, dr, vis, src)
	}
	// A band per core, when there is enough work to share.
	bands(vis.Min.Y, vis.Max.Y, sb.Dx()*sb.Dy() >= 1<<20, job)
}

// taps are a filter's weights along one axis: output sample i reads the
// source samples start[i] … start[i]+n[i]-1 with the weights
// w[i*stride : i*stride+n[i]], which add up to 1.
type taps struct {
	start, n []int
	w        []float32
	stride   int
}

// tent returns the taps for the output samples lo … hi-1 of an axis whose
// sample o is centred on source coordinate (o+0.5)*scale - 0.5, for a
// source of srcN samples. Samples beyond the source's edges are left out
// and the rest renormalised.
func tent(lo, hi int, scale float64, srcN int) taps {
	r := math.Max(1, scale)
	stride := int(2*r) + 2
	t := taps{start: make([]int, hi-lo), n: make([]int, hi-lo), w: make([]float32, (hi-lo)*stride), stride: stride}
	for o := lo; o < hi; o++ {
		i := o - lo
		c := (float64(o)+0.5)*scale - 0.5
		a := max(int(math.Ceil(c-r)), 0)
		b := min(int(math.Floor(c+r)), srcN-1)
		if a > b { // beyond the edge: take the nearest sample
			a = min(max(int(math.Round(c)), 0), srcN-1)
			b = a
		}
		var sum float64
		ws := t.w[i*stride : i*stride+stride]
		k := 0
		for j := a; j <= b && k < stride; j++ {
			wt := 1 - math.Abs(float64(j)-c)/r
			if wt <= 0 {
				if k == 0 {
					a++
					continue
				}
				break
			}
			ws[k] = float32(wt)
			sum += wt
			k++
		}
		if k == 0 {
			ws[0], sum, k = 1, 1, 1
		}
		for j := range ws[:k] {
			ws[j] = float32(float64(ws[j]) / sum)
		}
		t.start[i], t.n[i] = a, k
	}
	return t
}

// span returns the widest run of source samples any output sample reads.
func (t *taps) span() int {
	m := 1
	for _, n := range t.n {
		m = max(m, n)
	}
	return m
}

// plane filters one plane of samples (nc channels each, interleaved) into
// output rows, keeping the horizontally filtered source rows its vertical
// taps span in a ring.
type plane struct {
	nc   int
	row  func(sy int) []uint8 // source row sy
	h, v *taps                // across the visible columns; down the visible rows
	ring [][]float32
	have int // the last source row filtered into the ring
}

func newPlane(nc int, row func(int) []uint8, h, v *taps, w int) *plane {
	p := &plane{nc: nc, row: row, h: h, v: v, have: -1}
	p.ring = make([][]float32, v.span()+1)
	for i := range p.ring {
		p.ring[i] = make([]float32, w*nc)
	}
	return p
}

// out fills dst with output row i (counted from the first visible row).
func (p *plane) out(i int, dst []float32) {
	start, n := p.v.start[i], p.v.n[i]
	for sy := max(p.have+1, start); sy < start+n; sy++ {
		p.filterRow(p.row(sy), p.ring[sy%len(p.ring)])
		p.have = sy
	}
	ws := p.v.w[i*p.v.stride:]
	row := func(k int) []float32 { return p.ring[(start+k)%len(p.ring)][:len(dst)] }
	// The taps summed in order, as the loop at the end does, but in one
	// pass for the usual two to four.
	switch n {
	case 2:
		w0, w1 := ws[0], ws[1]
		r0, r1 := row(0), row(1)
		for x := range dst {
			dst[x] = w0*r0[x] + w1*r1[x]
		}
		return
	case 3:
		w0, w1, w2 := ws[0], ws[1], ws[2]
		r0, r1, r2 := row(0), row(1), row(2)
		for x := range dst {
			dst[x] = w0*r0[x] + w1*r1[x] + w2*r2[x]
		}
		return
	case 4:
		w0, w1, w2, w3 := ws[0], ws[1], ws[2], ws[3]
		r0, r1, r2, r3 := row(0), row(1), row(2), row(3)
		for x := range dst {
			dst[x] = w0*r0[x] + w1*r1[x] + w2*r2[x] + w3*r3[x]
		}
		return
	}
	clear(dst)
	for k := 0; k < n; k++ {
		w, src := ws[k], row(k)
		for x, v := range src {
			dst[x] += w * v
		}
	}
}

// filterRow filters a source row across into dst.
func (p *plane) filterRow(src []uint8, dst []float32) {
	h, nc := p.h, p.nc
	// A stride of 4 is a radius from 1 to 1.5 source samples, whose
	// taps are three at most: three for every sample, those past its own
	// weighing 0, which adds nothing (the sum is the same, bit for bit),
	// where the source has the three; no loop of varying length.
	fast := nc == 1 && h.stride == 4
	if fast {
		for i, a := range h.start {
			if a+3 > len(src) {
				break
			}
			w, s := h.w[4*i:4*i+3], src[a:a+3]
			dst[i] = w[0]*float32(s[0]) + w[1]*float32(s[1]) + w[2]*float32(s[2])
		}
	}
	for i := range h.start {
		if fast && h.start[i]+3 <= len(src) {
			continue // done above
		}
		ws := h.w[i*h.stride : i*h.stride+h.n[i]]
		s := src[h.start[i]*nc:]
		if nc == 1 {
			var v float32
			for k, w := range ws {
				v += w * float32(s[k])
			}
			dst[i] = v
			continue
		}
		var r, g, b, a float32
		for k, w := range ws {
			r += w * float32(s[4*k])
			g += w * float32(s[4*k+1])
			b += w * float32(s[4*k+2])
			a += w * float32(s[4*k+3])
		}
		dst[4*i], dst[4*i+1], dst[4*i+2], dst[4*i+3] = r, g, b, a
	}
}

// rgbaJob resamples any image through rows of premultiplied RGBA.
func rgbaJob(dst *image.RGBA, dr, vis image.Rectangle, src image.Image) func(y0, y1 int) {
	sb := src.Bounds()
	sx, sy := float64(sb.Dx())/float64(dr.Dx()), float64(sb.Dy())/float64(dr.Dy())
	h := tent(vis.Min.X-dr.Min.X, vis.Max.X-dr.Min.X, sx, sb.Dx())
	return func(y0, y1 int) {
		v := tent(y0-dr.Min.Y, y1-dr.Min.Y, sy, sb.Dy())
		buf := image.NewRGBA(image.Rect(0, 0, sb.Dx(), 1))
		p := newPlane(4, func(y int) []uint8 {
			draw.Draw(buf, buf.Rect, src, image.Pt(sb.Min.X, sb.Min.Y+y), draw.Src)
			return buf.Pix
		}, &h, &v, vis.Dx())
		out := make([]float32, 4*vis.Dx())
		for y := y0; y < y1; y++ {
			p.out(y-y0, out)
			row := dst.Pix[dst.PixOffset(vis.Min.X, y):]
			for i, f := range out {
				row[i] = clamp8(f)
			}
		}
	}
}

// ycbcrJob resamples a YCbCr image (a JPEG photo) plane by plane.
func ycbcrJob(dst *image.RGBA, dr, vis image.Rectangle, src *image.YCbCr) func(y0, y1 int) {
	w, hgt := src.Rect.Dx(), src.Rect.Dy()
	sub := ratio(src.SubsampleRatio)
	cw, ch := (w+sub.X-1)/sub.X, (hgt+sub.Y-1)/sub.Y
	lx, ly := float64(w)/float64(dr.Dx()), float64(hgt)/float64(dr.Dy())
	x0, x1 := vis.Min.X-dr.Min.X, vis.Max.X-dr.Min.X
	hy := tent(x0, x1, lx, w)
	hc := tent(x0, x1, lx/float64(sub.X), cw)
	return func(y0, y1 int) {
		o0, o1 := y0-dr.Min.Y, y1-dr.Min.Y
		vy := tent(o0, o1, ly, hgt)
		vc := tent(o0, o1, ly/float64(sub.Y), ch)
		n := vis.Dx()
		yp := newPlane(1, func(y int) []uint8 { return src.Y[y*src.YStride : y*src.YStride+w] }, &hy, &vy, n)
		bp := newPlane(1, func(y int) []uint8 { return src.Cb[y*src.CStride : y*src.CStride+cw] }, &hc, &vc, n)
		rp := newPlane(1, func(y int) []uint8 { return src.Cr[y*src.CStride : y*src.CStride+cw] }, &hc, &vc, n)
		ys, cbs, crs := make([]float32, n), make([]float32, n), make([]float32, n)
		for y := y0; y < y1; y++ {
			i := y - y0
			yp.out(i, ys)
			bp.out(i, cbs)
			rp.out(i, crs)
			row := dst.Pix[dst.PixOffset(vis.Min.X, y):]
			for x := 0; x < n; x++ {
				// JFIF's YCbCr to RGB.
				yy, cb, cr := ys[x], cbs[x]-128, crs[x]-128
				row[4*x] = clamp8(yy + 1.402*cr)
				row[4*x+1] = clamp8(yy - 0.344136*cb - 0.714136*cr)
				row[4*x+2] = clamp8(yy + 1.772*cb)
				row[4*x+3] = 255
			}
		}
	}
}

// ratio is how many luma samples share a chroma sample across and down.
func ratio(r image.YCbCrSubsampleRatio) image.Point {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return image.Pt(1, 1)
	case image.YCbCrSubsampleRatio422:
		return image.Pt(2, 1)
	case image.YCbCrSubsampleRatio420:
		return image.Pt(2, 2)
	case image.YCbCrSubsampleRatio440:
		return image.Pt(1, 2)
	case image.YCbCrSubsampleRatio411:
		return image.Pt(4, 1)
	case image.YCbCrSubsampleRatio410:
		return image.Pt(4, 2)
	}
	return image.Point{}
}

func clamp8(f float32) uint8 {
	switch {
	case f <= 0:
		return 0
	case f >= 255:
		return 255
	}
	return uint8(f + 0.5)
}
