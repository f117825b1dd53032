package quote

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/broadside/broadside/data"
)

// seedQuotes reads the campaign page as copied into testdata/global-support.txt,
// independently of the loader: quote lines start with ' or ‘, plus the one
// quote that starts "US prosecutors" (its own quote marks are inside it).
func seedQuotes(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../testdata/global-support.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var quotes []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "'") && !strings.HasPrefix(line, "‘") && !strings.HasPrefix(line, "US prosecutors") {
			continue
		}
		first, last := []rune(line)[0], []rune(line)[len([]rune(line))-1]
		isMark := func(r rune) bool { return r == '\'' || r == '‘' || r == '’' }
		if isMark(first) && isMark(last) {
			r := []rune(line)
			line = string(r[1 : len(r)-1])
		}
		quotes = append(quotes, norm.NFC.String(strings.TrimSpace(line)))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return quotes
}

// TestDefaultDataset checks the shipped dataset loads clean and carries the
// campaign's 19 statements word for word, in the page's order.
func TestDefaultDataset(t *testing.T) {
	d, err := Parse(data.QuotesName, data.QuotesYAML, YAML)
	if err != nil {
		t.Fatalf("the built-in dataset does not load:\n%v", err)
	}
	if d.Title != "Global Support" {
		t.Errorf("title = %q", d.Title)
	}
	seed := seedQuotes(t)
	if len(seed) != 19 {
		t.Fatalf("seed has %d quotes, want 19 (did the seed parser break?)", len(seed))
	}
	if len(d.Quotes) != len(seed) {
		t.Fatalf("dataset has %d quotes, seed %d", len(d.Quotes), len(seed))
	}
	for i, q := range d.Quotes {
		if q.Text != seed[i] {
			t.Errorf("quote %d (%s, line %d) differs from the seed:\n data: %q\n seed: %q", i+1, q.ID, q.Line, q.Text, seed[i])
		}
		if q.Author == "" || q.ID == "" || q.Lang != "en" || len(q.Tags) == 0 {
			t.Errorf("quote %s: author %q, lang %q, tags %v", q.ID, q.Author, q.Lang, q.Tags)
		}
	}
	// Spot checks that the seed parser itself is not vacuous.
	if !strings.HasPrefix(seed[0], "This is not only") || !strings.HasSuffix(seed[0], "democracy.") {
		t.Errorf("seed[0] = %q", seed[0])
	}
	if !strings.HasPrefix(seed[9], "US prosecutors") || !strings.HasSuffix(seed[9], "or not.'") {
		t.Errorf("seed[9] = %q", seed[9])
	}
	if !strings.HasPrefix(seed[15], "Brave whistleblowers") {
		t.Errorf("seed[15] = %q", seed[15])
	}
}

// TestFormatsEquivalent loads the same quotes from YAML and CSV, including
// a CSV saved with a byte order mark and Windows line ends.
func TestFormatsEquivalent(t *testing.T) {
	pairs := []struct {
		yamlName string
		yaml     []byte
		csv      string
	}{
		{data.QuotesName, data.QuotesYAML, "testdata/good/global-support.csv"},
		{"features.yaml", readFile(t, "testdata/good/features.yaml"), "testdata/good/features.csv"},
	}
	for _, p := range pairs {
		y, err := Parse(p.yamlName, p.yaml, YAML)
		if err != nil {
			t.Fatal(err)
		}
		lf := readFile(t, p.csv)
		crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))...)
		if bytes.Equal(lf, crlf) {
			t.Fatal("CRLF variant is the same as the original")
		}
		for variant, data := range map[string][]byte{"LF": lf, "BOM+CRLF": crlf} {
			c, err := Parse(p.csv, data, CSV)
			if err != nil {
				t.Fatalf("%s %s: %v", p.csv, variant, err)
			}
			if len(c.Quotes) != len(y.Quotes) {
				t.Fatalf("%s %s: %d quotes, YAML has %d", p.csv, variant, len(c.Quotes), len(y.Quotes))
			}
			for i := range y.Quotes {
				yq, cq := y.Quotes[i], c.Quotes[i]
				yq.Line, cq.Line = 0, 0
				if !reflect.DeepEqual(yq, cq) {
					t.Errorf("%s %s quote %d:\n yaml: %#v\n  csv: %#v", p.csv, variant, i+1, yq, cq)
				}
			}
		}
	}
}

// TestFeatures pins down what the loader does to values: trims, NFC, keeps
// everything else, derives ids, canonicalises languages, applies defaults.
func TestFeatures(t *testing.T) {
	d, err := Load("testdata/good/features.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []Quote{
		{ID: "dunja-mijatovic", Text: "Le café est prêt, dit Dunja.", Author: "Dunja Mijatović", Lang: "fr", Tags: []string{"un", "human-rights"}, Line: 5},
		{ID: "2020", Text: "First line of a deliberate break,\nsecond line.", Author: "Ricardo Gutiérrez", Date: "2020", Lang: "en", Tags: []string{"press-freedom", "un"}, Line: 10},
		{ID: "strauss-orsted", Text: "yes", Author: "Strauß & Ørsted", Date: "2020-02", URL: "https://example.org/statement?id=1&x=%20", Lang: "en-GB", Line: 22},
		{ID: "the-guardian", Text: "We believe that the arbitrary detention, and criminal prosecution of Julian Assange set an extremely dangerous precedent.",
			Author: "The Guardian", Excerpt: "…Arbitrary detention, and criminal prosecution… set an extremely dangerous precedent",
			Source: "Editorial", Date: "2024-02-29", URL: "HTTP://EXAMPLE.ORG", Lang: "en", Line: 28},
		{ID: "quoted-numbers", Text: "1.0", Author: "12:30", Lang: "en", Line: 35},
		{ID: "jose-marti", Text: "Café con leche.", Author: "José Martí", Excerpt: "café", Lang: "en", Line: 41},
	}
	if d.Title != "Features" {
		t.Errorf("title = %q, want trimmed %q", d.Title, "Features")
	}
	if len(d.Quotes) != len(want) {
		t.Fatalf("got %d quotes, want %d", len(d.Quotes), len(want))
	}
	for i, w := range want {
		if !reflect.DeepEqual(d.Quotes[i], w) {
			t.Errorf("quote %d:\n got: %#v\nwant: %#v", i+1, d.Quotes[i], w)
		}
	}
	if s := d.Quotes[5].Text; !norm.NFC.IsNormalString(s) || strings.Contains(s, "\u0301") {
		t.Errorf("text not NFC: %q", s)
	}

	d, err = Load("testdata/good/no-title.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "no-title" || d.Quotes[0].Lang != "de" || d.Quotes[1].Lang != "en" {
		t.Errorf("title %q, langs %q %q: want the file name and the dataset's lang as default", d.Title, d.Quotes[0].Lang, d.Quotes[1].Lang)
	}
	d, err = Load("testdata/good/minimal.csv")
	if err != nil {
		t.Fatal(err)
	}
	if q := d.Quotes[0]; q.Text != `He said "no", twice.` || q.ID != "someone" || q.Line != 2 || d.Title != "minimal" {
		t.Errorf("minimal.csv: title %q, %#v", d.Title, q)
	}
	d, err = Load("testdata/good/bom-crlf.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 2 || d.Quotes[0].Text != "One." || d.Quotes[1].Line != 4 {
		t.Errorf("bom-crlf.csv: %#v", d.Quotes)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
