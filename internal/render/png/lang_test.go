package png_test

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	bpng "github.com/broadside/broadside/internal/render/png"
	"github.com/broadside/broadside/internal/testkit"
	"github.com/broadside/broadside/internal/testtool"
)

// langFixture is the languages dataset (one quote per script) with the
// built-in fonts and the CJK fonts of a user fonts folder.
func langFixture(t *testing.T) (fixture, []quote.Quote) {
	t.Helper()
	fx := setup(t)
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.AddDir(testkit.CJKFonts(t)); err != nil {
		t.Fatal(err)
	}
	fx.reg = reg
	raw, err := os.ReadFile("../../../testdata/languages.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := quote.Parse("languages.yaml", raw, quote.YAML)
	if err != nil {
		t.Fatal(err)
	}
	return fx, ds.Quotes
}

// langCard is a quote's instagram-square card at half size.
func langCard(t *testing.T, fx fixture, q quote.Quote) *image.RGBA {
	t.Helper()
	l, _ := fx.lib.Layout("instagram-square")
	th, _ := fx.lib.Theme("paper")
	p, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, l, th, fx.reg)
	if err != nil {
		t.Fatal(err)
	}
	return renderAt(t, p, 0.5)
}

// langBookletPage is the A5 booklet page a quote is set on, at 1.25
// pixels a point.
func langBookletPage(t *testing.T, fx fixture, q quote.Quote) *image.RGBA {
	t.Helper()
	l, _ := fx.lib.Layout("booklet-a5")
	th, _ := fx.lib.Theme("paper")
	bk, _, err := layout.ComposeBooklet([]quote.Quote{q}, fx.brand, l, th, fx.reg, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(bk.Units) != 1 {
		t.Fatalf("%d quotes placed", len(bk.Units))
	}
	return renderAt(t, bk.Pages[bk.Units[0].Page], 1.25)
}

func renderAt(t *testing.T, p *frame.Page, scale float64) *image.RGBA {
	t.Helper()
	img, err := bpng.New().Render(p, scale)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Golden images of each script on a card and on a booklet page: joined
// Arabic, pointed Hebrew, Devanagari conjuncts, Thai, Chinese, Japanese
// and Korean forms, emoji. Compared as TestGolden does; -update rewrites
// them, a failure writes the new image to testdata/failed/.
func TestLanguageGoldens(t *testing.T) {
	fx, qs := langFixture(t)
	for _, q := range qs {
		for _, kind := range []string{"card", "booklet"} {
			name := fmt.Sprintf("lang-%s-%s.png", q.ID, kind)
			t.Run(name, func(t *testing.T) {
				var got *image.RGBA
				if kind == "card" {
					got = langCard(t, fx, q)
				} else {
					got = langBookletPage(t, fx, q)
				}
				checkGolden(t, name, got)
			})
		}
	}
}

// Tesseract reads each card's quote back where it is reliable: Hebrew,
// Devanagari, Chinese and Japanese (it misses Arabic lines, misreads
// Korean and drops Thai characters even on correct renderings; those are
// judged by eye and by the PDF text layer). The card is read at full size
// (Hebrew with the English pack too, for the Latin name in it);
// at least minRead of the quote's letters must come back in order.
func TestLanguageOCR(t *testing.T) {
	fx, qs := langFixture(t)
	testtool.Need(t, "tesseract")
	packs := map[string]string{"he": "heb+eng", "hi": "hin", "zh": "chi_sim", "ja": "jpn"}
	const minRead = 0.75
	for _, q := range qs {
		pack, ok := packs[q.Lang]
		if !ok {
			continue
		}
		t.Run(q.ID, func(t *testing.T) {
			l, _ := fx.lib.Layout("instagram-square")
			th, _ := fx.lib.Theme("paper")
			p, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, l, th, fx.reg)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), q.ID+".png")
			writePNG(t, file, renderAt(t, p, 1))
			got := testtool.Run(t, "tesseract", file, "-", "-l", pack, "--psm", "6")
			want := letters(q.Text)
			r := float64(lcs(want, letters(got))) / float64(len(want))
			t.Logf("tesseract (%s) read %.0f%% of the letters", pack, 100*r)
			if r < minRead {
				t.Errorf("tesseract (%s) read %.0f%% of the quote's letters, want %.0f%%:\n%s", pack, 100*r, 100*minRead, got)
			}
		})
	}
}

// letters keeps a text's letters, marks and digits, the things OCR is
// judged on.
func letters(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return []rune(strings.ToLower(string(out)))
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
