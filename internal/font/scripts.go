package font

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"

	gtfont "github.com/go-text/typesetting/font"
)

// ScriptFamilies are the bundled families that draw the scripts the layouts'
// own faces lack, in the order the shaped-text fallback tries them. Their
// coverage barely overlaps (each also has digits and basic punctuation,
// which the Latin faces before them take first), so the order matters only
// for those shared characters.
var ScriptFamilies = []string{
	"Noto Naskh Arabic",
	"Noto Sans Hebrew",
	"Noto Sans Devanagari",
	"Noto Sans Thai",
}

// EmojiFamily draws emoji in one colour. It comes last in every chain: it
// also has digits, '#' and '*' (keycap bases), which must stay in the text
// faces.
const EmojiFamily = "Noto Emoji"

// CJK tells which East Asian languages a font is made for, from the code
// pages its OS/2 table declares. Han characters look different in
// Japanese, Simplified and Traditional Chinese and Korean; the fallback
// picks the font whose forms match the text's language.
type CJK struct{ Japanese, Chinese, Korean bool }

// Any reports whether the font declares any East Asian code page.
func (c CJK) Any() bool { return c.Japanese || c.Chinese || c.Korean }

// CJK reads the font's OS/2 code page bits (bit 17 JIS, 18 Simplified
// Chinese, 19 Korean Wansung, 20 Traditional Chinese, 21 Korean Johab).
// A font without them but with Han or Hangul coverage is classified by
// what it covers, so a user's font still takes part.
func (f *Font) CJK() CJK {
	var c CJK
	if os2 := sfntTable(f.Data, "OS/2"); len(os2) >= 82 && binary.BigEndian.Uint16(os2) >= 1 {
		cp := binary.BigEndian.Uint32(os2[78:])
		c = CJK{Japanese: cp&(1<<17) != 0, Chinese: cp&(1<<18|1<<20) != 0, Korean: cp&(1<<19|1<<21) != 0}
	}
	if !c.Any() {
		switch {
		case f.Has('가'):
			c.Korean = true
		case f.Has('あ') && f.Has('中'):
			c.Japanese = true
		case f.Has('中'):
			c.Chinese = true
		}
	}
	return c
}

// sfntTable returns a table of a TrueType file, or nil.
func sfntTable(data []byte, tag string) []byte {
	if len(data) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) != tag {
			continue
		}
		off, ln := int(binary.BigEndian.Uint32(data[rec+8:])), int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) || off+ln < off {
			return nil
		}
		return data[off : off+ln]
	}
	return nil
}

// CJKLang resolves which East Asian forms a text wants: "ja", "zh" or "ko"
// from a quote's BCP 47 tag, else from the text itself (kana means
// Japanese, Hangul Korean), else Chinese, the forms most fonts draw.
func CJKLang(lang, text string) string {
	l := strings.ToLower(lang)
	for _, p := range []string{"ja", "zh", "ko"} {
		if l == p || strings.HasPrefix(l, p+"-") || strings.HasPrefix(l, p+"_") {
			return p
		}
	}
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			return "ja"
		case unicode.Is(unicode.Hangul, r):
			return "ko"
		}
	}
	return "zh"
}

// ChainFor is the fallback chain for shaped text set in f: f, the script
// families, the bundled wide-coverage family, East Asian fonts (from the
// user's folder or a broadside_cjk build) with those made for cjkLang
// ("ja", "zh", "ko"; see CJKLang) first, and the emoji font last. Each
// family contributes its face nearest to f's weight and slant, so bold
// Arabic follows a bold Latin face.
//
// Chains are made once per registry, font and language, and shared: do
// not modify one.
func (r *Registry) ChainFor(f *Font, cjkLang string) Chain {
	k := chainKey{f, cjkLang}
	if c, ok := r.chains.Load(k); ok {
		return c.(Chain)
	}
	c := r.chainFor(f, cjkLang)
	r.chains.Store(k, c)
	return c
}

// chainKey is what a chain depends on.
type chainKey struct {
	f    *Font
	lang string
}

func (r *Registry) chainFor(f *Font, cjkLang string) Chain {
	c := Chain{f}
	add := func(fb *Font) {
		if fb != nil && !slices.Contains(c, fb) {
			c = append(c, fb)
		}
	}
	// The script families come before Noto Sans, which also has some
	// Devanagari: each script is drawn by the face made for it.
	for _, fam := range ScriptFamilies {
		if fb, err := r.Find(fam, f.Weight, f.Italic); err == nil {
			add(fb)
		}
	}
	for _, fb := range r.With(f) {
		add(fb)
	}
	for _, fb := range r.cjkFonts(cjkLang, f.Weight) {
		add(fb)
	}
	if fb, err := r.Find(EmojiFamily, f.Weight, false); err == nil {
		add(fb)
	}
	return c
}

// cjkFonts lists the registry's East Asian fonts, those made for lang
// first, then by nearness to weight, then in registry order.
func (r *Registry) cjkFonts(lang string, weight int) []*Font {
	type cand struct {
		f *Font
		// rank: 0 made for lang alone, 1 for lang among others, 2 not
		// for lang. Droid Sans Fallback declares Japanese too, but draws
		// Chinese forms: a font made for Japanese alone goes first.
		rank int
	}
	var cs []cand
	for _, f := range r.fonts {
		if slices.Contains(ScriptFamilies, f.Family) || f.Family == EmojiFamily || f.Family == FallbackFamily {
			continue
		}
		if !strings.HasPrefix(f.Key, "user/") && !strings.HasPrefix(f.Key, "cjk/") {
			continue
		}
		if f.ensure() != nil {
			continue
		}
		k := f.CJK()
		if !k.Any() {
			continue
		}
		n := 0
		for _, b := range []bool{k.Japanese, k.Chinese, k.Korean} {
			if b {
				n++
			}
		}
		rank := 2
		if lang == "ja" && k.Japanese || lang == "zh" && k.Chinese || lang == "ko" && k.Korean {
			rank = 1
			if n == 1 {
				rank = 0
			}
		}
		cs = append(cs, cand{f, rank})
	}
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return abs(a.f.Weight-weight) - abs(b.f.Weight-weight)
	})
	out := make([]*Font, len(cs))
	for i, c := range cs {
		out[i] = c.f
	}
	return out
}

// NewFace returns a go-text face of the font for shaping outside this
// package, owned by the caller: a face keeps glyph caches, so it is not
// safe for concurrent use, and a shaper that has used it keeps it.
func (f *Font) NewFace() *gtfont.Face { return gtfont.NewFace(f.load().gt) }
