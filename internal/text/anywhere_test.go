package text

import (
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/font"
)

// LinesAnywhere breaks only the words wider than the measure, between
// grapheme clusters (never inside a shaping cluster: a Devanagari conjunct
// stays whole; Thai breaks between its character clusters), and the lines give back the text.
// Lines and LinesIndent never break inside a word.
func TestLinesAnywhere(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := reg.Lookup("Source Serif 4", 400, false)
	chain := reg.ChainFor(f, "")
	for _, tc := range []struct{ name, text string }{
		{"url", "see https://example.org/" + strings.Repeat("abcdefghij", 12) + " for more"},
		{"chemical", "the " + strings.Repeat("methylene", 8) + " was found"},
		{"devanagari", "शब्द " + strings.Repeat("स्वतंत्रता", 8) + " है"},
		{"thai", "คำ " + strings.Repeat("การทำข่าวไม่ใช่อาชญากรรม", 3) + " ไป"},
	} {
		p, err := NewPara(tc.text, Style{Chain: chain})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		const size, width = 12, 150.0
		if _, ok := p.Lines(size, width, Ragged, 0); ok {
			t.Fatalf("%s: fits unbroken; the test needs a word wider than the measure", tc.name)
		}
		lines, ok := p.LinesAnywhere(size, width, Ragged, 0, 0)
		if !ok {
			t.Fatalf("%s: does not fit even broken anywhere", tc.name)
		}
		split := 0
		for i, l := range lines {
			if l.W*size > width+1e-6 {
				t.Errorf("%s: line %d is %.1f pt wide, measure %v", tc.name, i, l.W*size, width)
			}
			if l.Split {
				split++
				if !p.boundary[l.End] {
					t.Errorf("%s: line %d ends inside a shaping cluster", tc.name, i)
				}
			}
			if i > 0 && l.Start < lines[i-1].End {
				t.Errorf("%s: lines overlap", tc.name)
			}
		}
		if split == 0 {
			t.Errorf("%s: no line ends inside the long word", tc.name)
		}
		// The first and last words, which fit, are never broken.
		rs := []rune(tc.text)
		if end := lines[len(lines)-1].End; lines[0].Start != 0 || string(p.Runes[end-2:end]) != string(rs[len(rs)-2:]) {
			t.Errorf("%s: lines do not cover the text", tc.name)
		}
	}
}
