package font

import (
	"sync"

	"github.com/go-text/typesetting/di"
	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Substitutions are switched off: the exporters draw characters, not glyph
// ids (fpdf writes text through the font's cmap), so a ligature or contextual
// alternate chosen here could never be drawn. Kerning stays on.
var features = []shaping.FontFeature{
	{Tag: ot.MustNewTag("liga"), Value: 0},
	{Tag: ot.MustNewTag("clig"), Value: 0},
	{Tag: ot.MustNewTag("dlig"), Value: 0},
	{Tag: ot.MustNewTag("calt"), Value: 0},
	{Tag: ot.MustNewTag("kern"), Value: 1},
}

// memoLimit bounds the advance cache so hostile input cannot grow it without
// end; when full it starts again, which costs only re-shaping.
const memoLimit = 1 << 14

type advanceMemo struct {
	mu sync.RWMutex
	m  map[string][]float32
}

// Advances returns the advance of each rune of text in font units, with the
// font's kerning applied, as the text would be set on one line. Advances are
// unhinted, so at any size they scale linearly: callers shape once and
// multiply by Scale(size). The result is shared: do not modify it.
func (f *Font) Advances(text []rune) []float32 {
	f.load()
	key := string(text)
	f.memo.mu.RLock()
	adv, ok := f.memo.m[key]
	f.memo.mu.RUnlock()
	if ok {
		return adv
	}
	adv = f.shape(text)
	f.memo.mu.Lock()
	if f.memo.m == nil || len(f.memo.m) >= memoLimit {
		f.memo.m = make(map[string][]float32, 256)
	}
	f.memo.m[key] = adv
	f.memo.mu.Unlock()
	return adv
}

// Nominal returns the advance of r in font units without kerning; zero when
// the font lacks r.
func (f *Font) Nominal(r rune) float32 {
	g, ok := f.load().gt.NominalGlyph(r)
	if !ok || int(g) >= len(f.adv) {
		return 0
	}
	return f.adv[g]
}

// Glyph returns the id of the glyph the font's character map gives r, and
// whether it has one: the glyph an exporter draws for r today. Shaped text
// will take its glyph ids from the shaper instead.
func (f *Font) Glyph(r rune) (uint16, bool) {
	g, ok := f.load().gt.NominalGlyph(r)
	if !ok || int(g) >= len(f.adv) {
		return 0, false
	}
	return uint16(g), true
}

// GlyphAdvance returns the advance of glyph g in font units without
// kerning; zero for glyph 0 (what Glyph returns for a character the font
// lacks) and for ids the font does not have.
func (f *Font) GlyphAdvance(g uint16) float32 {
	if g == 0 || int(g) >= len(f.load().adv) {
		return 0
	}
	return f.adv[g]
}

func (f *Font) shape(text []rune) []float32 {
	out := make([]float32, len(text))
	if len(text) == 0 {
		return out
	}
	// A shaper keeps the face it first shaped with (its cache is keyed
	// by the font, not the face), so each pooled shaper has its own face:
	// a face from the shared pool could be in another goroutine's hands.
	st, _ := f.pool.Get().(*shaperFace)
	if st == nil {
		st = &shaperFace{face: gtfont.NewFace(f.gt)}
	}
	sh := &st.sh
	res := sh.Shape(shaping.Input{
		Text:         text,
		RunEnd:       len(text),
		Direction:    di.DirectionLTR,
		Face:         st.face,
		Size:         fixed.Int26_6(f.UnitsPerEm << 6),
		Script:       scriptOf(text),
		FontFeatures: features,
	})
	f.pool.Put(st)
	if len(res.Glyphs) == len(text) {
		oneToOne := true
		for i, g := range res.Glyphs {
			if g.ClusterIndex != i || g.RuneCount != 1 || g.GlyphCount != 1 {
				oneToOne = false
				break
			}
			out[i] = float32(g.XAdvance) / 64
		}
		if oneToOne {
			return out
		}
	}
	// The shaper merged or split characters (a composed sequence, say):
	// fall back to nominal advances, which is what the exporters can draw.
	for i, r := range text {
		out[i] = f.Nominal(r)
	}
	return out
}

// scriptOf picks the script of the first character that has one, so that
// kerning registered for Greek or Cyrillic applies to those runs.
func scriptOf(text []rune) language.Script {
	for _, r := range text {
		s := language.LookupScript(r)
		if s != language.Common && s != language.Inherited && s != language.Unknown {
			return s
		}
	}
	return language.Latin
}

// Extents returns the ink box of r's glyph in font units, y up from the
// baseline: left, bottom, right, top. ok is false for a glyph with no
// outline or a character the font lacks.
func (f *Font) Extents(r rune) (x0, y0, x1, y1 float64, ok bool) {
	g, has := f.load().gt.NominalGlyph(r)
	if !has {
		return 0, 0, 0, 0, false
	}
	return f.GlyphInk(uint16(g))
}

// GlyphInk is Extents for a glyph chosen by a shaper (a mirrored or
// contextual form no character maps to).
func (f *Font) GlyphInk(g uint16) (x0, y0, x1, y1 float64, ok bool) {
	face := f.load().face()
	e, ok := face.GlyphExtents(gtfont.GID(g))
	f.putFace(face)
	if !ok || e.Width == 0 {
		return 0, 0, 0, 0, false
	}
	return float64(e.XBearing), float64(e.YBearing + e.Height), float64(e.XBearing + e.Width), float64(e.YBearing), true
}

// shaperFace is a shaper with the one face it shapes with.
type shaperFace struct {
	sh   shaping.HarfbuzzShaper
	face *gtfont.Face
}
