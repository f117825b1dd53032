package png

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"

	"github.com/broadside/broadside/internal/font"
	"golang.org/x/image/font/sfnt"
)

// The inker gives image/draw's bytes for every coverage level over every
// kind of destination pixel, in opaque and translucent colours, whether
// its memory of the last pixel is used or not.
func TestInkerMatchesDrawMask(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	colors := []color.Color{
		color.NRGBA{0x1c, 0x1a, 0x17, 0xff}, color.NRGBA{0xff, 0xff, 0xff, 0xff},
		color.NRGBA{0xc0, 0x30, 0x10, 0x80}, color.NRGBA{0x20, 0x90, 0xf0, 0x01},
		color.NRGBA{0, 0, 0, 0}, color.RGBA{0x40, 0x20, 0x10, 0x7f},
	}
	const w, h = 256, 24
	mask := image.NewAlpha(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			mask.Pix[y*w+x] = uint8(x) // every coverage byte in each row
		}
	}
	var k inker
	for ci, c := range colors {
		for _, flat := range []bool{true, false} {
			want := image.NewRGBA(image.Rect(0, 0, w, h))
			if flat {
				// One background colour (some rows opaque, some not): the
				// memory of the last pixel is used.
				for y := range h {
					px := [4]uint8{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), 0xff}
					if y%3 == 1 {
						px[3] = uint8(rng.Uint32())
					}
					for x := range w {
						copy(want.Pix[y*want.Stride+4*x:], px[:])
					}
				}
			} else {
				for i := range want.Pix {
					want.Pix[i] = uint8(rng.Uint32())
				}
			}
			got := image.NewRGBA(want.Rect)
			copy(got.Pix, want.Pix)
			r := image.Rect(3, 2, w, h-1)
			mp := image.Pt(3, 1)
			draw.DrawMask(want, r, image.NewUniform(c), image.Point{}, mask, mp, draw.Over)
			k.color(c.RGBA())
			k.over(got, r, mask.Pix, mask.Stride, mp)
			if !bytes.Equal(got.Pix, want.Pix) {
				for i := range got.Pix {
					if got.Pix[i] != want.Pix[i] {
						t.Fatalf("colour %d, flat %v: byte %d (pixel %d, %d) is %d, image/draw gives %d", ci, flat, i, i%want.Stride/4, i/want.Stride, got.Pix[i], want.Pix[i])
					}
				}
			}
		}
	}
}

// uncached draws a glyph as the drawer did before it kept masks: load,
// rasterise, quantise, then image/draw's DrawMask.
func uncached(d *GlyphDrawer, dst *image.RGBA, clip image.Rectangle, f *sfnt.Font, gid uint16, px, x, y float64, c color.Color) error {
	var fresh GlyphDrawer
	fresh.cache.budget = 1 // keeps nothing
	dot, k := glyphAt(f, gid, px, x, y)
	g, pix, err := fresh.rasterize(k, dot, clip)
	if err != nil || pix == nil || g.w == 0 {
		return err
	}
	dr := g.rect(int(dot.X>>6), int(dot.Y>>6))
	mask := &image.Alpha{Pix: pix, Stride: int(g.w), Rect: image.Rect(0, 0, int(g.w), int(g.h))}
	target := dr.Intersect(clip)
	draw.DrawMask(dst, target, image.NewUniform(c), image.Point{}, mask, target.Min.Sub(dr.Min), draw.Over)
	return nil
}

