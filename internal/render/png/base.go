package png

import (
	"bytes"
	"encoding/binary"
	"image"
	"io"
	bits64 "math/bits"
	"slices"
	"sync"
)

// A gradient or photo card is mostly its theme's background: where the
// text leaves whole rows of it untouched, those rows are the same in every
// card of the batch. Base keeps a background coded once, row by row: each
// row Up-filtered and coded with one Huffman code made for cards over that
// background (see huffTable), its bits kept apart. A card is written as a
// single deflate block with that code: a row whose pixels, and those of the
// row above it (the Up filter looks at them), are the background's is
// copied from the Base as bits, the others are filtered and coded from the
// card. Rows, not bands, so only the rows the text touches are coded (on
// 190 dusk cards 43% of rows; bands of 8 rows took 52%), and one block
// header a card instead of one a band. The PNG holds the same pixels
// either way; only the compressed bytes differ from encoding it alone.

// Base is a background that cards are drawn over, coded once. It is safe
// for concurrent use.
type Base struct {
	img  *image.RGBA
	once sync.Once
	// kind is how the background is coded (smooth: with runs, or
	// photographic: literals alone), and so every RGB card over it; ok
	// says it is opaque: only then are rows kept. palette is its colours
	// when it has 256 or fewer (a gradient between near colours can),
	// else nil.
	kind    int
	ok      bool
	palette []uint32
	// code is the cards' code; rows are the background's rows coded with
	// it, their bits in bits.
	code *huffTable
	rows []codedRow
	bits []byte
	// cuts are the rows' cuts, len(points) a row (see codedRow).
	cuts   []cut
	points []int
}

// codedRow is one row of a Base: its bits, from bit 0 of bits[off:], and
// the Adler-32 of its filtered bytes. cuts[at:] are the row's cuts (one
// for each cutEvery pixels after the first), where a card's row whose
// text leaves its ends alone can take the Base's bits (writeRows).
type codedRow struct {
	off, nbits int
	adler      uint32
	at         int
}

// cut is a place in a Base's coded row where a code begins: the first
// byte it codes, the bits before it, and the Adler-32 sums (a, b) of the
// bytes before it.
type cut struct {
	byte int32
	bit  uint32
	a, b uint32
	// sa and sb are the Adler-32 sums of the bytes from the cut to the
	// next one, or to the row's end (codeCells copies them by cells).
	sa, sb uint32
}

// cutEvery is how many pixels apart a row's cuts are noted (at the first
// code that begins at or after each such pixel's bytes), by the Base's
// kind. A photo's are its cells (codeCells): the narrower they are, the
// more of a text row's middle they leave to the Base (on 190 square cards
// over the bench's photo, 28% at 64 pixels, 34% at 32, 41% at 16) and the
// more cells there are to go through; BenchmarkEncodeOverPhoto found 32
// the best, by a little (3.15 ms a card, against 3.19 at 16 and 3.29 at
// 64, medians of five). A smooth Base's cuts bound only the ends of the
// bytes a card codes, and more of them cost more to note than they save.
var cutEvery = [...]int{smooth: 64, photographic: cellWidth}

// cellWidth is the width of a photo Base's cells, in pixels.
const cellWidth = 32

// cutPoints returns the bytes of a filtered row wd pixels wide after which
// cuts are noted, every pixels apart.
func cutPoints(wd, every int) []int {
	var p []int
	for x := every; x < wd; x += every {
		p = append(p, 1+3*x)
	}
	return p
}

