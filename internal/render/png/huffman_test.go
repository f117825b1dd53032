package png

import (
	"bytes"
	"compress/flate"
	"fmt"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"slices"
	"testing"

	kflate "github.com/klauspost/compress/flate"
)

// A block coded with a huffTable inflates to its bytes, with the standard
// library's decoder, whatever the counts the table was made from (even,
// skewed past 15-bit codes, one value only), with literals alone or runs
// too, and whatever the data (bytes and run lengths the counts never saw,
// every run length from 1 to past 258, every length of data up to a few
// codes past a store), coded straight in or spliced in from bits coded
// apart, as a card's rows are.
func TestHuffTable(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var even, skewed, one [numLit]int
	for i := range even {
		even[i] = 100
		skewed[i] = 1 << min(i, 40) // a Fibonacci-like spread forces flattening
	}
	one[7] = 1000
	for _, tc := range []struct {
		name   string
		counts *[numLit]int
		pairs  bool // literals looked up two at a time (codes of 13 bits or fewer)
	}{{"even", &even, true}, {"skewed", &skewed, false}, {"one value", &one, true}} {
		for _, runs := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, runs %v", tc.name, runs), func(t *testing.T) {
				tab := newHuffTable(tc.counts, runs, 0)
				if got := tab.pairs != nil; got != (tc.pairs && !runs) {
					t.Fatalf("pairs made: %v", got)
				}
				for s, l := range tab.length {
					if (l == 0) != (s > 256 && !runs) || l > 15 {
						t.Fatalf("symbol %d has a code of %d bits", s, l)
					}
				}
				var want []byte
				var w bitWriter
				w.room(0)
				w.put(1|2<<1, 3) // the last block; dynamic codes
				tab.writeHeader(&w)
				for k, n := range []int{0, 1, 2, 3, 4, 5, 7, 100, 4099, 20000, 3, 1, 77, 70000, 5} {
					data := make([]byte, 0, n)
					for len(data) < n {
						// A run of 1 to 300 bytes of one value, often 7.
						b := byte(r.IntN(256))
						if r.IntN(2) == 0 {
							b = 7
						}
						for k := 1 + r.IntN(300); k > 0 && len(data) < n; k-- {
							data = append(data, b)
						}
					}
					w.room(len(data))
					if k%2 == 0 {
						w.startSum()
						tab.data(&w, data, runs)
						if got, want := w.sum(), adler32.Checksum(data); got != want {
							t.Fatalf("%d bytes coded, summed %08x, want %08x", len(data), got, want)
						}
					} else {
						var apart bitWriter
						apart.room(len(data))
						tab.data(&apart, data, runs)
						nbits := 8*apart.pos + int(apart.n)
						apart.flush()
						w.splice(apart.out[:apart.pos], nbits)
					}
					want = append(want, data...)
				}
				w.room(0)
				w.put(tab.code[256], tab.length[256])
				w.flush()
				got, err := io.ReadAll(flate.NewReader(bytes.NewReader(w.out[:w.pos])))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("inflated %d bytes, not the %d written", len(got), len(want))
				}
			})
		}
	}
}

// Literals looked up two at a time are the bits and sums of those coded
// three at a time, for every length of data around the four bytes a step
// takes and the writer's bits waiting before them.
func TestLiteralPairs(t *testing.T) {
	data, counts := photoResiduals(3 * 1080)
	tab := newHuffTable(&counts, false, cardPrior[photographic])
	if tab.pairs == nil {
		t.Fatal("a photo's code has no pairs")
	}
	for n := 0; n < 40; n++ {
		for lead := uint8(0); lead < 8; lead++ {
			var a, b bitWriter
			for _, w := range []*bitWriter{&a, &b} {
				w.room(n + 1)
				w.put(0x5a, lead)
				w.startSum()
			}
			tab.literals(&a, data[:n])
			tab.literals3(&b, data[:n])
			if a.sum() != b.sum() || a.n != b.n || !bytes.Equal(a.out[:a.pos], b.out[:b.pos]) || a.acc != b.acc {
				t.Fatalf("%d bytes after %d bits: pairs and threes differ", n, lead)
			}
		}
	}
	var a, b bitWriter
	a.room(len(data))
	b.room(len(data))
	tab.literals(&a, data)
	tab.literals3(&b, data)
	if a.sum() != b.sum() || !bytes.Equal(a.out[:a.pos], b.out[:b.pos]) {
		t.Fatal("a row: pairs and threes differ")
	}
}

