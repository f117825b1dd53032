package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/testtool"
)

// A word wider than its box (a 500-character token, a long chemical name)
// no longer refuses a booklet or a card: as a last resort it is broken
// between two characters, with a warning naming the quote, the layout and
// the word, and the PDF still gives the word back whole. (Issue 11, point
// 8.) In a booklet a quote too tall even so flows on over pages; on a
// card it is refused, saying it is too tall.
func TestWideWordIsBroken(t *testing.T) {
	dir := t.TempDir()
	token := strings.Repeat("a1b2c3d4e5", 50)
	data := write(t, dir, "q.yaml", "quotes:\n  - id: token\n    text: \"Read the key "+token+" before you decide.\"\n    author: Someone\n"+
		"  - id: chem\n    text: \"Methylenedioxymethamphetaminehydrochloridewithoutanyspaces is a word.\"\n    author: Someone Else\n")

	pdf := filepath.Join(dir, "b.pdf")
	code, out, errs := run(t, "booklet", "--data", data, "--out", pdf)
	if code != 0 {
		t.Fatalf("booklet: exit %d\n%s%s", code, out, errs)
	}
	for _, w := range []string{"quote token, layout booklet-a5 (layouts/booklet-a5.yaml:", "“a1b2c3d4e5a1b2c3d4e5", "is wider than its box even at the smallest size, so it is broken across lines"} {
		if !strings.Contains(errs, w) {
			t.Errorf("booklet: stderr lacks %q:\n%s", w, errs)
		}
	}
	if got := squeeze(testtool.Run(t, "pdftotext", pdf, "-")); !strings.Contains(got, token) {
		t.Errorf("pdftotext does not give the token back whole:\n%s", got)
	}

	code, out, errs = run(t, "cards", "--data", data, "--layout", "instagram-square", "--out", filepath.Join(dir, "cards"))
	if code != 0 {
		t.Fatalf("cards: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "quote token, layout instagram-square") || !strings.Contains(errs, "broken across lines") {
		t.Errorf("cards: no warning about the broken word:\n%s", errs)
	}

	// A token of 4,800 characters, broken, is taller than a booklet page:
	// it flows on over pages, still with the warning, and comes back
	// whole (the page numbers between its pages left out).
	huge := strings.Repeat("a1b2c3d4e5", 480)
	hdata := write(t, dir, "huge.yaml", "quotes:\n  - id: huge\n    text: \"Key "+huge+" end.\"\n    author: Someone\n")
	hpdf := filepath.Join(dir, "huge.pdf")
	code, out, errs = run(t, "booklet", "--data", hdata, "--out", hpdf)
	if code != 0 || !strings.Contains(errs, "quote huge, layout booklet-a5") || !strings.Contains(errs, "broken across lines") {
		t.Fatalf("huge booklet: exit %d\n%s%s", code, out, errs)
	}
	var kept []string
	for _, l := range strings.Split(testtool.Run(t, "pdftotext", hpdf, "-"), "\n") {
		if strings.Trim(l, "0123456789\f ") != "" {
			kept = append(kept, l)
		}
	}
	if !strings.Contains(squeeze(strings.Join(kept, "\n")), huge) {
		t.Errorf("pdftotext does not give the huge token back whole")
	}

	// Broken or not, 500 characters do not fit a story's excerpt box: the
	// error says it is too tall, not that a word is too wide.
	code, _, errs = run(t, "cards", "--data", data, "--quote", "token", "--layout", "story", "--out", filepath.Join(dir, "story"))
	if code != 1 || !strings.Contains(errs, "too tall for") || strings.Contains(errs, "is wider than its box even at the smallest size\n") {
		t.Errorf("story: exit %d\n%s", code, errs)
	}
}