// codeNoting codes a filtered row with t as t.data does, and returns the
// cut at the first code beginning at or after each of points (bits counted
// from start, w's position when the row began), appended to cuts.
func codeNoting(t *huffTable, w *bitWriter, row []byte, runs bool, points []int, start int, cuts []cut) []cut {
	bit := func() uint32 { return uint32(8*(w.pos-start) + int(w.n)) }
	k := 0
	note := func(i int) {
		for k < len(points) && i >= points[k] {
			cuts = append(cuts, cut{byte: int32(i), bit: bit()})
			k++
		}
	}
	if runs {
		if len(row) > 0 {
			note(0)
			w.put(t.code[row[0]], t.length[row[0]])
			t.runsFrom(w, row, 1, note)
		}
	} else {
		// Literals: a code a byte, so the cuts are at the points.
		at := 0
		for _, p := range points {
			t.unsummed(w, row[at:p])
			at = p
			note(p)
		}
		t.unsummed(w, row[at:])
	}
	note(len(row)) // the points past the last code
	for k < len(points) {
		cuts = append(cuts, cut{byte: int32(len(row)), bit: bit()})
		k++
	}
	return cuts
}

// adlerSums fills in each cut's sums: those of the bytes of row before it
// (a, b) and of the bytes from it to the next cut or the row's end (sa,
// sb), and returns the Adler-32 of the whole row. Each stretch is read
// once (sumBytes); the sums before a cut are the stretches' before it,
// joined without rereading them. (A sum carried a byte at a time took a
// third of coding a Base.)
func adlerSums(row []byte, cuts []cut) uint32 {
	var w bitWriter // its sums only
	w.startSum()
	at := 0
	for k := range cuts {
		c := int(cuts[k].byte)
		if k == 0 {
			w.s1, w.s2 = sumBytes(w.s1, w.s2, row[:c])
			w.s1, w.s2 = w.s1%adlerMod, w.s2%adlerMod
			at = c
		}
		cuts[k].a, cuts[k].b = uint32(w.s1), uint32(w.s2)
		end := len(row)
		if k+1 < len(cuts) {
			end = int(cuts[k+1].byte)
		}
		s1, s2 := sumBytes(1, 0, row[at:end])
		cuts[k].sa, cuts[k].sb = uint32(s1%adlerMod), uint32(s2%adlerMod)
		w.addSums(cuts[k].sa, cuts[k].sb, end-at)
		w.s1, w.s2 = w.s1%adlerMod, w.s2%adlerMod
		at = end
	}
	if len(cuts) == 0 {
		w.s1, w.s2 = sumBytes(w.s1, w.s2, row)
	}
	return w.sum()
}

// cardPrior is how much the code for cards over a background of each kind
// is flattened towards every symbol: the text's edges make residuals the
// background has few of. On 190 cards, against no flattening (with a code
// per band, the background's bands with their exact code): dusk 52.2 →
// 42.1 MB (0.5: 43.2, 2: 42.3), photo 181.2 → 176.1 MB (0.3: 180.6),
// measured in docs/performance.md.
var cardPrior = [...]float64{smooth: 1, photographic: 0.1}

// NewBase returns a Base for img, which must not change afterwards.
func NewBase(img *image.RGBA) *Base { return &Base{img: img} }

