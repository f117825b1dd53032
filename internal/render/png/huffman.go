package png

import (
	"encoding/binary"
	bits64 "math/bits"
	"slices"
)

// A photo card's rows that the text touches are most of its encoding
// time: filtered photo residuals have few repeats, so they are coded with
// Huffman codes alone, and building a code for each piece of a card
// (counting its bytes, making the tree, writing the tree) costs more than
// coding the bytes. Every card over one photo has about the same
// residuals, so huffTable makes one code from the background's residuals,
// once per Base, and every card over it is written as one deflate block
// with that code (see Base). Every byte has a code (each count starts at
// one), so text over the photo, whose edges make residuals the photo
// lacks, is coded too, in longer codes.
//
// A gradient behind the text (dusk) compresses well only with matches: its
// residuals are runs of zeros, broken where the gradient steps. For those
// the table also codes runs, as matches at distance 1 (what zlib's Z_RLE
// strategy does, which on such cards compresses better than level 1), and
// huffTable.runs finds them with eight bytes compared at a time.

// huffTable is a deflate code for literals, the end of a block and, for
// runs, lengths at distance 1, with the block header that describes it.
type huffTable struct {
	code   [numLit]uint32 // bit-reversed, as deflate writes codes
	length [numLit]uint8
	header []bits // the dynamic block's header after its first three bits
	// run is, for each length from 3 to 258, its code, extra bits and
	// the code of distance 1, joined, and their number of bits.
	run    [259]uint32
	runLen [259]uint8
	// pairs, for a code of literals alone whose codes are all pairBits
	// long or shorter, is every two bytes' codes joined (see pairCodes);
	// nil otherwise.
	pairs *pairCodes
}

// pairCodes holds, at a | b<<8, byte a's code followed by byte b's in its
// low pairShift bits and their length together above them. Codes of up
// to pairBits bits (a photo's, flattened by its prior, are 12 at most)
// keep two pairs with the seven bits that may wait in the writer within
// one 64-bit write. 256 KB, made once per Base.
type pairCodes [1 << 16]uint32

const (
	pairBits  = 13
	pairShift = 2 * pairBits
	pairMask  = 1<<pairShift - 1
)

// newPairCodes joins t's codes for bytes two by two.
func newPairCodes(t *huffTable) *pairCodes {
	p := new(pairCodes)
	for b := 0; b < 256; b++ {
		cb, lb := t.code[b], uint32(t.length[b])
		for a := 0; a < 256; a++ {
			la := uint32(t.length[a])
			p[a|b<<8] = (t.code[a] | cb<<la) | (la+lb)<<pairShift
		}
	}
	return p
}

// numLit is the size of deflate's literal/length alphabet (RFC 1951,
// 3.2.5): bytes, the end of a block, lengths.
const numLit = 286

type bits struct {
	v uint32
	n uint8
}

