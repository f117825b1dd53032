package quote

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestDocsExamples keeps docs/dataset.md honest: its full YAML and CSV
// examples load, to the same quotes, and its tables of excerpts and ids say
// what the code does.
func TestDocsExamples(t *testing.T) {
	doc := string(readFile(t, "../../docs/dataset.md"))
	block := func(lang string) string {
		m := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```").FindStringSubmatch(doc)
		if m == nil {
			t.Fatalf("no ```%s block in docs/dataset.md", lang)
		}
		return m[1]
	}
	y, err := Parse("example.yaml", []byte(block("yaml")), YAML)
	if err != nil {
		t.Fatalf("the YAML example does not load:\n%v", err)
	}
	c, err := Parse("example.csv", []byte(block("csv")), CSV)
	if err != nil {
		t.Fatalf("the CSV example does not load:\n%v", err)
	}
	if len(y.Quotes) != 2 || len(c.Quotes) != 2 {
		t.Fatalf("examples have %d and %d quotes, want 2", len(y.Quotes), len(c.Quotes))
	}
	for i := range y.Quotes {
		a, b := y.Quotes[i], c.Quotes[i]
		a.Line, b.Line = 0, 0
		if !reflect.DeepEqual(a, b) {
			t.Errorf("example quote %d differs:\nyaml: %#v\n csv: %#v", i+1, a, b)
		}
	}

	// | `excerpt` | correct... | rows of the excerpt table.
	text := "This is not only about protecting Assange, but about preventing a precedent likely to seal the fate of Western democracy."
	rows := regexp.MustCompile("(?m)^\\| `([^`]*)` \\| (correct|wrong)").FindAllStringSubmatch(doc, -1)
	if len(rows) < 6 {
		t.Fatalf("found %d excerpt examples", len(rows))
	}
	for _, r := range rows {
		if err := CheckExcerpt(text, r[1]); (err == nil) != (r[2] == "correct") {
			t.Errorf("docs call %q %s, CheckExcerpt says %v", r[1], r[2], err)
		}
	}

	// | `Author` | `id` | rows of the id table.
	ids := regexp.MustCompile("(?m)^\\| `([^`]*)` \\| `([a-z0-9-]+)` \\|$").FindAllStringSubmatch(doc, -1)
	if len(ids) < 5 {
		t.Fatalf("found %d id examples", len(ids))
	}
	for _, r := range ids {
		if got := DeriveID(r[1]); got != r[2] {
			t.Errorf("docs say %q gives id %q, DeriveID gives %q", r[1], r[2], got)
		}
	}

	// The limits table states the constants.
	for _, want := range []string{"32 MiB", "100,000", "5,000 characters", "1,000 characters", "100 characters", "| 50 |", "2,000,000", "20,000", "200 "} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs do not state the limit %q", want)
		}
	}
}