// prepare codes the background on first use, and reports whether it has
// rows to copy (see Base.ok).
func (b *Base) prepare(e *Encoder) bool {
	b.once.Do(func() {
		opaque, changes, palette := scanBase(b.img)
		if !opaque {
			return
		}
		b.palette = palette
		b.ok, b.kind = true, smooth
		if 2*changes > b.img.Rect.Dx()*b.img.Rect.Dy() {
			b.kind = photographic
		}
		// The cards wait for this: it runs a band of rows per core.
		runs := b.kind == smooth
		wd, ht := b.img.Rect.Dx(), b.img.Rect.Dy()
		if cap(e.zero) < 4*wd {
			e.zero = make([]byte, 4*wd) // upFiltered's row above the first
		}
		// Each band's rows are filtered once, into filtered, for both
		// passes: counting, then coding.
		n := 1 + 3*wd
		type band struct {
			y0, y1   int
			counts   [numLit]int
			w        bitWriter
			filtered []byte
		}
		rows := splitRows(0, ht, true)
		bs := make([]*band, len(rows))
		for i, r := range rows {
			bs[i] = &band{y0: r[0], y1: r[1]}
		}
		each := func(do func(bd *band)) {
			eachBand(rows, func(i, _, _ int) { do(bs[i]) })
		}
		each(func(bd *band) {
			bd.filtered = make([]byte, (bd.y1-bd.y0)*n)
			for y := bd.y0; y < bd.y1; y++ {
				row := bd.filtered[(y-bd.y0)*n : (y-bd.y0+1)*n]
				e.upFiltered(row, b.img, y)
				if runs { // runs within a row only
					countSymbols(&bd.counts, row, runs)
				}
			}
			if !runs { // literals: the band at once
				countSymbols(&bd.counts, bd.filtered, runs)
			}
		})
		var counts [numLit]int
		for _, bd := range bs {
			for i, c := range bd.counts {
				counts[i] += c
			}
		}
		b.code = newHuffTable(&counts, runs, cardPrior[b.kind])
		b.rows = make([]codedRow, ht)
		b.points = cutPoints(wd, cutEvery[b.kind])
		np := len(b.points)
		b.cuts = make([]cut, ht*np)
		each(func(bd *band) {
			w := &bd.w
			for y := bd.y0; y < bd.y1; y++ {
				row := bd.filtered[(y-bd.y0)*n : (y-bd.y0+1)*n]
				w.room(len(row))
				start := w.pos
				cuts := codeNoting(b.code, w, row, runs, b.points, start, b.cuts[y*np:y*np])
				whole := adlerSums(row, cuts)
				nbits := 8*(w.pos-start) + int(w.n)
				w.flush() // a row's bits start on a byte of their own
				b.rows[y] = codedRow{off: start, nbits: nbits, adler: whole, at: y * np}
			}
		})
		// The bands' bits one after another.
		for _, bd := range bs {
			off := len(b.bits)
			for y := bd.y0; y < bd.y1; y++ {
				b.rows[y].off += off
			}
			b.bits = append(b.bits, bd.w.out[:bd.w.pos]...)
			bd.filtered = nil
		}
		b.bits = slices.Clip(b.bits)
	})
	return b.ok
}

// scanBase reads a background for what coding it as a Base needs, as
// quantize would but a band of rows per core (the cards wait for it, and a
// photo's palette is full after a few rows, leaving the rest of the scan to
// one core): whether it is opaque, how many pixels differ from the one
// before them (quantize's count: in reading order, the first against
// nothing), and its colours when there are 256 or fewer, else nil.
func scanBase(img *image.RGBA) (opaque bool, changes int, palette []uint32) {
	wd, ht := img.Rect.Dx(), img.Rect.Dy()
	if wd == 0 || ht == 0 {
		return true, 0, nil
	}
	type part struct {
		opaque  bool
		changes int
		colours map[uint32]bool // nil once past 256
	}
	bs := splitRows(0, ht, wd*ht >= 1<<18)
	parts := make([]part, len(bs))
	eachBand(bs, func(i, y0, y1 int) {
		p := part{opaque: true, colours: map[uint32]bool{}}
		last := uint32(empty)
		if y0 > 0 {
			last = binary.LittleEndian.Uint32(img.Pix[(y0-1)*img.Stride+4*(wd-1):])
		}
		for y := y0; y < y1; y++ {
			row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
			if p.colours == nil {
				// Past 256 colours (a photo after a few rows):
				// only the count and the alpha, without a branch
				// on each pixel.
				alpha := uint32(0xff000000)
				for ; len(row) >= 4; row = row[4:] {
					c := binary.LittleEndian.Uint32(row)
					d := c ^ last
					p.changes += int((d | -d) >> 31) // 1 when c is not last
					alpha &= c
					last = c
				}
				p.opaque = p.opaque && alpha == 0xff000000
				continue
			}
			for x := 0; x < len(row); x += 4 {
				c := binary.LittleEndian.Uint32(row[x:])
				if c == last {
					continue
				}
				p.changes++
				last = c
				if c>>24 != 0xff {
					p.opaque = false
				}
				if p.colours != nil && !p.colours[c] {
					if len(p.colours) == 256 {
						p.colours = nil
					} else {
						p.colours[c] = true
					}
				}
			}
		}
		parts[i] = p
	})
	all := map[uint32]bool{}
	opaque = true
	for _, p := range parts {
		opaque = opaque && p.opaque
		changes += p.changes
		if all != nil && p.colours == nil {
			all = nil
		}
		for c := range p.colours {
			if all != nil {
				all[c] = true
			}
		}
	}
	if all == nil || len(all) > 256 {
		return opaque, changes, nil
	}
	for c := range all {
		palette = append(palette, c)
	}
	slices.Sort(palette)
	return opaque, changes, palette
}

