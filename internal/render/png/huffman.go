package png

import (
	"encoding/binary"
	"slices"
)

// A photo card's bands that the text touches are most of its encoding
// time: filtered photo residuals have few repeats, so they are coded with
// Huffman codes alone, and building a code for each band (counting its
// bytes, making the tree, writing the tree) costs more than coding the
// bytes. Every card over one photo has about the same residuals, so
// huffTable makes one code from the background's residuals, once per
// Base, and every band of every card over it is written as a deflate
// block with that code, its header written once and replayed. Every byte
// has a code (each count starts at one), so text over the photo, whose
// edges make residuals the photo lacks, is coded too, in longer codes.

// huffTable is a deflate code for literals and the end of a block, with
// the block header that describes it.
type huffTable struct {
	code   [257]uint32 // bit-reversed, as deflate writes codes
	length [257]uint8
	header []bits // the dynamic block's header after its first three bits
}

type bits struct {
	v uint32
	n uint8
}

// newHuffTable makes a table for data like counts (a count for each byte
// value).
func newHuffTable(counts *[256]int) *huffTable {
	c := make([]int, 257)
	for i, n := range counts {
		c[i] = n + 1
	}
	c[256] = 1 // the end of a block
	t := &huffTable{}
	lit := huffLengths(c, 15)
	copy(t.length[:], lit)
	codes := canonical(lit)
	for i := range t.code {
		t.code[i] = reverse(codes[i], lit[i])
	}
	// Two distance codes of one bit, as zlib writes when there are no
	// matches: some decoders refuse a block without distance codes.
	lens := append(slices.Clone(lit), 1, 1)
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
	t.header = append(t.header, bits{257 - 257, 5}, bits{2 - 1, 5}, bits{uint32(hclen - 4), 4})
	for _, s := range order[:hclen] {
		t.header = append(t.header, bits{uint32(clLen[s]), 3})
	}
	for _, l := range lens {
		t.header = append(t.header, bits{reverse(clCode[l], clLen[l]), clLen[l]})
	}
	return t
}

// block appends to dst data as one deflate block coded with t, not the
// last of its stream, followed by an empty stored block (a sync flush) so
// that it ends on a byte.
func (t *huffTable) block(dst, data []byte) []byte {
	var acc uint64
	var n uint
	put := func(v uint32, k uint8) {
		acc |= uint64(v) << n
		n += uint(k)
		for n >= 8 {
			dst = append(dst, byte(acc))
			acc >>= 8
			n -= 8
		}
	}
	put(2<<1, 3) // not the last block; dynamic codes
	for _, h := range t.header {
		put(h.v, h.n)
	}
	// The bytes, without branches: three codes (at most 45 bits) join the
	// fewer than 8 bits waiting, the 64 bits are stored, and the pointer
	// moves on by the whole bytes among them.
	pos := len(dst)
	dst = slices.Grow(dst, len(data)*int(slices.Max(t.length[:]))/8+64)
	out := dst[:cap(dst)]
	code, length := &t.code, &t.length
	i := 0
	for ; i+3 <= len(data); i += 3 {
		// The three codes are joined apart from what is waiting, so that
		// only two shifts and an addition wait on the bits before.
		a, b, c := data[i], data[i+1], data[i+2]
		la, lb := uint(length[a]), uint(length[b])
		// (Shifts are masked to 63 so that the compiler need not handle
		// larger ones; none is.)
		v := uint64(code[a]) | uint64(code[b])<<(la&63) | uint64(code[c])<<((la+lb)&63)
		acc |= v << (n & 63)
		n += la + lb + uint(length[c])
		binary.LittleEndian.PutUint64(out[pos:], acc)
		k := n >> 3
		pos += int(k)
		acc >>= (k << 3) & 63
		n &= 7
	}
	dst = out[:pos]
	for _, c := range data[i:] {
		put(code[c], length[c])
	}
	put(t.code[256], t.length[256])
	put(0, 3) // a stored block, not the last, to align on a byte
	if n > 0 {
		put(0, uint8(8-n))
	}
	return append(dst, 0, 0, 0xff, 0xff)
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
