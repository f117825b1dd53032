package yamledit

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestEdges runs edits on small files with the shapes the golden cases do
// not have; want is the file after, or wantErr a part of the error.
func TestEdges(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		edit    func(d *Doc) error
		want    string
		wantErr string
	}{
		{
			name: "empty file",
			in:   "",
			edit: func(d *Doc) error { return d.Set(Path{"title"}, "T") },
			want: "title: T\n",
		},
		{
			name: "comments only, no final line break",
			in:   "# only a comment",
			edit: func(d *Doc) error { return d.Set(Path{"a", "b"}, "x") },
			want: "# only a comment\na:\n  b: x\n",
		},
		{
			name: "no final line break: set the last value",
			in:   "a: 1\nb: two",
			edit: func(d *Doc) error { return d.Set(Path{"b"}, "three") },
			want: "a: 1\nb: three",
		},
		{
			name: "no final line break: add a key",
			in:   "a: 1\nb: two",
			edit: func(d *Doc) error { return d.Set(Path{"c"}, "new") },
			want: "a: 1\nb: two\nc: new",
		},
		{
			name: "no final line break: delete the last key",
			in:   "a: 1\nb: two",
			edit: func(d *Doc) error { return d.Delete(Path{"b"}) },
			want: "a: 1",
		},
		{
			name: "no final line break: append an item",
			in:   "l:\n  - a: 1",
			edit: func(d *Doc) error { return d.Insert(Path{"l"}, 1, []KV{{"a", 2}}) },
			want: "l:\n  - a: 1\n  - a: 2",
		},
		{
			name: "no final line break: move items",
			in:   "l:\n  - a\n  # b's comment\n  - b",
			edit: func(d *Doc) error { return d.Move(Path{"l"}, 1, 0) },
			want: "l:\n  # b's comment\n  - b\n  - a",
		},
		{
			name: "byte order mark and CR LF kept",
			in:   "\uFEFFa: 1\r\nb: [x, y]\r\n",
			edit: func(d *Doc) error { return d.Set(Path{"c"}, []KV{{"d", "e"}}) },
			want: "\uFEFFa: 1\r\nb: [x, y]\r\nc:\r\n  d: e\r\n",
		},
		{
			// The block needs a final line break to end in one.
			name: "block scalar at the end without a line break",
			in:   "a: 1\nintro: |\n  text",
			edit: func(d *Doc) error { return d.Set(Path{"intro"}, "new text\n") },
			want: "a: 1\nintro: |\n  new text\n",
		},
		{
			name: "a key after a block that ends the file without a line break",
			in:   "a: 1\nintro: >\n  text",
			edit: func(d *Doc) error { return d.Set(Path{"b"}, 2) },
			want: "a: 1\nintro: >-\n  text\nb: 2",
		},
		{
			name: "deleting the key after a block leaves it a line break",
			in:   "intro: |\n  text\nb: 2",
			edit: func(d *Doc) error { return d.Delete(Path{"b"}) },
			want: "intro: |\n  text\n",
		},
		{
			name: "moving the item after a block",
			in:   "l:\n  - |\n    text\n  - b",
			edit: func(d *Doc) error { return d.Move(Path{"l"}, 1, 0) },
			want: "l:\n  - b\n  - |\n    text\n",
		},
		{
			name: "moving a block that ends the file",
			in:   "l:\n  - b\n  - |+\n    text",
			edit: func(d *Doc) error { return d.Move(Path{"l"}, 1, 0) },
			want: "l:\n  - |-\n    text\n  - b",
		},
		{
			// The blank line after the |+ block is its text's; the one after
			// the deleted item would join it.
			name: "deleting the item after a keep-chomped block",
			in:   "l:\n  - |+\n    a\n\n  - b\n\n  - c\nm: 1\n",
			edit: func(d *Doc) error { return d.Delete(Path{"l", 1}) },
			want: "l:\n  - |+\n    a\n\n  - c\nm: 1\n",
		},
		{
			name: "moving a keep-chomped block",
			in:   "l:\n  - |+\n    a\n\n  - b\n\n  - c\nm: 1\n",
			edit: func(d *Doc) error { return d.Move(Path{"l"}, 0, 2) },
			want: "l:\n  - b\n  - c\n\n  - |+\n    a\n\nm: 1\n",
		},
		{
			name: "keep-chomped block followed by blank lines",
			in:   "intro: |+\n  text\n\n\nnext: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"intro"}, "new\n") },
			want: "intro: |\n  new\n\n\nnext: 1\n",
		},
		{
			name: "block with an indentation indicator",
			in:   "intro: |2\n     five spaces\nnext: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"intro"}, "a\nb\n") },
			want: "intro: |\n  a\n  b\nnext: 1\n",
		},
		{
			name: "block header comment kept",
			in:   "intro: > # folded\n  some text\nnext: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"intro"}, "other text") },
			want: "intro: >- # folded\n  other text\nnext: 1\n",
		},
		{
			name: "document markers",
			in:   "---\nname: x\n...\n",
			edit: func(d *Doc) error { return d.Set(Path{"lang"}, "en") },
			want: "---\nname: x\nlang: en\n...\n",
		},
		{
			name: "flow mapping",
			in:   "event: {title: Vigil, date: \"Saturday\"}\n",
			edit: func(d *Doc) error {
				return errors.Join(d.Set(Path{"event", "title"}, "A vigil: tonight"), d.Set(Path{"event", "place"}, "London"), d.Delete(Path{"event", "date"}))
			},
			want: "event: {title: \"A vigil: tonight\", place: London}\n",
		},
		{
			name: "empty flow mapping gets a key",
			in:   "l:\n  - {}\n",
			edit: func(d *Doc) error { return d.Set(Path{"l", 0, "text"}, "x") },
			want: "l:\n  - {text: x}\n",
		},
		{
			name: "insert into an empty list",
			in:   "title: T\nquotes: []\n",
			edit: func(d *Doc) error { return d.Insert(Path{"quotes"}, 0, []KV{{"text", "Hi."}, {"author", "A"}}) },
			want: "title: T\nquotes:\n  - text: Hi.\n    author: A\n",
		},
		{
			name: "insert into a null list",
			in:   "title: T\nquotes:\n",
			edit: func(d *Doc) error { return d.Insert(Path{"quotes"}, 0, []KV{{"text", "Hi."}}) },
			want: "title: T\nquotes:\n  - text: Hi.\n",
		},
		{
			name: "insert into a missing list",
			in:   "title: T\n",
			edit: func(d *Doc) error { return d.Insert(Path{"quotes"}, 0, []KV{{"text", "Hi."}}) },
			want: "title: T\nquotes:\n  - text: Hi.\n",
		},
		{
			name: "insert into a flow list",
			in:   "l: [{a: 1}]\n",
			edit: func(d *Doc) error { return d.Insert(Path{"l"}, 0, []KV{{"a", 0}, {"b", "x, y"}}) },
			want: "l: [{a: 0, b: \"x, y\"}, {a: 1}]\n",
		},
		{
			name: "insert keeps the neighbours' key offset",
			in:   "l:\n-   a: 1\n    b: 2\n",
			edit: func(d *Doc) error { return d.Insert(Path{"l"}, 1, []KV{{"a", 3}, {"b", 4}}) },
			want: "l:\n-   a: 1\n    b: 2\n-   a: 3\n    b: 4\n",
		},
		{
			name: "nested lists",
			in:   "m:\n  - - a\n    - b\n  - - c\n",
			edit: func(d *Doc) error { return errors.Join(d.Set(Path{"m", 0, 1}, "B"), d.Delete(Path{"m", 0, 0})) },
			want: "m:\n  - - B\n  - - c\n",
		},
		{
			name: "keys that need quotes",
			in:   "a: 1\n",
			edit: func(d *Doc) error {
				return errors.Join(d.Set(Path{"b: c"}, "x"), d.Set(Path{"true"}, 2), d.Set(Path{"#"}, false))
			},
			want: "a: 1\n\"b: c\": x\n\"true\": 2\n\"#\": false\n",
		},
		{
			name: "value on the next line",
			in:   "a:\n  long value\nb: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"a"}, "short") },
			want: "a: short\nb: 1\n",
		},
		{
			name: "multi-line plain value",
			in:   "a: one\n  two\n  three\nb: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"a"}, "x") },
			want: "a: x\nb: 1\n",
		},
		{
			name: "multi-line double-quoted value",
			in:   "a: \"one\n  two\" # c\nb: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"a"}, "x") },
			want: "a: \"x\" # c\nb: 1\n",
		},
		{
			name: "list to scalar keeps the key's comment",
			in:   "tags: # the tags\n  - a\n  - b # last\nnext: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"tags"}, "none") },
			want: "tags: none # the tags\nnext: 1\n",
		},
		{
			name: "scalar with comment to block list",
			in:   "tags: x # the tags\n",
			edit: func(d *Doc) error {
				return d.Set(Path{"tags"}, []string{strings.Repeat("long ", 10), strings.Repeat("long ", 10)})
			},
			want: "tags: # the tags\n  - \"long long long long long long long long long long \"\n  - \"long long long long long long long long long long \"\n",
		},
		{
			name: "empty value with comment",
			in:   "role:   # to do\nnext: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"role"}, "Director") },
			want: "role: Director # to do\nnext: 1\n",
		},
		{
			name: "empty value with comment gets a block",
			in:   "role:   # to do\nnext: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"role"}, "two\nlines") },
			want: "role: |- # to do\n  two\n  lines\nnext: 1\n",
		},
		{
			name: "set a mapping",
			in:   "a: 1\n",
			edit: func(d *Doc) error {
				return d.Set(Path{"event"}, []KV{{"title", "T"}, {"skip", nil}, {"tags", []string{"x"}}, {"sub", []KV{{"k", 1.5}}}})
			},
			want: "a: 1\nevent:\n  title: T\n  tags: [x]\n  sub:\n    k: 1.5\n",
		},
		{
			name: "numbers",
			in:   "a: 1\n",
			edit: func(d *Doc) error {
				return errors.Join(d.Set(Path{"f"}, 10.0), d.Set(Path{"g"}, 1e21), d.Set(Path{"h"}, -0.0), d.Set(Path{"i"}, -7))
			},
			want: "a: 1\nf: 10\ng: 1e+21\nh: 0\ni: -7\n",
		},
		{
			name: "unused anchor may be replaced",
			in:   "a: &x 1\nb: 2\n",
			edit: func(d *Doc) error { return d.Set(Path{"a"}, 3) },
			want: "a: 3\nb: 2\n",
		},
		{
			name: "an alias may be replaced by a value",
			in:   "a: &x 1\nb: *x\n",
			edit: func(d *Doc) error { return d.Set(Path{"b"}, 3) },
			want: "a: &x 1\nb: 3\n",
		},
		{
			name: "an alias may be deleted",
			in:   "a: &x 1\nb: *x\nc: 2\n",
			edit: func(d *Doc) error { return d.Delete(Path{"b"}) },
			want: "a: &x 1\nc: 2\n",
		},
		{
			name:    "editing through an alias is refused",
			in:      "base: &b\n  theme: paper\ncards: *b\n",
			edit:    func(d *Doc) error { return d.Set(Path{"cards", "theme"}, "ink") },
			wantErr: "cards: is *b, a copy of the value at line 1; edit that value instead",
		},
		{
			name:    "editing an aliased value is refused",
			in:      "base: &b\n  theme: paper\ncards: *b\n",
			edit:    func(d *Doc) error { return d.Set(Path{"base", "theme"}, "ink") },
			wantErr: "base: is &b, repeated by *b at line 3; editing it would change that copy too",
		},
		{
			name:    "deleting an aliased value is refused",
			in:      "a: &x 1\nb: *x\n",
			edit:    func(d *Doc) error { return d.Delete(Path{"a"}) },
			wantErr: "a: holds &x, repeated by *x at line 2",
		},
		{
			name:    "moving items with anchors is refused",
			in:      "l:\n  - &x a\n  - *x\n",
			edit:    func(d *Doc) error { return d.Move(Path{"l"}, 1, 0) },
			wantErr: "l: holds anchors or aliases",
		},
		{
			name:    "a key in the file twice",
			in:      "a: 1\na: 2\n",
			edit:    func(d *Doc) error { return d.Set(Path{"a"}, 3) },
			wantErr: "a: the key is in the file twice (lines 1 and 2)",
		},
		{
			name:    "a value of a type that cannot be written",
			in:      "a: 1\n",
			edit:    func(d *Doc) error { return d.Set(Path{"quotes", 2, "x"}, struct{}{}) },
			wantErr: "quotes[2].x: cannot write a struct {}",
		},
		{
			name:    "text that is not UTF-8",
			in:      "a: 1\n",
			edit:    func(d *Doc) error { return d.Set(Path{"a"}, "\xff") },
			wantErr: "a: the text is not valid UTF-8",
		},
		{
			name:    "a bad path element",
			in:      "a: 1\n",
			edit:    func(d *Doc) error { return d.Set(Path{"a", 1.5}, "x") },
			wantErr: "a.(float64): a path holds keys (string) and indexes (int), not float64",
		},
		{
			name:    "the empty path",
			in:      "a: 1\n",
			edit:    func(d *Doc) error { return d.Delete(Path{}) },
			wantErr: "the document: the whole document cannot be deleted",
		},
		{
			name:    "a new item inside a list of lists",
			in:      "l:\n  - a\n",
			edit:    func(d *Doc) error { return d.Set(Path{"l", 0, "k"}, "x") },
			wantErr: `l[0]: is not a set of fields, so "k" cannot be added to it`,
		},
		{
			name:    "a missing list item as a parent",
			in:      "a: 1\n",
			edit:    func(d *Doc) error { return d.Set(Path{"l", 0, "k"}, "x") },
			wantErr: "l: is not in the file, so it has no item 0",
		},
		{
			name: "deleting a missing key with Set nil does nothing",
			in:   "a: 1\n",
			edit: func(d *Doc) error { return d.Set(Path{"b", "c"}, nil) },
			want: "a: 1\n",
		},
		{
			name: "deleting the only key of the document",
			in:   "# head\na: 1\n",
			edit: func(d *Doc) error { return d.Delete(Path{"a"}) },
			want: "# head\n{}\n",
		},
		{
			name: "deleting the only item of a block list",
			in:   "l:\n  - a\nm: 1\n",
			edit: func(d *Doc) error { return d.Delete(Path{"l", 0}) },
			want: "l: []\nm: 1\n",
		},
		{
			name: "deleting the first key of an item moves comments above it",
			in:   "l:\n  - a: 1\n    # about b\n    b: 2\n",
			edit: func(d *Doc) error { return d.Delete(Path{"l", 0, "a"}) },
			want: "l:\n    # about b\n  - b: 2\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			err = tt.edit(d)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error on more than one line: %q", err)
				}
				if string(d.Bytes()) != tt.in {
					t.Errorf("a failed edit changed the file:\n%s", d.Bytes())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestSetSameValueKeepsBytes sets every value to what it already is: the
// file must not change, however the value is written.
func TestSetSameValueKeepsBytes(t *testing.T) {
	src := "a: \"caf\\u00e9\"\nb: 'single'\nc: 0x1F\nd: 10.0\ne: True\nf: [x,   y]  # c\ng: |+\n  kept\n\nh: &x plain\ni:\n  - \"one\"\n"
	d := mustParse(t, []byte(src))
	for _, tt := range []struct {
		p Path
		v any
	}{
		{Path{"a"}, "café"}, {Path{"b"}, "single"}, {Path{"c"}, 31}, {Path{"d"}, 10.0}, {Path{"e"}, true},
		{Path{"f"}, []string{"x", "y"}}, {Path{"g"}, "kept\n\n"}, {Path{"h"}, "plain"}, {Path{"i"}, []string{"one"}},
	} {
		if err := d.Set(tt.p, tt.v); err != nil {
			t.Errorf("Set(%s): %v", tt.p, err)
		}
		if got := string(d.Bytes()); got != src {
			t.Fatalf("Set(%s, %#v) changed the file:\n%s", tt.p, tt.v, got)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a: 1\n---\nb: 2\n", "a second YAML document starts at line 3"},
		{"\xff\xfea\x00:\x00", "UTF-16"},
		{"a: \xff\n", "not UTF-8"},
		{"a: [1\n", "not valid YAML"},
		{"\uFEFF\uFEFFa: 1\n", "two byte order marks"},
		{"a: b: c\n", "not valid YAML"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q): %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestGet(t *testing.T) {
	d := mustParse(t, []byte("a:\n  - x\n  - {k: v}\nbase: &b {theme: paper}\ncards: *b\n"))
	tests := []struct {
		p    Path
		want string // "" for nil
	}{
		{Path{"a", 0}, "x"},
		{Path{"a", 1, "k"}, "v"},
		{Path{"cards", "theme"}, "paper"},
		{Path{"a", 2}, ""},
		{Path{"a", -1}, ""},
		{Path{"a", "k"}, ""},
		{Path{"b"}, ""},
		{Path{"a", 0, "x"}, ""},
		{Path{true}, ""},
	}
	for _, tt := range tests {
		n := d.Get(tt.p)
		switch {
		case tt.want == "" && n != nil:
			t.Errorf("Get(%s) = %v, want nil", tt.p, n.Value)
		case tt.want != "" && (n == nil || n.Value != tt.want):
			t.Errorf("Get(%s) = %v, want %q", tt.p, n, tt.want)
		}
	}
	if n := d.Get(Path{"cards"}); n == nil || n.Kind != yaml.AliasNode {
		t.Errorf("Get(cards) = %v, want the alias", n)
	}
	if n := d.Get(Path{}); n == nil || n.Kind != yaml.MappingNode {
		t.Errorf("Get() = %v, want the root", n)
	}
}

func TestPathString(t *testing.T) {
	tests := []struct {
		p    Path
		want string
	}{
		{Path{}, "the document"},
		{Path{"quotes", 3, "text"}, "quotes[3].text"},
		{Path{"cards", "theme"}, "cards.theme"},
		{Path{0, "a"}, "[0].a"},
		{Path{"a.b", "c d", ""}, `"a.b"."c d".""`},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v: %q, want %q", tt.p, got, tt.want)
		}
	}
}

// TestCommentAfterBlock moves and deletes items next to a | block with a
// comment line after the list indented as deep as the block's text.
func TestCommentAfterBlock(t *testing.T) {
	src := "l:\n  - text: |\n      line\n  - id: b\n      # deep comment\nm: 1\n"
	d := mustParse(t, []byte(src))
	if err := d.Move(Path{"l"}, 0, 1); err != nil {
		t.Fatal(err)
	}
	if got, want := string(d.Bytes()), "l:\n  - id: b\n  - text: |\n      line\n  # deep comment\nm: 1\n"; got != want {
		t.Errorf("move: got\n%q\nwant\n%q", got, want)
	}
	d = mustParse(t, []byte(src))
	if err := d.Delete(Path{"l", 1}); err != nil {
		t.Fatal(err)
	}
	if got, want := string(d.Bytes()), "l:\n  - text: |\n      line\n  # deep comment\nm: 1\n"; got != want {
		t.Errorf("delete: got\n%q\nwant\n%q", got, want)
	}
}