// newHuffTable makes a table for data like counts: a count for each
// literal/length symbol, as countSymbols makes them. Every byte and every
// length gets a code (each count is at least one), so any data can be
// coded; runs only when runs is set. prior flattens the code: each count
// gains prior times the mean count, so that symbols rare in counts but
// not in the data to code get shorter codes.
func newHuffTable(counts *[numLit]int, runs bool, prior float64) *huffTable {
	c := make([]int, numLit)
	total := 0
	for _, n := range counts {
		total += n
	}
	add := 1 + int(prior*float64(total)/numLit)
	for i, n := range counts {
		if i < 257 || runs {
			c[i] = n + add
		}
	}
	t := &huffTable{}
	lit := huffLengths(c, 15)
	copy(t.length[:], lit)
	codes := canonical(lit)
	for i := range t.code {
		t.code[i] = reverse(codes[i], lit[i])
	}
	if !runs && slices.Max(lit[:256]) <= pairBits {
		t.pairs = newPairCodes(t)
	}
	hlit := 257
	if runs {
		hlit = numLit
		// Distance 1 is distance code 0, of one bit: the reversed code 0.
		for l := 3; l <= 258; l++ {
			sym, extra, nx := lengthCode(l)
			t.run[l] = t.code[sym] | extra<<t.length[sym]
			t.runLen[l] = t.length[sym] + nx + 1
		}
	}
	// Two distance codes of one bit, as zlib writes when there are no
	// matches: some decoders refuse a block without distance codes.
	lens := append(slices.Clone(lit[:hlit]), 1, 1)
	var clCount [19]int
	for _, l := range lens {
		clCount[l]++
	}
	clLen := huffLengths(clCount[:], 7)
	clCode := canonical(clLen)
	order := [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	hclen := 19
	for hclen > 4 && clLen[order[hclen-1]] == 0 {
		hclen--
	}
	t.header = append(t.header, bits{uint32(hlit - 257), 5}, bits{2 - 1, 5}, bits{uint32(hclen - 4), 4})
	for _, s := range order[:hclen] {
		t.header = append(t.header, bits{uint32(clLen[s]), 3})
	}
	for _, l := range lens {
		t.header = append(t.header, bits{reverse(clCode[l], clLen[l]), clLen[l]})
	}
	return t
}

// lengthCode returns the symbol for a match of length l (3 to 258), its
// extra bits and how many there are (RFC 1951, 3.2.5).
func lengthCode(l int) (sym int, extra uint32, n uint8) {
	if l == 258 {
		return 285, 0, 0
	}
	base := 3
	for sym = 257; sym < 285; sym++ {
		n = 0
		if sym >= 265 {
			n = uint8((sym - 261) / 4)
		}
		if l < base+1<<n {
			return sym, uint32(l - base), n
		}
		base += 1 << n
	}
	panic("unreachable")
}

// runLength returns how many bytes from data[i] on equal data[i-1], at
// most 258.
func runLength(data []byte, i int) int {
	return runOf(data, i, data[i-1])
}

// runsFast is runsFrom without note. A byte unlike the one before it
// cannot start a run, so the bytes up to the next that repeats its
// neighbour (nextRepeat) are literals, coded three to a write (on dusk's
// cards nine codes in ten are literals, in stretches of a few bytes). The
// writer's bits and sums are kept in locals throughout: a call for each
// short stretch, and the writer's fields stored and loaded around every
// write to its buffer, cost as much as the codes.
func (t *huffTable) runsFast(w *bitWriter, data []byte, i int) {
	code, length := &t.code, &t.length
	acc, n, pos, out := w.acc, w.n, w.pos, w.out
	s1, s2 := w.s1, w.s2
	for i < len(data) {
		j := min(nextRepeat(data, i), i+1<<15)
		for ; i+3 <= j; i += 3 {
			a, b, c := data[i], data[i+1], data[i+2]
			la, lb := uint(length[a]), uint(length[b])
			v := uint64(code[a]) | uint64(code[b])<<(la&63) | uint64(code[c])<<((la+lb)&63)
			pos, acc, n = putBits(out, pos, acc, n, v, la+lb+uint(length[c]))
			s1, s2 = add3(s1, s2, a, b, c)
		}
		for ; i < j; i++ {
			c := data[i]
			pos, acc, n = putBits(out, pos, acc, n, uint64(code[c]), uint(length[c]))
			s1, s2 = addByte(s1, s2, c)
		}
		if i < len(data) && i == j && data[i] == data[i-1] {
			if r := runLength(data, i); r >= 3 {
				pos, acc, n = putBits(out, pos, acc, n, uint64(t.run[r]), uint(t.runLen[r]))
				s1, s2 = addRun(s1, s2, data[i], r)
				i += r
			} else {
				c := data[i]
				pos, acc, n = putBits(out, pos, acc, n, uint64(code[c]), uint(length[c]))
				s1, s2 = addByte(s1, s2, c)
				i++
			}
		}
		s1, s2 = reduceSums(s1, s2)
	}
	w.acc, w.n, w.pos = acc, n, pos
	w.s1, w.s2 = s1, s2
}

// putBits is bitWriter.put on a writer's state held in locals: it writes
// the k low bits of v (at most 56) after the n bits waiting in acc, and
// returns the new state.
func putBits(out []byte, pos int, acc uint64, n uint, v uint64, k uint) (int, uint64, uint) {
	acc |= v << (n & 63)
	n += k
	binary.LittleEndian.PutUint64(out[pos:], acc)
	b := n >> 3
	return pos + int(b), acc >> ((b << 3) & 63), n & 7
}

// nextRepeat returns the first j ≥ i (i ≥ 1) where data[j] is data[j-1],
// or len(data): eight bytes compared at once, a zero byte of their
// difference found by the borrow trick (the lowest byte it flags is the
// first zero; borrows only run upwards from one).
func nextRepeat(data []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	j := i
	for ; j+8 <= len(data); j += 8 {
		x := binary.LittleEndian.Uint64(data[j:]) ^ binary.LittleEndian.Uint64(data[j-1:])
		if z := (x - ones) &^ x & highs; z != 0 {
			return j + bits64.TrailingZeros64(z)/8
		}
	}
	for ; j < len(data) && data[j] != data[j-1]; j++ {
	}
	return j
}

// runOf is how many bytes from data[i] on (at most 258) are b.
func runOf(data []byte, i int, b byte) int {
	end := min(len(data), i+258)
	pat := uint64(b) * 0x0101010101010101
	j := i
	for ; j+8 <= end; j += 8 {
		if x := binary.LittleEndian.Uint64(data[j:]) ^ pat; x != 0 {
			return j - i + bits64.TrailingZeros64(x)/8
		}
	}
	for ; j < end && data[j] == b; j++ {
	}
	return j - i
}

// countSymbols adds to counts the symbols block would
// write for data.
func countSymbols(counts *[numLit]int, data []byte, runs bool) {
	if !runs {
		// Four tallies in turn: a photo's residuals are a few values,
		// and one tally would wait on its own last increment.
		var c [4][256]uint32
		for ; len(data) >= 4; data = data[4:] {
			c[0][data[0]]++
			c[1][data[1]]++
			c[2][data[2]]++
			c[3][data[3]]++
		}
		for _, b := range data {
			c[0][b]++
		}
		for v := range 256 {
			counts[v] += int(c[0][v]) + int(c[1][v]) + int(c[2][v]) + int(c[3][v])
		}
		return
	}
	for i := 0; i < len(data); {
		if runs && i > 0 {
			if r := runLength(data, i); r >= 3 {
				sym, _, _ := lengthCode(r)
				counts[sym]++
				i += r
				continue
			}
		}
		counts[data[i]]++
		i++
	}
}

// writeHeader writes the block header that describes t, after the block's
// first three bits.
func (t *huffTable) writeHeader(w *bitWriter) {
	for _, h := range t.header {
		w.put(h.v, h.n)
	}
}

// data codes data with t: as literals, or with runs (t must have been
// made for them) as literals and matches at distance 1. The first byte is
// always a literal, so data coded alone can stand anywhere in a block.
// w must have room for it (see bitWriter.room).
func (t *huffTable) data(w *bitWriter, data []byte, runs bool) {
	if runs {
		t.runs(w, data)
	} else {
		t.literals(w, data)
	}
}

// bitWriter writes deflate's bits, least significant first, into out: put
// stores 64 bits and moves on by the whole bytes among them, without
// branches, so out must have eight bytes of room past the last byte
// written (room sees to it). The bits of a byte not yet full wait in acc.
type bitWriter struct {
	out []byte
	pos int
	acc uint64
	n   uint // bits waiting in acc, fewer than 8 between puts
	// s1 and s2 are the Adler-32 sums of the bytes coded as literals and
	// runs since startSum, kept below 2⁴⁰ and 2⁶⁰ and reduced modulo
	// 65521 only when asked (sum): a run's bytes are summed at once, so a
	// card's rows, mostly runs, are not read again for their checksum.
	s1, s2 uint64
}

// adlerMod is Adler-32's modulus.
const adlerMod = 65521

// startSum starts the Adler-32 of the bytes coded from here on.
func (w *bitWriter) startSum() { w.s1, w.s2 = 1, 0 }

// sum is the Adler-32 of the bytes coded since startSum.
func (w *bitWriter) sum() uint32 {
	return uint32(w.s2%adlerMod)<<16 | uint32(w.s1%adlerMod)
}

// sumByte adds a byte to the sums.
func (w *bitWriter) sumByte(b byte) { w.s1, w.s2 = addByte(w.s1, w.s2, b) }

// sumRun adds r bytes b to the sums.
func (w *bitWriter) sumRun(b byte, r int) {
	w.s1, w.s2 = reduceSums(addRun(w.s1, w.s2, b, r))
}

// reduce keeps the sums small enough that what the next call adds (at most
// 2¹⁵ bytes) cannot overflow them.
func (w *bitWriter) reduce() { w.s1, w.s2 = reduceSums(w.s1, w.s2) }

// addByte, add3, addRun and reduceSums are the sums' rules, on sums held
// where the caller likes (the writer, or a loop's locals): a byte adds
// itself to s1 and then s1 to s2; a run of r bytes b adds r·b to s1, and
// to s2 r times s1 and b times 1 + 2 + … + r; the sums are reduced modulo
// 65521 only when they near what an addition could overflow.
func addByte(s1, s2 uint64, b byte) (uint64, uint64) {
	s1 += uint64(b)
	return s1, s2 + s1
}

// add3 is addByte for a, b and c in turn.
func add3(s1, s2 uint64, a, b, c byte) (uint64, uint64) {
	return s1 + uint64(a) + uint64(b) + uint64(c), s2 + 3*s1 + 3*uint64(a) + 2*uint64(b) + uint64(c)
}

func addRun(s1, s2 uint64, b byte, r int) (uint64, uint64) {
	return s1 + uint64(r)*uint64(b), s2 + uint64(r)*s1 + uint64(b)*uint64(r*(r+1)/2)
}

func reduceSums(s1, s2 uint64) (uint64, uint64) {
	if s1 >= 1<<40 || s2 >= 1<<60 {
		return s1 % adlerMod, s2 % adlerMod
	}
	return s1, s2
}

// sumBytes adds data to the sums s1 and s2, which it keeps below the
// writer's bounds (reduceSums) without dividing on every call. It takes 16
// bytes a step, their bytes spread over four words of 16-bit lanes (a lane
// holds 256 steps' bytes), and keeps the steps' sums' running total, which
// gives s2 without a multiplication per byte: over a block of k steps, the
// byte at place j of step i is added to s2 16(k-i)-j times.
func sumBytes(s1, s2 uint64, data []byte) (uint64, uint64) {
	const m = 0x00ff00ff00ff00ff
	for len(data) >= 16 {
		k := min(len(data)/16, 256)
		// The lanes of a step's first and second eight bytes, even and
		// odd places apart.
		var e0, o0, e1, o1, run, total uint64
		for blk := data[:16*k]; len(blk) >= 16; blk = blk[16:] {
			x, y := binary.LittleEndian.Uint64(blk), binary.LittleEndian.Uint64(blk[8:])
			a, b, c, d := x&m, x>>8&m, y&m, y>>8&m
			e0 += a
			o0 += b
			e1 += c
			o1 += d
			run += (a + b + c + d) * 0x0001000100010001 >> 48 // the step's sum
			total += run
		}
		// Each lane's bytes times their place in the step.
		places := e0>>16&0xffff*2 + e0>>32&0xffff*4 + e0>>48*6 +
			o0&0xffff + o0>>16&0xffff*3 + o0>>32&0xffff*5 + o0>>48*7 +
			e1&0xffff*8 + e1>>16&0xffff*10 + e1>>32&0xffff*12 + e1>>48*14 +
			o1&0xffff*9 + o1>>16&0xffff*11 + o1>>32&0xffff*13 + o1>>48*15
		// Below 2⁴⁰ and 2⁶⁰ before, s1 grows by under 2²⁰ and s2 by
		// under 2⁵³.
		s2 += uint64(16*k)*s1 + 16*total - places
		s1 += run
		s1, s2 = reduceSums(s1, s2)
		data = data[16*k:]
	}
	for _, b := range data {
		s1, s2 = addByte(s1, s2, b)
	}
	return reduceSums(s1, s2)
}

// addSums adds to the writer's sums those of n bytes coded apart (a and b,
// as Adler-32 holds them, from 1 and 0): each byte adds to s1 once and to
// s2 once for itself and each byte after it, so s2 also gains n times
// the s1 before them.
func (w *bitWriter) addSums(a, b uint32, n int) {
	s1 := w.s1
	w.s1 += uint64(a) + adlerMod - 1
	w.s2 += uint64(n)*s1 + uint64(b) + adlerMod - uint64(n%adlerMod)
	w.reduce()
}

// room makes room in w.out for n more bytes coded at the longest code (15
// bits a byte; a run takes fewer bits than its bytes as literals) and a
// block header.
func (w *bitWriter) room(n int) {
	need := w.pos + (15*n+15*numLit)/8 + 64
	if need > len(w.out) {
		w.out = slices.Grow(w.out[:w.pos], need-w.pos)
		w.out = w.out[:cap(w.out)]
	}
}

// put writes the k low bits of v, at most 56.
func (w *bitWriter) put(v uint32, k uint8) {
	w.pos, w.acc, w.n = putBits(w.out, w.pos, w.acc, w.n, uint64(v), uint(k))
}

// flush pads the bits waiting to a whole byte with zeros.
func (w *bitWriter) flush() {
	if w.n > 0 {
		w.put(0, uint8(8-w.n))
	}
}

// spliceFrom writes nbits bits of src from bit from on.
func (w *bitWriter) spliceFrom(src []byte, from, nbits int) {
	i, k := from/8, from%8
	if k > 0 {
		n := min(8-k, nbits)
		w.put(uint32(src[i]>>k)&(1<<n-1), uint8(n))
		nbits -= n
		i++
	}
	if nbits > 0 {
		w.splice(src[i:], nbits)
	}
}

// splice writes the first nbits bits of src, least significant first.
func (w *bitWriter) splice(src []byte, nbits int) {
	i := 0
	// Eight bytes at a time: each word's low bits fill the byte waiting in
	// acc, its top w.n bits wait for the next (a row's bits are mostly
	// spliced, so this loop carries a gradient or photo card).
	if nbits >= 64 {
		n, acc, pos := w.n&7, w.acc, w.pos
		// Four words a step, each slice checked once.
		for ; nbits >= 256; nbits -= 256 {
			s, o := src[i:i+32:i+32], w.out[pos:pos+32:pos+32]
			v0, v1 := binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[8:])
			v2, v3 := binary.LittleEndian.Uint64(s[16:]), binary.LittleEndian.Uint64(s[24:])
			binary.LittleEndian.PutUint64(o, acc|v0<<n)
			binary.LittleEndian.PutUint64(o[8:], v0>>1>>(63-n)|v1<<n)
			binary.LittleEndian.PutUint64(o[16:], v1>>1>>(63-n)|v2<<n)
			binary.LittleEndian.PutUint64(o[24:], v2>>1>>(63-n)|v3<<n)
			acc = v3 >> 1 >> (63 - n)
			pos += 32
			i += 32
		}
		for ; nbits >= 64; nbits -= 64 {
			v := binary.LittleEndian.Uint64(src[i:])
			binary.LittleEndian.PutUint64(w.out[pos:], acc|v<<n)
			acc = v >> 1 >> (63 - n) // v >> (64-n), 0 when n is 0
			pos += 8
			i += 8
		}
		w.acc, w.pos = acc, pos
	}
	for ; nbits >= 32; nbits -= 32 {
		w.put(binary.LittleEndian.Uint32(src[i:]), 32)
		i += 4
	}
	for ; nbits >= 8; nbits -= 8 {
		w.put(uint32(src[i]), 8)
		i++
	}
	if nbits > 0 {
		w.put(uint32(src[i])&(1<<nbits-1), uint8(nbits))
	}
}

