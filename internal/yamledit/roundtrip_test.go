package yamledit

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/broadside/broadside/internal/quote"
)

// nastyStrings are texts that YAML reads as something else when written
// carelessly.
var nastyStrings = []string{
	"", " ", "  ", "a", "a b", "a  b", " a", "a ", "\ta", "a\t", "a\tb",
	"a: b", "a:b", "a:", ":a", ": a", "a #b", "a#b", "#a", "# a", "a # b",
	"- a", "-a", "-", "--", "---", "--- a", "...", "... a", "?", "? a", "?a",
	"[a]", "[a", "a]", "{a}", "{a: b}", "a, b", ",a", "a,",
	"'", "''", "'a'", "a'b", "it's", "\"", "\"a\"", "a\"b", "\\", "\\n", "\\\"", "a\\", "\\x41", "\\u0041",
	"&a", "*a", "!a", "!!str a", "%a", "@a", "`a", "|", "|-", ">", ">-", "| a", "> a",
	"true", "false", "True", "TRUE", "yes", "no", "on", "off", "y", "n", "null", "Null", "NULL", "~",
	"0", "12", "-12", "+12", "012", "0o14", "0x1F", "0b101", "1.5", "-1.5", ".5", "1e3", "1_000",
	".inf", "-.inf", ".nan", ".NaN", "2020-02-20", "2020-02-20T10:00:00Z", "12:30", "1:2:3", "<<", "=",
	"\n", "\n\n", "a\n", "a\n\n", "\na", "a\nb", "a\n\nb", "a\n\n\nb", " a\nb", "a\n b", "a \nb", "a\n\n", "\n a",
	"a\r\nb", "a\rb", "\r", "a\u0085b", "a\u2028b", "a\u2029b", "\u2028", "a\u00a0b", "\u00a0a", "a\u00a0",
	"\ufeffa", "a\ufeff", "\x00", "a\x00b", "\x01", "\x7f", "\x1b[0m", "\u200b", "\u200e", "\ufffe", "\uffff",
	"é", "e\u0301", "日本語のテキスト", "Владимир", "مرحبا بالعالم", "emoji 🎉 here", "\U0001F600", "a\U0010FFFFb",
	"The US government’s unrelenting pursuit of Julian Assange . . . is nothing short of a full-scale assault.",
	"He said \"no\", twice: 'never' # not a comment\\",
	"Let me be clear: it is a disturbing attack on the First Amendment.",
	"... preventing a precedent likely to seal the fate of Western democracy.",
	"Brave whistleblowers exposing lies & illegal actions in our government must be protected. . .",
	"First paragraph.\n\nSecond paragraph,\nwith a break.",
	"line one\nline two\n",
	"  indented first\nsecond",
	"trailing spaces   \nnext",
	"# heading\n- item\nkey: value\n---\n...",
	strings.Repeat("word ", 300) + "end",
	strings.Repeat("x", 1200),
	strings.Repeat("a\n", 50),
}

// randomStrings builds strings from pieces YAML treats specially.
func randomStrings(n int, seed uint64) []string {
	pieces := []string{"a", "b", "word", " ", "  ", "\t", "\n", "\n\n", "\r\n", ":", ": ", "#", " #", "-", "- ",
		"'", "\"", "\\", "[", "]", "{", "}", ",", "?", "&", "*", "!", "|", ">", "%", "@", "`", "~", "null", "true",
		"1", ".", "...", "---", "é", "€", "日", "\u2028", "\u0085", "\u00a0", "\ufeff", "\x00", "\x1f", "😀"}
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range r.IntN(8) + 1 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// textBases write quotes[0].text in each style a person might use.
var textBases = map[string]string{
	"plain":   "text: plain text here",
	"double":  `text: "double quoted"`,
	"single":  "text: 'single quoted'",
	"literal": "text: |\n      a literal\n      block",
	"folded":  "text: >-\n      a folded\n      block",
	"empty":   "text:",
	"null":    "text: ~",
	"comment": "text: plain # with a comment",
	"missing": "",
}

func baseDoc(textLine string) string {
	s := "# A dataset.\ntitle: Test\nquotes:\n  - id: first\n"
	if textLine != "" {
		s += "    " + textLine + "\n"
	}
	return s + "    author: Ann Author   # the author\n\n  - id: second\n    text: \"Second.\"\n    author: Bob\n"
}

// loaderClean reports whether the quote loader keeps s exactly: it trims
// and NFC-normalises, and refuses control characters other than line
// breaks.
func loaderClean(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || s != norm.NFC.String(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' {
			return false
		}
	}
	return len([]rune(s)) <= quote.MaxTextChars
}

// TestSetStringRoundTrip writes every nasty string over every style of
// value and reads it back with the YAML library and with the quote loader.
func TestSetStringRoundTrip(t *testing.T) {
	strs := append(append([]string{}, nastyStrings...), randomStrings(400, 7)...)
	for base, line := range textBases {
		src := baseDoc(line)
		for _, s := range strs {
			d, err := Parse([]byte(src))
			if err != nil {
				t.Fatalf("%s: %v", base, err)
			}
			if err := d.Set(Path{"quotes", 0, "text"}, s); err != nil {
				t.Errorf("%s: Set(%q): %v", base, s, err)
				continue
			}
			out := d.Bytes()
			checkText(t, base, src, out, s)
			// Setting it again to itself changes nothing.
			if err := d.Set(Path{"quotes", 0, "text"}, s); err != nil {
				t.Errorf("%s: Set(%q) again: %v", base, s, err)
			} else if !bytes.Equal(d.Bytes(), out) {
				t.Errorf("%s: Set(%q) twice changed the file:\n%s\nthen\n%s", base, s, out, d.Bytes())
			}
		}
	}
}

