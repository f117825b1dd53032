package cidfont

import (
	"strings"
	"testing"

	"github.com/broadside/broadside/fonts"
	xsfnt "golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func load(t *testing.T, name string) *Font {
	t.Helper()
	f, err := New("test", []byte(fonts.TTF[name]))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// The subset keeps every used glyph's outline (and a composite's parts)
// under its own ID, drops the others, and is a font other parsers read.
func TestSubset(t *testing.T) {
	f := load(t, "noto-sans/NotoSans-Regular.ttf")
	var buf xsfnt.Buffer
	orig := f.xf
	a, _ := orig.GlyphIndex(&buf, 'A')
	aacute, _ := orig.GlyphIndex(&buf, 'Á') // often a composite of A and an accent
	z, _ := orig.GlyphIndex(&buf, 'z')
	sub := subset(f.sf, map[uint16]bool{uint16(a): true, uint16(aacute): true})
	if len(sub) >= len(f.sf.data)/4 {
		t.Errorf("subset is %d bytes of %d", len(sub), len(f.sf.data))
	}
	sf, err := xsfnt.Parse(sub)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sf.NumGlyphs() != orig.NumGlyphs() {
		t.Errorf("%d glyphs, want the original's %d (IDs are kept)", sf.NumGlyphs(), orig.NumGlyphs())
	}
	for _, g := range []xsfnt.GlyphIndex{a, aacute} {
		want, err1 := orig.LoadGlyph(&buf, g, fixed.I(100), nil)
		wantN := len(want)
		got, err2 := sf.LoadGlyph(&buf, g, fixed.I(100), nil)
		if err1 != nil || err2 != nil || len(got) != wantN || len(got) == 0 {
			t.Errorf("glyph %d: %d segments (%v), want %d (%v)", g, len(got), err2, wantN, err1)
		}
	}
	if segs, _ := sf.LoadGlyph(&buf, z, fixed.I(100), nil); len(segs) != 0 {
		t.Errorf("unused glyph z kept its outline")
	}
	adv, _ := sf.GlyphAdvance(&buf, a, fixed.I(1000), 0)
	wantAdv, _ := orig.GlyphAdvance(&buf, a, fixed.I(1000), 0)
	if adv != wantAdv {
		t.Errorf("advance of A %v, want %v", adv, wantAdv)
	}
}

// Operator-level: adjustments where the shaper's advances differ from the
// font's widths, offsets around a glyph, text rise for y offsets, and
// ActualText for a cluster whose glyphs do not give back its text.
func TestTJ(t *testing.T) {
	f := load(t, "noto-sans/NotoSans-Regular.ttf")
	var buf xsfnt.Buffer
	gid := func(r rune) uint16 { g, _ := f.xf.GlyphIndex(&buf, r); return uint16(g) }
	upem := float64(f.sf.upem())
	w := func(r rune) float64 { return float64(f.sf.advance(int(gid(r)))) }
	tests := []struct {
		name string
		cs   []Cluster
		want string
	}{
		{"nominal advances need no adjustment", []Cluster{
			{Glyphs: []Glyph{{ID: gid('A'), XAdvance: w('A')}}, Text: "A"},
			{Glyphs: []Glyph{{ID: gid('B'), XAdvance: w('B')}}, Text: "B"},
		}, "[(" + lit(gid('A')) + lit(gid('B')) + ")]TJ"},
		{"kerning is a TJ number", []Cluster{
			{Glyphs: []Glyph{{ID: gid('A'), XAdvance: w('A') - upem/10}}, Text: "A"},
			{Glyphs: []Glyph{{ID: gid('V'), XAdvance: w('V')}}, Text: "V"},
		}, "[(" + lit(gid('A')) + ")100(" + lit(gid('V')) + ")]TJ"},
		{"a y offset is text rise", []Cluster{
			{Glyphs: []Glyph{{ID: gid('x'), XAdvance: w('x'), YOffset: upem / 2}}, Text: "x"},
		}, " 6 Ts [(" + lit(gid('x')) + ")]TJ 0 Ts"},
		{"several glyphs for one text carry ActualText", []Cluster{
			{Glyphs: []Glyph{{ID: gid('f'), XAdvance: w('f')}, {ID: gid('i'), XAdvance: w('i')}}, Text: "ﬁ"},
		}, "/Span<</ActualText(\xfe\xff\xfb\x01)>>BDC [(" + lit(gid('f')) + lit(gid('i')) + ")]TJ EMC "},
		{"emoji text is written as surrogate pairs", []Cluster{
			{Glyphs: []Glyph{{ID: gid('o'), XAdvance: w('o')}, {ID: gid('k'), XAdvance: w('k')}}, Text: "😀"},
		}, "/Span<</ActualText(\xfe\xff\xd8\x3d\xde\x00)>>BDC [(" + lit(gid('o')) + lit(gid('k')) + ")]TJ EMC "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := f.TJ(tc.cs, 12); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func lit(g uint16) string {
	var b strings.Builder
	literalByte(&b, byte(g>>8))
	literalByte(&b, byte(g))
	return b.String()
}

// ToUnicode maps each glyph to the text it was first drawn for, in glyph
// order, with surrogate pairs outside the BMP; glyphs known only inside
// a longer cluster stay unmapped.
func TestToUnicode(t *testing.T) {
	f := load(t, "noto-emoji/NotoEmoji-Regular.ttf")
	f.TJ([]Cluster{
		{Glyphs: []Glyph{{ID: 20}}, Text: "😀"},
		{Glyphs: []Glyph{{ID: 5}}, Text: "#"},
		{Glyphs: []Glyph{{ID: 7}, {ID: 8}}, Text: "ab"},
		{Glyphs: []Glyph{{ID: 5}}, Text: "x"}, // first text wins
	}, 10)
	cm := f.toUnicode(f.used())
	want := "2 beginbfchar\n<0005> <0023>\n<0014> <D83DDE00>\n"
	if !strings.Contains(cm, want) {
		t.Errorf("ToUnicode:\n%s\nwant it to hold\n%s", cm, want)
	}
	if strings.Contains(cm, "<0007>") || strings.Contains(cm, "<0008>") {
		t.Errorf("glyphs of a cluster mapped alone:\n%s", cm)
	}
}