// literals codes every byte of data as a literal. With t.pairs it looks
// two bytes up at once and writes four at a time (eight a step), and sums them
// beforehand in a loop of their own (sumBytes): a photo card's text rows
// are coded so, byte by byte, and the two loops each keep their few
// values in registers where one loop doing both spilled them.
func (t *huffTable) literals(w *bitWriter, data []byte) {
	if t.pairs == nil {
		t.literals3(w, data)
		return
	}
	w.s1, w.s2 = sumBytes(w.s1, w.s2, data)
	t.pairCode(w, data)
}

// unsummed is literals for a caller that sums the bytes itself (a Base's
// rows, summed cut by cut): with pairs, they are not summed twice.
func (t *huffTable) unsummed(w *bitWriter, data []byte) {
	if t.pairs == nil {
		t.literals3(w, data)
		return
	}
	t.pairCode(w, data)
}

// pairCode codes data as literals looked up two bytes at a time.
func (t *huffTable) pairCode(w *bitWriter, data []byte) {
	pairs := t.pairs
	acc, n, pos, out := w.acc, w.n, w.pos, w.out
	for len(data) >= 8 {
		x := binary.LittleEndian.Uint64(data)
		data = data[8:]
		p, q := pairs[x&0xffff], pairs[x>>16&0xffff]
		lp := uint(p >> pairShift)
		v := uint64(p&pairMask) | uint64(q&pairMask)<<(lp&63)
		pos, acc, n = putBits(out, pos, acc, n, v, lp+uint(q>>pairShift))
		p, q = pairs[x>>32&0xffff], pairs[x>>48]
		lp = uint(p >> pairShift)
		v = uint64(p&pairMask) | uint64(q&pairMask)<<(lp&63)
		pos, acc, n = putBits(out, pos, acc, n, v, lp+uint(q>>pairShift))
	}
	w.acc, w.n, w.pos = acc, n, pos
	for _, c := range data {
		w.put(t.code[c], t.length[c])
	}
}

