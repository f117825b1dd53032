package shape

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/broadside/broadside/internal/font"
	"github.com/go-text/typesetting/language"
)

func registry(t testing.TB) *font.Registry {
	t.Helper()
	r, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func chain(t testing.TB, r *font.Registry, key, lang, text string) font.Chain {
	t.Helper()
	f := r.Get(key)
	if f == nil {
		t.Fatalf("no font %s", key)
	}
	return r.ChainFor(f, font.CJKLang(lang, text))
}

// What each script needs from shaping, checked on the glyphs: joining
// forms differ from the letters' nominal glyphs, a ligature or conjunct
// makes one cluster of several runes, marks stay with their base's font.
func TestScripts(t *testing.T) {
	r := registry(t)
	tests := []struct {
		name, text, lang, family string
		rtl, cursive             bool
		check                    func(t *testing.T, run Run)
	}{
		{"arabic joins", "سلام", "ar", "Noto Naskh Arabic", true, true, func(t *testing.T, run Run) {
			if nominalCount(run) == len(run.Glyphs) {
				t.Error("every glyph is the letter's nominal form: no joining")
			}
		}},
		{"lam-alef", "لا", "ar", "Noto Naskh Arabic", true, true, func(t *testing.T, run Run) {
			// Noto Naskh draws lam-alef as two contextual glyphs, not
			// one ligature.
			if len(run.Glyphs) != 2 || run.Glyphs[0].ID == nominal(run.Font, 'ا') || run.Glyphs[1].ID == nominal(run.Font, 'ل') {
				t.Errorf("lam-alef: %+v, want the special forms", run.Glyphs)
			}
		}},
		{"hebrew points", "שָׁלוֹם", "he", "Noto Sans Hebrew", true, false, func(t *testing.T, run Run) {
			marks := 0
			for _, g := range run.Glyphs {
				if g.XAdvance == 0 {
					marks++
				}
			}
			if marks < 3 {
				t.Errorf("%d zero-width mark glyphs, want the 3 points", marks)
			}
		}},
		{"devanagari conjunct", "क्ष", "hi", "Noto Sans Devanagari", false, true, func(t *testing.T, run Run) {
			if len(run.Glyphs) >= 3 || run.Glyphs[0].Runes != 3 {
				t.Errorf("क्ष: %+v, want one cluster of 3 runes in fewer glyphs", run.Glyphs)
			}
		}},
		{"devanagari reordering", "कि", "hi", "Noto Sans Devanagari", false, true, func(t *testing.T, run Run) {
			// The i-matra is drawn before the consonant it follows.
			f := run.Font
			if len(run.Glyphs) != 2 || run.Glyphs[1].ID != nominal(f, 'क') {
				t.Errorf("कि: %+v, want the matra first", run.Glyphs)
			}
		}},
		{"thai", "ภาษาไทย", "th", "Noto Sans Thai", false, false, nil},
		{"emoji zwj sequence", "👩\u200d👩\u200d👧", "en", font.EmojiFamily, false, false, func(t *testing.T, run Run) {
			if len(run.Glyphs) != 1 || run.Glyphs[0].Runes != 5 || run.Glyphs[0].ID == 0 {
				t.Errorf("family emoji: %+v, want one glyph for the five runes", run.Glyphs)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			res := Paragraph(text, Options{Chain: chain(t, r, "source-serif-4/SourceSerif4-Regular", tc.lang, tc.text), Lang: tc.lang})
			if len(res.Missing) > 0 {
				t.Fatalf("missing %q", string(res.Missing))
			}
			if len(res.Runs) != 1 {
				t.Fatalf("%d runs, want 1: %+v", len(res.Runs), res.Runs)
			}
			run := res.Runs[0]
			if run.Font.Family != tc.family || run.RTL() != tc.rtl || run.Cursive != tc.cursive {
				t.Errorf("run in %s rtl %v cursive %v; want %s %v %v", run.Font.Family, run.RTL(), run.Cursive, tc.family, tc.rtl, tc.cursive)
			}
			for _, g := range run.Glyphs {
				if g.ID == 0 {
					t.Errorf("a .notdef glyph: %+v", run.Glyphs)
				}
			}
			if tc.check != nil {
				tc.check(t, run)
			}
		})
	}
}

func nominal(f *font.Font, r rune) uint16 {
	g, _ := f.NewFace().NominalGlyph(r)
	return uint16(g)
}

func nominalCount(run Run) int {
	n := 0
	text := []rune("سلام")
	for _, g := range run.Glyphs {
		if g.ID == nominal(run.Font, text[g.Cluster]) {
			n++
		}
	}
	return n
}

// A mixed Arabic line: digits and spaces stay in the Arabic face (they are
// Common script and that face draws them), the number is its own level-2
// run, and a Latin name falls to the layout's face.
func TestMixedParagraph(t *testing.T) {
	r := registry(t)
	text := []rune("قال Julian عام 2024")
	res := Paragraph(text, Options{Chain: chain(t, r, "inter/Inter-Regular", "ar", string(text)), Lang: "ar"})
	type want struct {
		start, end int
		family     string
		level      int
		script     language.Script
	}
	wants := []want{
		{0, 4, "Noto Naskh Arabic", 1, language.Arabic},
		{4, 10, "Inter", 2, language.Latin},
		{10, 11, "Inter", 1, language.Latin},
		{11, 15, "Noto Naskh Arabic", 1, language.Arabic},
		{15, 19, "Noto Naskh Arabic", 2, language.Arabic},
	}
	if len(res.Runs) != len(wants) {
		for _, run := range res.Runs {
			t.Logf("%d-%d %s level %d %v", run.Start, run.End, run.Font.Family, run.Level, run.Script)
		}
		t.Fatalf("%d runs, want %d", len(res.Runs), len(wants))
	}
	for i, w := range wants {
		run := res.Runs[i]
		if run.Start != w.start || run.End != w.end || run.Font.Family != w.family || int(run.Level) != w.level || run.Script != w.script {
			t.Errorf("run %d: %d-%d %s level %d %v; want %+v", i, run.Start, run.End, run.Font.Family, run.Level, run.Script, w)
		}
	}
}

// For Latin text without ligatures, shaping agrees with the kerning-only
// advances the engine uses today.
func TestLatinMatchesKerningPath(t *testing.T) {
	r := registry(t)
	f := r.Get("source-serif-4/SourceSerif4-Regular")
	text := []rune("AVATAR Toward WAVE, yes.")
	res := Paragraph(text, Options{Chain: r.ChainFor(f, "zh"), Lang: "en"})
	if len(res.Runs) != 1 {
		t.Fatalf("%d runs", len(res.Runs))
	}
	adv := f.Advances(text)
	for k, g := range res.Runs[0].Glyphs {
		if g.Cluster != k || g.XAdvance != adv[k] {
			t.Errorf("glyph %d: cluster %d advance %v, kerning path %v", k, g.Cluster, g.XAdvance, adv[k])
		}
	}
}

// Clusters group glyphs by the runes they stand for, in logical order,
// even in a right-to-left run whose glyphs are in visual order.
func TestClusters(t *testing.T) {
	r := registry(t)
	text := []rune("नमस्ते क्षमा")
	res := Paragraph(text, Options{Chain: chain(t, r, "inter/Inter-Regular", "hi", string(text)), Lang: "hi"})
	run := res.Runs[0]
	cs := run.Clusters()
	var bounds []int
	for _, c := range cs {
		bounds = append(bounds, c.Start)
	}
	// न म स् ते ' ' क्ष मा: the conjunct is one cluster of three runes.
	if len(res.Runs) != 1 || !slices.Equal(bounds, []int{0, 1, 2, 4, 6, 7, 10}) {
		t.Errorf("clusters %+v", cs)
	}
	var sum float32
	for i, c := range cs {
		sum += c.Advance
		if i > 0 && c.Start != cs[i-1].End {
			t.Errorf("cluster %d starts at %d, the one before ends at %d", i, c.Start, cs[i-1].End)
		}
	}
	if sum != run.Advance {
		t.Errorf("clusters sum to %v, run advance %v", sum, run.Advance)
	}
	if cs[len(cs)-1].End != run.End {
		t.Errorf("clusters end at %d, run at %d", cs[len(cs)-1].End, run.End)
	}
}

// What no font draws is reported once, in order; a combining mark whose
// base is drawn stays with that base's font.
func TestMissingAndMarks(t *testing.T) {
	r := registry(t)
	text := []rune("a\u0301 \U0001D11E x \U0001D11E")
	res := Paragraph(text, Options{Chain: chain(t, r, "inter/Inter-Regular", "en", string(text))})
	if string(res.Missing) != "\U0001D11E" {
		t.Errorf("missing %q", string(res.Missing))
	}
	if res.Runs[0].Font.Family != "Inter" || res.Runs[0].End < 2 {
		t.Errorf("a + combining acute split from its base: %+v", res.Runs[0])
	}
}

// East Asian text takes the forms of its language: with Droid Sans
// Fallback (Chinese forms) and BIZ UDGothic (Japanese) both present, a
// Japanese quote's Han characters come from the Japanese font and a
// Chinese quote's from the Chinese one; Hangul from NanumGothic.
func TestCJKByLanguage(t *testing.T) {
	// In both orders: the choice must not depend on which was added first.
	files := []string{
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf",
		"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	}
	for _, reverse := range []bool{false, true} {
		if reverse {
			slices.Reverse(files)
		}
		t.Run(fmt.Sprint("reverse=", reverse), func(t *testing.T) { testCJK(t, files) })
	}
}

func testCJK(t *testing.T, files []string) {
	r := registry(t)
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; CI must install fonts-droid-fallback fonts-nanum fonts-morisawa-bizud-gothic", f)
			}
			t.Skipf("%s is missing", f)
		}
		if err := r.AddFile(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ lang, text, family string }{
		{"zh", "新闻自由", "Droid Sans Fallback"},
		{"ja", "報道の自由", "BIZ UDGothic"},
		{"", "報道の自由", "BIZ UDGothic"}, // kana: Japanese without a tag
		{"ko", "언론의 자유", "NanumGothic"},
		{"", "언론의 자유", "NanumGothic"},
		{"", "新闻自由", "Droid Sans Fallback"},
	} {
		res := Paragraph([]rune(tc.text), Options{Chain: chain(t, r, "inter/Inter-Regular", tc.lang, tc.text), Lang: tc.lang})
		if len(res.Missing) > 0 {
			t.Errorf("%s: missing %q", tc.text, string(res.Missing))
		}
		if got := res.Runs[0].Font.Family; got != tc.family {
			t.Errorf("%q in %q: %s, want %s", tc.text, tc.lang, got, tc.family)
		}
	}
}

// A space after an emoji is the text face's, not the emoji font's (whose
// space is an em and a quarter wide); ❤️ with its variation selector is
// the emoji font's even though the text face has ❤.
func TestEmojiSpacing(t *testing.T) {
	r := registry(t)
	text := []rune("a ✊🏽 b ❤️")
	res := Paragraph(text, Options{Chain: chain(t, r, "source-serif-4/SourceSerif4-Regular", "en", string(text))})
	var got []string
	for _, run := range res.Runs {
		got = append(got, fmt.Sprintf("%d-%d %s", run.Start, run.End, run.Font.Family))
	}
	want := []string{"0-2 Source Serif 4", "2-4 Noto Emoji", "4-7 Source Serif 4", "7-9 Noto Emoji"}
	if !slices.Equal(got, want) {
		t.Errorf("runs %q, want %q", got, want)
	}
}

// Latin, Greek and Cyrillic are shaped as broadside always set them:
// kerned, one glyph per character, no ligature (Source Serif 4 has ft and
// fi ligatures), so Latin cards and PDFs stay as they were. Arabic keeps
// its required and optional ligatures.
func TestLatinHasNoLigatures(t *testing.T) {
	r := registry(t)
	for _, s := range []string{"After a fine fluffy offer", "Ελευθερία Свобода"} {
		res := Paragraph([]rune(s), Options{Chain: chain(t, r, "source-serif-4/SourceSerif4-Regular", "en", s)})
		n := 0
		for _, run := range res.Runs {
			for _, g := range run.Glyphs {
				if g.Runes != 1 {
					t.Errorf("%q: a glyph for %d characters at %d", s, g.Runes, g.Cluster)
				}
				n++
			}
		}
		if n != len([]rune(s)) {
			t.Errorf("%q: %d glyphs for %d characters", s, n, len([]rune(s)))
		}
	}
}
