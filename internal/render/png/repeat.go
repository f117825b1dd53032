package png

import (
	"bytes"
	"hash/adler32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// Most rows of a flat card are the same as the row above them: the
// margins, the space between lines of text, the plain parts of a band of
// colour. Compressing them costs as much per byte as compressing text
// (about a nanosecond a byte), so a palette card is written in runs:
// rows that differ from the one above are filtered with None (filters do
// not predict palette indexes) and compressed as a deflate segment of
// their own; a run of rows that repeat the one above is written with the
// Up filter, which makes each such row a 2 and then zeros whatever its
// colours, and so the same bytes on every card of that width. Those are
// compressed once per width, in segments of 1, 2, 4, … rows (see
// repeatSegs), and a run is copied as the segments its length is made of.
// Every segment starts from an empty dictionary and ends byte-aligned (a
// sync flush), so they join into one stream.

// minRepeat is the shortest run of repeated rows written from the
// precompressed segments; shorter ones go into the segment around them,
// where they cost a few bytes, while a copied run costs a segment's
// overhead (a block header and a sync flush, some tens of bytes).
const minRepeat = 4

// writePaletted writes the image data of a palette card (the zlib stream
// of its indexes idx, wd a row, and e.repeat) to w.
func (e *Encoder) writePaletted(w io.Writer, idx []uint8, wd, ht int) error {
	if _, err := w.Write(zlibHeader); err != nil {
		return err
	}
	// runs[y]: how many rows from y on repeat the row above.
	if cap(e.runs) < ht+1 {
		e.runs = make([]int32, ht+1)
	}
	runs := e.runs[:ht+1]
	runs[ht] = 0
	for y := ht - 1; y >= 0; y-- {
		runs[y] = 0
		if e.repeat[y] {
			runs[y] = runs[y+1] + 1
		}
	}
	n := 1 + wd
	e.repeated = 0
	fw := e.fw
	sum := uint32(1)
	for y := 0; y < ht; {
		if r := int(runs[y]); r >= minRepeat {
			for _, s := range repeatSegs(wd, r) {
				if _, err := w.Write(s.z); err != nil {
					return err
				}
				sum = adler32Combine(sum, s.adler, s.n)
			}
			y += r
			e.repeated += r
			continue
		}
		y1 := y + 1
		for y1 < ht && runs[y1] < minRepeat {
			y1++
		}
		if cap(e.bandBuf) < (y1-y)*n {
			e.bandBuf = make([]byte, (y1-y)*n)
		}
		buf := e.bandBuf[:(y1-y)*n]
		for r := y; r < y1; r++ {
			out := buf[(r-y)*n : (r-y+1)*n]
			if e.repeat[r] {
				out[0] = 2 // Up: zeros
				clear(out[1:])
				continue
			}
			out[0] = 0 // None
			copy(out[1:], idx[r*wd:(r+1)*wd])
		}
		if fw == nil {
			fw, _ = flate.NewWriter(w, levels[palette])
			e.fw = fw
		} else {
			fw.Reset(w)
		}
		if _, err := fw.Write(buf); err != nil {
			return err
		}
		if err := fw.Flush(); err != nil {
			return err
		}
		sum = adler32Combine(sum, adler32.Checksum(buf), len(buf))
		y = y1
	}
	// An empty final block with fixed codes, then the checksum.
	tail := []byte{0x03, 0x00, byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)}
	_, err := w.Write(tail)
	return err
}

// repeated is, for one image width, the deflate segments of 2^i rows
// that repeat the row above (Up-filtered: a 2, then zeros), i = 0, 1, ….
type repeated struct {
	mu   sync.Mutex
	segs []segment
}

var repeatedByWidth sync.Map // int → *repeated

// repeatSegs returns the segments that make r repeated rows of width wd,
// the largest first, compressing those not made yet.
func repeatSegs(wd, r int) []segment {
	v, _ := repeatedByWidth.LoadOrStore(wd, &repeated{})
	rp := v.(*repeated)
	rp.mu.Lock()
	defer rp.mu.Unlock()
	for len(rp.segs) == 0 || 1<<(len(rp.segs)-1) < r {
		rows := 1 << len(rp.segs)
		raw := make([]byte, rows*(1+wd))
		for i := 0; i < len(raw); i += 1 + wd {
			raw[i] = 2
		}
		var z bytes.Buffer
		fw, _ := flate.NewWriter(&z, levels[palette])
		fw.Write(raw)
		fw.Flush()
		rp.segs = append(rp.segs, segment{z: z.Bytes(), adler: adler32.Checksum(raw), n: len(raw)})
	}
	var out []segment
	for i := len(rp.segs) - 1; i >= 0; i-- {
		if r&(1<<i) != 0 {
			out = append(out, rp.segs[i])
		}
	}
	return out
}

// segment is a deflate segment that stands alone (see repeatSegs): its
// bytes, and the Adler-32 and length of what it holds.
type segment struct {
	z     []byte
	adler uint32
	n     int
}