// literals3 is literals for any code: three bytes at a time, their codes
// (at most 45 bits) joined apart from the bits waiting, so that only two
// shifts and an addition wait on those.
func (t *huffTable) literals3(w *bitWriter, data []byte) {
	for len(data) > 1<<15 {
		t.literals3(w, data[:1<<15])
		data = data[1<<15:]
	}
	code, length := &t.code, &t.length
	s1, s2 := w.s1, w.s2
	// The writer's state in locals: kept in w, it would be stored and
	// loaded again around every write to w.out, which the compiler cannot
	// tell apart from w.
	acc, n, pos, out := w.acc, w.n, w.pos, w.out
	i := 0
	for ; i+3 <= len(data); i += 3 {
		a, b, c := data[i], data[i+1], data[i+2]
		la, lb := uint(length[a]), uint(length[b])
		v := uint64(code[a]) | uint64(code[b])<<(la&63) | uint64(code[c])<<((la+lb)&63)
		pos, acc, n = putBits(out, pos, acc, n, v, la+lb+uint(length[c]))
		s1, s2 = add3(s1, s2, a, b, c)
	}
	w.acc, w.n, w.pos = acc, n, pos
	w.s1, w.s2 = s1, s2
	for _, c := range data[i:] {
		w.put(code[c], length[c])
		w.sumByte(c)
	}
	w.reduce()
}

