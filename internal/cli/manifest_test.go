package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// manifestFiles reads the files a manifest describes.
func manifestFiles(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "cards.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Cards []struct{ File string } }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range m.Cards {
		out = append(out, c.File)
	}
	return out
}

// The manifest always describes every card in its folder: a run for some
// quotes merges into it, a run where every card failed keeps the cards
// already there, and a card deleted from the folder leaves it.
func TestManifestMerges(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cards := func(data string, args ...string) (int, string) {
		t.Helper()
		code, _, errs := run(t, append([]string{"cards", "--data", data, "--layout", "x,story", "--out", out}, args...)...)
		return code, errs
	}
	data := write(t, dir, "q.yaml", "quotes:\n  - {id: a, text: First words., author: A}\n  - {id: b, text: Second words., author: B}\n")
	if code, errs := cards(data, "--quote", "a"); code != 0 {
		t.Fatal(errs)
	}
	if code, errs := cards(data, "--quote", "b"); code != 0 {
		t.Fatal(errs)
	}
	want := "story/a.png story/b.png x/a.png x/b.png"
	if got := strings.Join(manifestFiles(t, out), " "); got != want {
		t.Errorf("after two runs: %s, want %s", got, want)
	}
	f, _ := os.Open(filepath.Join(out, "cards.csv"))
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 5 || rows[4][0] != "x/b.png" {
		t.Errorf("cards.csv: %v, %d rows, want a header and 4", err, len(rows))
	}

	// Every card of this run fails: the cards already made stay described.
	long := write(t, dir, "long.yaml", "quotes:\n  - {id: a, text: \""+strings.Repeat("words that go on and on ", 200)+"\", author: A}\n")
	if code, _ := cards(long); code != 1 {
		t.Errorf("the run that fails exits %d", code)
	}
	if got := strings.Join(manifestFiles(t, out), " "); got != want {
		t.Errorf("after a failed run: %s, want %s", got, want)
	}

	// A card removed from the folder is no longer described.
	os.Remove(filepath.Join(out, "x", "b.png"))
	if code, errs := cards(data, "--quote", "a"); code != 0 {
		t.Fatal(errs)
	}
	if got := strings.Join(manifestFiles(t, out), " "); got != "story/a.png story/b.png x/a.png" {
		t.Errorf("after removing x/b.png: %s", got)
	}

	// A manifest that cannot be read is named, not overwritten.
	os.WriteFile(filepath.Join(out, "cards.json"), []byte("{\"cards\": [ {\"file\": "), 0o644)
	code, errs := cards(data, "--quote", "a")
	if code != 1 || !strings.Contains(errs, "cards.json cannot be read to merge into") {
		t.Errorf("broken manifest: exit %d\n%s", code, errs)
	}
}
