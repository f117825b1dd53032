// Package yamledit edits YAML files the way a person would: it changes the
// bytes of the values it is asked to change and leaves every other byte of
// the file as it was, so that comments, blank lines, key order, quoting
// style, flow lists ([a, b]) and line ends stay as the person wrote them.
//
// The studio saves the quotes and campaign settings through it. The YAML
// library's own round trip (yaml.Node → Marshal) keeps comments but drops
// blank lines and re-indents, which would turn every save into a diff of the
// whole file; splicing new text into the original bytes does not.
//
// Every edit is checked before it is kept: the new bytes are parsed again and
// must give the old document with exactly the one change asked for (the
// edited value reading back exactly, every other value as before). An edit
// that would not pass is refused with an error and the document is left
// unchanged, so a mistake in this package can cost an edit but never a word
// of a quote.
//
// docs/yamledit.md says how values are written and what is refused.
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Path addresses a node: mapping keys (string) and sequence indexes (int),
// e.g. Path{"quotes", 3, "text"} or Path{"cards", "theme"}.
type Path []any

// String writes p the way messages name it: quotes[3].text.
func (p Path) String() string {
	if len(p) == 0 {
		return "the document"
	}
	var b strings.Builder
	for i, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", e)
		case string:
			if i > 0 {
				b.WriteByte('.')
			}
			if e == "" || strings.ContainsAny(e, ".[]\" \t\n") || !utf8.ValidString(e) {
				b.WriteString(strconv.Quote(e))
			} else {
				b.WriteString(e)
			}
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			fmt.Fprintf(&b, "(%T)", e)
		}
	}
	return b.String()
}

// Error is an edit that cannot be made. It names the path, so that the
// message reads "quotes[3].text: ...".
type Error struct {
	Path Path
	Msg  string
	err  error // errUnreadable for an edit the check refused
}

func (e *Error) Error() string { return e.Path.String() + ": " + e.Msg }

func (e *Error) Unwrap() error { return e.err }

// errUnreadable marks an edit whose result did not read back as it should.
var errUnreadable = errors.New("yamledit: the edit does not read back")

func errorf(p Path, format string, args ...any) error {
	return &Error{Path: p, Msg: fmt.Sprintf(format, args...)}
}

// KV is one key and value of a mapping, in the order they are written.
type KV struct {
	Key   string
	Value any
}

// Doc is a YAML file kept as its original bytes; edits splice new text into
// those bytes, so everything not edited (comments, blank lines, quoting style,
// flow lists, key order) stays exactly as the person wrote it.
//
// A Doc is not safe for concurrent use.
type Doc struct {
	bom bool   // the file starts with a UTF-8 byte order mark
	eol string // the line break new lines get: the one most lines use
	t   *text  // the bytes after the byte order mark
	// root is the document's content (nil for a file of only comments);
	// spans holds where each node of it is in t.
	root  *yaml.Node
	spans map[*yaml.Node]*span
	// layoutErr says why the file cannot be edited, when a node's extent
	// could not be found (edits are refused; Get still works).
	layoutErr error
	// referenced holds the anchored nodes some alias refers to.
	referenced map[*yaml.Node]int // → line of the first alias
}

var bom = []byte("\uFEFF")

// Parse reads src, which must be one YAML document in UTF-8.
func Parse(src []byte) (*Doc, error) {
	d := &Doc{}
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return nil, errors.New("yamledit: the file is saved as UTF-16; save it as UTF-8")
	}
	if bytes.HasPrefix(src, bom) {
		d.bom = true
		src = src[len(bom):]
		if bytes.HasPrefix(src, bom) {
			return nil, errors.New("yamledit: the file starts with two byte order marks; save it again as UTF-8")
		}
	}
	b := bytes.Clone(src)
	if err := d.load(b); err != nil {
		return nil, err
	}
	d.eol = dominantEOL(b)
	return d, nil
}

// load parses b and makes it the document's text.
func (d *Doc) load(b []byte) error {
	root, err := parseYAML(b)
	if err != nil {
		return err
	}
	d.t = newText(b)
	d.root = root
	d.spans, d.layoutErr = layout(d.t, root)
	d.referenced = referencedAnchors(root)
	return nil
}

// parseYAML returns the content of the only document in b (nil if b holds
// no document). A panic in the YAML library becomes an error.
func parseYAML(b []byte) (root *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, fmt.Errorf("yamledit: the YAML reader failed: %v", r)
		}
	}()
	if !utf8.Valid(b) {
		return nil, errors.New("yamledit: the file is not UTF-8 text")
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, fmt.Errorf("yamledit: not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, fmt.Errorf("yamledit: not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	default:
		line := next.Line
		if len(next.Content) > 0 {
			line = next.Content[0].Line
		}
		return nil, fmt.Errorf("yamledit: a second YAML document starts at line %d; keep the file to one document", max(line, 1))
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// dominantEOL returns the line break most lines of b end with: CR LF or
// LF (LF for a file of one line).
func dominantEOL(b []byte) string {
	crlf := bytes.Count(b, []byte("\r\n"))
	if lf := bytes.Count(b, []byte("\n")) - crlf; crlf > lf {
		return "\r\n"
	}
	return "\n"
}

// Bytes returns the document as it is now: the original bytes with the
// edits made so far.
func (d *Doc) Bytes() []byte {
	if !d.bom {
		return bytes.Clone(d.t.b)
	}
	return append(bytes.Clone(bom), d.t.b...)
}

// Get returns the node at p (go.yaml.in/yaml/v3 *yaml.Node) or nil. An alias
// on the way is followed; an alias at p itself is returned as it is (Kind
// yaml.AliasNode, Alias the node it stands for). The node is a copy made
// when the file was last parsed: changing it changes nothing in the file.
func (d *Doc) Get(p Path) *yaml.Node {
	n := d.root
	for i, e := range p {
		if n == nil {
			return nil
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		switch e := e.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return nil
			}
			k := keyIndex(n, e)
			if len(k) == 0 {
				return nil
			}
			n = n.Content[k[0]+1]
		case int:
			if n.Kind != yaml.SequenceNode || e < 0 || e >= len(n.Content) {
				return nil
			}
			n = n.Content[e]
		default:
			return nil
		}
		_ = i
	}
	return n
}

// keyIndex returns the indexes in m.Content of the keys equal to key.
func keyIndex(m *yaml.Node, key string) []int {
	var idx []int
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			idx = append(idx, i)
		}
	}
	return idx
}

// referencedAnchors maps each node an alias refers to, to the line of the
// first such alias.
func referencedAnchors(root *yaml.Node) map[*yaml.Node]int {
	refs := map[*yaml.Node]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			if _, ok := refs[n.Alias]; !ok {
				refs[n.Alias] = n.Line
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return refs
}
