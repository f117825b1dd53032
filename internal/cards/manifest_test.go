package cards

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeManifest(t *testing.T, dir string, es ...Entry) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	b, _ := json.Marshal(map[string][]Entry{"cards": es})
	if err := os.WriteFile(filepath.Join(dir, ManifestJSON), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readEntries(t *testing.T, dir string) []Entry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestJSON))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Cards []Entry }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return m.Cards
}

// Manifests merge sorted by file, the later folder winning where two
// describe one file; an unsorted manifest (written before manifests were
// sorted, or by hand) is read whole and sorted, its last entry of a file
// winning; the destination's own manifest takes part.
func TestMergeManifests(t *testing.T) {
	dir := t.TempDir()
	a, b, out := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "out")
	writeManifest(t, a, Entry{File: "x/q2.png", Alt: "a2"}, Entry{File: "story/q1.png", Alt: "a1-old"}, Entry{File: "story/q1.png", Alt: "a1"})
	writeManifest(t, b, Entry{File: "story/q3.png", Alt: "b3"}, Entry{File: "x/q2.png", Alt: "b2"})
	writeManifest(t, out, Entry{File: "facebook/q9.png", Alt: "out9"}, Entry{File: "x/q2.png", Alt: "out2"})
	n, err := MergeManifests(out, []string{a, b})
	if err != nil || n != 4 {
		t.Fatalf("merged %d: %v", n, err)
	}
	var got []string
	for _, e := range readEntries(t, out) {
		got = append(got, e.File+"="+e.Alt)
	}
	if want := "facebook/q9.png=out9 story/q1.png=a1 story/q3.png=b3 x/q2.png=b2"; strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
	csv, _ := os.ReadFile(filepath.Join(out, ManifestCSV))
	if !strings.HasPrefix(string(csv), "file,layout,quote,") || strings.Count(string(csv), "\n") != 5 {
		t.Errorf("cards.csv:\n%s", csv)
	}
	// A manifest that is not one is named, and nothing is written.
	os.WriteFile(filepath.Join(b, ManifestJSON), []byte(`{"cards": [{"file": 3}]}`), 0o644)
	before, _ := os.ReadFile(filepath.Join(out, ManifestJSON))
	if _, err := MergeManifests(out, []string{a, b}); err == nil || !strings.Contains(err.Error(), filepath.Join(b, ManifestJSON)+" cannot be read to merge into") {
		t.Errorf("broken manifest: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(out, ManifestJSON)); string(after) != string(before) {
		t.Errorf("a failed merge changed the manifest")
	}
}
