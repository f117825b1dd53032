package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadside/broadside/data"
)

// The fuzz targets hold Parse to its contract on any input: no panic, and
// either a dataset or Problems whose every entry names the file and a line
// (line 0 only for whole-file problems; see checkProblems).

func FuzzParseYAML(f *testing.F) {
	f.Add(data.QuotesYAML)
	addSeeds(f, "*.yaml")
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzParse(t, "f.yaml", b, YAML)
		fuzzSplit(t, b)
	})
}

func FuzzParseCSV(f *testing.F) {
	addSeeds(f, "*.csv")
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzParse(t, "f.csv", b, CSV)
	})
}

func addSeeds(f *testing.F, pattern string) {
	for _, dir := range []string{"testdata/good", "testdata/bad"} {
		paths, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

func fuzzParse(t *testing.T, name string, b []byte, format Format) {
	d, err := Parse(name, b, format)
	if err != nil {
		if d != nil {
			t.Fatalf("dataset returned with an error")
		}
		checkProblems(t, name, err, b)
		return
	}
	if len(d.Quotes) == 0 {
		t.Fatalf("a dataset with no quotes was accepted")
	}
	seen := map[string]bool{}
	for _, q := range d.Quotes {
		if !safeName.MatchString(q.ID) || seen[q.ID] || q.Text == "" || q.Author == "" || q.Line < 1 || q.Lang == "" {
			t.Fatalf("accepted an invalid quote: %#v", q)
		}
		seen[q.ID] = true
		if q.Excerpt != "" {
			if err := CheckExcerpt(q.Text, q.Excerpt); err != nil {
				t.Fatalf("accepted an excerpt that fails CheckExcerpt: %v", err)
			}
		}
	}
}

// fuzzSplit checks that reading a file in parts (decodeYAMLSplit, made to
// cut any file of two items or more) gives what reading it whole gives.
func fuzzSplit(t *testing.T, b []byte) {
	defer func(m int, p func() int) { splitMin, splitParts = m, p }(splitMin, splitParts)
	splitMin, splitParts = 0, func() int { return 2 }
	want, wantSecond, wantErr := decodeYAML(b)
	got, gotSecond, gotErr := decodeYAMLSplit(b)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || gotSecond != wantSecond {
		t.Fatalf("read in parts: error %v (second document at %d); whole: %v (%d)", gotErr, gotSecond, wantErr, wantSecond)
	}
	if d := diffNodes(got, want, "root"); d != "" {
		t.Fatalf("read in parts, the nodes differ: %s", d)
	}
}