func checkText(t *testing.T, base, src string, out []byte, s string) {
	t.Helper()
	var doc struct {
		Title  string `yaml:"title"`
		Quotes []struct {
			ID     string `yaml:"id"`
			Text   string `yaml:"text"`
			Author string `yaml:"author"`
		} `yaml:"quotes"`
	}
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Errorf("%s: Set(%q) gave invalid YAML: %v\n%s", base, s, err, out)
		return
	}
	if len(doc.Quotes) != 2 || doc.Quotes[0].Text != s || doc.Quotes[0].Author != "Ann Author" ||
		doc.Quotes[0].ID != "first" || doc.Quotes[1].Text != "Second." || doc.Title != "Test" {
		t.Errorf("%s: Set(%q) reads back as %+v\n%s", base, s, doc, out)
		return
	}
	d, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if v := d.Get(Path{"quotes", 0, "text"}); v.ShortTag() != "!!str" {
		t.Errorf("%s: Set(%q) reads back as %s, not text\n%s", base, s, v.ShortTag(), out)
	}
	// Nothing before the text's line and nothing from the author's line on
	// has changed.
	head := "# A dataset.\ntitle: Test\nquotes:\n  - id: first\n"
	tail := "    author: Ann Author   # the author\n\n  - id: second\n    text: \"Second.\"\n    author: Bob\n"
	if base == "missing" {
		// The new key goes at the end of the quote.
		head += "    author: Ann Author   # the author\n"
		tail = "\n  - id: second\n    text: \"Second.\"\n    author: Bob\n"
	}
	if !bytes.HasPrefix(out, []byte(head)) || !bytes.HasSuffix(out, []byte(tail)) {
		t.Errorf("%s: Set(%q) changed other lines:\n%s", base, s, out)
	}
	if loaderClean(s) {
		ds, err := quote.Parse("quotes.yaml", out, quote.YAML)
		if err != nil {
			t.Errorf("%s: Set(%q): the quote loader says: %v\n%s", base, s, err, out)
		} else if ds.Quotes[0].Text != s {
			t.Errorf("%s: Set(%q): the quote loader reads %q", base, s, ds.Quotes[0].Text)
		}
	}
	_ = src
}

// TestStyleKept checks which style a new value gets over each old one.
func TestStyleKept(t *testing.T) {
	tests := []struct {
		base, value, want string
	}{
		{"plain", "new plain", "text: new plain\n"},
		{"plain", "needs: quotes", "text: \"needs: quotes\"\n"},
		{"plain", "two\nlines", "text: \"two\\nlines\"\n"},
		{"double", "plain would do", "text: \"plain would do\"\n"},
		{"single", "it's", "text: 'it''s'\n"},
		{"single", "tab\there", "text: \"tab\\there\"\n"},
		{"literal", "one\ntwo", "text: |-\n      one\n      two\n"},
		{"literal", "one\ntwo\n", "text: |\n      one\n      two\n"},
		{"literal", "  leading", "text: \"  leading\"\n"},
		{"literal", "many\n\n", "text: \"many\\n\\n\"\n"},
		{"folded", "one two", "text: >-\n      one two\n"},
		{"folded", "one\ntwo", "text: >-\n      one\n\n      two\n"},
		// An empty value is written like the same key in the next quote.
		{"empty", "new", "text: \"new\"\n"},
		{"empty", "new\nlines", "text: \"new\\nlines\"\n"},
		{"null", "x", "text: \"x\"\n"},
		{"comment", "y", "text: y # with a comment\n"},
		{"comment", "y\nz", "text: \"y\\nz\" # with a comment\n"},
	}
	for _, tt := range tests {
		d, err := Parse([]byte(baseDoc(textBases[tt.base])))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Set(Path{"quotes", 0, "text"}, tt.value); err != nil {
			t.Errorf("%s ← %q: %v", tt.base, tt.value, err)
			continue
		}
		out := string(d.Bytes())
		i := strings.Index(out, "    text:")
		j := strings.Index(out, "    author:")
		if got := strings.TrimPrefix(out[i:j], "    "); got != tt.want {
			t.Errorf("%s ← %q: got %q, want %q", tt.base, tt.value, got, tt.want)
		}
	}
}

// TestFoldedWraps checks that a long paragraph in a > block is wrapped
// and reads back the same.
func TestFoldedWraps(t *testing.T) {
	d, err := Parse([]byte(baseDoc(textBases["folded"])))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("many words in a paragraph ", 12) + "end.\n\nA second paragraph."
	if err := d.Set(Path{"quotes", 0, "text"}, long); err != nil {
		t.Fatal(err)
	}
	out := string(d.Bytes())
	for _, l := range strings.Split(out, "\n") {
		if len(l) > foldedWidth {
			t.Errorf("line longer than %d: %q", foldedWidth, l)
		}
	}
	if !strings.Contains(out, "text: >-\n") {
		t.Errorf("not a > block:\n%s", out)
	}
	if got := d.Get(Path{"quotes", 0, "text"}).Value; got != long {
		t.Errorf("reads back %q", got)
	}
}
