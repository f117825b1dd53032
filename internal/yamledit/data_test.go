package yamledit

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/quote"
)

func readData(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t *testing.T, b []byte) *Doc {
	t.Helper()
	d, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.layoutErr != nil {
		t.Fatalf("layout: %v", d.layoutErr)
	}
	return d
}

// changedLines returns the first and last line (0-based) of a that differ
// from b, comparing from both ends; ok is false when a and b are equal.
func changedLines(a, b []byte) (first, last int, ok bool) {
	if bytes.Equal(a, b) {
		return 0, 0, false
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	first = bytes.Count(a[:p], []byte("\n"))
	last = bytes.Count(a[:len(a)-s], []byte("\n"))
	return first, last, true
}

// leaves lists the paths of every scalar under n.
func leaves(n *yaml.Node, p Path, out *[]Path) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			leaves(n.Content[i+1], append(p[:len(p):len(p)], n.Content[i].Value), out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			leaves(c, append(p[:len(p):len(p)], i), out)
		}
	case yaml.ScalarNode:
		*out = append(*out, p)
	}
}

// TestRealFilesSetAndRestore sets every value of data/quotes.yaml and
// data/campaign.yaml to something else and back: the first edit changes
// only the value's own line, the loaders read the file, and the second
// gives back the file byte for byte.
func TestRealFilesSetAndRestore(t *testing.T) {
	for _, name := range []string{"quotes.yaml", "campaign.yaml"} {
		orig := readData(t, name)
		d := mustParse(t, orig)
		if !bytes.Equal(d.Bytes(), orig) {
			t.Fatalf("%s: Bytes differs from the file", name)
		}
		var paths []Path
		leaves(d.root, nil, &paths)
		if len(paths) < 20 {
			t.Fatalf("%s: only %d values", name, len(paths))
		}
		for _, p := range paths {
			n := d.Get(p)
			old := any(n.Value)
			// A value every field accepts, in every style the file uses.
			var next any = "changed-value"
			field := ""
			for _, e := range p {
				if s, ok := e.(string); ok {
					field = s
				}
			}
			switch field {
			case "text", "intro":
				next = n.Value + " Changed."
			case "url":
				next = "https://example.org/changed"
			case "lang":
				next = "fr"
			case "excerpt":
				next = d.Get(append(p[:len(p)-1:len(p)-1], "text")).Value
			case "impose":
				next = map[bool]string{true: "none", false: "saddle"}[n.Value == "saddle"]
			case "hashtags":
				next = "Changed"
			case "format":
				next = "jpeg"
			case "tile":
				next = "letter"
			}
			switch n.ShortTag() {
			case "!!bool":
				old, next = n.Value == "true", n.Value != "true"
			case "!!int", "!!float":
				var f float64
				if err := n.Decode(&f); err != nil {
					t.Fatal(err)
				}
				old, next = f, f+1.5
			}
			line, lastLine := n.Line-1, d.lastLineOf(p)
			if err := d.Set(p, next); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			changed := d.Bytes()
			if first, last, ok := changedLines(orig, changed); !ok || first < line || last > lastLine {
				t.Errorf("%s: Set(%s) changed lines %d-%d, not only line %d", name, p, first+1, last+1, line+1)
			}
			checkLoads(t, name, changed)
			if err := d.Set(p, old); err != nil {
				t.Errorf("%s: restoring %s: %v", name, p, err)
				continue
			}
			if !bytes.Equal(d.Bytes(), orig) {
				first, last, _ := changedLines(orig, d.Bytes())
				t.Logf("%s", d.Bytes())
				t.Errorf("%s: restoring %s left lines %d-%d changed", name, p, first+1, last+1)
				d = mustParse(t, orig)
			}
		}
	}
}

// lastLineOf returns the 0-based last line of the value at p.
func (d *Doc) lastLineOf(p Path) int {
	n := d.Get(p)
	s := d.spans[n]
	return d.t.line(s.end)
}

