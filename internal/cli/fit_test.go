package cli

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/testtool"
)

// A third hashtag never makes a quote fail: check and cards run clean, the
// footers that cannot hold it leave it out, and one warning for the run
// names the setting, the region and every layout that left it out. The
// cards are made with the first two hashtags in their footers.
func TestFooterLeavesOutHashtags(t *testing.T) {
	campaign, err := os.ReadFile("../../data/campaign.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	settings := strings.Replace(string(campaign), "hashtags: [FreeAssange, JournalismIsNotACrime]", "hashtags: [FreeAssange, JournalismIsNotACrime, PressFreedom]", 1)
	if settings == string(campaign) {
		t.Fatal("the built-in settings no longer have the two hashtags this test replaces")
	}
	write(t, dir, "settings.yaml", settings)
	line := 1 + strings.Count(settings[:strings.Index(settings, "hashtags:")], "\n")
	want := fmt.Sprintf(`warning: settings.yaml:%d: hashtags: "#PressFreedom" does not fit the footer of instagram-square, instagram-portrait; left out`, line)

	for _, args := range [][]string{
		{"check", "--config", "settings.yaml"},
		{"cards", "--config", "settings.yaml", "--out", "cards"},
	} {
		code, out, errs := run(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", args[0], code, out, errs)
		}
		if !strings.Contains(errs, want+"\n") {
			t.Errorf("%s: want the warning\n%s\ngot:\n%s", args[0], want, errs)
		}
		if n := strings.Count(errs, "warning:"); n != 1 {
			t.Errorf("%s: %d warnings, want only the one about the footer:\n%s", args[0], n, errs)
		}
	}
	// Every card was made, and the square ones show the two that fit.
	for _, l := range []string{"instagram-square", "instagram-portrait", "story", "x", "facebook", "linkedin"} {
		if _, err := os.Stat(filepath.Join(dir, "cards", l, "nils-melzer.png")); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
}

// A print document reports every problem of a run at once, as check does
// for the dataset: the booklet names each quote it cannot set and writes
// nothing; the leaflet names each quote of its sides that fails.
func TestPrintReportsEveryProblem(t *testing.T) {
	src, err := os.ReadFile("../../testdata/bad/booklet-every-problem/quotes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, dir, "quotes.yaml", string(src))
	for _, args := range [][]string{
		{"booklet", "--data", "quotes.yaml", "--out", "booklet.pdf"},
		{"leaflet", "--data", "quotes.yaml", "--layout", "trifold-a4", "--quote", "private,cjk,math,fine,also-fine", "--out", "leaflet.pdf"},
	} {
		code, out, errs := run(t, args...)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s%s", args[0], code, out, errs)
		}
		for _, id := range []string{"private", "cjk", "math"} {
			if n := strings.Count(errs, "quote "+id+": no bundled font"); n != 1 {
				t.Errorf("%s: quote %s reported %d times, want once:\n%s", args[0], id, n, errs)
			}
		}
		if _, err := os.Stat(args[len(args)-1]); err == nil {
			t.Errorf("%s: %s was written with quotes missing", args[0], args[len(args)-1])
		}
	}
	// build names the booklet among what failed, not among what it made.
	code, out, errs := run(t, "build", "--data", "quotes.yaml", "--out", "out")
	if code != 1 || strings.Contains(out, "booklet") || !strings.Contains(errs, "  booklet.pdf: booklet: 3 problems; the booklet was not written") ||
		!strings.Contains(errs, "  booklet-saddle.pdf: not made, for the same problems as booklet.pdf") {
		t.Errorf("build: exit %d\n%s%s", code, out, errs)
	}
	// Each problem is listed once for the booklet, whatever its impositions.
	if n := strings.Count(errs, "  quote private: no bundled font"); n != 3 {
		t.Errorf("build: the private-use character's problem listed %d times, want once each for booklet, leaflet and placards:\n%s", n, errs)
	}
}

// A quote taller than a booklet page flows on to the next page instead of
// failing: the booklet is made, and every word of the quote comes back in
// order through pdftotext, its author after its last words.
func TestBookletFlowsLongQuote(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	words := strings.Fields(strings.Repeat("Every word of this long statement is kept as it was written and printed in full across the pages so nobody can say it was cut ", 30))
	text := strings.Join(words, " ") + "."
	write(t, dir, "quotes.yaml", fmt.Sprintf(`quotes:
  - id: short-one
    text: "A short statement that comes first."
    author: First Person
  - id: endless
    text: %q
    author: Long Winded
    organisation: The Society of Long Statements
  - id: short-two
    text: "Another short statement, after the long one."
    author: Third Person
`, text))
	code, out, errs := run(t, "booklet", "--data", "quotes.yaml", "--out", "booklet.pdf")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	got := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", "booklet.pdf", "-")), " ")
	start := strings.Index(got, "“Every word")
	end := strings.Index(got, "Long Winded")
	if start < 0 || end < start {
		t.Fatalf("the long quote or its author is missing:\n%s", got)
	}
	// Page numbers stand between the pages' text: leave them out.
	var back []string
	for _, w := range strings.Fields(got[start:end]) {
		if strings.Trim(w, "0123456789") != "" {
			back = append(back, strings.Trim(w, "“”"))
		}
	}
	if strings.Join(back, " ") != text {
		t.Errorf("the long quote came back as\n%s\nwant\n%s", strings.Join(back, " "), text)
	}
}

// The default booklet's facing pages end level (issue 11.19): read back
// with pdftotext, each page of quotes but the last ends within a line and
// a half of its text area's foot, and two facing pages of quotes within a
// line of each other. Without levelling, page 3 ended 115 pt short and
// pages 6 and 7 127 pt apart.
func TestBookletFacingPagesEndLevel(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, out, errs := run(t, "booklet", "--out", "booklet.pdf"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	// Where the text of each page ends, folio left out: A5 in points, the
	// text area's foot 21 mm above the page's, the folio below it.
	const foot, folio, line = 595.28 - 21*72/25.4, 545.0, 12.5 * 1.38
	wordRe := regexp.MustCompile(`<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">`)
	var ends []float64
	for _, page := range strings.Split(testtool.Run(t, "pdftotext", "-bbox", "booklet.pdf", "-"), "<page ")[1:] {
		end := 0.0
		for _, m := range wordRe.FindAllStringSubmatch(page, -1) {
			if y, _ := strconv.ParseFloat(m[1], 64); y < folio {
				end = max(end, y)
			}
		}
		ends = append(ends, end)
	}
	// Page 1 is the cover, 2 the introduction, the last the back cover:
	// the quotes are on pages 3 to len-1, the last of which ends where its
	// quotes do.
	if len(ends) < 6 {
		t.Fatalf("%d pages, want at least 6", len(ends))
	}
	last := len(ends) - 1 // the last page of quotes, 1-based
	for p := 3; p < last; p++ {
		if ends[p-1] < foot-1.5*line {
			t.Errorf("page %d ends at %.0f pt, more than a line and a half above the text area's foot (%.0f pt)", p, ends[p-1], foot)
		}
		if p%2 == 0 && p+1 < last && math.Abs(ends[p-1]-ends[p]) > line {
			t.Errorf("facing pages %d and %d end at %.0f and %.0f pt, more than a line apart", p, p+1, ends[p-1], ends[p])
		}
	}
}
