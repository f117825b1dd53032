package quote

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: Load must refuse it from its size, without reading it.
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Mkdir(filepath.Join(dir, "folder.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		path     string
		problems bool // the error is Problems rather than a wrapped I/O error
		want     string
		is       error
	}{
		{"testdata/good/features.txt", true, "features.txt: the file name must end in .yaml, .yml or .csv so broadside knows how to read it (it ends in \".txt\")", nil},
		{"testdata/good/noext", true, "the file name must end in .yaml, .yml or .csv", nil},
		{filepath.Join(dir, "missing.yaml"), false, "load dataset " + filepath.Join(dir, "missing.yaml") + ": ", fs.ErrNotExist},
		{filepath.Join(dir, "folder.yaml"), false, "it is a folder, not a file", nil},
		{big, true, "big.yaml: the file is larger than the limit of 32 MiB (it is 32.0 MiB): split the quotes into several files", nil},
	}
	for _, tt := range tests {
		_, err := Load(tt.path)
		if err == nil {
			t.Errorf("Load(%s) succeeded", tt.path)
			continue
		}
		var ps Problems
		if errors.As(err, &ps) != tt.problems {
			t.Errorf("Load(%s): error %T, Problems = %v", tt.path, err, !tt.problems)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%s) = %q, want it to contain %q", tt.path, err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("Load(%s) = %v, want errors.Is %v", tt.path, err, tt.is)
		}
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{"a.yaml": YAML, "a.YML": YAML, "dir.csv/a.Csv": CSV, "a.txt": 0, "yaml": 0} {
		got, ok := FormatOf(name)
		if got != want || ok != (want != 0) {
			t.Errorf("FormatOf(%q) = %v, %v", name, got, ok)
		}
	}
	if YAML.String() != "YAML" || CSV.String() != "CSV" || Format(9).String() != "Format(9)" {
		t.Errorf("Format.String")
	}
	if _, err := Parse("x", []byte("text,author\na,b\n"), Format(9)); err == nil {
		t.Errorf("Parse accepted an unknown format")
	}
}

// TestLimits checks each stated limit is enforced and named in the message.
func TestLimits(t *testing.T) {
	quotesCSV := func(n int) []byte {
		var b strings.Builder
		b.WriteString("id,text,author\n")
		for i := range n {
			fmt.Fprintf(&b, "q%d,Words.,A\n", i)
		}
		return []byte(b.String())
	}
	quotesYAML := func(n int) []byte {
		var b strings.Builder
		b.WriteString("quotes:\n")
		for i := range n {
			fmt.Fprintf(&b, "- {id: q%d, text: W, author: A}\n", i)
		}
		return []byte(b.String())
	}
	tests := []struct {
		name   string
		data   []byte
		format Format
		want   string // "" for success
	}{
		{"size", make([]byte, MaxFileBytes+1), YAML, "the limit of 32 MiB"},
		{"size csv", make([]byte, MaxFileBytes+1), CSV, "the limit of 32 MiB"},
		{"quotes csv at limit", quotesCSV(MaxQuotes), CSV, ""},
		{"quotes csv over", quotesCSV(MaxQuotes + 1), CSV, "q.csv:100002: there are more than 100000 quotes; the limit is 100000"},
		{"quotes yaml over", quotesYAML(MaxQuotes + 1), YAML, "q.yaml:2: quotes: has 100001 quotes; the limit is 100000"},
		{"yaml values", []byte("quotes: [" + strings.Repeat("a,", MaxYAMLValues) + "]"), YAML, "the limit is 2000000"},
		{"csv commas", []byte("text,author\n" + strings.Repeat(",", maxCSVCommas+1) + "\n"), CSV, "q.csv:2: this line has 20001 commas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "q." + strings.ToLower(tt.format.String())
			d, err := Parse(name, tt.data, tt.format)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(d.Quotes) != MaxQuotes {
					t.Errorf("got %d quotes", len(d.Quotes))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			checkProblems(t, name, err, tt.data)
		})
	}
}

// TestYAMLErrorLines checks syntax errors are placed on the line to fix,
// not where the YAML library's parser puts them.
func TestYAMLErrorLines(t *testing.T) {
	tests := []struct {
		src  string
		line int
	}{
		{"quotes:\n  - text: a\n    author: b\n\n\n   role: c\n", 6},
		{"quotes:\n  - text: a\n    author: b\n  - text: \"x\" y\n", 4},
		{"text: @x\n", 1},
		{"quotes:\n  - text: a\n    author: *nobody\n", 3},
		{"a: [1,\nb: 2\n", 2}, // where the unclosed list runs into the next field
	}
	for _, tt := range tests {
		_, err := Parse("s.yaml", []byte(tt.src), YAML)
		var ps Problems
		if !errors.As(err, &ps) || len(ps) != 1 {
			t.Errorf("Parse(%q) = %v, want one problem", tt.src, err)
			continue
		}
		if ps[0].Line != tt.line {
			t.Errorf("Parse(%q) = %q, want line %d", tt.src, ps[0], tt.line)
		}
	}
}

// Tabs, runs of spaces and line breaks inside a value are data: accepted
// in every text field and kept as written (rendering folds them); only
// what prints as garbage is refused.
func TestWhitespaceKept(t *testing.T) {
	src := "quotes:\n  - text: \"Tab\\there,  two spaces,\\nand a break.\"\n    author: \"Some\\tone\"\n    role: \"Two\\nlines\"\n    excerpt: \"Tab\\there\"\n"
	d, err := Parse("w.yaml", []byte(src), YAML)
	if err != nil {
		t.Fatal(err)
	}
	q := d.Quotes[0]
	if q.Text != "Tab\there,  two spaces,\nand a break." || q.Author != "Some\tone" || q.Role != "Two\nlines" || q.Excerpt != "Tab\there" {
		t.Errorf("the data was changed: %q %q %q %q", q.Text, q.Author, q.Role, q.Excerpt)
	}
	if q.ID != "some-one" {
		t.Errorf("id %q", q.ID)
	}
	_, err = Parse("w.csv", []byte("text,author\n\"Caf\uFFFD\",A\n"), CSV)
	if err == nil || !strings.Contains(err.Error(), "w.csv:2: text: has a replacement character (U+FFFD") {
		t.Errorf("U+FFFD: %v", err)
	}
}

// YAML aliases are accepted, as PyYAML writes them for repeated lists,
// and read as the values they repeat; a file whose aliases repeat more
// values than MaxAliasValues is refused in one problem, quickly.
func TestAliases(t *testing.T) {
	d, err := Load("testdata/good/pyyaml-aliases.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 3 || strings.Join(d.Quotes[1].Tags, ",") != "climate,youth" || d.Quotes[2].Author != "Ana Lima" || d.Quotes[1].ID != "ben-okoro" {
		t.Errorf("got %+v", d.Quotes)
	}
	var b strings.Builder
	b.WriteString("quotes:\n  - &q {text: Words., author: A, tags: &t [a")
	for i := 0; i < 49; i++ {
		fmt.Fprintf(&b, ", t%d", i)
	}
	b.WriteString("]}\n")
	for i := 0; i < 40_000; i++ {
		b.WriteString("  - *q\n")
	}
	_, err = Parse("many.yaml", []byte(b.String()), YAML)
	if err == nil || !strings.Contains(err.Error(), "aliases (*name) repeat more than") || strings.Count(err.Error(), "repeat more than") != 1 {
		t.Errorf("many aliases: %.300v", err)
	}
}