// runs codes data as literals and runs: a byte that repeats the one
// before it three times or more starts a match at distance 1.
func (t *huffTable) runs(w *bitWriter, data []byte) {
	if len(data) == 0 {
		return
	}
	w.put(t.code[data[0]], t.length[data[0]])
	w.sumByte(data[0])
	t.runsFrom(w, data, 1, nil)
}

// after codes data as data does when the byte before it in the stream is
// prev: a run may begin at its first byte, repeating prev.
func (t *huffTable) after(w *bitWriter, data []byte, prev byte, runs bool) {
	if !runs {
		t.literals(w, data)
		return
	}
	if len(data) == 0 {
		return
	}
	if r := runOf(data, 0, prev); r >= 3 {
		w.put(t.run[r], t.runLen[r])
		w.sumRun(prev, r)
		t.runsFrom(w, data, r, nil)
		return
	}
	w.put(t.code[data[0]], t.length[data[0]])
	w.sumByte(data[0])
	t.runsFrom(w, data, 1, nil)
}

// runsFrom codes data[i:], with data[:i] before it, as runs does. With
// note, it calls note(i) before each code, i the first byte it codes.
func (t *huffTable) runsFrom(w *bitWriter, data []byte, i int, note func(i int)) {
	if note == nil {
		t.runsFast(w, data, i)
		return
	}
	for i < len(data) {
		note(i)
		if data[i] == data[i-1] {
			if r := runLength(data, i); r >= 3 {
				w.put(t.run[r], t.runLen[r])
				i += r
				continue
			}
		}
		w.put(t.code[data[i]], t.length[data[i]])
		i++
	}
}

