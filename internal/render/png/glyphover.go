package png

import (
	"encoding/binary"
	"image"
)

// inker composites glyph masks in one colour over RGBA pixels with exactly
// the arithmetic of image/draw's DrawMask for a uniform source, an alpha
// mask and the Over operator (its drawGlyphOver), so the pixels are the
// same byte for byte; it is faster in three ways. The colour's share of
// each coverage level is worked out once per colour, not per pixel. Full
// coverage in an opaque colour gives that colour whatever lies under it,
// so it is written without reading the pixel. And since a glyph lies
// mostly over one colour (a card's flat background, or a band of a
// gradient), each coverage level remembers the last pixel it was
// composited over and the result: the same pixel under the same level is
// a copy. Masks are quantised to 65 levels, so those memories are few.
type inker struct {
	// r, g, b, a is the colour (premultiplied, 16 bits a channel) the
	// tables are for; set is false until the first colour.
	r, g, b, a uint32
	set        bool
	// For each coverage byte v: inv is drawGlyphOver's multiplier of the
	// destination, src the colour's contribution per channel.
	inv [256]uint32
	src [256][4]uint32
	// last[v] is the destination pixel (four bytes, little-endian) last
	// composited under coverage v, with bit 32 set (0: none yet), and
	// out[v] what it became.
	last [256]uint64
	out  [256]uint32
	// solid is the pixel full coverage gives whatever lies under it (an
	// opaque colour), with bit 32 set; 0 otherwise.
	solid uint64
	// Drawing a flat page's indexes (overIndexed): outIdx[v] is out[v]'s
	// palette index, solidIdx solid's (-1: not looked up yet), for the
	// indexes' page.
	outIdx   [256]uint8
	solidIdx int
	page     uint32
}

// color prepares the tables for a colour given as color.Color's RGBA.
func (k *inker) color(r, g, b, a uint32) {
	if k.set && r == k.r && g == k.g && b == k.b && a == k.a {
		return
	}
	k.r, k.g, k.b, k.a, k.set = r, g, b, a, true
	const m = 1<<16 - 1
	for v := range k.inv {
		ma := uint32(v) | uint32(v)<<8
		// The same expressions as drawGlyphOver.
		k.inv[v] = (m - (a * ma / m)) * 0x101
		k.src[v] = [4]uint32{r * ma, g * ma, b * ma, a * ma}
	}
	k.last = [256]uint64{}
	k.solid, k.solidIdx = 0, -1
	if k.inv[255] == 0 {
		s := k.src[255]
		k.solid = 1<<32 | uint64(s[0]/m>>8) | uint64(s[1]/m>>8)<<8 | uint64(s[2]/m>>8)<<16 | uint64(s[3]/m>>8)<<24
	}
}

// over composites mask (stride bytes a row) over dst within r, the mask's
// pixel mp lying under r.Min; r must be inside dst and the mask.
func (k *inker) over(dst *image.RGBA, r image.Rectangle, mask []uint8, stride int, mp image.Point) {
	w := r.Dx()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, y):]
		row = row[: 4*w : 4*w]
		mrow := mask[(mp.Y+y-r.Min.Y)*stride+mp.X:]
		mrow = mrow[:w:w]
		for i, v := range mrow {
			if v == 0 {
				continue
			}
			d := row[4*i : 4*i+4 : 4*i+4]
			if v == 255 && k.solid != 0 {
				binary.LittleEndian.PutUint32(d, uint32(k.solid))
				continue
			}
			px := binary.LittleEndian.Uint32(d)
			if k.last[v] == uint64(px)|1<<32 {
				binary.LittleEndian.PutUint32(d, k.out[v])
				continue
			}
			k.blend(d, v, px)
		}
	}
}

// overIndexed is over for a flat page whose palette indexes ix keeps: it
// also writes the index of every pixel it composites, looked up once for
// each colour it remembers.
func (k *inker) overIndexed(dst *image.RGBA, r image.Rectangle, mask []uint8, stride int, mp image.Point, ix *indexed) {
	if k.page != ix.page {
		// Another page, another palette.
		k.page, k.last, k.solidIdx = ix.page, [256]uint64{}, -1
	}
	w := r.Dx()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, y):]
		row = row[: 4*w : 4*w]
		irow := ix.pix[ix.at(r.Min.X, y):]
		irow = irow[:w:w]
		mrow := mask[(mp.Y+y-r.Min.Y)*stride+mp.X:]
		mrow = mrow[:w:w]
		for i, v := range mrow {
			if v == 0 {
				continue
			}
			d := row[4*i : 4*i+4 : 4*i+4]
			if v == 255 && k.solid != 0 {
				binary.LittleEndian.PutUint32(d, uint32(k.solid))
				if k.solidIdx < 0 {
					k.solidIdx = ix.lookUp(uint32(k.solid))
				}
				irow[i] = uint8(k.solidIdx)
				continue
			}
			px := binary.LittleEndian.Uint32(d)
			if k.last[v] == uint64(px)|1<<32 {
				binary.LittleEndian.PutUint32(d, k.out[v])
				irow[i] = k.outIdx[v]
				continue
			}
			k.outIdx[v] = uint8(ix.lookUp(k.blend(d, v, px)))
			irow[i] = k.outIdx[v]
		}
	}
}

// blend composites the colour at coverage v over the pixel d, which was px,
// as drawGlyphOver does, remembers the result for px under v, and
// returns it.
func (k *inker) blend(d []byte, v uint8, px uint32) uint32 {
	const m = 1<<16 - 1
	a, s := k.inv[v], &k.src[v]
	d[0] = uint8((uint32(d[0])*a + s[0]) / m >> 8)
	d[1] = uint8((uint32(d[1])*a + s[1]) / m >> 8)
	d[2] = uint8((uint32(d[2])*a + s[2]) / m >> 8)
	d[3] = uint8((uint32(d[3])*a + s[3]) / m >> 8)
	o := binary.LittleEndian.Uint32(d)
	k.last[v], k.out[v] = uint64(px)|1<<32, o
	return o
}
