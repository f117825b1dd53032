package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One card that fails does not stop build: every other output is made,
// the summary says what failed and why, and the exit status is 1.
func TestBuildGoesOn(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "q.csv", "id,text,author\nok,\"We act now, together.\",Ana Lima\nlong,\""+strings.Repeat("words that go on and on ", 60)+"\",Ben Okoro\n")
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "build", "--data", data, "--out", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, f := range []string{"cards/x/ok.png", "booklet.pdf", "booklet-saddle.pdf", "leaflet-flyer-a5.pdf", "poster-a3.pdf", "placards-a3.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("build did not make %s after a card failed", f)
		}
	}
	// (How the leaflets and placards fare with the long quote is the
	// engine's business; the cards' failure is certain.)
	for _, w := range []string{"outputs failed, everything else was made:", "  cards: 6 of 12 cards failed\n", "x/long: quote long does not fit layout x"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if !strings.Contains(stdout, "built 6 cards, 2 booklets, ") {
		t.Errorf("stdout: %s", stdout)
	}
}