// huffLengths returns the lengths of a Huffman code for counts, at most
// limit bits: a symbol counted 0 gets no code; the counts are flattened
// (halved) until the longest code fits. Fewer than two symbols get codes
// of one bit, as deflate needs.
func huffLengths(counts []int, limit int) []uint8 {
	c := slices.Clone(counts)
	var syms []int
	for s, n := range c {
		if n > 0 {
			syms = append(syms, s)
		}
	}
	lengths := make([]uint8, len(c))
	if len(syms) < 2 {
		for _, s := range syms {
			lengths[s] = 1
		}
		return lengths
	}
	for {
		slices.SortStableFunc(syms, func(a, b int) int { return c[a] - c[b] })
		m := len(syms)
		// Nodes 0..m-1 are the leaves in order of weight; m.. are made
		// in order of weight too, so two queues give the two lightest.
		weight := make([]int, 2*m-1)
		parent := make([]int, 2*m-1)
		for i, s := range syms {
			weight[i] = c[s]
		}
		leaf, inner := 0, m
		next := func(made int) int {
			if leaf < m && (inner >= made || weight[leaf] <= weight[inner]) {
				leaf++
				return leaf - 1
			}
			inner++
			return inner - 1
		}
		for k := m; k < 2*m-1; k++ {
			a := next(k)
			b := next(k)
			weight[k] = weight[a] + weight[b]
			parent[a], parent[b] = k, k
		}
		depth := make([]int, 2*m-1)
		longest := 0
		for k := 2*m - 3; k >= 0; k-- {
			depth[k] = depth[parent[k]] + 1
			if k < m {
				longest = max(longest, depth[k])
			}
		}
		if longest <= limit {
			for i, s := range syms {
				lengths[s] = uint8(depth[i])
			}
			return lengths
		}
		for _, s := range syms {
			c[s] = (c[s] + 1) / 2
		}
	}
}

// canonical returns deflate's canonical codes for lengths (RFC 1951,
// 3.2.2), most significant bit first.
func canonical(lengths []uint8) []uint32 {
	var count [16]uint32
	for _, l := range lengths {
		if l > 0 {
			count[l]++
		}
	}
	var next [16]uint32
	code := uint32(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	codes := make([]uint32, len(lengths))
	for s, l := range lengths {
		if l > 0 {
			codes[s] = next[l]
			next[l]++
		}
	}
	return codes
}

// reverse returns the n low bits of v in reverse order.
func reverse(v uint32, n uint8) uint32 {
	r := uint32(0)
	for i := uint8(0); i < n; i++ {
		r = r<<1 | v&1
		v >>= 1
	}
	return r
}
