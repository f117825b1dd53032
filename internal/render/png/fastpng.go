package png

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"

	"github.com/klauspost/compress/flate"
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
	// zw are the compressors of RGB cards on their own, one for each of
	// levels.
	zw      [len(levels)]*zlib.Writer
	bw      *bufio.Writer
	row     []byte        // a filtered row
	bandBuf []byte        // rows of a palette card (see writePaletted)
	bits    bitWriter     // a card over a Base (see writeRows)
	fw      *flate.Writer // the rows of palette cards (see writePaletted)
	copied  int           // rows the last Encode copied from its Base
	dirty   []bool        // rows of the card that differ from its Base
	zero    []byte        // the row above the first
	colours               // quantize's palette and its table
	idx     []uint8
	repeat  []bool // rows the same as the row above (see quantize)
	// touched and same are what the renderer knows of the rows of the
	// card it drew (Renderer.rowHints), or nil: rows nothing was drawn
	// on (the Base's own), and rows known to be the row above again.
	touched, same []bool
	lo, hi        []int32 // over a Base: outside lo to hi, a row is the Base's
	// cells, over a photo's Base, are each row's cells drawn into, made
	// by cellHints (the renderer's) when writeRows needs them; the zero
	// mask when not known: then none is taken for the Base's.
	cells     cellMask
	cellHints func() cellMask
	runs      []int32
	// repeated is how many rows the last palette card copied from the
	// precompressed runs (see writePaletted).
	repeated int
}

// levels are the compression levels of klauspost/compress for the three
// kinds of card. Palette cards (flat colours): level 1 for the rows that
// are not repeats of the row above (see writePaletted): 7% larger files
// than level 3 for a quarter less time encoding. RGB cards with runs
// of one colour (a gradient behind the text): level 1, four times the data
// of a palette card, and level 3 makes them only 1% smaller for 15% more
// time. Photographic cards, where most pixels differ from the one before:
// Huffman coding only, since after filtering a photo's residuals
// have few repeats for matching to find; it is faster than level 1 and
// smaller too (measured in docs/performance.md).
var levels = [...]int{palette: 1, smooth: 1, photographic: zlib.HuffmanOnly}

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
	return e.EncodeOver(w, im, nil)
}

// EncodeOver writes img as PNG, copying from base the coded rows img has
// unchanged from it (see Base). base may be nil, or of
// another size: then it is not used.
func (e *Encoder) EncodeOver(w io.Writer, im image.Image, base *Base) error {
	return e.encode(w, im, base, nil)
}

