package png

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"

	"github.com/klauspost/compress/zlib"
)

// Card images are flat: a few colours and the anti-aliased edges between
// them. encodeFast writes them as an 8-bit palette when they have at most
// 256 colours (losslessly: every pixel keeps its exact colour), which is a
// quarter of the data to compress, and as 8-bit RGB otherwise (cards are
// opaque). It compresses with klauspost/compress, several times faster
// than the standard library at the same ratio.

// Encoder writes PNGs, reusing its buffers from one image to the next. It
// is not safe for concurrent use: give each worker its own.
type Encoder struct {
	// zw are the compressors, one for each of levels.
	zw      [len(levels)]*zlib.Writer
	bw      *bufio.Writer
	cur     []byte
	prev    []byte
	filt    []byte   // a Paeth-filtered row
	table   []uint32 // colour hash table for quantize
	slot    []uint8  // palette index of each table entry
	palette []uint32
	idx     []uint8
}

// levels are the compression levels of klauspost/compress for the three
// kinds of card. Palette cards (flat colours): level 3, within a few per
// cent of the best ratio at a fraction of the time. RGB cards with runs
// of one colour (a gradient behind the text): level 1, four times the data
// of a palette card, and level 3 makes them only 1% smaller for 15% more
// time. Photographic cards, where most pixels differ from the one before:
// Huffman coding only, since after the Paeth filter a photo's residuals
// have few repeats for matching to find; it is faster than level 1 and
// smaller too (measured in docs/performance.md).
var levels = [...]int{palette: 3, smooth: 1, photographic: zlib.HuffmanOnly}

// The kinds of card, by how they are compressed.
const (
	palette = iota
	smooth
	photographic
)

