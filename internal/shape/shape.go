// Package shape turns a paragraph into shaped runs: it resolves bidi
// levels, picks a font for each grapheme cluster from a fallback chain,
// splits the text into items of one level, script and font, and shapes
// each with HarfBuzz (go-text/typesetting) with the fonts' ligatures and
// contextual forms on, as Arabic joining, Devanagari conjuncts and emoji
// sequences need.
//
// Runs come out in logical order with their glyphs in visual order and in
// font units; the engine breaks lines over the clusters (Clusters gives
// their advances) and reorders each line's runs with bidi.Paragraph.Runs.
// The existing kerning-only measurement in internal/font is untouched.
package shape

import (
	"slices"
	"sync"

	"github.com/broadside/broadside/internal/bidi"
	"github.com/broadside/broadside/internal/font"
	"github.com/go-text/typesetting/di"
	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Glyph is one shaped glyph, in font units (y up).
type Glyph struct {
	ID uint16
	// XAdvance moves the pen after the glyph; XOffset and YOffset move
	// the glyph itself from the pen (marks over a base, for instance).
	XAdvance, XOffset, YOffset float32
	// Cluster is the index in the paragraph of the first rune of the
	// cluster the glyph belongs to; Runes is how many runes that cluster
	// holds. Every glyph of a cluster has the same Cluster and Runes.
	Cluster, Runes int
}

// Run is an item of one font, bidi level and script, shaped.
type Run struct {
	Font *font.Font
	// Start and End delimit the run's runes in the paragraph.
	Start, End int
	Level      bidi.Level
	Script     language.Script
	// Cursive is set for scripts whose letters connect (Arabic, Syriac,
	// N'Ko, Mongolian...) or hang from a headline (Devanagari, Bengali,
	// Gurmukhi): letter-spacing would tear them apart, so tracking must
	// never apply to such a run.
	Cursive bool
	// Glyphs in visual order, left to right.
	Glyphs []Glyph
	// Advance is the run's width in font units.
	Advance float32
}

// RTL reports whether the run reads right to left.
func (r *Run) RTL() bool { return r.Level.RTL() }

// Result is a shaped paragraph.
type Result struct {
	Text []rune
	Bidi *bidi.Paragraph
	// Runs in logical order.
	Runs []Run
	// Missing lists, once each and in order, the characters no font of
	// the chain draws; the runs then hold glyph 0 for them.
	Missing []rune
}

// Options says how to shape a paragraph.
type Options struct {
	// Chain is the fonts to try, in order (see font.Registry.ChainFor).
	Chain font.Chain
	// Lang is the text's BCP 47 language tag; it selects language-specific
	// forms (Serbian Cyrillic, Urdu digits) and the paragraph direction.
	Lang string
	// Dir overrides the paragraph direction; zero (bidi.Auto) uses
	// bidi.ForLang(Lang).
	Dir bidi.Direction
	// NoLigatures turns the optional ligatures (liga, clig, dlig) off, as
	// CSS does for letter-spaced text: a ligature would stay tight between
	// spaced letters. Required ones (Arabic lam-alef, rlig) stay.
	NoLigatures bool
}

// noLigatures are the features NoLigatures turns off.
var noLigatures = []shaping.FontFeature{
	{Tag: ot.MustNewTag("liga"), Value: 0},
	{Tag: ot.MustNewTag("clig"), Value: 0},
	{Tag: ot.MustNewTag("dlig"), Value: 0},
}

// simpleFeatures are used for Latin, Greek and Cyrillic: kerning, and no
// ligatures or contextual alternates, as broadside set them before text was
// shaped. Their text needs neither, the cards and PDFs of Latin quotes stay
// as they were (byte for byte), and every glyph keeps one character, so a
// PDF reader copies the text without ActualText.
var simpleFeatures = []shaping.FontFeature{
	{Tag: ot.MustNewTag("liga"), Value: 0},
	{Tag: ot.MustNewTag("clig"), Value: 0},
	{Tag: ot.MustNewTag("dlig"), Value: 0},
	{Tag: ot.MustNewTag("calt"), Value: 0},
}

// simple reports the scripts set with simpleFeatures.
func simple(s language.Script) bool {
	return s == language.Latin || s == language.Greek || s == language.Cyrillic || s == language.Common
}

// shaper is a HarfBuzz shaper with a face of its own for each font: the
// shaper caches what it builds from a face under the font, not the face,
// so a face shared between shapers would be used by two goroutines.
type shaper struct {
	sh    shaping.HarfbuzzShaper
	faces map[*font.Font]*gtfont.Face
}

func (s *shaper) face(f *font.Font) *gtfont.Face {
	fc, ok := s.faces[f]
	if !ok {
		fc = f.NewFace()
		s.faces[f] = fc
	}
	return fc
}

var shapers = sync.Pool{New: func() any { return &shaper{faces: map[*font.Font]*gtfont.Face{}} }}

// Paragraph shapes one paragraph (no paragraph separators inside).
func Paragraph(text []rune, o Options) *Result {
	dir := o.Dir
	if dir == bidi.Auto {
		dir = bidi.ForLang(o.Lang)
	}
	res := &Result{Text: text, Bidi: bidi.Resolve(text, dir)}
	if len(text) == 0 || len(o.Chain) == 0 {
		return res
	}
	fonts := pickFonts(text, o.Chain, &res.Missing)
	scripts := resolveScripts(text)
	lang := language.NewLanguage(o.Lang)
	var feats []shaping.FontFeature
	if o.NoLigatures {
		feats = noLigatures
	}
	sh := shapers.Get().(*shaper)
	defer shapers.Put(sh)
	for i := 0; i < len(text); {
		j := i + 1
		for j < len(text) && fonts[j] == fonts[i] && scripts[j] == scripts[i] && res.Bidi.Levels[j] == res.Bidi.Levels[i] {
			j++
		}
		f := feats
		if simple(scripts[i]) {
			f = simpleFeatures
		}
		res.Runs = append(res.Runs, shapeRun(sh, text, i, j, fonts[i], scripts[i], res.Bidi.Levels[i], lang, f))
		i = j
	}
	return res
}

// shapeRun shapes text[start:end] with the rest of the paragraph as
// context, so joining continues across a change of run.
func shapeRun(sh *shaper, text []rune, start, end int, f *font.Font, sc language.Script, lv bidi.Level, lang language.Language, feats []shaping.FontFeature) Run {
	r := Run{Font: f, Start: start, End: end, Level: lv, Script: sc, Cursive: Cursive(sc)}
	d := di.DirectionLTR
	if lv.RTL() {
		d = di.DirectionRTL
	}
	out := sh.sh.Shape(shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: d, Face: sh.face(f),
		Size:     fixed.Int26_6(f.UnitsPerEm << 6),
		Script:   sc,
		Language: lang,

		FontFeatures: feats,
	})
	r.Glyphs = make([]Glyph, len(out.Glyphs))
	for k, g := range out.Glyphs {
		r.Glyphs[k] = Glyph{
			ID:       uint16(g.GlyphID),
			XAdvance: float32(g.Advance) / 64,
			XOffset:  float32(g.XOffset) / 64,
			YOffset:  float32(g.YOffset) / 64,
			Cluster:  g.ClusterIndex,
			Runes:    g.RuneCount,
		}
		r.Advance += r.Glyphs[k].XAdvance
	}
	return r
}