// middle returns the cuts of row y of a card over base between which lie
// every pixel the renderer drew on it or on the row above (the Up filter
// reads both), when it knows them and the cuts leave some of the row to
// take from the Base. The bytes before c0, and the byte before c1 (which a
// run at c1 may repeat), are the Base's.
func (e *Encoder) middle(y int, base *Base) (c0, c1 cut, ok bool) {
	if e.lo == nil || len(base.cuts) == 0 {
		return cut{}, cut{}, false
	}
	lo, hi := e.lo[y], e.hi[y]
	if y > 0 {
		lo, hi = min(lo, e.lo[y-1]), max(hi, e.hi[y-1])
	}
	if lo >= hi {
		return cut{}, cut{}, false
	}
	r := base.rows[y]
	cuts := base.cuts[r.at : r.at+len(base.points)]
	n := int32(1 + 3*base.img.Rect.Dx())
	first, after := 1+3*lo, 1+3*hi // the first drawn byte, the first after
	c0 = cut{byte: 0, bit: 0, a: 1, b: 0}
	c1 = cut{byte: n, bit: uint32(r.nbits)}
	// The last cut at or before first, the first at or after after+1 (a
	// photo's row has 67 cuts).
	if k := firstCut(cuts, first+1); k > 0 {
		c0 = cuts[k-1]
	}
	if k := firstCut(cuts, after+1); k < len(cuts) && cuts[k].byte < n {
		c1 = cuts[k]
	}
	return c0, c1, c0.byte > 0 || c1.byte < n
}

// codeCells writes the bytes of row y between the cuts c0 and c1 of a card
// over a Base coded with literals alone, and returns sum with theirs added.
// It goes by cells (cellWidth pixels, from cut to cut): where the card's
// pixels are the Base's on the row and the one above (which the Up filter
// reads), the Base's bits are copied; elsewhere the pixels are filtered
// and coded. A literal depends on no byte before it, so any cut will do.
// Runs of like cells are found a word of the mask at a time. On 190 photo
// cards, 34% of the bytes between the text's first and last pixels are
// so copied: the background between words, and beside a line's ascenders
// and descenders.
func (e *Encoder) codeCells(bw *bitWriter, row []byte, img *image.RGBA, y int, base *Base, c0, c1 cut, sum uint32) uint32 {
	r := base.rows[y]
	src := base.bits[r.off:]
	cuts := base.cuts[r.at : r.at+len(base.points)]
	// Cell k begins at bound(k): the row's start, or the cut after k-1
	// cells; bound(len(cuts)+1) is the row's end.
	bound := func(k int) cut {
		switch {
		case k == 0:
			return cut{}
		case k > len(cuts):
			return cut{byte: int32(len(row)), bit: uint32(r.nbits)}
		}
		return cuts[k-1]
	}
	cellOf := func(c cut) int {
		if int(c.byte) == len(row) {
			return len(cuts) + 1
		}
		return max(int(c.byte)-1, 0) / (3 * cellWidth)
	}
	k0, k1 := cellOf(c0), cellOf(c1)
	drawn := e.cells.around(y)
	// The writer sums the bytes from c0 to c1: those it codes as it
	// codes them, a copied cell's from the Base's sums for it.
	bw.startSum()
	for k := k0; k < k1; {
		coded := drawn[k/64&3]>>(k%64)&1 == 1
		j := runEnd(&drawn, k, k1, coded)
		from, to := bound(k), bound(j)
		if coded {
			p0, p1 := int(from.byte), int(to.byte)
			e.upFilteredPart(row, img, y, max(p0-1, 0)/3, min((p1+2)/3, img.Rect.Dx()))
			bw.room(p1 - p0)
			base.code.literals(bw, row[p0:p1])
		} else {
			bw.spliceFrom(src, int(from.bit), int(to.bit-from.bit))
			for c := k; c < j; c++ {
				a, b := cuts[0].a, cuts[0].b // cell 0: the bytes before the first cut
				if c > 0 {
					a, b = cuts[c-1].sa, cuts[c-1].sb
				}
				bw.addSums(a, b, int(bound(c+1).byte-bound(c).byte))
			}
		}
		k = j
	}
	return adler32Combine(sum, bw.sum(), int(c1.byte-c0.byte))
}

