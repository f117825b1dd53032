package png

import (
	"image"
	"image/draw"
	"math"

	"github.com/broadside/broadside/internal/frame"
)

// A worker draws card after card into one image, and every card of a
// batch starts from the same background: a flat colour, or a gradient or
// photo kept in Backgrounds. Most of a card is that background untouched
// (a square card's text covers under half its rows), so filling or
// copying the whole background again for every card, and then comparing
// every row to find what the encoder can skip, read and wrote megabytes
// that were already right. The painter therefore marks the rectangle of
// everything it draws over the background; the next page drawn into the
// same image over the same background repaints only those rectangles, and
// the encoder learns which rows are the background's without reading them.

// mark is a rectangle of pixels a page drew over its background. flat says
// it was filled with one colour and nothing else (a pixel-aligned
// rectangle): its rows are alike, so rows within it may still repeat.
type mark struct {
	r    image.Rectangle
	flat bool
	text bool // glyphs, whose palette indexes the inker wrote (indexed.go)
}

// under is what lies under a page's own drawing: the flat colour of a
// rectangle that covers it, or a kept background.
type under struct {
	fill  frame.Color
	layer *bgLayer
}

// lastPage is what the renderer last drew into img, over u: the marks of
// everything drawn over u. img is nil when that is not known (no page yet,
// or the last one failed or was drawn by Draw).
type lastPage struct {
	img   *image.RGBA
	u     under
	marks []mark
	boxes []image.Rectangle // its glyphs' boxes, over a Base
}

// mark records that the painter drew into r.
func (p *painter) mark(r image.Rectangle, flat bool) {
	r = r.Intersect(p.img.Rect)
	if !r.Empty() {
		p.r.marks = append(p.r.marks, mark{r: r, flat: flat})
	}
}

// markText records that the glyph drawer drew glyphs into r.
func (p *painter) markText(r image.Rectangle) {
	r = r.Intersect(p.img.Rect)
	if !r.Empty() {
		p.r.marks = append(p.r.marks, mark{r: r, text: true})
	}
}

// markBox records a drawing by gg (anti-aliased, maybe stroked, maybe
// through a clip mask that reaches a pixel past the painter's clip) that
// stays within x0, y0 – x1, y1 but for pad pixels: it marks that box grown
// by pad and a pixel more, on whole pixels.
func (p *painter) markBox(x0, y0, x1, y1, pad float64) {
	pad++
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	r := image.Rect(int(math.Floor(x0-pad)), int(math.Floor(y0-pad)), int(math.Ceil(x1+pad)), int(math.Ceil(y1+pad)))
	p.mark(r, false)
}

// restore makes img the background u again where the last page drew over
// it, when img holds that page over u (the renderer drew it last, into
// img, which nothing else changed since), and reports whether it did. When
// it did not, the caller draws the background in full. The renderer
// forgets its last page as it starts the next (render), so restore is
// told whether img is that page's image: same.
func (r *Renderer) restore(img *image.RGBA, u under, same bool) bool {
	if !same || r.last.u != u {
		return false
	}
	if u.layer != nil {
		bg := u.layer.img
		for _, m := range r.last.marks {
			for y := m.r.Min.Y; y < m.r.Max.Y; y++ {
				i, j := img.PixOffset(m.r.Min.X, y), img.PixOffset(m.r.Max.X, y)
				copy(img.Pix[i:j], bg.Pix[i:j])
			}
		}
		return true
	}
	src := image.NewUniform(nrgba(u.fill))
	for _, m := range r.last.marks {
		draw.Draw(img, m.r, src, image.Point{}, draw.Src)
	}
	return true
}

// remember notes that img now holds a page drawn over u, with r.marks the
// marks of what was drawn over it; a nil img forgets.
func (r *Renderer) remember(img *image.RGBA, u under) {
	r.last.img, r.last.u = img, u
	r.last.marks = append(r.last.marks[:0], r.marks...)
	r.last.boxes = append(r.last.boxes[:0], r.glyphs.boxes...)
}