func checkLoads(t *testing.T, name string, b []byte) {
	t.Helper()
	var err error
	switch name {
	case "quotes.yaml":
		_, err = quote.Parse(name, b, quote.YAML)
	case "campaign.yaml":
		_, err = campaign.Parse(name, b)
	}
	if err != nil {
		t.Errorf("%s no longer loads: %v", name, err)
	}
}

// TestRealQuotesListEdits deletes, inserts and moves every quote of
// data/quotes.yaml.
func TestRealQuotesListEdits(t *testing.T) {
	orig := readData(t, "quotes.yaml")
	ds, err := quote.Parse("quotes.yaml", orig, quote.YAML)
	if err != nil {
		t.Fatal(err)
	}
	n := len(ds.Quotes)
	for i := range n {
		d := mustParse(t, orig)
		if err := d.Delete(Path{"quotes", i}); err != nil {
			t.Fatal(err)
		}
		got, err := quote.Parse("quotes.yaml", d.Bytes(), quote.YAML)
		if err != nil {
			t.Fatalf("delete %d: %v", i, err)
		}
		want := slices.Delete(slices.Clone(ds.Quotes), i, i+1)
		sameQuotes(t, got.Quotes, want)
		if bytes.Contains(d.Bytes(), []byte("\n\n\n")) || bytes.HasSuffix(d.Bytes(), []byte("\n\n")) {
			t.Errorf("delete %d left a double blank line", i)
		}
		// Every line left is a line of the file.
		if !isSubsequence(lines(d.Bytes()), lines(orig)) {
			t.Errorf("delete %d changed lines it kept", i)
		}

		d = mustParse(t, orig)
		item := []KV{{"id", "inserted"}, {"text", "An inserted quote: \"with\" # signs."}, {"author", "Someone New"}, {"tags", []string{"new"}}}
		if err := d.Insert(Path{"quotes"}, i, item); err != nil {
			t.Fatal(err)
		}
		got, err = quote.Parse("quotes.yaml", d.Bytes(), quote.YAML)
		if err != nil {
			t.Fatalf("insert %d: %v\n%s", i, err, d.Bytes())
		}
		if q := got.Quotes[i]; q.ID != "inserted" || q.Text != "An inserted quote: \"with\" # signs." || q.Author != "Someone New" {
			t.Errorf("insert %d: got %+v", i, q)
		}
		sameQuotes(t, slices.Delete(slices.Clone(got.Quotes), i, i+1), ds.Quotes)
		if !isSubsequence(lines(orig), lines(d.Bytes())) {
			t.Errorf("insert %d changed lines of the file", i)
		}
		if bytes.Contains(d.Bytes(), []byte("\n\n\n")) {
			t.Errorf("insert %d left a double blank line", i)
		}

		for _, to := range []int{0, n - 1, (i + 3) % n} {
			d = mustParse(t, orig)
			if err := d.Move(Path{"quotes"}, i, to); err != nil {
				t.Fatal(err)
			}
			got, err = quote.Parse("quotes.yaml", d.Bytes(), quote.YAML)
			if err != nil {
				t.Fatalf("move %d→%d: %v", i, to, err)
			}
			want := slices.Insert(slices.Delete(slices.Clone(ds.Quotes), i, i+1), to, ds.Quotes[i])
			sameQuotes(t, got.Quotes, want)
			if err := d.Move(Path{"quotes"}, to, i); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(d.Bytes(), orig) {
				t.Errorf("move %d→%d and back changed the file", i, to)
			}
		}
	}
}

func sameQuotes(t *testing.T, got, want []quote.Quote) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d quotes, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		g.Line, w.Line = 0, 0
		if g.ID != w.ID || g.Text != w.Text || g.Author != w.Author || g.Excerpt != w.Excerpt || !slices.Equal(g.Tags, w.Tags) {
			t.Fatalf("quote %d: got %+v, want %+v", i, g, w)
		}
	}
}

func lines(b []byte) []string {
	return strings.Split(string(b), "\n")
}

// isSubsequence reports whether every element of a appears in b, in order.
func isSubsequence(a, b []string) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] != x {
			j++
		}
		if j == len(b) {
			return false
		}
		j++
	}
	return true
}
