package png

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"image"
	"io"
	"slices"
	"sync"

	"github.com/klauspost/compress/flate"
)

// A gradient or photo card is mostly its theme's background: where the
// text leaves whole rows of it untouched, those rows are the same in every
// card of the batch. Base keeps a background compressed once, in bands of
// bandRows rows, each band a deflate segment of its own: it starts from an
// empty dictionary and ends byte-aligned (a sync flush), so it can stand
// anywhere in a zlib stream. A card's band whose rows, and the row above
// them (the Up filter looks at it), are the background's is copied from
// the Base instead of filtered and compressed again; the others are
// compressed the same way, from the card. The PNG holds the same pixels
// either way; only the compressed bytes differ from encoding it alone.

// bandRows is the height of a band: small enough that the rows between
// lines of text make whole bands, large enough that a band's deflate
// overhead (block headers, no matches across bands) stays small. On 190
// dusk cards 43% of rows differ from the background; 16-row bands
// re-encode 58% of them, 8-row bands 52% (4-row bands 47%), for 8% less
// CPU on dusk and 10% on a photo, and 2% larger dusk files (photo files
// the same), measured in docs/performance.md.
const bandRows = 8

// Base is a background that cards are drawn over, compressed once. It is
// safe for concurrent use.
type Base struct {
	img   *image.RGBA
	once  sync.Once
	bands []band
	// kind is how the background is compressed (smooth or photographic),
	// and so every RGB card over it; ok says it is opaque: only then are
	// bands kept. palette is its colours when it has 256 or fewer (a
	// gradient between near colours can), else nil.
	kind    int
	ok      bool
	palette []uint32
	// huff is the code for every band over the background.
	huff, cardHuff *huffTable
}

// cardPrior is how much the code for the bands of cards over a background
// of each kind is flattened towards every symbol: the text's edges make
// residuals the background has few of. On 190 cards, against no
// flattening: dusk 52.2 → 42.1 MB (0.5: 43.2, 2: 42.3), photo 181.2 →
// 176.1 MB (0.3: 180.6), measured in docs/performance.md.
var cardPrior = [...]float64{smooth: 1, photographic: 0.1}

// huffTable makes the codes for bands over img, a background of kind, from
// the symbols of its own bands (see huffTable): literals alone for a
// photo, and runs too for a gradient. own codes the background's bands,
// cards the bands of cards over it, which have text the background lacks:
// its counts are flattened by cardPrior (see newHuffTable).
func (e *Encoder) huffTable(img *image.RGBA, kind int) (own, cards *huffTable) {
	wd, ht := img.Rect.Dx(), img.Rect.Dy()
	n := 1 + 3*wd
	if cap(e.bandBuf) < n*bandRows {
		e.bandBuf = make([]byte, n*bandRows)
	}
	var counts [numLit]int
	for y0 := 0; y0 < ht; y0 += bandRows {
		buf := e.bandBuf[:n*(min(y0+bandRows, ht)-y0)]
		for y := y0; y < y0+len(buf)/n; y++ {
			e.upFiltered(buf[(y-y0)*n:(y-y0+1)*n], img, y)
		}
		countSymbols(&counts, buf, kind == smooth)
	}
	return newHuffTable(&counts, kind == smooth, 0), newHuffTable(&counts, kind == smooth, cardPrior[kind])
}

// band is one compressed band: its deflate segment, and the Adler-32 and
// length of the filtered bytes it holds.
type band struct {
	z     []byte
	adler uint32
	n     int
}

// NewBase returns a Base for img, which must not change afterwards.
func NewBase(img *image.RGBA) *Base { return &Base{img: img} }

// compressed returns the background's bands, compressing them on first
// use, and whether it has them (see Base.ok).
func (b *Base) compressed(e *Encoder) ([]band, bool) {
	b.once.Do(func() {
		paletted, opaque, changes := e.quantize(b.img)
		if !opaque {
			return
		}
		if paletted {
			b.palette = slices.Clone(e.palette)
		}
		b.ok, b.kind = true, smooth
		if 2*changes > len(e.idx) {
			b.kind = photographic
		}
		ht := b.img.Rect.Dy()
		b.huff, b.cardHuff = e.huffTable(b.img, b.kind)
		for y0 := 0; y0 < ht; y0 += bandRows {
			var buf bytes.Buffer
			bd := e.band(&buf, b.img, y0, min(y0+bandRows, ht), b.kind, b.huff)
			bd.z = buf.Bytes()
			b.bands = append(b.bands, bd)
		}
	})
	return b.bands, b.ok
}

// overBase reports whether img can be written over base: base has bands,
// img is opaque and has more than 256 colours (so it is written as RGB).
// It marks img's rows that differ from base's in e.dirty, and looks for
// transparency, and counts colours, in those rows only (the others are
// the opaque background's, whose colours are known). This stands in for
// quantize, which would read every pixel of every card. When it says no,
// the card is encoded as it would be alone.
func (e *Encoder) overBase(img *image.RGBA, base *Base) bool {
	if base == nil || base.img.Rect != img.Rect {
		return false
	}
	if _, ok := base.compressed(e); !ok {
		return false
	}
	wd, ht := img.Rect.Dx(), img.Rect.Dy()
	if cap(e.dirty) < ht {
		e.dirty = make([]bool, ht)
	}
	e.dirty = e.dirty[:ht]
	for y := 0; y < ht; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		d := !bytes.Equal(row, base.img.Pix[y*base.img.Stride:y*base.img.Stride+4*wd])
		e.dirty[y] = d
		if d && !opaqueRow(row) {
			return false
		}
	}
	return base.palette == nil || e.moreColours(img, base.palette)
}

