package scaledjpeg

import "encoding/binary"

// lookBits is how many bits the lookup tables resolve at once; longer
// codes (rare in photos) are found by the canonical-code search.
const lookBits = 9

// huffman is one decoding table (T.81 Annex C and F.2.2.3).
type huffman struct {
	// look maps the next lookBits bits to length<<8 | value, or 0 when
	// the code is longer than lookBits.
	look [1 << lookBits]uint16
	// fast (AC tables) maps the next lookBits bits, when they hold a whole
	// code and its extra bits, to coefficient<<16 | run<<8 | bits used.
	fast    [1 << lookBits]int32
	maxcode [17]int32 // largest code of each length, -1 if none
	valptr  [17]int32 // index in vals of a code of that length, minus the code
	vals    [256]uint8
}

func newHuffman(counts [16]int, vals []byte, dc bool) (*huffman, error) {
	h := &huffman{}
	copy(h.vals[:], vals)
	code, k := int32(0), int32(0)
	for l := 1; l <= 16; l++ {
		h.valptr[l] = k - code
		h.maxcode[l] = -1
		for i := 0; i < counts[l-1]; i++ {
			if code >= 1<<l {
				return nil, formatError("DHT marker holds a table with too many codes")
			}
			if l <= lookBits {
				shift := lookBits - l
				for j := code << shift; j < (code+1)<<shift; j++ {
					h.look[j] = uint16(l)<<8 | uint16(vals[k])
				}
			}
			h.maxcode[l] = code
			code++
			k++
		}
		code <<= 1
	}
	if !dc {
		for p := range h.fast {
			e := h.look[p]
			if e == 0 {
				continue
			}
			l, rs := int(e>>8), int(e&255)
			r, s := rs>>4, rs&15
			if s == 0 || l+s > lookBits {
				continue
			}
			v := int32(p>>(lookBits-l-s)) & (1<<s - 1)
			if v < 1<<(s-1) {
				v -= 1<<s - 1
			}
			h.fast[p] = v<<16 | int32(r)<<8 | int32(l+s)
		}
	}
	return h, nil
}

// bitReader reads the entropy-coded data of a scan, removing the stuffed
// zero bytes after 0xFF. At a marker (or the end of the data) it stops and
// supplies zero bits, counting them in fake, so that running past the
// real data is detected at the next check instead of reading a marker as
// data.
type bitReader struct {
	data []byte
	pos  int
	bits uint64 // the next bits, most significant first
	n    uint   // how many of bits are valid
	fake uint   // how many of the last n bits were made up
	stop bool   // a marker or the end of data was reached
}

// fill tops the buffer up to at least 57 bits.
func (br *bitReader) fill() {
	// Fast path: eight bytes without 0xFF.
	if !br.stop && br.pos+8 <= len(br.data) {
		v := binary.BigEndian.Uint64(br.data[br.pos:])
		x := ^v
		if (x-0x0101010101010101)&^x&0x8080808080808080 == 0 {
			nb := (64 - br.n) / 8
			br.bits |= v >> (64 - 8*nb) << (64 - br.n - 8*nb)
			br.n += 8 * nb
			br.pos += int(nb)
			return
		}
	}
	for br.n <= 56 {
		if br.stop {
			br.n += 8
			br.fake += 8
			continue
		}
		if br.pos >= len(br.data) {
			br.stop = true
			continue
		}
		b := br.data[br.pos]
		if b == 0xFF {
			if br.pos+1 < len(br.data) && br.data[br.pos+1] == 0 {
				br.pos += 2
			} else {
				br.stop = true
				continue
			}
		} else {
			br.pos++
		}
		br.bits |= uint64(b) << (56 - br.n)
		br.n += 8
	}
}

// overrun reports whether made-up bits were consumed.
func (br *bitReader) overrun() bool { return br.n < br.fake }

// reset drops the buffered bits (the padding before a marker).
func (br *bitReader) reset() {
	br.bits, br.n, br.fake, br.stop = 0, 0, 0, false
}

// decodeSlow finds a code longer than lookBits. The buffer holds at least
// 16 bits.
func (br *bitReader) decodeSlow(h *huffman) (uint8, bool) {
	for l := lookBits + 1; l <= 16; l++ {
		code := int32(br.bits >> (64 - l))
		if code <= h.maxcode[l] {
			br.bits <<= uint(l)
			br.n -= uint(l)
			return h.vals[uint8(code+h.valptr[l])], true
		}
	}
	return 0, false
}

// zigzag maps the position of a coefficient in the coded order to its
// natural (row-major) position in the 8×8 block.
var zigzag = func() (z [64]uint8) {
	k := 0
	for s := 0; s < 15; s++ {
		lo, hi := max(0, s-7), min(s, 7)
		for i := lo; i <= hi; i++ {
			row := i
			if s%2 == 0 {
				row = hi + lo - i
			}
			z[k] = uint8(row*8 + s - row)
			k++
		}
	}
	return z
}()
