package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// What broadside says, in plain words: counts agree with their nouns, a
// missing file is said plainly, a partial layout name gets suggestions,
// and help lists only the options a command takes.
func TestWords(t *testing.T) {
	tmp := t.TempDir()
	for _, tt := range []struct {
		name         string
		args         []string
		code         int
		want, unwant string
	}{
		{"one card", []string{"cards", "--quote", "nils-melzer", "--layout", "x", "--out", filepath.Join(tmp, "c")}, 0, "1 card in ", "1 cards in"},
		{"one placard", []string{"placards", "--quote", "nils-melzer", "--out", filepath.Join(tmp, "p.pdf")}, 0, ": 1 placard of ", "1 placards of"},
		{"missing data file", []string{"check", "--data", filepath.Join(tmp, "nope.csv")}, 1, "the quotes file " + filepath.Join(tmp, "nope.csv") + " does not exist", "no such file"},
		{"layout a2 for a poster", []string{"poster", "--layout", "a2", "--out", filepath.Join(tmp, "a.pdf")}, 2, `there is no layout "a2"; did you mean "poster-a2" or "poster-a2-landscape"?`, "booklet-a5"},
		{"layout trifold", []string{"leaflet", "--layout", "trifold", "--out", filepath.Join(tmp, "t.pdf")}, 2, `did you mean "trifold-a4" or "trifold-letter"?`, "poster-a0"},
		{"layout a2 for cards", []string{"cards", "--layout", "a2", "--out", filepath.Join(tmp, "c2")}, 2, "(card layouts: instagram-square, instagram-portrait, story, x, facebook, linkedin)", "poster-a0"},
		{"help tile", []string{"help", "tile"}, 0, "--sheet PAPER", "--data"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.args...)
			all := out + errs
			if code != tt.code || !strings.Contains(all, tt.want) || strings.Contains(all, tt.unwant) {
				t.Errorf("exit %d (want %d), want %q and not %q:\n%s", code, tt.code, tt.want, tt.unwant, all)
			}
		})
	}
	// help tile lists none of the campaign's options.
	_, out, _ := run(t, "help", "tile")
	for _, f := range []string{"--data", "--config", "--fonts", "--layouts"} {
		if strings.Contains(out, f) {
			t.Errorf("help tile lists %s", f)
		}
	}
}