// sumBytes gives Adler-32's sums, whatever the data's length (around its
// 8-byte steps and 2048-byte blocks), its bytes (all 255 fills every lane)
// and the sums it starts from (up to the bounds the writer keeps them in).
func TestSumBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	random := make([]byte, 20000)
	for i := range random {
		random[i] = byte(r.Uint32())
	}
	full := bytes.Repeat([]byte{255}, 20000)
	for _, data := range [][]byte{random, full} {
		for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 2047, 2048, 2049, 4096, 4103, 20000} {
			for _, start := range [][2]uint64{{1, 0}, {65520, 65520}, {1<<40 - 1, 1<<60 - 1}, {12345, 1 << 59}} {
				s1, s2 := start[0], start[1]
				for _, b := range data[:n] {
					s1, s2 = reduceSums(addByte(s1, s2, b))
				}
				g1, g2 := sumBytes(start[0], start[1], data[:n])
				if g1 >= 1<<40 || g2 >= 1<<60 || g1%adlerMod != s1%adlerMod || g2%adlerMod != s2%adlerMod {
					t.Fatalf("%d bytes from %v: sums %d, %d; want %d, %d", n, start, g1, g2, s1%adlerMod, s2%adlerMod)
				}
			}
		}
	}
}

// photoResiduals makes n bytes like an Up-filtered photo row's (small
// differences either way) and their counts.
func photoResiduals(n int) ([]byte, [numLit]int) {
	r := rand.New(rand.NewPCG(23, 24))
	data := make([]byte, n)
	var counts [numLit]int
	for i := range data {
		data[i] = byte(int(r.NormFloat64() * 6))
		counts[data[i]]++
	}
	return data, counts
}

// Every match length from 3 to 258 has the symbol, extra bits and base
// of RFC 1951's table (3.2.5).
func TestLengthCode(t *testing.T) {
	bases := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	extras := []uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	for l := 3; l <= 258; l++ {
		sym, extra, n := lengthCode(l)
		i := sym - 257
		if n != extras[i] || bases[i]+int(extra) != l || extra >= 1<<n && n > 0 || n == 0 && extra != 0 {
			t.Fatalf("length %d: symbol %d, extra %d in %d bits", l, sym, extra, n)
		}
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
	var counts [numLit]int
	for i := range data {
		v := byte(r.NormFloat64() * 6)
		data[i] = v
		counts[v]++
	}
	tab := newHuffTable(&counts, false, 0)
	var w bitWriter
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		w.pos = 0
		w.room(len(data))
		tab.data(&w, data, false)
	}
}

// BenchmarkHuffPhoto codes rows of a photo card's residuals, with the
// code a photo's Base gets, as a card's text rows over a photo are coded.
func BenchmarkHuffPhoto(b *testing.B) {
	data, counts := photoResiduals(8 * (1 + 3*1080))
	benchCode(b, newHuffTable(&counts, false, cardPrior[photographic]), data, false)
}

// benchCode codes data with tab, summing it, b.N times.
func benchCode(b *testing.B, tab *huffTable, data []byte, runs bool) {
	var w bitWriter
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		w.pos = 0
		w.room(len(data))
		w.startSum()
		tab.data(&w, data, runs)
	}
}

