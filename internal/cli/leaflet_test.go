package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/testtool"
)

// A leaflet given fewer quotes than it has places spreads them so that no
// panel is empty (a quote to a panel, the campaign on a panel left over),
// and a leaflet or flyer given more says which it left out.
func TestLeafletSpreadsQuotes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "t.pdf")
	code, stdout, stderr := run(t, "leaflet", "--layout", "trifold-a4", "--quote", "nils-melzer,rebecca-vincent,jameel-jaffer", "--out", out)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	// The inside is three panels of 99 mm (281 pt) side by side.
	panel := func(i int) string {
		return strings.Join(strings.Fields(testtool.Run(t, "pdftotext", "-f", "2", "-l", "2",
			"-x", fmt.Sprint(i*281), "-y", "0", "-W", "281", "-H", "595", out, "-")), " ")
	}
	want := []string{"Rebecca Vincent", "Jameel Jaffer", "Journalism is not a crime"}
	for i, w := range want {
		if got := panel(i); !strings.Contains(got, w) {
			t.Errorf("inside panel %d shows %q, want %q in it", i+1, got, w)
		}
	}

	code, _, stderr = run(t, "leaflet", "--layout", "flyer-a5", "--quote", "nils-melzer,rebecca-vincent", "--out", filepath.Join(dir, "f.pdf"))
	if code != 0 || !strings.Contains(stderr, "flyer-a5 has room for 1 quote, so it leaves out rebecca-vincent") {
		t.Errorf("flyer with two quotes: exit %d, %q", code, stderr)
	}
	// The campaign's own list is named with its file and line when even
	// the fullest layout leaves quotes out, and a flyer showing the first
	// of a trifold's quotes is not worth a word.
	conf := write(t, dir, "c.yaml", "name: T\nleaflet:\n  layouts: [trifold-a4, flyer-a5]\n  quotes: [nils-melzer, massimo-moratti, rebecca-vincent, anne-ramberg, dunja-mijatovic, trevor-timm, jameel-jaffer, noam-chomsky]\n")
	t.Chdir(dir)
	code, _, stderr = run(t, "leaflet", "--config", conf)
	if code != 0 || strings.Count(stderr, "warning") != 1 || !strings.Contains(stderr, "c.yaml:4: leaflet.quotes: trifold-a4 has room for 7 quotes, so it leaves out noam-chomsky") {
		t.Errorf("campaign list of 8: exit %d, %q", code, stderr)
	}
}
