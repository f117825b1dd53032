package png_test

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"path/filepath"
	"testing"

	"github.com/broadside/broadside/internal/bidi"
	"github.com/broadside/broadside/internal/font"
	bpng "github.com/broadside/broadside/internal/render/png"
	"github.com/broadside/broadside/internal/shape"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Latin drawn by glyph ID gives the same pixels as the rune path the
// exporter uses today (opentype face, same quantised coverage), at
// fractional positions too.
func TestGlyphIDMatchesRunePath(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f := reg.Get("source-serif-4/SourceSerif4-Regular")
	const px, baseY = 37.5, 44.6
	text := []rune("Hamburgefonstiv, AVATAR 1984!")
	adv := f.Advances(text)
	scale := px / float64(f.UnitsPerEm)
	byRune := image.NewRGBA(image.Rect(0, 0, 700, 60))
	byID := image.NewRGBA(byRune.Rect)
	face, err := opentype.NewFace(f.SFNT(), &opentype.FaceOptions{Size: px, DPI: 72, Hinting: xfont.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	ink := color.NRGBA{R: 20, G: 30, B: 90, A: 255}
	var gd bpng.GlyphDrawer
	var buf sfnt.Buffer
	x := 10.3
	for i, r := range text {
		// The rune path, as png.go draws a glyph (without its quantising,
		// which is the same function the glyph-ID path calls), at the
		// quarter pixel the glyph-ID path rounds x to and the whole pixel
		// it rounds the baseline to.
		qx := fixed.Int26_6(math.Round(float64(fixed.Int26_6(x*64))/16)) * 16
		dr, mask, maskp, _, ok := face.Glyph(fixed.Point26_6{X: qx, Y: fixed.Int26_6(math.Round(baseY)) * 64}, r)
		if ok {
			draw.DrawMask(byRune, dr, image.NewUniform(ink), image.Point{}, mask, maskp, draw.Over)
		}
		g, _ := f.SFNT().GlyphIndex(&buf, r)
		if err := gd.Draw(byID, byID.Rect, f.SFNT(), uint16(g), px, float64(fixed.Int26_6(x*64))/64, baseY, ink); err != nil {
			t.Fatal(err)
		}
		x += float64(adv[i]) * scale
	}
	worst, frac := compare(byRune, byID)
	if frac > 0 || worst > 8 {
		t.Errorf("glyph-ID drawing differs from the rune path: %.3f%% of pixels, worst %d", 100*frac, worst)
	}
	// And it can fail: a glyph moved by a pixel is a difference.
	moved := image.NewRGBA(byRune.Rect)
	g, _ := f.SFNT().GlyphIndex(&buf, 'H')
	gd.Draw(moved, moved.Rect, f.SFNT(), uint16(g), px, 11.3, baseY, ink)
	if _, frac := compare(byRune, moved); frac == 0 {
		t.Error("compare sees no difference")
	}
}

// Shaped lines of each script drawn by glyph ID, against a golden image:
// joined Arabic with a Latin name and a number in bidi order, Hebrew
// points, Devanagari conjuncts and reordered vowel signs, Thai marks, and
// emoji. Look at testdata/glyphid-scripts.png after -update.
func TestGlyphIDScripts(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	base := reg.Get("inter/Inter-Regular")
	lines := []struct{ lang, text string }{
		{"ar", "حرية الصحافة ليست جريمة"},
		{"ar", "قال Julian Assange عام 2024 (اليوم)"},
		{"he", "חוֹפֶשׁ הָעִתּוֹנוּת"},
		{"hi", "प्रेस की स्वतंत्रता अपराध नहीं है"},
		{"th", "เสรีภาพสื่อไม่ใช่อาชญากรรม"},
		{"en", "Free the press ✊🏽 👩‍👩‍👧 ❤️"},
	}
	const px, w = 40.0, 760
	img := image.NewRGBA(image.Rect(0, 0, w, 70*len(lines)+20))
	draw.Draw(img, img.Rect, image.NewUniform(color.NRGBA{0xf6, 0xf1, 0xe7, 0xff}), image.Point{}, draw.Src)
	var gd bpng.GlyphDrawer
	ink := color.NRGBA{0x1c, 0x1a, 0x17, 0xff}
	for i, l := range lines {
		text := []rune(l.text)
		res := shape.Paragraph(text, shape.Options{Chain: reg.ChainFor(base, font.CJKLang(l.lang, l.text)), Lang: l.lang})
		if len(res.Missing) > 0 {
			t.Fatalf("%s: missing %q", l.text, string(res.Missing))
		}
		levels := make([]bidi.Level, len(res.Runs))
		width := 0.0
		for k, r := range res.Runs {
			levels[k] = r.Level
			width += float64(r.Advance) * px / float64(r.Font.UnitsPerEm)
		}
		x, y := 20.0, 60.0+70*float64(i)
		if res.Bidi.Base.RTL() {
			x = w - 20 - width
		}
		for _, k := range bidi.Order(levels) {
			r := res.Runs[k]
			s := px / float64(r.Font.UnitsPerEm)
			for _, g := range r.Glyphs {
				if err := gd.Draw(img, img.Rect, r.Font.SFNT(), g.ID, px, x+float64(g.XOffset)*s, y-float64(g.YOffset)*s, ink); err != nil {
					t.Fatal(err)
				}
				x += float64(g.XAdvance) * s
			}
		}
	}
	path := filepath.Join("testdata", "glyphid-scripts.png")
	if *update {
		writePNG(t, path, img)
		return
	}
	want := readPNG(t, path)
	if diff, frac := compare(want, img); frac > 0.002 {
		failed := filepath.Join("testdata", "failed", "glyphid-scripts.png")
		writePNG(t, failed, img)
		t.Errorf("%.2f%% of pixels differ (worst %d); new image in %s (go test -update to accept)", 100*frac, diff, failed)
	}
}

// go test -bench Glyph ./internal/render/png: a 48 px glyph by ID and by
// rune, mask and compositing included.
func BenchmarkGlyphByID(b *testing.B) {
	reg, _ := font.Builtin()
	f := reg.Get("source-serif-4/SourceSerif4-Regular")
	var buf sfnt.Buffer
	g, _ := f.SFNT().GlyphIndex(&buf, 'g')
	img := image.NewRGBA(image.Rect(0, 0, 100, 100))
	var gd bpng.GlyphDrawer
	for b.Loop() {
		gd.Draw(img, img.Rect, f.SFNT(), uint16(g), 48, 20.3, 60, color.Black)
	}
}

func BenchmarkGlyphByRune(b *testing.B) {
	reg, _ := font.Builtin()
	f := reg.Get("source-serif-4/SourceSerif4-Regular")
	face, _ := opentype.NewFace(f.SFNT(), &opentype.FaceOptions{Size: 48, DPI: 72, Hinting: xfont.HintingNone})
	img := image.NewRGBA(image.Rect(0, 0, 100, 100))
	for b.Loop() {
		dr, mask, maskp, _, _ := face.Glyph(fixed.Point26_6{X: 20*64 + 19, Y: 60 * 64}, 'g')
		draw.DrawMask(img, dr, image.Black, image.Point{}, mask, maskp, draw.Over)
	}
}
