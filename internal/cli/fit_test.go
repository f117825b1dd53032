package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{"leaflet", "--data", "quotes.yaml", "--layout", "trifold-a4", "--quote", "emoji,cjk,math,fine,also-fine", "--out", "leaflet.pdf"},
	} {
		code, out, errs := run(t, args...)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s%s", args[0], code, out, errs)
		}
		for _, id := range []string{"emoji", "cjk", "math"} {
			if n := strings.Count(errs, "quote "+id+": no bundled font"); n != 1 {
				t.Errorf("%s: quote %s reported %d times, want once:\n%s", args[0], id, n, errs)
			}
		}
		if _, err := os.Stat(args[len(args)-1]); err == nil {
			t.Errorf("%s: %s was written with quotes missing", args[0], args[len(args)-1])
		}
	}
}