// A drawer keeping masks draws the same bytes as one that keeps none, for
// a table of glyphs, sizes and fractional origins, each drawn several
// times (found in the cache, brought forward from the old generation,
// evicted and rasterised again with a small budget), clipped or not.
func TestGlyphCacheSamePixels(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	serif := reg.Get("source-serif-4/SourceSerif4-Regular").SFNT()
	inter := reg.Get("inter/Inter-Regular").SFNT()
	var buf sfnt.Buffer
	gid := func(f *sfnt.Font, r rune) uint16 {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		return uint16(g)
	}
	type glyph struct {
		f  *sfnt.Font
		id uint16
	}
	var glyphs []glyph
	for _, r := range "Hamburgefonstiv, AVATAR 1984!“”" {
		glyphs = append(glyphs, glyph{serif, gid(serif, r)}, glyph{inter, gid(inter, r)})
	}
	sizes := []float64{9, 13.5, 37.5, 37.51, 48, 120, 260}
	fracs := []float64{0, 1.0 / 64, 0.3, 0.5, 0.77, 63.0 / 64}
	hits := map[int]int{}
	for _, budget := range []int{0, 64 << 10} {
		t.Run(fmt.Sprintf("budget %d", budget), func(t *testing.T) {
			var d GlyphDrawer
			d.cache.budget = budget
			rng := rand.New(rand.NewPCG(3, 4))
			got := image.NewRGBA(image.Rect(0, 0, 1200, 400))
			want := image.NewRGBA(got.Rect)
			ink := color.NRGBA{0x20, 0x30, 0x90, 0xff}
			clips := []image.Rectangle{got.Rect, image.Rect(100, 50, 700, 300)}
			for _, s := range sizes {
				for round := range 3 {
					for i, fx := range fracs {
						for _, g := range glyphs {
							// Whole pixels differ between rounds; the
							// fractions of round 1 repeat round 0's, so
							// the masks are found; round 2 has new ones.
							fy := fracs[(i+round/2)%len(fracs)]
							x := 20 + float64(rng.IntN(900)) + fx
							y := 40 + float64(rng.IntN(300)) + fy
							clip := clips[rng.IntN(len(clips))]
							if round == 2 {
								ink.A = 0xa0
							}
							if err := d.Draw(got, clip, g.f, g.id, s, x, y, ink); err != nil {
								t.Fatal(err)
							}
							if err := uncached(&d, want, clip, g.f, g.id, s, x, y, ink); err != nil {
								t.Fatal(err)
							}
						}
					}
					if !bytes.Equal(got.Pix, want.Pix) {
						t.Fatalf("round %d, size %v: the kept masks draw different pixels", round, s)
					}
				}
			}
			c := &d.cache
			if c.hits == 0 || c.misses == 0 {
				t.Errorf("%d hits, %d misses: the cache was not exercised", c.hits, c.misses)
			}
			hits[budget] = c.hits
			t.Logf("%d hits, %d misses", c.hits, c.misses)
		})
	}
	// Round 1 repeats round 0 at each size: with room for them most are
	// found; in 64 KB most were evicted first.
	if per := len(sizes) * len(fracs) * len(glyphs); hits[0] < per*2/3 || hits[64<<10] > hits[0]*3/4 {
		t.Errorf("hits %v for %d draws a round: the cache keeps too little, or the small one evicts nothing", hits, per)
	}
}

// The cache never holds more than its budget, however many masks go
// through it, and a mask too large to keep is drawn but not kept.
func TestGlyphCacheBounded(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f := reg.Get("source-serif-4/SourceSerif4-Regular").SFNT()
	var d GlyphDrawer
	img := image.NewRGBA(image.Rect(0, 0, 600, 600))
	ink := color.NRGBA{0, 0, 0, 0xff}
	held := func() int {
		c := &d.cache
		return c.cur.bytes + c.old.bytes
	}
	n := 0
	for gid := uint16(1); gid < 400; gid++ {
		for px := 20.0; px < 90; px += 7.25 {
			if err := d.Draw(img, img.Rect, f, gid, px, 100.3, 300.6, ink); err != nil {
				continue // an ID past the font's glyphs
			}
			n++
			if h := held(); h > glyphCacheBytes {
				t.Fatalf("after %d glyphs the cache holds %d bytes, over its %d", n, h, glyphCacheBytes)
			}
			if c := cap(d.cache.cur.pix) + cap(d.cache.old.pix); c > glyphCacheBytes {
				t.Fatalf("after %d glyphs the arenas take %d bytes, over %d", n, c, glyphCacheBytes)
			}
		}
	}
	if held() < glyphCacheBytes/3 {
		t.Errorf("%d glyphs left %d bytes in the cache: too few to test the bound", n, held())
	}
	// A 600 px glyph is drawn, not kept.
	before := len(d.cache.cur.m)
	var buf sfnt.Buffer
	g, _ := f.GlyphIndex(&buf, 'W')
	if err := d.Draw(img, img.Rect, f, uint16(g), 600, 10, 500, ink); err != nil {
		t.Fatal(err)
	}
	if len(d.cache.cur.m) != before {
		t.Error("a 600 px glyph was kept")
	}
}

