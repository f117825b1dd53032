package png

import (
	"encoding/binary"
	"image"
)

// A card on a flat colour has few colours: the background, its text's
// colours and their blends at the 65 levels of coverage. The encoder wrote
// it as a palette PNG by reading back every pixel of the rows the text
// touched and looking up each new colour (quantize): a fifth of a paper
// run, most of it at the glyphs' anti-aliased edges, where the colour
// changes at almost every pixel. But the inker knows the colour it leaves
// at every pixel it composites, and it leaves few: per coverage level, the
// blend over the last colour under it. So while a flat card is drawn the
// inker also writes each pixel's palette index, looked up once for each of
// those blends; what the other painters draw (fills, gg's shapes, images)
// is read back from the pixels within their marks once the page is drawn,
// and the rest is the background's index, 0. The encoder then takes the
// indexes as they are (Encoder.encode). The pixels are the same; only the
// order of the palette (the order the colours were drawn in, not the order
// of the rows) differs.

// indexed is the palette indexes of the flat page drawn last into img.
type indexed struct {
	img *image.RGBA // nil: none kept
	pix []uint8     // an index a pixel, img's width a row
	colours
	// ok is false once the page has more than 256 colours, or one that
	// is not opaque: the encoder then reads the pixels as before.
	ok bool
	// page changes with every page, so that the inker forgets the
	// indexes it remembered for the last.
	page uint32
}

// begin starts the indexes of a page drawn over the flat colour bg (an
// RGBA pixel as a little-endian uint32) into img. When img holds the last
// page, restored to bg within the marks prev, the indexes are reset to the
// background's there; otherwise everywhere.
func (ix *indexed) begin(img *image.RGBA, bg uint32, prev []mark, restored bool) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if ix.img != img || !restored || len(ix.pix) != w*h {
		if cap(ix.pix) < w*h {
			ix.pix = make([]uint8, w*h)
		}
		ix.pix = ix.pix[:w*h]
		clear(ix.pix)
	} else {
		for _, m := range prev {
			for y := m.r.Min.Y; y < m.r.Max.Y; y++ {
				o := ix.at(m.r.Min.X, y)
				clear(ix.pix[o : o+m.r.Dx()])
			}
		}
	}
	ix.img, ix.ok = img, true
	ix.page++
	ix.clearTable()
	ix.index(bg) // index 0
}

// end reads back the indexes of what was drawn within marks other than
// glyphs, and keeps them only if the page is one of few opaque colours.
func (ix *indexed) end(marks []mark) {
	for _, m := range marks {
		if m.text || !ix.ok {
			continue
		}
		last, li := uint32(empty), uint8(0)
		for y := m.r.Min.Y; y < m.r.Max.Y; y++ {
			row := ix.img.Pix[ix.img.PixOffset(m.r.Min.X, y):ix.img.PixOffset(m.r.Max.X, y)]
			out := ix.pix[ix.at(m.r.Min.X, y):]
			for x := 0; x < len(row); x += 4 {
				if c := binary.LittleEndian.Uint32(row[x:]); c != last {
					if c>>24 != 0xff {
						ix.ok = false
						break
					}
					if li, ix.ok = ix.index(c); !ix.ok {
						break
					}
					last = c
				}
				out[x/4] = li
			}
			if !ix.ok {
				break
			}
		}
	}
	if !ix.ok {
		ix.img = nil
	}
}

// lookUp returns colour c's index, adding it to the palette; when the page
// has too many colours, or c is not opaque, it gives up the indexes (the
// encoder reads the pixels instead) and returns 0.
func (ix *indexed) lookUp(c uint32) int {
	if c>>24 != 0xff {
		ix.ok = false
		return 0
	}
	i, ok := ix.index(c)
	if !ok {
		ix.ok = false
	}
	return int(i)
}

// at is the place in pix of img's pixel x, y.
func (ix *indexed) at(x, y int) int {
	return (y-ix.img.Rect.Min.Y)*ix.img.Rect.Dx() + x - ix.img.Rect.Min.X
}

// of returns the indexes of img when they are kept and whole.
func (ix *indexed) of(img *image.RGBA) *indexed {
	if ix.img == nil || ix.img != img || !ix.ok {
		return nil
	}
	return ix
}
