package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/testtool"
)

// A placard takes its measure: Tulsi Gabbard's A3 placard used to end
// "our government / must / be protected." with "must" alone on a line,
// and Laura Poitras's filled three-quarters of the width.
func TestPlacardLines(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "p.pdf")
	code, stdout, stderr := run(t, "placards", "--layout", "placard-a3", "--quote", "tulsi-gabbard,laura-poitras", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	txt := testtool.Run(t, "pdftotext", "-layout", out, "-")
	var lines []string
	for _, l := range strings.Split(txt, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	for _, l := range lines {
		if l == "must" {
			t.Errorf("“must” stands alone on a line:\n%s", txt)
		}
	}
	// At its measure, Poitras's excerpt is set larger than three lines.
	joined := strings.Join(lines, " / ")
	if strings.Contains(joined, "“… the president / should pardon / Mr.") {
		t.Errorf("Laura Poitras's placard is set at the smallest size:\n%s", joined)
	}
}