func writeChunk(w io.Writer, typ string, data []byte) error {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{hdr[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter turns the zlib stream into IDAT chunks.
type chunkWriter struct{ w io.Writer }

func (c chunkWriter) Write(p []byte) (int, error) {
	if err := writeChunk(c.w, "IDAT", p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Encode writes img as PNG: opaque RGBA images (every card) take the
// fast path; anything else goes to the standard library.
func (e *Encoder) Encode(w io.Writer, im image.Image) error {
	img, ok := im.(*image.RGBA)
	if !ok {
		return encoder.Encode(w, im)
	}
	paletted, opaque, changes := e.quantize(img)
	if !opaque {
		return encoder.Encode(w, im)
	}
	kind := palette
	if !paletted {
		kind = smooth
		if 2*changes > len(e.idx) {
			kind = photographic
		}
	}
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	if _, err := io.WriteString(w, "\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8] = 8
	bpp := 3
	if paletted {
		ihdr[9] = 3 // indexed
		bpp = 1
	} else {
		ihdr[9] = 2 // RGB
	}
	if err := writeChunk(w, "IHDR", ihdr[:]); err != nil {
		return err
	}
	if paletted {
		plte := make([]byte, 3*len(e.palette))
		for i, c := range e.palette {
			plte[3*i], plte[3*i+1], plte[3*i+2] = byte(c), byte(c>>8), byte(c>>16)
		}
		if err := writeChunk(w, "PLTE", plte); err != nil {
			return err
		}
	}
	if e.bw == nil {
		e.bw = bufio.NewWriterSize(nil, 1<<16)
	}
	e.bw.Reset(chunkWriter{w})
	zw := e.zw[kind]
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(e.bw, levels[kind])
		e.zw[kind] = zw
	} else {
		zw.Reset(e.bw)
	}
	n := wd * bpp
	if cap(e.cur) < n+1 {
		e.cur, e.prev, e.filt = make([]byte, n+1), make([]byte, n+1), make([]byte, n+1)
	}
	cur, prev := e.cur[:n+1], e.prev[:n+1]
	clear(prev)
	for y := 0; y < ht; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		if paletted {
			copy(cur[1:], e.idx[y*wd:(y+1)*wd])
		} else {
			for x := 0; x < wd; x++ {
				cur[1+3*x], cur[2+3*x], cur[3+3*x] = row[4*x], row[4*x+1], row[4*x+2]
			}
		}
		out := e.filter(cur, prev, bpp, paletted)
		if _, err := zw.Write(out); err != nil {
			return err
		}
		cur, prev = prev, cur
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := e.bw.Flush(); err != nil {
		return err
	}
	return writeChunk(w, "IEND", nil)
}

// filter filters a row for compression. Palette rows go unfiltered, since
// filters do not predict indexes. RGB rows (gradients, photos) use Paeth,
// the best single predictor for smooth images; trying all five filters per
// row, as libpng does, costs more time than it saves bytes here.
func (e *Encoder) filter(cur, prev []byte, bpp int, paletted bool) []byte {
	if paletted {
		cur[0] = 0
		return cur
	}
	out := e.filt[:len(cur)]
	out[0] = 4
	paethRow(out[1:], cur[1:], prev[1:], bpp)
	return out
}

// paethRow writes the Paeth residuals of the row cur, under the row prev,
// to out. It computes the predictor without branches that the processor
// mispredicts (the choice between the three neighbours is as random as a
// photo's grain): the selects compile to conditional moves. It was most of
// the time spent encoding a gradient or photo card.
func paethRow(out, cur, prev []byte, bpp int) {
	n := len(cur)
	out, prev = out[:n], prev[:n]
	for i := 0; i < bpp && i < n; i++ {
		out[i] = cur[i] - prev[i] // paeth(0, up, 0) is up
	}
	for i := bpp; i < n; i++ {
		a, b, c := int32(cur[i-bpp]), int32(prev[i]), int32(prev[i-bpp])
		pa, pb := b-c, a-c
		pc := pa + pb
		pa = (pa ^ (pa >> 31)) - (pa >> 31)
		pb = (pb ^ (pb >> 31)) - (pb >> 31)
		pc = (pc ^ (pc >> 31)) - (pc >> 31)
		p := c
		if pb <= pc {
			p = b
		}
		if pa <= pb && pa <= pc {
			p = a
		}
		out[i] = cur[i] - byte(p)
	}
}

// quantize maps the image to a palette when it has at most 256 colours,
// and reports whether it is opaque (the fast path needs that too) and how
// many pixels differ from the one before them, which tells a photo from
// flat colours and gradients.
// Colours go into a small open-addressing table (a Go map costs more than
// the compression); runs of one colour skip the lookup.
func (e *Encoder) quantize(img *image.RGBA) (paletted, opaque bool, changes int) {
	const size = 1024 // four times the palette: short probe chains
	if e.table == nil {
		e.table = make([]uint32, size)
		e.slot = make([]uint8, size)
	}
	for i := range e.table {
		e.table[i] = empty
	}
	e.palette = e.palette[:0]
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	if cap(e.idx) < wd*ht {
		e.idx = make([]uint8, wd*ht)
	}
	e.idx = e.idx[:wd*ht]
	last, lastIdx := uint32(empty), uint8(0)
	paletted = true
	k := 0
	for y := 0; y < ht; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		for x := 0; x+3 < len(row); x += 4 {
			// Little-endian RGBA: alpha is the top byte.
			c := binary.LittleEndian.Uint32(row[x:])
			if c != last {
				changes++
				if c>>24 != 0xff {
					return false, false, changes
				}
				if paletted {
					h := (c * 2654435761) >> 22 // top 10 bits
					for e.table[h] != c && e.table[h] != empty {
						h = (h + 1) & (size - 1)
					}
					if e.table[h] == empty {
						if len(e.palette) == 256 {
							paletted = false // keep scanning for transparency
						} else {
							e.table[h] = c
							e.slot[h] = uint8(len(e.palette))
							e.palette = append(e.palette, c)
						}
					}
					lastIdx = e.slot[h]
				}
				last = c
			}
			e.idx[k] = lastIdx
			k++
		}
	}
	return paletted, true, changes
}

// empty marks a free slot; colours are 24-bit, so it is never one.
const empty = 1 << 31