// opaqueRow reports whether every pixel of an RGBA row is opaque, two
// pixels at a time.
func opaqueRow(row []byte) bool {
	const alpha = 0xff000000ff000000
	x := 0
	for ; x+8 <= len(row); x += 8 {
		if binary.LittleEndian.Uint64(row[x:])&alpha != alpha {
			return false
		}
	}
	for ; x+3 < len(row); x += 4 {
		if row[x+3] != 0xff {
			return false
		}
	}
	return true
}

// moreColours reports whether img's rows marked in e.dirty bring the
// colours of pal, the background's palette, past 256. It uses quantize's
// table.
func (e *Encoder) moreColours(img *image.RGBA, pal []uint32) bool {
	const size = 1024
	if e.table == nil {
		e.table = make([]uint32, size)
		e.slot = make([]uint8, size)
	}
	for i := range e.table {
		e.table[i] = empty
	}
	n := 0
	add := func(c uint32) bool {
		h := (c * 2654435761) >> 22
		for e.table[h] != c && e.table[h] != empty {
			h = (h + 1) & (size - 1)
		}
		if e.table[h] == empty {
			e.table[h] = c
			n++
		}
		return n > 256
	}
	for _, c := range pal {
		add(c)
	}
	wd := img.Rect.Dx()
	last := uint32(empty)
	for y, d := range e.dirty {
		if !d {
			continue
		}
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		for x := 0; x+3 < len(row); x += 4 {
			if c := binary.LittleEndian.Uint32(row[x:]); c != last {
				if add(c) {
					return true
				}
				last = c
			}
		}
	}
	return false
}

// band filters rows y0 to y1 of img and writes them to w as a deflate
// segment at kind's level, or with huff when it is not nil (a photo; see
// huffTable), returning the band without its bytes.
func (e *Encoder) band(w io.Writer, img *image.RGBA, y0, y1, kind int, huff *huffTable) band {
	wd := img.Rect.Dx()
	n := (1 + 3*wd) * (y1 - y0)
	if cap(e.bandBuf) < n {
		e.bandBuf = make([]byte, n)
	}
	buf := e.bandBuf[:n]
	for y := y0; y < y1; y++ {
		e.upFiltered(buf[(y-y0)*(1+3*wd):(y-y0+1)*(1+3*wd)], img, y)
	}
	if huff != nil {
		e.huffBuf = huff.block(e.huffBuf[:0], buf, kind == smooth)
		w.Write(e.huffBuf)
		return band{adler: adler32.Checksum(buf), n: n}
	}
	fw := e.fw[kind]
	if fw == nil {
		fw, _ = flate.NewWriter(w, levels[kind])
		e.fw[kind] = fw
	} else {
		fw.Reset(w)
	}
	fw.Write(buf)
	fw.Flush()
	return band{adler: adler32.Checksum(buf), n: n}
}

// upFiltered writes row y of img, Up-filtered, with its filter type, to
// out.
func (e *Encoder) upFiltered(out []byte, img *image.RGBA, y int) {
	wd := img.Rect.Dx()
	row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
	var up []byte
	if y > 0 {
		up = img.Pix[(y-1)*img.Stride : (y-1)*img.Stride+4*wd]
	} else {
		if cap(e.zero) < 4*wd {
			e.zero = make([]byte, 4*wd)
		}
		up = e.zero[:4*wd]
	}
	out[0] = 2
	upRow(out[1:], row, up)
}

// writeBands writes img's image data (the zlib stream) as bands, copying
// those that are base's, to w. It returns how many were copied. overBase
// must have accepted img and base.
func (e *Encoder) writeBands(w io.Writer, img *image.RGBA, base *Base) (int, error) {
	bands, _ := base.compressed(e)
	kind := base.kind
	if _, err := w.Write([]byte{0x78, 0x01}); err != nil { // zlib header: deflate, 32 KB window
		return 0, err
	}
	ht := img.Rect.Dy()
	sum, copied := uint32(1), 0
	for i, y0 := 0, 0; y0 < ht; i, y0 = i+1, y0+bandRows {
		y1 := min(y0+bandRows, ht)
		same := true
		for y := max(0, y0-1); y < y1 && same; y++ {
			same = !e.dirty[y]
		}
		var bd band
		if same {
			bd = bands[i]
			if _, err := w.Write(bd.z); err != nil {
				return copied, err
			}
			copied++
		} else {
			bd = e.band(w, img, y0, y1, kind, base.cardHuff)
		}
		sum = adler32Combine(sum, bd.adler, bd.n)
	}
	// An empty final block with fixed codes, then the checksum.
	var tail [6]byte
	tail[0], tail[1] = 0x03, 0x00
	binary.BigEndian.PutUint32(tail[2:], sum)
	_, err := w.Write(tail[:])
	return copied, err
}

// adler32Combine returns the Adler-32 of two byte strings one after the
// other from the checksums of each and the length of the second, as
// zlib's adler32_combine does.
func adler32Combine(a1, a2 uint32, len2 int) uint32 {
	const mod = 65521
	rem := uint32(len2 % mod)
	sum1 := a1 & 0xffff
	sum2 := rem * sum1 % mod
	sum1 += (a2 & 0xffff) + mod - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + mod - rem
	if sum1 >= mod {
		sum1 -= mod
	}
	if sum1 >= mod {
		sum1 -= mod
	}
	if sum2 >= mod<<1 {
		sum2 -= mod << 1
	}
	if sum2 >= mod {
		sum2 -= mod
	}
	return sum2<<16 | sum1
}