// runEnd returns the first cell from k on, before end, whose bit in m is
// not coded's (m's cell k is bit k%64 of word k/64), or end.
func runEnd(m *[4]uint64, k, end int, coded bool) int {
	for k < end {
		w := m[k/64&3]
		if coded {
			w = ^w // the cells sought are those not drawn
		}
		if w >>= k % 64; w != 0 {
			return min(k+bits64.TrailingZeros64(w), end)
		}
		k = (k/64 + 1) * 64
	}
	return end
}

// firstCut returns the index of the first of cuts at byte b or after, or
// len(cuts): a binary search (sort.Search's closure cost more than it).
func firstCut(cuts []cut, b int32) int {
	lo, hi := 0, len(cuts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cuts[m].byte >= b {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// suffixAdler is the Adler-32 of the bytes from cut c on of a row of n
// bytes whose Adler-32 is whole: Adler-32's sums from both ends'.
func suffixAdler(whole uint32, c cut, n int) uint32 {
	const mod = 65521
	an, bn := int64(whole&0xffff), int64(whole>>16)
	ap, bp := int64(c.a), int64(c.b)
	m := int64(n) - int64(c.byte)
	a := ((an-ap+1)%mod + mod) % mod
	b := ((bn-bp-(m%mod)*((ap-1+mod)%mod))%mod + mod) % mod
	return uint32(b)<<16 | uint32(a)
}

// upFilteredPart is upFiltered for the pixels x0 to x1 of row y only,
// written where upFiltered writes them in out.
func (e *Encoder) upFilteredPart(out []byte, img *image.RGBA, y, x0, x1 int) {
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
	upRow(out[1+3*x0:1+3*x1], row[4*x0:4*x1], up[4*x0:4*x1])
}

// filterBuf returns e's buffer for a filtered row of an RGB image wd
// pixels wide.
func (e *Encoder) filterBuf(wd int) []byte {
	if cap(e.row) < 1+3*wd {
		e.row = make([]byte, 1+3*wd)
	}
	return e.row[:1+3*wd]
}

// overBase reports whether img can be written over base: base has rows,
// img is opaque and has more than 256 colours (so it is written as RGB).
// It marks img's rows that differ from base's in e.dirty (those the
// renderer drew on, when it says, e.touched), and looks for
// transparency, and counts colours, in those rows only (the others are
// the opaque background's, whose colours are known). This stands in for
// quantize, which would read every pixel of every card. When it says no,
// the card is encoded as it would be alone.
func (e *Encoder) overBase(img *image.RGBA, base *Base) bool {
	if base == nil || base.img.Rect != img.Rect {
		return false
	}
	if !base.prepare(e) {
		return false
	}
	wd, ht := img.Rect.Dx(), img.Rect.Dy()
	if cap(e.dirty) < ht {
		e.dirty = make([]bool, ht)
	}
	e.dirty = e.dirty[:ht]
	for y := 0; y < ht; y++ {
		if e.touched != nil {
			// The renderer knows: a row it drew on is taken as changed
			// without reading it (a row drawn on but left as it was is
			// coded from the card, the same bytes as the Base's).
			e.dirty[y] = e.touched[y]
			continue
		}
		row := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		d := !bytes.Equal(row, base.img.Pix[y*base.img.Stride:y*base.img.Stride+4*wd])
		e.dirty[y] = d
		// A card the renderer drew over base is opaque where base is:
		// it composites everything over the background, and replaces
		// pixels only with opaque colours and images.
		if d && e.touched == nil && !opaqueRow(row) {
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
	e.clearTable()
	n := 0
	add := func(c uint32) bool {
		if h := e.probe(c); e.table[h] == empty {
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

// upFiltered writes row y of img, Up-filtered, with its filter type, to
// out.
func (e *Encoder) upFiltered(out []byte, img *image.RGBA, y int) {
	e.upFilteredPart(out, img, y, 0, img.Rect.Dx())
}

// writeRows writes img's image data (the zlib stream) to w as one block
// coded with base's code, copying the rows that are base's. It returns how
// many were copied. overBase must have accepted img and base.
func (e *Encoder) writeRows(w io.Writer, img *image.RGBA, base *Base) (int, error) {
	if _, err := w.Write(zlibHeader); err != nil {
		return 0, err
	}
	t, runs := base.code, base.kind == smooth
	if !runs && e.cellHints != nil {
		e.cells = e.cellHints()
	}
	wd, ht := img.Rect.Dx(), img.Rect.Dy()
	row := e.filterBuf(wd)
	bw := &e.bits
	bw.pos, bw.acc, bw.n = 0, 0, 0
	bw.room(0)
	bw.put(1|2<<1, 3) // the last block; dynamic codes
	t.writeHeader(bw)
	sum, copied := uint32(1), 0
	for y := 0; y < ht; y++ {
		bw.room(len(row))
		if !e.dirty[y] && (y == 0 || !e.dirty[y-1]) {
			r := base.rows[y]
			bw.splice(base.bits[r.off:], r.nbits)
			sum = adler32Combine(sum, r.adler, len(row))
			copied++
		} else if c0, c1, ok := e.middle(y, base); ok {
			// The text leaves the row's ends alone: they are the
			// Base's bits, and only the bytes between the cuts c0 and
			// c1 are filtered and coded from the card.
			r := base.rows[y]
			src := base.bits[r.off:]
			p0, p1 := int(c0.byte), int(c1.byte)
			bw.splice(src, int(c0.bit))
			sum = adler32Combine(sum, c0.b<<16|c0.a, p0)
			if !runs {
				sum = e.codeCells(bw, row, img, y, base, c0, c1, sum)
			} else {
				// From the pixel of the byte before p0 (a run may
				// repeat it) to that of p1's last byte.
				e.upFilteredPart(row, img, y, max(p0-2, 0)/3, min((p1+1)/3, wd))
				mid := row[p0:p1]
				bw.startSum() // the coder sums what it codes
				if p0 == 0 {
					t.data(bw, mid, runs)
				} else {
					t.after(bw, mid, row[p0-1], runs)
				}
				sum = adler32Combine(sum, bw.sum(), len(mid))
			}
			if p1 < len(row) {
				bw.spliceFrom(src, int(c1.bit), r.nbits-int(c1.bit))
				sum = adler32Combine(sum, suffixAdler(r.adler, c1, len(row)), len(row)-p1)
			}
		} else {
			e.upFiltered(row, img, y)
			bw.startSum()
			t.data(bw, row, runs)
			sum = adler32Combine(sum, bw.sum(), len(row))
		}
		// Whole bytes go out now and then; the bits of a byte not yet
		// full stay in bw.acc.
		if bw.pos >= 1<<16 {
			if _, err := w.Write(bw.out[:bw.pos]); err != nil {
				return copied, err
			}
			bw.pos = 0
		}
	}
	bw.put(t.code[256], t.length[256])
	bw.flush()
	out := binary.BigEndian.AppendUint32(bw.out[:bw.pos], sum)
	_, err := w.Write(out)
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
