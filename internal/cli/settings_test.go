package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A campaign's own quotes with no settings file go out with nothing of
// the built-in campaign on them, and one warning says where to add a
// link and hashtags; the built-in quotes keep the built-in settings.
func TestOwnQuotesNeutralSettings(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, dir, "mine.csv", "id,text,author\nfirst,\"We act now, together, for the climate we share.\",Ana Lima\n")
	code, out, errs := run(t, "cards", "--data", "mine.csv", "--layout", "x", "--out", "out")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	m, _ := os.ReadFile(filepath.Join(dir, "out", "cards.json"))
	for _, foreign := range []string{"FreeAssange", "dontextraditeassange", "Global Support"} {
		if strings.Contains(string(m), foreign) {
			t.Errorf("the manifest carries the built-in campaign's %q:\n%s", foreign, m)
		}
	}
	if n := strings.Count(errs, "warning: no campaign settings (data/campaign.yaml)"); n != 1 {
		t.Errorf("want the hint once, got %d:\n%s", n, errs)
	}

	// The same folder with a settings file: its link, and no hint.
	write(t, dir, "data/campaign.yaml", "name: Climate Now\nurl: https://example.org\nhashtags: [ClimateNow]\n")
	code, out, errs = run(t, "cards", "--data", "mine.csv", "--layout", "x", "--out", "out")
	m, _ = os.ReadFile(filepath.Join(dir, "out", "cards.json"))
	if code != 0 || !strings.Contains(string(m), "#ClimateNow") || strings.Contains(errs, "no campaign settings") {
		t.Errorf("with settings: exit %d\n%s\n%s", code, errs, m)
	}
}

// check prints each problem of a settings file once, and a misspelt key
// does not hide the problems of the keys around it.
func TestCheckSettingsOnce(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "bad.yaml", "name: X\nurl: example.org\nhashtgs: [a]\nhandle: nope\n")
	code, _, errs := run(t, "check", "--config", bad)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, w := range []string{"bad.yaml:2: url:", "bad.yaml:3: hashtgs:", "bad.yaml:4: handle:"} {
		if n := strings.Count(errs, w); n != 1 {
			t.Errorf("%q printed %d times:\n%s", w, n, errs)
		}
	}
	if !strings.Contains(errs, "check: 3 problems found") {
		t.Errorf("count:\n%s", errs)
	}
}

// A theme's problems are found once, before anything is drawn, and a
// choice of the settings file that does not exist names the file and key.
func TestThemeCheckedOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "my/themes/mine.yaml", "name: mine\ndescription: x\ncolors: {background: \"#ffffff\", text: \"#000000\", muted: \"#333333\", accent: \"#aa0000\"}\nfonts:\n  quote: {family: Comic Sans}\n")
	out := filepath.Join(dir, "out")
	code, _, errs := run(t, "cards", "--layouts", filepath.Join(dir, "my"), "--theme", "mine", "--layout", "story,x", "--out", out)
	if code != 1 || strings.Count(errs, `font family "Comic Sans" is not available`) != 1 || !strings.Contains(errs, "mine.yaml:5: fonts.quote:") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "story")); err == nil {
		t.Errorf("cards were drawn before the theme was checked")
	}
	conf := write(t, dir, "campaign.yaml", "name: X\ncards:\n  format: png\n  theme: forest\n")
	code, _, errs = run(t, "cards", "--config", conf, "--out", out)
	if code != 1 || !strings.Contains(errs, "campaign.yaml:4: cards.theme: there is no theme \"forest\"") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}
