package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/testkit"
	"github.com/broadside/broadside/internal/testtool"
)

// languagesData is the dataset with one quote in each script broadside
// sets: Arabic, Hebrew, Hindi, Thai, Chinese, Japanese, Korean and English
// with emoji.
const languagesData = "../../testdata/languages.yaml"

// Every language through the real command line: cards for every card
// layout and a booklet, with the CJK fonts from a user fonts folder. The
// booklet passes qpdf, embeds every font, is the same byte for byte when
// made again, and gives back through pdftotext every quote, author and
// role: exactly, in logical order, for the left-to-right scripts (Latin
// with emoji, Devanagari, Thai, Chinese, Japanese, Korean); word by word
// for Hebrew and Arabic, whose mixed lines poppler returns in visual
// order of their words (see docs/languages.md).
func TestLanguagesEndToEnd(t *testing.T) {
	fonts := testkit.CJKFonts(t)
	raw, err := os.ReadFile(languagesData)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := quote.Parse(languagesData, raw, quote.YAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Quotes) != 8 {
		t.Fatalf("%d quotes in %s, want 8", len(ds.Quotes), languagesData)
	}
	dir := t.TempDir()

	code, out, errs := run(t, "cards", "--data", languagesData, "--fonts", fonts, "--out", filepath.Join(dir, "cards"))
	if code != 0 {
		t.Fatalf("cards: exit %d\n%s%s", code, out, errs)
	}
	sizes := map[string][2]int{"instagram-square": {1080, 1080}, "instagram-portrait": {1080, 1350}, "story": {1080, 1920},
		"x": {1600, 900}, "facebook": {1200, 630}, "linkedin": {1200, 627}}
	for l, wh := range sizes {
		for _, q := range ds.Quotes {
			f, err := os.Open(filepath.Join(dir, "cards", l, q.ID+".png"))
			if err != nil {
				t.Errorf("%s/%s: %v", l, q.ID, err)
				continue
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil || cfg.Width != wh[0] || cfg.Height != wh[1] {
				t.Errorf("%s/%s: %v, %d × %d, want %d × %d", l, q.ID, err, cfg.Width, cfg.Height, wh[0], wh[1])
			}
		}
	}
	if strings.Contains(errs, "broke") {
		t.Errorf("a word was broken on a card:\n%s", errs)
	}

	pdf := filepath.Join(dir, "booklet.pdf")
	for _, p := range []string{pdf, pdf + ".again.pdf"} {
		if code, out, errs := run(t, "booklet", "--data", languagesData, "--fonts", fonts, "--out", p); code != 0 {
			t.Fatalf("booklet: exit %d\n%s%s", code, out, errs)
		}
	}
	a, _ := os.ReadFile(pdf)
	b, _ := os.ReadFile(pdf + ".again.pdf")
	if !bytes.Equal(a, b) {
		t.Errorf("the booklet differs from one run to the next")
	}
	testtool.Run(t, "qpdf", "--check", pdf)
	fontList := strings.Split(strings.TrimSpace(testtool.Run(t, "pdffonts", pdf)), "\n")
	for _, l := range fontList[2:] {
		if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	for _, want := range []string{"notonaskharabic", "notosanshebrew", "notosansdevanagari", "notosansthai", "notoemoji",
		"user-droidsansfallbackfull", "user-bizudgothic", "user-nanumgothic"} {
		if !strings.Contains(strings.Join(fontList, "\n"), want) {
			t.Errorf("pdffonts lacks %s:\n%s", want, strings.Join(fontList, "\n"))
		}
	}

	got := testtool.Run(t, "pdftotext", pdf, "-")
	flat := squeeze(got)
	pureRTL := 0 // right-to-left lines checked whole
	for _, q := range ds.Quotes {
		for _, s := range []string{q.Text, q.Author, q.Role} {
			if q.Lang == "ar" || q.Lang == "he" {
				if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && r != ' ' || unicode.IsPunct(r) || unicode.Is(unicode.Mn, r) }) {
					// Letters and spaces only (no marks, which poppler
					// may set apart): the whole line comes
					// back in logical order.
					pureRTL++
					if !strings.Contains(flat, squeeze(s)) {
						t.Errorf("%s: pdftotext does not give back %q in logical order:\n%s", q.ID, s, got)
					}
				}
				for _, w := range rtlWords(s) {
					if !strings.Contains(got, w) {
						t.Errorf("%s: pdftotext lacks the word %q", q.ID, w)
					}
				}
				continue
			}
			if !strings.Contains(flat, squeeze(s)) {
				t.Errorf("%s: pdftotext does not give back %q in logical order:\n%s", q.ID, s, got)
			}
		}
	}
	if pureRTL < 2 {
		t.Errorf("only %d right-to-left lines of letters alone were checked whole", pureRTL)
	}
}

// squeeze drops white space and the directional controls poppler adds,
// since lines break where the layout chose.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r >= '\u202a' && r <= '\u202e' || r == '\u200e' || r == '\u200f' {
			return -1
		}
		return r
	}, s)
}

// rtlWords are the words of s made of letters only, without combining
// marks: each comes back from poppler in logical order, while punctuation
// at a word's end moves to the other side, and marks drawn with a vertical
// offset (Arabic tanween) come back apart from their letter.
func rtlWords(s string) []string {
	var out []string
	for _, w := range regexp.MustCompile(`[\p{L}\p{M}]+`).FindAllString(s, -1) {
		if len([]rune(w)) > 1 && !strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) {
			out = append(out, w)
		}
	}
	return out
}
