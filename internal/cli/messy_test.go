package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tabs, runs of spaces and line breaks that spreadsheets and exports leave
// in a quote are set as single spaces: the card, its alt text and caption
// are the same as for the tidy text, and the data file is not touched.
func TestMessyWhitespace(t *testing.T) {
	dir := t.TempDir()
	messy := "id,text,author,role\nq,\"Words\tsaid  here,\r\nfor all.\",\"Ana\tLima\",\"Spokes-\nperson\"\n"
	tidy := "id,text,author,role\nq,\"Words said here, for all.\",Ana Lima,Spokes- person\n"
	write(t, dir, "messy.csv", messy)
	write(t, dir, "tidy.csv", tidy)
	for _, name := range []string{"messy", "tidy"} {
		code, out, errs := run(t, "cards", "--data", filepath.Join(dir, name+".csv"), "--layout", "instagram-square", "--out", filepath.Join(dir, name))
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", name, code, out, errs)
		}
	}
	for _, f := range []string{"instagram-square/q.png", "cards.json", "cards.csv"} {
		a, _ := os.ReadFile(filepath.Join(dir, "messy", f))
		b, _ := os.ReadFile(filepath.Join(dir, "tidy", f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the messy and the tidy text", f)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "messy.csv")); string(b) != messy {
		t.Errorf("the data file was changed")
	}
	// What would print as garbage is still refused, naming the place.
	write(t, dir, "bad.csv", "text,author\n\"Caf\uFFFD\",A\n")
	code, _, errs := run(t, "check", "--data", filepath.Join(dir, "bad.csv"))
	if code != 1 || !strings.Contains(errs, "bad.csv:2: text: has a replacement character") {
		t.Errorf("U+FFFD: exit %d\n%s", code, errs)
	}
}

// A dataset written by PyYAML, with aliases for repeated tags, is read.
func TestAliasesAccepted(t *testing.T) {
	code, out, errs := run(t, "check", "--data", "../quote/testdata/good/pyyaml-aliases.yaml")
	if code != 0 || !strings.Contains(out, "ok: 3 quotes") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
}