// cursive lists the scripts never letter-spaced: the cursive scripts of
// CSS Text 3, and the Indic scripts whose headline joins the letters.
var cursive = []language.Script{
	language.Arabic, language.Syriac, language.Nko, language.Mongolian,
	language.Mandaic, language.Phags_Pa, language.Hanifi_Rohingya, language.Adlam,
	language.Devanagari, language.Bengali, language.Gurmukhi,
}

// Cursive reports whether text in script s must not be letter-spaced.
func Cursive(s language.Script) bool { return slices.Contains(cursive, s) }

// pickFonts chooses a font per grapheme cluster: the first font of the
// chain that draws every visible character of the cluster, so a
// combining mark stays with its base; failing that, the first that draws
// its first character. Spaces, punctuation and digits (script Common or
// Inherited) stay in the font of the cluster before them when it draws
// them, so an Arabic phrase keeps its spaces and digits in the Arabic face;
// not after an emoji, whose font sets spaces an em and a quarter wide.
// Clusters asking for emoji presentation try the emoji font first.
func pickFonts(text []rune, chain font.Chain, missing *[]rune) []*font.Font {
	fonts := make([]*font.Font, len(text))
	var emoji *font.Font
	for _, f := range chain {
		if f.Family == font.EmojiFamily {
			emoji = f
		}
	}
	var seg segmenter.Segmenter
	seg.Init(text)
	it := seg.GraphemeIterator()
	var prev *font.Font
	seen := map[rune]bool{}
	lead := 0 // the end of the neutral clusters that open the text; -1 once past them
	for it.Next() {
		g := it.Grapheme()
		var f *font.Font
		if prev != nil && prev != emoji && neutral(g.Text) && covers(prev, g.Text) {
			f = prev
		}
		if f == nil && emoji != nil && wantsEmoji(g.Text) && covers(emoji, g.Text) {
			f = emoji
		}
		if f == nil {
			for _, c := range chain {
				if covers(c, g.Text) {
					f = c
					break
				}
			}
		}
		if f == nil {
			for _, c := range chain {
				if c.Has(g.Text[0]) {
					f = c
					break
				}
			}
		}
		if f == nil {
			f = prev
			if f == nil {
				f = chain[0]
			}
			for _, r := range g.Text {
				if !font.NeedsNoGlyph(r) && !seen[r] && !anyHas(chain, r) {
					seen[r] = true
					*missing = append(*missing, r)
				}
			}
		}
		for k := range g.Text {
			fonts[g.Offset+k] = f
		}
		prev = f
		if lead >= 0 {
			if neutral(g.Text) {
				lead = g.Offset + len(g.Text)
			} else {
				// Punctuation opening the paragraph (a quotation mark
				// before Chinese or Arabic text) takes the font of the
				// letters after it when that font has it, so it matches
				// them: a full-width “ before Han, not the Latin one.
				ok := f != emoji
				for i := 0; i < lead && ok; i++ {
					ok = f.Has(text[i]) || font.NeedsNoGlyph(text[i])
				}
				for i := 0; i < lead && ok; i++ {
					fonts[i] = f
				}
				lead = -1
			}
		}
	}
	return fonts
}

