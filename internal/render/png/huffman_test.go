package png

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"

	kflate "github.com/klauspost/compress/flate"
)

// A block coded with a huffTable inflates to its bytes, with the standard
// library's decoder, whatever the counts the table was made from (even,
// skewed past 15-bit codes, one value only) and whatever the data (bytes
// the counts never saw, every length up to a few codes past a store of
// three), and blocks join into one stream.
func TestHuffTable(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var even, skewed, one [256]int
	for i := range even {
		even[i] = 100
		skewed[i] = 1 << min(i, 40) // a Fibonacci-like spread forces flattening
	}
	one[7] = 1000
	for _, tc := range []struct {
		name   string
		counts *[256]int
	}{{"even", &even}, {"skewed", &skewed}, {"one value", &one}} {
		t.Run(tc.name, func(t *testing.T) {
			tab := newHuffTable(tc.counts)
			for s, l := range tab.length {
				if l == 0 || l > 15 {
					t.Fatalf("symbol %d has a code of %d bits", s, l)
				}
			}
			var stream, want []byte
			for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 100, 4099} {
				data := make([]byte, n)
				for i := range data {
					data[i] = byte(r.IntN(256))
					if r.IntN(2) == 0 {
						data[i] = 7
					}
				}
				stream = tab.block(stream, data)
				want = append(want, data...)
				got, err := io.ReadAll(flate.NewReader(bytes.NewReader(append(bytes.Clone(stream), 0x03, 0x00))))
				if err != nil {
					t.Fatalf("after %d bytes: %v", n, err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("after %d bytes: inflated %d bytes, not the %d written", n, len(got), len(want))
				}
			}
		})
	}
}

// huffLengths makes a complete prefix code (Kraft's sum is exactly one)
// within its limit.
func TestHuffLengths(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for trial := 0; trial < 200; trial++ {
		n := 2 + r.IntN(300)
		counts := make([]int, n)
		used := 0
		for i := range counts {
			if r.IntN(4) > 0 {
				counts[i] = 1 + r.IntN(1<<r.IntN(30))
				used++
			}
		}
		limit := 7 + r.IntN(9)
		if used > 1<<limit {
			continue
		}
		lengths := huffLengths(counts, limit)
		sum := 0.0
		for i, l := range lengths {
			if (l > 0) != (counts[i] > 0) || int(l) > limit {
				t.Fatalf("trial %d: symbol %d counted %d has %d bits (limit %d)", trial, i, counts[i], l, limit)
			}
			if l > 0 {
				sum += 1 / float64(uint64(1)<<l)
			}
		}
		if used >= 2 && sum != 1 {
			t.Fatalf("trial %d: Kraft sum %v, want 1", trial, sum)
		}
	}
}

func BenchmarkHuffBlock(b *testing.B) {
	r := rand.New(rand.NewPCG(15, 16))
	data := make([]byte, 8*(1+3*1080))
	var counts [256]int
	for i := range data {
		v := byte(r.NormFloat64() * 6)
		data[i] = v
		counts[v]++
	}
	tab := newHuffTable(&counts)
	var out []byte
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		out = tab.block(out[:0], data)
	}
}

func BenchmarkHuffKlauspost(b *testing.B) {
	r := rand.New(rand.NewPCG(15, 16))
	data := make([]byte, 8*(1+3*1080))
	for i := range data {
		data[i] = byte(r.NormFloat64() * 6)
	}
	var out bytes.Buffer
	fw, _ := kflate.NewWriter(&out, kflate.HuffmanOnly)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		out.Reset()
		fw.Reset(&out)
		fw.Write(data)
		fw.Flush()
	}
}
