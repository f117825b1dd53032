package scaledjpeg

import "math"

// cosTab[i] is the N-point IDCT basis for N = 1<<i: cos((2x+1)uπ/2N) at
// [x*N+u]. The normalisation C(u)C(v)/4 of the 8-point transform lives in
// the dequantisation table (qfTable), so that a block with only a DC
// coefficient gives DC×q/8 at every N: scaling never changes a flat
// area's level.
var cosTab = func() (t [4][64]float32) {
	for i := range t {
		n := 1 << i
		for x := 0; x < n; x++ {
			for u := 0; u < n; u++ {
				t[i][x*n+u] = float32(math.Cos(float64((2*x+1)*u) * math.Pi / float64(2*n)))
			}
		}
	}
	return t
}()

func log2(n int) int {
	switch n {
	case 1:
		return 0
	case 2:
		return 1
	case 4:
		return 2
	}
	return 3
}

// qfTable folds dequantisation and the IDCT's normalisation into one
// multiplier per coefficient of the N×N corner, at [v*N+u].
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

// idct turns the N×N coefficients of blk (row-major, [v*N+u]) into
// samples and stores the w × h top-left part of them at dst, stride apart.
// Rows of zero coefficients, and the zero tail of each row, are skipped:
// in photos most of a block's coefficients are zero.
func idct(n int, blk []int16, qf *[64]float32, dst []uint8, stride, w, h int) {
	if n == 1 {
		dst[0] = clamp(float32(blk[0]) * qf[0])
		return
	}
	cs := &cosTab[log2(n)]
	blk = blk[:n*n]
	var tmp [64]float32 // [v*N+x]: rows transformed, columns not yet
	last := -1
	for v := 0; v < n; v++ {
		row := blk[v*n : v*n+n]
		lu := n - 1
		for lu >= 0 && row[lu] == 0 {
			lu--
		}
		if lu < 0 {
			continue
		}
		last = v
		t := tmp[v*n : v*n+n]
		if lu == 0 {
			g := float32(row[0]) * qf[v*n]
			for x := range t {
				t[x] = g
			}
			continue
		}
		var g [8]float32
		for u := 0; u <= lu; u++ {
			g[u] = float32(row[u]) * qf[v*n+u]
		}
		for x := range t {
			c := cs[x*n : x*n+n]
			s := float32(0)
			for u := 0; u <= lu; u++ {
				s += g[u] * c[u]
			}
			t[x] = s
		}
	}
	if last <= 0 {
		// Every row of samples is the same: row 0 (all 0 when last < 0).
		for y := 0; y < h; y++ {
			d := dst[y*stride : y*stride+w]
			for x := range d {
				d[x] = clamp(tmp[x])
			}
		}
		return
	}
	for y := 0; y < h; y++ {
		c := cs[y*n : y*n+n]
		d := dst[y*stride : y*stride+w]
		for x := range d {
			s := float32(0)
			for v := 0; v <= last; v++ {
				s += tmp[v*n+x] * c[v]
			}
			d[x] = clamp(s)
		}
	}
}