func anyHas(chain font.Chain, r rune) bool {
	for _, f := range chain {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// covers reports whether f draws every character of a cluster that needs
// a glyph (joiners and variation selectors need none).
func covers(f *font.Font, cluster []rune) bool {
	for _, r := range cluster {
		if !font.Invisible(r) && !f.Has(r) {
			return false
		}
	}
	return true
}

// neutral reports a cluster of script Common or Inherited (spaces,
// punctuation, digits).
func neutral(cluster []rune) bool {
	s := language.LookupScript(cluster[0])
	return s == language.Common || s == language.Inherited
}

// wantsEmoji reports a cluster that asks for emoji presentation: a
// variation selector 16, a joined sequence, a regional-indicator flag or
// a pictograph outside the BMP.
func wantsEmoji(cluster []rune) bool {
	for _, r := range cluster {
		if r == 0xFE0F || r >= 0x1F000 && r <= 0x1FAFF {
			return true
		}
	}
	return false
}

// resolveScripts gives each rune a script: Common and Inherited runes
// take the script before them, or after them at the start of the text.
func resolveScripts(text []rune) []language.Script {
	sc := make([]language.Script, len(text))
	cur := language.Script(0)
	for i, r := range text {
		s := language.LookupScript(r)
		if s == language.Common || s == language.Inherited || s == language.Unknown {
			sc[i] = cur
			continue
		}
		if cur == 0 {
			for k := 0; k < i; k++ {
				sc[k] = s
			}
		}
		cur = s
		sc[i] = s
	}
	if cur == 0 {
		for i := range sc {
			sc[i] = language.Common
		}
	}
	return sc
}

// Cluster is one shaping cluster of a run: the runes Text[Start:End] drawn
// by Glyphs (indices into the run's Glyphs, in visual order).
type Cluster struct {
	Start, End int
	Glyphs     []int
	// Advance is the cluster's width in font units.
	Advance float32
}

// Clusters lists the run's clusters in logical order. Line breaking works
// on them: a break can only fall between clusters.
func (r *Run) Clusters() []Cluster {
	var cs []Cluster
	idx := map[int]int{}
	for k, g := range r.Glyphs {
		c, ok := idx[g.Cluster]
		if !ok {
			c = len(cs)
			idx[g.Cluster] = c
			cs = append(cs, Cluster{Start: g.Cluster, End: g.Cluster + g.Runes})
		}
		cs[c].Glyphs = append(cs[c].Glyphs, k)
		cs[c].Advance += g.XAdvance
	}
	slices.SortFunc(cs, func(a, b Cluster) int { return a.Start - b.Start })
	return cs
}
