package png

import (
	"image"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A glyph's mask, once rasterised, is kept for the next time the same glyph
// is drawn the same way: a batch of cards draws the campaign's name, its
// address and its hashtags on every card at the same place, and the
// quote's common letters again and again at the few sizes the fitter
// chooses. Rasterising is a pure function of the font, the glyph, the size
// in 26.6 pixels per em and the fractional parts of the origin (the whole
// pixels only move the mask), so a mask found under exactly that key is the
// mask that would be drawn: the pixels do not change.

// glyphKey names one rasterised glyph.
type glyphKey struct {
	f      *sfnt.Font // keeps the font alive while its masks are kept
	ppem   fixed.Int26_6
	gid    uint16
	fx, fy uint8 // the origin's fractional parts, in 64ths of a pixel
}

// glyphMask is one rasterised glyph: w × h quantised coverage bytes, at
// pix[at:] of its generation's arena, whose top left pixel is off from the
// origin's whole pixel. A glyph with no outline (a space) has w = h = 0.
type glyphMask struct {
	offX, offY int32
	w, h       int32
	at         int32
}

// maskEntryCost is what a kept mask costs besides its pixels: its map
// entry and key.
const maskEntryCost = 48

// glyphCacheBytes bounds the memory of one drawer's masks (two generations
// of at most half each). A square card's masks take about 150 KB; what
// recurs from card to card is mostly the campaign's lines (name, address,
// hashtags), since a quote's letters fall at other sizes and sub-pixel
// places on every card. 512 KB keeps those: drawing 190 different quotes
// it finds 11–13% of the masks (2 MB: 17%, for about as much work saved)
// and adds 1–4 MB to the peak memory of two workers where 2 MB added 5–6
// (docs/performance.md).
const glyphCacheBytes = 512 << 10

// maskGen is one generation of kept masks: an index and the arena their
// pixels are in.
type maskGen struct {
	m     map[glyphKey]glyphMask
	pix   []uint8
	bytes int // pixels and entries, counted against the budget
}

// glyphCache keeps masks in two generations (a cheap approximation of
// least recently used): new masks go into the current one, a mask found
// in the old one is copied into the current one, and when the current one
// is full it becomes the old one and the old one is emptied for reuse. So
// what was used since the last turn survives it, memory stays under the
// budget, and arenas are reused rather than reallocated. A mask is
// rasterised into the drawer's scratch buffer and then copied here.
type glyphCache struct {
	cur, old maskGen
	budget   int // bytes for the two generations together; 0 means glyphCacheBytes
	// hits and misses count lookups, for tests and measurement.
	hits, misses int
}

// limit is the most one generation may hold.
func (c *glyphCache) limit() int {
	if c.budget > 0 {
		return c.budget / 2
	}
	return glyphCacheBytes / 2
}

// get returns the mask kept under k and its pixels.
func (c *glyphCache) get(k glyphKey) (glyphMask, []uint8, bool) {
	if g, ok := c.cur.m[k]; ok {
		c.hits++
		return g, c.cur.pix[g.at : g.at+g.w*g.h], true
	}
	g, ok := c.old.m[k]
	if !ok {
		c.misses++
		return glyphMask{}, nil, false
	}
	c.hits++
	src := c.old.pix[g.at : g.at+g.w*g.h]
	n := len(src) + maskEntryCost
	if c.cur.bytes+n > c.limit() {
		// No room to bring it forward: it is drawn from the old
		// generation, which lasts until the next mask is kept.
		return g, src, true
	}
	dst := c.reserve(k, &g, len(src))
	copy(dst, src)
	return g, dst, true
}

// reserve makes room for a mask of n pixels under k in the current
// generation, turning the generations when it is full, and returns the
// pixels to fill; it sets g.at. Masks larger than a sixteenth of a
// generation are not kept (a poster's headline, drawn once): it returns
// nil.
func (c *glyphCache) reserve(k glyphKey, g *glyphMask, n int) []uint8 {
	lim := c.limit()
	if n+maskEntryCost > lim/16 {
		return nil
	}
	if c.cur.bytes+n+maskEntryCost > lim {
		c.cur, c.old = c.old, c.cur
		clear(c.cur.m)
		c.cur.pix, c.cur.bytes = c.cur.pix[:0], 0
	}
	if c.cur.m == nil {
		c.cur.m = make(map[glyphKey]glyphMask)
	}
	at := len(c.cur.pix)
	if cap(c.cur.pix)-at < n {
		// Grow towards the generation's limit, not past it.
		grown := make([]uint8, at, min(lim, max(2*cap(c.cur.pix), at+n, 64<<10)))
		copy(grown, c.cur.pix)
		c.cur.pix = grown
	}
	c.cur.pix = c.cur.pix[:at+n]
	g.at = int32(at)
	c.cur.m[k] = *g
	c.cur.bytes += n + maskEntryCost
	return c.cur.pix[at : at+n : at+n]
}

// rect is where mask g lies with its origin at whole pixel (x, y).
func (g glyphMask) rect(x, y int) image.Rectangle {
	x0, y0 := x+int(g.offX), y+int(g.offY)
	return image.Rect(x0, y0, x0+int(g.w), y0+int(g.h))
}