// encode is EncodeOver, or with ix (no base) the palette card whose
// indexes the renderer kept as it drew it (indexed.go).
func (e *Encoder) encode(w io.Writer, im image.Image, base *Base, ix *indexed) error {
	img, ok := im.(*image.RGBA)
	if !ok {
		return encoder.Encode(w, im)
	}
	over := ix == nil && e.overBase(img, base)
	paletted, kind := false, 0
	var idx []uint8
	switch {
	case over:
		kind = base.kind
	case ix != nil:
		paletted, kind = true, palette
		e.palette = append(e.palette[:0], ix.palette...)
		idx = ix.pix
		e.repeatRows(idx, img.Rect.Dx(), img.Rect.Dy())
	default:
		p, opaque, changes := e.quantize(img)
		if !opaque {
			return encoder.Encode(w, im)
		}
		paletted, kind, idx = p, palette, e.idx
		if !paletted {
			kind = smooth
			if 2*changes > len(e.idx) {
				kind = photographic
			}
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
	if paletted {
		ihdr[9] = 3 // indexed
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
	e.copied = 0
	var err error
	switch {
	case over:
		e.copied, err = e.writeRows(e.bw, img, base)
	case paletted:
		err = e.writePaletted(e.bw, idx, wd, ht)
	default:
		err = e.writeRGB(e.bw, img, kind)
	}
	if err == nil {
		err = e.bw.Flush()
	}
	if err != nil {
		return err
	}
	return writeChunk(w, "IEND", nil)
}

// repeatRows marks in e.repeat the rows of the indexes idx (wd a row) that
// repeat the row above: those the renderer knows do, else by comparing
// them (a byte a pixel, not the four of quantize).
func (e *Encoder) repeatRows(idx []uint8, wd, ht int) {
	if cap(e.repeat) < ht {
		e.repeat = make([]bool, ht)
	}
	e.repeat = e.repeat[:ht]
	e.repeat[0] = false
	same := e.same
	for y := 1; y < ht; y++ {
		e.repeat[y] = (same != nil && same[y]) || bytes.Equal(idx[y*wd:(y+1)*wd], idx[(y-1)*wd:y*wd])
	}
}

// zlibHeader starts the image data: deflate with a 32 KB window, no
// dictionary. The encoders that write their own deflate blocks (writeRows,
// writePaletted) write it themselves.
var zlibHeader = []byte{0x78, 0x01}

// writeRGB writes the image data of an RGB card on its own (no Base),
// Up-filtered and compressed at kind's level, to w.
func (e *Encoder) writeRGB(w io.Writer, img *image.RGBA, kind int) error {
	zw := e.zw[kind]
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(w, levels[kind])
		e.zw[kind] = zw
	} else {
		zw.Reset(w)
	}
	out := e.filterBuf(img.Rect.Dx())
	for y := 0; y < img.Rect.Dy(); y++ {
		e.upFiltered(out, img, y)
		if _, err := zw.Write(out); err != nil {
			return err
		}
	}
	return zw.Close()
}

// upRow writes the RGB residuals of the RGBA row under the RGBA row up
// to out, for the Up filter: each byte less the one above it. Up is the
// filter for RGB cards (a gradient or photo behind the text): it is
// several times cheaper to compute than Paeth, the usual choice, and on
// cards it compresses as well (gradients) or within 6% (photos), measured
// in docs/performance.md. Eight bytes (two pixels) are subtracted at
// once, without borrows between them, and four pixels' twelve RGB bytes
// are stored with two writes.
func upRow(out, row, up []byte) {
	n := len(row) / 4
	row, out, up = row[:4*n], out[:3*n], up[:4*n]
	x := 0
	for ; x+8 <= n; x += 8 {
		// Eight pixels: 32 bytes in, 24 out in three words.
		r, u := row[4*x:4*x+32:4*x+32], up[4*x:4*x+32:4*x+32]
		d0 := sub8(binary.LittleEndian.Uint64(r), binary.LittleEndian.Uint64(u))
		d1 := sub8(binary.LittleEndian.Uint64(r[8:]), binary.LittleEndian.Uint64(u[8:]))
		d2 := sub8(binary.LittleEndian.Uint64(r[16:]), binary.LittleEndian.Uint64(u[16:]))
		d3 := sub8(binary.LittleEndian.Uint64(r[24:]), binary.LittleEndian.Uint64(u[24:]))
		// Each word's pixels' RGB, six bytes.
		p0 := d0&0xffffff | (d0>>32&0xffffff)<<24
		p1 := d1&0xffffff | (d1>>32&0xffffff)<<24
		p2 := d2&0xffffff | (d2>>32&0xffffff)<<24
		p3 := d3&0xffffff | (d3>>32&0xffffff)<<24
		o := out[3*x : 3*x+24 : 3*x+24]
		binary.LittleEndian.PutUint64(o, p0|p1<<48)
		binary.LittleEndian.PutUint64(o[8:], p1>>16|p2<<32)
		binary.LittleEndian.PutUint64(o[16:], p2>>32|p3<<16)
	}
	for ; x+4 <= n; x += 4 {
		r, u := row[4*x:4*x+16:4*x+16], up[4*x:4*x+16:4*x+16]
		d0 := sub8(binary.LittleEndian.Uint64(r), binary.LittleEndian.Uint64(u))
		d1 := sub8(binary.LittleEndian.Uint64(r[8:]), binary.LittleEndian.Uint64(u[8:]))
		o := out[3*x : 3*x+12 : 3*x+12]
		binary.LittleEndian.PutUint64(o, d0&0xffffff|(d0>>32&0xffffff)<<24|d1<<48)
		binary.LittleEndian.PutUint32(o[8:], uint32(d1>>16&0xff)|uint32(d1>>32&0xffffff)<<8)
	}
	for ; x < n; x++ {
		a := binary.LittleEndian.Uint32(row[4*x:])
		b := binary.LittleEndian.Uint32(up[4*x:])
		d := ((a | 0x80808080) - (b & 0x7f7f7f7f)) ^ ((a ^ ^b) & 0x80808080)
		o := out[3*x : 3*x+3]
		o[0], o[1], o[2] = byte(d), byte(d>>8), byte(d>>16)
	}
}

// sub8 subtracts the bytes of b from those of a, each modulo 256.
func sub8(a, b uint64) uint64 {
	const hi, lo = 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	return ((a | hi) - (b & lo)) ^ ((a ^ ^b) & hi)
}

// quantize maps the image to a palette when it has at most 256 colours,
// and reports whether it is opaque (the fast path needs that too) and how
// many pixels differ from the one before them, which tells a photo from
// flat colours and gradients.
// Colours go into a small open-addressing table (a Go map costs more than
// the compression); runs of one colour skip the lookup. A row the same as
// the one above it (most rows of a flat card: the margins, the space
// between lines) is compared at once and not read pixel by pixel: it is
// marked in e.repeat, and its palette indexes are left unwritten in e.idx
// (they are the row above's; see writePaletted).
func (e *Encoder) quantize(img *image.RGBA) (paletted, opaque bool, changes int) {
	e.clearTable()
	e.palette = e.palette[:0]
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	if cap(e.idx) < wd*ht {
		e.idx = make([]uint8, wd*ht)
	}
	e.idx = e.idx[:wd*ht]
	if cap(e.repeat) < ht {
		e.repeat = make([]bool, ht)
	}
	e.repeat = e.repeat[:ht]
	last, lastIdx := uint32(empty), uint8(0)
	paletted = true
	inner := 0 // changes within the row above, after its first pixel
	var above []byte
	for y := 0; y < ht; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		if y > 0 && ((e.same != nil && e.same[y]) || bytes.Equal(row, above)) {
			// The row above again: the same colours, and the same changes
			// but at its first pixel, which follows the row's last.
			e.repeat[y] = true
			if binary.LittleEndian.Uint32(row) != last {
				changes++
			}
			changes += inner
			continue
		}
		e.repeat[y] = false
		above = row
		start := changes
		first := binary.LittleEndian.Uint32(row) != last
		idx := e.idx[y*wd : (y+1)*wd]
		row = row[:4*len(idx)]
		for x := 0; x < len(idx); x++ {
			// Two pixels of the last colour at once: within a row,
			// runs of one colour are most of it.
			if x+1 < len(idx) && binary.LittleEndian.Uint64(row[4*x:]) == uint64(last)|uint64(last)<<32 {
				idx[x], idx[x+1] = lastIdx, lastIdx
				x++
				continue
			}
			// Little-endian RGBA: alpha is the top byte.
			c := binary.LittleEndian.Uint32(row[4*x:])
			if c != last {
				changes++
				if c>>24 != 0xff {
					return false, false, changes
				}
				if paletted {
					h := e.probe(c)
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
			idx[x] = lastIdx
		}
		inner = changes - start
		if first {
			inner--
		}
	}
	return paletted, true, changes
}

// colours is a palette of up to 256 opaque colours (RGBA pixels read as
// little-endian uint32s) and the hash table that finds a colour's index.
type colours struct {
	table   []uint32 // open addressing on the hash's top 10 bits
	slot    []uint8  // the palette index of each table entry
	palette []uint32
}

// empty marks a free slot: colours are opaque (alpha, the top byte, is
// 0xff), so it is never one.
const empty = 1 << 31

// tableSize is the size of the colour table: four times the palette, for
// short probe chains.
const tableSize = 1024

// clearTable empties the table and the palette.
func (p *colours) clearTable() {
	if p.table == nil {
		p.table = make([]uint32, tableSize)
		p.slot = make([]uint8, tableSize)
	}
	for i := range p.table {
		p.table[i] = empty
	}
	p.palette = p.palette[:0]
}

// probe returns c's place in the table: where it is, or the free slot
// where it goes.
func (p *colours) probe(c uint32) uint32 {
	h := (c * 2654435761) >> 22
	for p.table[h] != c && p.table[h] != empty {
		h = (h + 1) & (tableSize - 1)
	}
	return h
}

// index returns c's palette index, adding it to the palette; ok is false
// when the palette is full and c not in it.
func (p *colours) index(c uint32) (i uint8, ok bool) {
	h := p.probe(c)
	if p.table[h] == empty {
		if len(p.palette) == 256 {
			return 0, false
		}
		p.table[h] = c
		p.slot[h] = uint8(len(p.palette))
		p.palette = append(p.palette, c)
	}
	return p.slot[h], true
}