// rowHints tells the encoder, for the page drawn last into img, which rows
// are the background's own (touched false: nothing was drawn on them);
// over a flat colour, which are known to equal the row above (same true:
// neither was drawn on but by flat fills, and no flat fill begins or ends
// between them); over a kept background (whose rows differ, so same is
// nil), the pixels lo to hi of each row outside which it is the
// background's (none drawn when lo >= hi). It returns nil slices when it
// knows nothing of img.
func (r *Renderer) rowHints(img *image.RGBA) (touched, same []bool, lo, hi []int32) {
	if r.last.img == nil || r.last.img != img {
		return nil, nil, nil, nil
	}
	h := img.Rect.Dy()
	if cap(r.touched) < h+1 {
		r.touched, r.same, r.ink = make([]bool, h+1), make([]bool, h+1), make([]int32, h+1)
	}
	touched, same, ink := r.touched[:h], r.same[:h], r.ink[:h+1]
	clear(touched)
	clear(ink)
	for i := range same {
		same[i] = true
	}
	y0 := img.Rect.Min.Y
	for _, m := range r.last.marks {
		a, b := m.r.Min.Y-y0, m.r.Max.Y-y0
		for y := a; y < b; y++ {
			touched[y] = true
		}
		if m.flat {
			// A fill's first row differs from the one above it, and
			// the row after its last from its last.
			same[a] = false
			if b < h {
				same[b] = false
			}
		} else {
			ink[a]++
			ink[b]--
		}
	}
	// A row with ink on it is like neither neighbour.
	n := int32(0)
	for y := 0; y < h; y++ {
		n += ink[y]
		if n > 0 {
			same[y] = false
			if y+1 < h {
				same[y+1] = false
			}
		}
	}
	same[0] = false
	if r.last.u.layer == nil {
		return touched, same, nil, nil
	}
	// Over a Base, where in each row the marks are: the rest of the row
	// is the background's.
	if cap(r.lo) < h {
		r.lo, r.hi = make([]int32, h), make([]int32, h)
	}
	lo, hi = r.lo[:h], r.hi[:h]
	wd, x0 := int32(img.Rect.Dx()), int32(img.Rect.Min.X)
	for i := range lo {
		lo[i], hi[i] = wd, 0
	}
	for _, m := range r.last.marks {
		mlo, mhi := int32(m.r.Min.X)-x0, int32(m.r.Max.X)-x0
		for y := m.r.Min.Y - y0; y < m.r.Max.Y-y0; y++ {
			lo[y], hi[y] = min(lo[y], mlo), max(hi[y], mhi)
		}
	}
	return touched, nil, lo, hi
}

// cellHints returns, for the page drawn last over a Base, the cells
// (cellWidth pixels wide, between a photo Base row's cuts) of each row it drew
// into. Text is told glyph by glyph, not by its runs' marks, so that a
// cell between words, or under a line's x-height where no ascender
// reaches, is the Base's.
func (r *Renderer) cellHints(img *image.RGBA) cellMask {
	wd, h := img.Rect.Dx(), img.Rect.Dy()
	words := (wd/cellWidth)/64 + 1
	if cap(r.cells) < h*words {
		r.cells = make([]uint64, h*words)
	}
	c := cellMask{words: words, bits: r.cells[:h*words]}
	clear(c.bits)
	set := func(rc image.Rectangle) {
		rc = rc.Sub(img.Rect.Min).Intersect(image.Rect(0, 0, wd, h))
		if rc.Empty() {
			return
		}
		for y := rc.Min.Y; y < rc.Max.Y; y++ {
			c.set(y, rc.Min.X/cellWidth, (rc.Max.X-1)/cellWidth)
		}
	}
	for _, m := range r.last.marks {
		if !m.text {
			set(m.r)
		}
	}
	for _, b := range r.last.boxes {
		set(b)
	}
	return c
}

// cellMask is a bit for each cell of each row: words words a row, cell k
// at bit k%64 of the row's word k/64. The zero cellMask knows nothing.
type cellMask struct {
	words int
	bits  []uint64
}

// set marks the cells k0 to k1 of row y.
func (c cellMask) set(y, k0, k1 int) {
	row := c.bits[y*c.words : (y+1)*c.words]
	for k := k0; k <= k1; {
		w := k / 64
		hi := min(k1, 64*w+63)
		row[w] |= (uint64(2)<<(hi%64) - 1) &^ (uint64(1)<<(k%64) - 1)
		k = hi + 1
	}
}

// around returns the cells marked on row y or the row above, cell k at
// bit k%64 of word k/64: all of them when the mask knows nothing, or the
// image is too wide for four words (4096 pixels).
func (c cellMask) around(y int) (m [4]uint64) {
	if c.bits == nil || c.words > len(m) {
		return [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	}
	for w := range c.words {
		m[w] = c.bits[y*c.words+w]
		if y > 0 {
			m[w] |= c.bits[(y-1)*c.words+w]
		}
	}
	return m
}