// BenchmarkHuffRuns codes rows like a gradient card's text rows, Up
// filtered: runs of zeros (the background, the glyphs' insides) between
// stretches of other bytes (the glyphs' edges), summing them as it goes.
func BenchmarkHuffRuns(b *testing.B) {
	r := rand.New(rand.NewPCG(19, 20))
	data := make([]byte, 0, 8*(1+3*1080))
	for len(data) < cap(data) {
		for k := r.IntN(100); k > 0; k-- {
			data = append(data, 0)
		}
		for k := r.IntN(12); k > 0; k-- {
			data = append(data, byte(r.NormFloat64()*40))
		}
	}
	data = data[:cap(data)]
	var counts [numLit]int
	countSymbols(&counts, data, true)
	benchCode(b, newHuffTable(&counts, true, 1), data, true)
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

// TestSuffixAdler: the Adler-32 of a row's bytes from a cut on, worked out
// from the whole row's and the sums before the cut (adlerSums), is the
// Adler-32 of those bytes, for rows long and short, bytes high and low.
func TestSuffixAdler(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for n := range 200 {
		row := make([]byte, 1+rng.IntN(70000))
		hi := n%2 == 0
		for i := range row {
			if hi {
				row[i] = byte(200 + rng.IntN(56))
			} else {
				row[i] = byte(rng.IntN(256))
			}
		}
		var cuts []cut
		for _, p := range []int{0, rng.IntN(len(row) + 1), len(row)} {
			cuts = append(cuts, cut{byte: int32(p)})
		}
		slices.SortFunc(cuts, func(a, b cut) int { return int(a.byte - b.byte) })
		whole := adler32.Checksum(row)
		if got := adlerSums(row, cuts); got != whole {
			t.Fatalf("row of %d: whole %08x, want %08x", len(row), got, whole)
		}
		for _, c := range cuts {
			if got, want := suffixAdler(whole, c, len(row)), adler32.Checksum(row[c.byte:]); got != want {
				t.Fatalf("row of %d, cut at %d: %08x, want %08x", len(row), c.byte, got, want)
			}
			if got, want := c.b<<16|c.a, adler32.Checksum(row[:c.byte]); got != want {
				t.Fatalf("row of %d, sums before %d: %08x, want %08x", len(row), c.byte, got, want)
			}
		}
		for k, c := range cuts {
			end := len(row)
			if k+1 < len(cuts) {
				end = int(cuts[k+1].byte)
			}
			if got, want := c.sb<<16|c.sa, adler32.Checksum(row[c.byte:end]); got != want {
				t.Fatalf("row of %d, sums from %d to %d: %08x, want %08x", len(row), c.byte, end, got, want)
			}
		}
	}
}

// splice and spliceFrom write exactly the bits asked for, after any number
// of bits waiting (every phase of a byte) and for every length from none
// to past the eight-byte loop's several words.
func TestSplice(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	src := make([]byte, 64)
	for i := range src {
		src[i] = byte(r.IntN(256))
	}
	bit := func(b []byte, i int) byte { return b[i/8] >> (i % 8) & 1 }
	for lead := 0; lead < 8; lead++ {
		for from := 0; from < 9; from++ {
			for nbits := 0; nbits <= 8*len(src)-from-8; nbits += 1 + nbits/16 {
				var w bitWriter
				w.room(len(src))
				w.put(0x5a&(1<<lead-1), uint8(lead)) // put takes bits already masked
				if from == 0 {
					w.splice(src, nbits)
				} else {
					w.spliceFrom(src, from, nbits)
				}
				w.put(0x1ff, 9) // a code after the bits
				total := 8*w.pos + int(w.n)
				w.flush()
				if total != lead+nbits+9 {
					t.Fatalf("lead %d, from %d, %d bits: %d bits written", lead, from, nbits, total)
				}
				for i := 0; i < nbits; i++ {
					if bit(w.out, lead+i) != bit(src, from+i) {
						t.Fatalf("lead %d, from %d, %d bits: bit %d differs", lead, from, nbits, i)
					}
				}
				for i := 0; i < lead; i++ {
					if bit(w.out, i) != byte(0x5a>>i&1) {
						t.Fatalf("lead %d: a bit waiting was lost", lead)
					}
				}
				for i := 0; i < 9; i++ {
					if bit(w.out, lead+nbits+i) != 1 {
						t.Fatalf("lead %d, from %d, %d bits: the code after them is wrong", lead, from, nbits)
					}
				}
			}
		}
	}
}

// nextRepeat finds the first byte equal to the one before it, from any
// start, in data with repeats anywhere (and none at all).
func TestNextRepeat(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for trial := range 2000 {
		data := make([]byte, 1+rng.IntN(40))
		for k := range data {
			data[k] = byte(k * 7) // no byte repeats its neighbour
			if rng.IntN(12) == 0 && k > 0 {
				data[k] = data[k-1]
			}
			if trial%5 == 0 {
				data[k] = byte(rng.IntN(3)) // repeats everywhere
			}
		}
		for i := 1; i <= len(data); i++ {
			want := i
			for want < len(data) && data[want] != data[want-1] {
				want++
			}
			if got := nextRepeat(data, i); got != want {
				t.Fatalf("%v from %d: %d, want %d", data, i, got, want)
			}
		}
	}
}

// BenchmarkSplice copies rows' bits (900 bytes each, a square photo
// card's row coded) after three bits waiting, as a card copies its
// background's untouched rows from its Base.
func BenchmarkSplice(b *testing.B) {
	src := make([]byte, 1<<20)
	for i := range src {
		src[i] = byte(i * 7)
	}
	var w bitWriter
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		w.pos, w.n, w.acc = 0, 3, 5
		for off := 0; off+900 <= len(src); off += 900 {
			w.room(1000)
			w.splice(src[off:], 900*8-5)
			if w.pos > 1<<16 {
				w.pos = 0
			}
		}
	}
}
