package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A third hashtag never makes a quote fail: check and cards run clean, the
// footers that cannot hold it leave it out, and one warning per layout
// that drops it names the setting, the region and the layout. The cards
// are made with the first two hashtags in their footers.
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
	warn := regexp.MustCompile(`warning: settings\.yaml:(\d+): hashtags: "#PressFreedom" does not fit the footer of ([a-z-]+); left out`)

	for _, args := range [][]string{
		{"check", "--config", "settings.yaml"},
		{"cards", "--config", "settings.yaml", "--out", "cards"},
	} {
		code, out, errs := run(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", args[0], code, out, errs)
		}
		got := map[string]int{}
		for _, m := range warn.FindAllStringSubmatch(errs, -1) {
			got[m[2]]++
			if m[1] != strconv.Itoa(line) {
				t.Errorf("%s: the warning names line %s, want %d (hashtags:)", args[0], m[1], line)
			}
		}
		if got["instagram-square"] != 1 || got["instagram-portrait"] != 1 {
			t.Errorf("%s: want one warning each for the square and portrait cards, got %v:\n%s", args[0], got, errs)
		}
		if n := strings.Count(errs, "warning:"); n != len(got) {
			t.Errorf("%s: %d warnings, want only the %d about the footer:\n%s", args[0], n, len(got), errs)
		}
	}
	// Every card was made, and the square ones show the two that fit.
	for _, l := range []string{"instagram-square", "instagram-portrait", "story", "x", "facebook", "linkedin"} {
		if _, err := os.Stat(filepath.Join(dir, "cards", l, "nils-melzer.png")); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
}

