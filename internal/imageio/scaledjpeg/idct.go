package scaledjpeg

import "math"

// qfTable folds dequantisation and the IDCT's normalisation into one
// multiplier per coefficient of the N×N corner, at [v*N+u]. The N-point
// transforms keep the 8-point normalisation C(u)C(v)/4, so that a block
// with only a DC coefficient gives DC×q/8 at every N: scaling never
// changes a flat area's level.
func qfTable(q *[64]uint16, n int, qf *[64]float32) {
	for v := 0; v < n; v++ {
		for u := 0; u < n; u++ {
			c := 0.25
			if u == 0 {
				c *= math.Sqrt2 / 2
			}
			if v == 0 {
				c *= math.Sqrt2 / 2
			}
			qf[v*n+u] = float32(float64(q[v*8+u]) * c)
		}
	}
}

// clamp rounds a level-shifted sample to 0..255.
func clamp(x float32) uint8 {
	x += 128.5
	if x <= 0 {
		return 0
	}
	if x >= 255 {
		return 255
	}
	return uint8(x)
}

// The cosines the 1-D transforms below need: ck = cos(kπ/16).
var (
	c1 = float32(math.Cos(1 * math.Pi / 16))
	c2 = float32(math.Cos(2 * math.Pi / 16))
	c3 = float32(math.Cos(3 * math.Pi / 16))
	c4 = float32(math.Cos(4 * math.Pi / 16))
	c5 = float32(math.Cos(5 * math.Pi / 16))
	c6 = float32(math.Cos(6 * math.Pi / 16))
	c7 = float32(math.Cos(7 * math.Pi / 16))
)

// idct1d8 is the 8-point inverse DCT out[x] = Σ g[u]·cos((2x+1)uπ/16),
// split (as every fast DCT is) into the even coefficients, which form a
// 4-point inverse DCT, and the odd ones; out[7-x] differs from out[x] only
// in the sign of the odd part.
func idct1d8(g0, g1, g2, g3, g4, g5, g6, g7 float32) (o0, o1, o2, o3, o4, o5, o6, o7 float32) {
	e0, e1, e2, e3 := idct1d4(g0, g2, g4, g6)
	d0 := c1*g1 + c3*g3 + c5*g5 + c7*g7
	d1 := c3*g1 - c7*g3 - c1*g5 - c5*g7
	d2 := c5*g1 - c1*g3 + c7*g5 + c3*g7
	d3 := c7*g1 - c5*g3 + c3*g5 - c1*g7
	return e0 + d0, e1 + d1, e2 + d2, e3 + d3, e3 - d3, e2 - d2, e1 - d1, e0 - d0
}

// idct1d4 is the 4-point inverse DCT out[x] = Σ g[u]·cos((2x+1)uπ/8).
func idct1d4(g0, g1, g2, g3 float32) (o0, o1, o2, o3 float32) {
	e0, e1 := g0+c4*g2, g0-c4*g2
	d0 := c2*g1 + c6*g3
	d1 := c6*g1 - c2*g3
	return e0 + d0, e1 + d1, e1 - d1, e0 - d0
}

// idct turns the N×N coefficients of blk (row-major, [v*N+u]) into
// samples and stores the w × h top-left part of them at dst, stride apart.
// Rows of zero coefficients are skipped, and blocks whose rows are all
// alike (only the first row of coefficients set) skip the second pass: in
// photos most of a block's coefficients are zero.
func idct(n int, blk []int16, qf *[64]float32, dst []uint8, stride, w, h int) {
	switch n {
	case 1:
		dst[0] = clamp(float32(blk[0]) * qf[0])
		return
	case 2:
		b := blk[:4]
		g0, g1 := float32(b[0])*qf[0], float32(b[1])*qf[1]
		g2, g3 := float32(b[2])*qf[2], float32(b[3])*qf[3]
		// rows, then columns: out(x,y) = Σ g(u,v) cos((2x+1)uπ/4) cos((2y+1)vπ/4)
		r00, r01 := g0+c4*g1, g0-c4*g1
		r10, r11 := g2+c4*g3, g2-c4*g3
		var out [4]uint8
		out[0], out[2] = clamp(r00+c4*r10), clamp(r00-c4*r10)
		out[1], out[3] = clamp(r01+c4*r11), clamp(r01-c4*r11)
		store(out[:], 2, dst, stride, w, h)
		return
	}
	var tmp [64]float32 // [v*N+x]: rows transformed, columns not yet
	var out [64]uint8
	last := -1
	if n == 4 {
		b := blk[:16]
		for v := 0; v < 4; v++ {
			r := b[v*4 : v*4+4]
			if r[0]|r[1]|r[2]|r[3] == 0 {
				continue
			}
			last = v
			q := qf[v*4 : v*4+4]
			t := tmp[v*4 : v*4+4]
			t[0], t[1], t[2], t[3] = idct1d4(float32(r[0])*q[0], float32(r[1])*q[1], float32(r[2])*q[2], float32(r[3])*q[3])
		}
		if last <= 0 {
			for y := 0; y < 4; y++ {
				for x := 0; x < 4; x++ {
					out[y*4+x] = clamp(tmp[x])
				}
			}
		} else {
			for x := 0; x < 4; x++ {
				o0, o1, o2, o3 := idct1d4(tmp[x], tmp[4+x], tmp[8+x], tmp[12+x])
				out[x], out[4+x], out[8+x], out[12+x] = clamp(o0), clamp(o1), clamp(o2), clamp(o3)
			}
		}
		store(out[:16], 4, dst, stride, w, h)
		return
	}
	b := blk[:64]
	for v := 0; v < 8; v++ {
		r := b[v*8 : v*8+8]
		if r[1]|r[2]|r[3]|r[4]|r[5]|r[6]|r[7] == 0 {
			if r[0] == 0 {
				continue
			}
			last = v
			g := float32(r[0]) * qf[v*8]
			t := tmp[v*8 : v*8+8]
			for x := range t {
				t[x] = g
			}
			continue
		}
		last = v
		q := qf[v*8 : v*8+8]
		t := tmp[v*8 : v*8+8]
		t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7] = idct1d8(
			float32(r[0])*q[0], float32(r[1])*q[1], float32(r[2])*q[2], float32(r[3])*q[3],
			float32(r[4])*q[4], float32(r[5])*q[5], float32(r[6])*q[6], float32(r[7])*q[7])
	}
	if last <= 0 {
		for x := 0; x < 8; x++ {
			v := clamp(tmp[x])
			for y := 0; y < 8; y++ {
				out[y*8+x] = v
			}
		}
	} else {
		for x := 0; x < 8; x++ {
			o0, o1, o2, o3, o4, o5, o6, o7 := idct1d8(tmp[x], tmp[8+x], tmp[16+x], tmp[24+x], tmp[32+x], tmp[40+x], tmp[48+x], tmp[56+x])
			out[x], out[8+x], out[16+x], out[24+x] = clamp(o0), clamp(o1), clamp(o2), clamp(o3)
			out[32+x], out[40+x], out[48+x], out[56+x] = clamp(o4), clamp(o5), clamp(o6), clamp(o7)
		}
	}
	store(out[:], 8, dst, stride, w, h)
}

// store copies the w × h top-left part of an n×n block of samples to dst.
func store(out []uint8, n int, dst []uint8, stride, w, h int) {
	for y := 0; y < h; y++ {
		copy(dst[y*stride:y*stride+w], out[y*n:y*n+w])
	}
}
