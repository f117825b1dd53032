package png

import (
	"math/rand/v2"
	"testing"
)

// paethRow gives the residuals of the reference Paeth predictor (the PNG
// specification's, paeth) for every neighbourhood, at both pixel sizes
// the encoder uses.
func TestPaethRow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, bpp := range []int{1, 3} {
		for trial := 0; trial < 200; trial++ {
			n := 1 + r.IntN(64)
			cur, prev, got := make([]byte, n), make([]byte, n), make([]byte, n)
			for i := range cur {
				// Few values, so ties between neighbours are common.
				cur[i], prev[i] = byte(r.IntN(4)*85), byte(r.IntN(4)*85)
				if trial%2 == 1 {
					cur[i], prev[i] = byte(r.Uint32()), byte(r.Uint32())
				}
			}
			paethRow(got, cur, prev, bpp)
			for i := range cur {
				var a, c byte
				if i >= bpp {
					a, c = cur[i-bpp], prev[i-bpp]
				}
				if want := cur[i] - paeth(a, prev[i], c); got[i] != want {
					t.Fatalf("bpp %d, byte %d of %v over %v: %d, want %d", bpp, i, cur, prev, got[i], want)
				}
			}
		}
	}
}

// paeth is the predictor as the PNG specification writes it.
func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
