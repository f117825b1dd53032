package quote

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/broadside/broadside/data"
)

// TestDecodeYAMLSplit: a large dataset read in parts gives the nodes, with
// their lines and columns, that reading it whole gives, or the same error;
// and files that must not be cut (anchors, a list that ends before the
// file does, text cut in two) are read whole.
func TestDecodeYAMLSplit(t *testing.T) {
	defer func(m int, p func() int) { splitMin, splitParts = m, p }(splitMin, splitParts)
	splitMin, splitParts = 1<<10, func() int { return 3 }
	// items returns n quotes, each item made by item from its number.
	items := func(n int, item func(i int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(item(i))
		}
		return b.String()
	}
	plain := func(indent string) func(int) string {
		return func(i int) string {
			return fmt.Sprintf("%s- id: q%d\n%s  text: \"Quote number %d, said plainly: [sic] & *so* it goes.\"\n%s  author: Someone %d\n%s  tags: [a, b]\n\n",
				indent, i, indent, i, indent, i, indent)
		}
	}
	for _, tc := range []struct {
		name string
		text string
		cut  bool // read in parts
	}{
		{"the seed quotes", string(data.QuotesYAML), true},
		{"indented items", "title: T\nquotes:\n" + items(60, plain("  ")), true},
		{"items at the margin", "quotes:\n" + items(60, plain("")), true},
		{"CRLF", strings.ReplaceAll("title: T\nquotes:\n"+items(60, plain("    ")), "\n", "\r\n"), true},
		{"comments between items", "# head\nquotes: # the list\n" + items(60, func(i int) string {
			return "# about the next\n" + plain("  ")(i) + "  # after it\n"
		}), true},
		{"block text with lines like items", "quotes:\n" + items(60, func(i int) string {
			return fmt.Sprintf("  - id: b%d\n    text: |\n      first line\n      - not an item\n    author: A\n", i)
		}), true},
		{"quoted text over lines like items", "quotes:\n" + items(60, func(i int) string {
			return fmt.Sprintf("  - id: m%d\n    text: \"one\n  - two\"\n    author: A\n", i)
		}), false},
		{"anchors and aliases", "quotes:\n" + items(60, func(i int) string {
			if i == 0 {
				return "  - &first\n    id: a0\n    text: x\n    author: A\n"
			}
			return fmt.Sprintf("  - id: a%d\n    text: y\n    author: *first\n", i)
		}), false},
		{"fields after the list", "quotes:\n" + items(60, plain("  ")) + "title: late\n# a comment\nlang: en\n", true},
		{"fields after a list at the margin", "quotes:\n" + items(60, plain("")) + "title: late\n", true},
		{"the list again after it", "quotes:\n" + items(60, plain("  ")) + "quotes:\n  - id: again\n", false},
		{"less indented than the list", "quotes:\n" + items(60, plain("    ")) + "  - id: odd\n", false},
		{"a broken item", "quotes:\n" + items(40, plain("  ")) + "  - id: bad\n    text: \"unclosed\n" + items(20, plain("  ")), false},
		{"a lone CR", "quotes:\n" + items(30, plain("  ")) + "  - id: cr\n    text: \"a\rb\"\n" + items(30, plain("  ")) + "title: T\n", false},
		{"a line separator", "quotes:\n" + items(30, plain("  ")) + "  - id: ls\n    text: \"a\u2028b\"\n" + items(30, plain("  ")) + "title: T\n", false},
		{"a second document", "quotes:\n" + items(60, plain("  ")) + "---\nquotes: []\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := []byte(tc.text)
			want, wantSecond, wantErr := decodeYAML(b)
			before := joined.Load()
			got, gotSecond, gotErr := decodeYAMLSplit(b)
			if cut := joined.Load() > before; cut != tc.cut {
				t.Errorf("read in parts: %v, want %v", cut, tc.cut)
			}
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || gotSecond != wantSecond {
				t.Fatalf("got error %v (second document at %d), want %v (%d)", gotErr, gotSecond, wantErr, wantSecond)
			}
			if d := diffNodes(got, want, "root"); d != "" {
				t.Fatal(d)
			}
		})
	}
}

// diffNodes says where two node trees differ, or returns "".
func diffNodes(a, b *yaml.Node, at string) string {
	if (a == nil) != (b == nil) {
		return fmt.Sprintf("%s: %v against %v", at, a, b)
	}
	if a == nil {
		return ""
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %q at %d:%d (%d under it) against %q at %d:%d (%d)", at, a.Value, a.Line, a.Column, len(a.Content), b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := diffNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// TestValidateOnEveryCore: a large dataset, with problems in many quotes
// and ids made from authors (checked against the quotes before), checked
// a share of quotes a core, gives the quotes and the problems, in their
// order, that checking it on one core gives.
func TestValidateOnEveryCore(t *testing.T) {
	gen := func(problems bool) []byte {
		var b strings.Builder
		b.WriteString("quotes:\n")
		for i := range 700 {
			switch {
			case i%7 == 0 && problems:
				fmt.Fprintf(&b, "  - text: \"Words %d.\"\n    author: Same Person\n", i) // the same id made from the author
			case i%7 == 0:
				fmt.Fprintf(&b, "  - text: \"Words %d.\"\n    author: Person %d\n", i, i) // ids made from authors
			case !problems:
				fmt.Fprintf(&b, "  - id: x%d\n    text: \"Words %d.\"\n    author: A\n", i, i)
			case i%7 == 1:
				fmt.Fprintf(&b, "  - id: dup\n    text: \"Words %d.\"\n    author: A\n", i) // a repeated id
			case i%7 == 2:
				fmt.Fprintf(&b, "  - id: x%d\n    text: \"Words %d.\"\n", i, i) // no author
			case i%7 == 3:
				fmt.Fprintf(&b, "  - id: x%d\n    text: \"Words %d.\"\n    author: A\n    date: 20-1-1\n    excerpt: not in it\n", i, i)
			default:
				fmt.Fprintf(&b, "  - id: x%d\n    text: \"Words %d.\"\n    author: A\n    url: ftp://x\n", i, i)
			}
		}
		return []byte(b.String())
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, problems := range []bool{true, false} {
		data := gen(problems)
		runtime.GOMAXPROCS(1)
		d1, err1 := Parse("q.yaml", data, YAML)
		runtime.GOMAXPROCS(4)
		d4, err4 := Parse("q.yaml", data, YAML)
		if (err1 != nil) != problems || fmt.Sprint(err1) != fmt.Sprint(err4) {
			t.Fatalf("one core: %v\n\nfour: %v", err1, err4)
		}
		if !problems && (fmt.Sprint(d1.Quotes) != fmt.Sprint(d4.Quotes) || len(d1.Quotes) != 700) {
			t.Errorf("the quotes differ")
		}
	}
}
