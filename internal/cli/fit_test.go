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