// go test -run XXX -bench GlyphOver ./internal/render/png: compositing
// glyph masks (48 px, quantised) over a flat 1080 px card, row after row
// as a quote is set, with image/draw and with the inker.
func BenchmarkGlyphOver(b *testing.B) {
	reg, _ := font.Builtin()
	f := reg.Get("source-serif-4/SourceSerif4-Regular").SFNT()
	var d GlyphDrawer
	var masks [][]uint8
	var rects []image.Rectangle
	var buf sfnt.Buffer
	for _, r := range "Hamburgefonstiv" {
		g, _ := f.GlyphIndex(&buf, r)
		dot, k := glyphAt(f, uint16(g), 48, 0.3, 0.6)
		m, pix, _ := d.rasterize(k, dot, image.Rect(-100, -100, 100, 100))
		masks = append(masks, append([]uint8(nil), pix...))
		rects = append(rects, m.rect(0, 0))
	}
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	ink := color.NRGBA{0x1c, 0x1a, 0x17, 0xff}
	each := func(fn func(r image.Rectangle, m []uint8)) {
		draw.Draw(img, img.Rect, image.NewUniform(color.NRGBA{0xf6, 0xf1, 0xe7, 0xff}), image.Point{}, draw.Src)
		for y := 80; y < 1000; y += 60 {
			for x, i := 40, 0; x < 1000; x, i = x+30, i+1 {
				j := i % len(masks)
				fn(rects[j].Add(image.Pt(x, y)), masks[j])
			}
		}
	}
	b.Run("fill", func(b *testing.B) {
		for b.Loop() {
			each(func(image.Rectangle, []uint8) {})
		}
	})
	b.Run("drawmask", func(b *testing.B) {
		for b.Loop() {
			each(func(r image.Rectangle, m []uint8) {
				a := &image.Alpha{Pix: m, Stride: r.Dx(), Rect: image.Rect(0, 0, r.Dx(), r.Dy())}
				draw.DrawMask(img, r, image.NewUniform(ink), image.Point{}, a, image.Point{}, draw.Over)
			})
		}
	})
	b.Run("inker", func(b *testing.B) {
		var k inker
		for b.Loop() {
			each(func(r image.Rectangle, m []uint8) {
				k.color(ink.RGBA())
				k.over(img, r, m, r.Dx(), image.Point{})
			})
		}
	})
}

// Glyphs are placed along a line at quarter pixels: two origins within an
// eighth of a pixel of the same quarter share a mask, two in different
// quarters do not; the baseline y is rounded to a whole pixel.
func TestGlyphAtQuarterPixels(t *testing.T) {
	for _, tc := range []struct {
		x1, y1, x2, y2 float64
		same           bool
	}{
		{10.30, 5, 10.36, 5, true},    // both round to 10.25
		{10.30, 5, 10.40, 5, false},   // 10.25 and 10.5
		{10.00, 5, 10.124, 5, true},   // both 10
		{10.00, 5, 10.126, 5, false},  // 10 and 10.25
		{10.30, 5, 10.30, 5.02, true}, // both on y 5
		{10.30, 5, 10.30, 5.49, true}, // still 5
		{10.30, 5, 10.30, 5.51, true}, // on y 6: a pixel down, the same mask
	} {
		d1, k1 := glyphAt(nil, 7, 20, tc.x1, tc.y1)
		d2, k2 := glyphAt(nil, 7, 20, tc.x2, tc.y2)
		if same := k1 == k2; same != tc.same {
			t.Errorf("%v,%v and %v,%v: same mask %v, want %v", tc.x1, tc.y1, tc.x2, tc.y2, same, tc.same)
		}
		if d1.X%16 != 0 || d2.X%16 != 0 || d1.Y%64 != 0 || d2.Y%64 != 0 {
			t.Errorf("origins %v, %v not on quarter pixels along the line, whole pixels across", d1, d2)
		}
	}
}
