package quote

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/broadside/broadside/internal/suggest"
)

// MaxYAMLValues bounds the values (fields, list items) a YAML file may hold,
// counted roughly before parsing: the YAML library builds the whole
// document in memory, about 200 bytes a value, and a 32 MiB file of "a,a,a"
// would otherwise take gigabytes. A 32 MiB file of real quotes counts about
// 1.5 million.
const MaxYAMLValues = 2_000_000

// Top-level fields of a YAML dataset.
var datasetFields = []string{"title", "lang", "quotes"}

// readYAML decodes data through yaml.Node and walks it, so that every value
// keeps its line and every problem is collected rather than only the first.
// It returns nil when the file cannot be read far enough to validate.
func readYAML(c *collector, data []byte) *rawDataset {
	if !checkYAMLChars(c, data) {
		return nil
	}
	if n := countYAMLValues(data); n > MaxYAMLValues {
		c.addf(0, "", "the file has too many separate values to read safely (about %d; the limit is %d): split it into several files", n, MaxYAMLValues)
		return nil
	}
	root, second, err := decodeYAMLSplit(data)
	if errors.Is(err, io.EOF) || err == nil && isNull(root) {
		c.addf(0, "", "the file is empty; it needs a quotes: list (see docs/dataset.md)")
		return nil
	}
	if err != nil {
		c.add(yamlProblem(c.file, data, err))
		return nil
	}
	if second > 0 {
		c.addf(second, "", "a second YAML document starts here (after a --- line); keep the whole dataset in one document")
	}
	if root.Kind != yaml.MappingNode {
		c.addf(root.Line, "", "the file must be a set of fields starting with title: and quotes:, but it is %s; if these are quotes, put a quotes: line above them and indent them", describe(root))
		return nil
	}
	raw := &rawDataset{}
	var quotes *yaml.Node
	fields, suggested := mappingFields(c, root, datasetFields, quoteFields, "belongs to a quote: indent it under a \"- \" item in quotes:")
	for _, f := range fields {
		switch f.name {
		case "title":
			if v, ok := scalar(c, f.value, "title"); ok {
				raw.title = &v
			}
		case "lang":
			if v, ok := scalar(c, f.value, "lang"); ok && v.s != "" {
				raw.lang = &v
			}
		case "quotes":
			quotes = f.value
		}
	}
	if quotes == nil {
		if slices.Contains(suggested, "quotes") {
			return raw // "did you mean quotes" says it all
		}
		c.addf(root.Line, "quotes", "is missing; list the quotes under a quotes: line")
		return raw
	}
	quotes, ok := deref(c, quotes)
	if !ok {
		return raw
	}
	switch {
	case isNull(quotes) || quotes.Kind == yaml.SequenceNode && len(quotes.Content) == 0:
		c.addf(quotes.Line, "quotes", "has no quotes; add at least one")
		return raw
	case quotes.Kind != yaml.SequenceNode:
		c.addf(quotes.Line, "quotes", "must be a list of quotes, each starting with \"- \", not %s", describe(quotes))
		return raw
	case len(quotes.Content) > MaxQuotes:
		c.addf(quotes.Line, "quotes", "has %d quotes; the limit is %d: split them into several files", len(quotes.Content), MaxQuotes)
		return raw
	}
	for _, item := range quotes.Content {
		item, ok := deref(c, item)
		if c.aliasOver {
			return nil // the rest would only repeat the problem
		}
		if !ok {
			continue
		}
		if rq, ok := yamlQuote(c, item); ok {
			raw.quotes = append(raw.quotes, rq)
		}
	}
	return raw
}

func yamlQuote(c *collector, item *yaml.Node) (rawQuote, bool) {
	switch {
	case isNull(item):
		c.addf(item.Line, "", "this quote is empty; remove the lone \"-\" or write the quote after it")
		return rawQuote{}, false
	case item.Kind != yaml.MappingNode:
		c.addf(item.Line, "", "each quote must be a set of fields (text:, author: ...), not %s", describe(item))
		return rawQuote{}, false
	}
	rq := rawQuote{line: item.Line, fields: map[string]rawValue{}, reported: map[string]bool{}}
	fields, suggested := mappingFields(c, item, quoteFields, datasetFields, "belongs at the top of the file, not in a quote")
	for _, name := range suggested {
		rq.reported[name] = true
	}
	for _, f := range fields {
		if f.name != "tags" {
			if v, ok := scalar(c, f.value, f.name); ok {
				rq.fields[f.name] = v
			} else {
				rq.reported[f.name] = true
			}
			continue
		}
		n, ok := deref(c, f.value)
		switch {
		case !ok:
		case isNull(n):
			// "tags:" with nothing after it: no tags.
		case n.Kind != yaml.SequenceNode:
			c.addf(n.Line, "tags", "must be a list, like [un, human-rights], not %s", describe(n))
		default:
			rq.tagsLine = n.Line
			if len(n.Content) > MaxTagsPerQuote {
				// Report the count without walking a huge list.
				rq.tags = make([]rawValue, len(n.Content))
				break
			}
			for _, t := range n.Content {
				if v, ok := scalar(c, t, "tags"); ok {
					rq.tags = append(rq.tags, v)
				}
			}
		}
	}
	return rq, true
}

type field struct {
	name  string
	value *yaml.Node
}

// mappingFields returns the known fields of mapping m, reporting unknown,
// repeated and malformed keys. A key that is not known here but is in
// elsewhere gets the hint instead of a did-you-mean. suggested lists the
// fields offered as did-you-means.
func mappingFields(c *collector, m *yaml.Node, known, elsewhere []string, hint string) (fields []field, suggested []string) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch {
		case k.Kind == yaml.AliasNode:
			c.addf(k.Line, "", "a field name must be a plain word followed by a colon, not an alias (*%s)", clip(k.Value))
			continue
		case k.Kind != yaml.ScalarNode:
			c.addf(k.Line, "", "a field name must be a plain word followed by a colon, not %s", describe(k))
			continue
		case isNull(k) || k.Value == "":
			c.addf(k.Line, "", "a value has no field name before its colon")
			continue
		}
		name := k.Value
		if first, dup := seen[name]; dup {
			c.addf(k.Line, "", "field %q is given twice (first at line %d); keep one", clip(name), first)
			continue
		}
		seen[name] = k.Line
		switch {
		case name == "<<" && k.ShortTag() == "!!merge":
			c.addf(k.Line, "", "a merge key (<<: *name) is not supported; write the fields out in full")
		case slices.Contains(known, name):
			fields = append(fields, field{name, v})
		case slices.Contains(elsewhere, name):
			c.addf(k.Line, "", "field %q %s", name, hint)
		default:
			s := unknownName(c, k.Line, "field", name, known)
			suggested = append(suggested, s)
		}
	}
	return fields, suggested
}

// unknownName reports a field or column name that is not known, with the
// nearest known one if it looks like a typo, and returns that one ("" if
// none).
func unknownName(c *collector, line int, what, name string, known []string) string {
	msg := fmt.Sprintf("%s %q is not known", what, clip(name))
	s := suggest.Nearest(name, known)
	if s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += fmt.Sprintf("; the %ss are: %s", what, strings.Join(known, ", "))
	}
	c.addf(line, "", "%s", msg)
	return s
}

// scalar reads a single value. The value is taken as written, whatever YAML
// would make of it (yes, 1.0, 2020-02-20 are all kept as text), except that
// null ("~", "null" or nothing) is empty.
func scalar(c *collector, n *yaml.Node, field string) (rawValue, bool) {
	n, ok := deref(c, n)
	switch {
	case !ok:
		return rawValue{}, false
	case n.Kind != yaml.ScalarNode:
		c.addf(n.Line, field, "must be text, not %s", describe(n))
		return rawValue{}, false
	}
	switch n.ShortTag() {
	case "!!null":
		return rawValue{line: n.Line}, true
	case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
		return rawValue{s: n.Value, line: n.Line}, true
	}
	c.addf(n.Line, field, "the YAML tag %s is not supported; remove it and write the value as plain text", clip(n.Tag))
	return rawValue{}, false
}

// MaxAliasValues bounds the values that YAML aliases (*name) may repeat in
// one file: every alias counts all the values it stands for, nested
// aliases included, as if they were written out. So a "billion laughs"
// file is refused at its first alias, before anything is expanded, and a
// file of aliases costs no more than the same file written out.
const MaxAliasValues = MaxYAMLValues

// deref returns what n stands for when it is an alias (*name): the
// anchored value (&name), placed at the alias's line so that a problem in
// a repeated value names the quote that repeats it. Tools such as PyYAML
// write aliases for repeated lists (tags: *id001). ok is false when the
// aliases of the file repeat more than MaxAliasValues values (reported
// once).
func deref(c *collector, n *yaml.Node) (*yaml.Node, bool) {
	if n.Kind != yaml.AliasNode {
		return n, true
	}
	if n.Alias == nil || n.Alias.Kind == yaml.AliasNode {
		c.addf(n.Line, "", "*%s does not refer to a value of the file", clip(n.Value))
		return nil, false
	}
	c.aliased += c.nodes(n.Alias)
	if c.aliased > MaxAliasValues {
		if !c.aliasOver {
			c.aliasOver = true
			c.addf(n.Line, "", "the file's aliases (*name) repeat more than %d values, more than any dataset needs; write the values out instead", MaxAliasValues)
		}
		return nil, false
	}
	t := *n.Alias
	t.Line, t.Column = n.Line, n.Column
	if len(t.Content) > 0 {
		t.Content = make([]*yaml.Node, len(n.Alias.Content))
		for i, ch := range n.Alias.Content {
			cp := *ch
			cp.Line = n.Line
			t.Content[i] = &cp
		}
	}
	return &t, true
}

// nodes counts the values n stands for, aliases expanded, remembering
// each anchored node's count so that nested aliases are counted without
// being expanded.
func (c *collector) nodes(n *yaml.Node) int {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil || c.counting[n.Alias] {
			return 1 // refers to itself: the reader reports it
		}
		n = n.Alias
	}
	if k, ok := c.counted[n]; ok {
		return k
	}
	if c.counted == nil {
		c.counted, c.counting = map[*yaml.Node]int{}, map[*yaml.Node]bool{}
	}
	c.counting[n] = true
	k := 1
	for _, ch := range n.Content {
		k += c.nodes(ch)
		if k > MaxAliasValues {
			break
		}
	}
	delete(c.counting, n)
	c.counted[n] = k
	return k
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names a node's shape in words a non-programmer knows.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of fields (name: value)"
	case yaml.AliasNode:
		return "an alias (*" + clip(n.Value) + ")"
	case yaml.ScalarNode:
		if isNull(n) {
			return "empty"
		}
		return fmt.Sprintf("the text %q", clip(n.Value))
	}
	return "something else"
}

// clip shortens s for quoting in a one-line message.
func clip(s string) string {
	const max = 40
	if len([]rune(s)) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// decodeYAML returns the first document's root and the line of a second
// document, if there is one (0 if not). A panic inside the YAML library is
// turned into an error rather than crashing the program.
func decodeYAML(data []byte) (root *yaml.Node, second int, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, second, err = nil, 0, fmt.Errorf("yaml: internal error in the YAML reader: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, 0, err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, 0, err
	default:
		second = max(next.Line, 1)
		if len(next.Content) > 0 {
			second = max(next.Content[0].Line, 1)
		}
	}
	if len(doc.Content) == 0 {
		return nil, 0, io.EOF
	}
	return doc.Content[0], second, nil
}

// checkYAMLChars reports characters YAML does not allow anywhere in a file
// (control characters other than tab and line breaks), one problem per
// line, because the YAML library refuses them without saying where.
func checkYAMLChars(c *collector, data []byte) bool {
	ok := true
	line, lastReported := 1, 0
	for _, r := range string(data) {
		if r == '\n' {
			line++
			continue
		}
		allowed := r == '\t' || r == '\r' || r == 0x85 || (r >= 0x20 && r <= 0x7E) ||
			(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000
		if allowed || line == lastReported {
			continue
		}
		ok, lastReported = false, line
		name := fmt.Sprintf("U+%04X", r)
		if r == 0 {
			name = "NUL, U+0000"
		}
		c.addf(line, "", "this line has an invisible control character (%s), which YAML does not allow; remove it", name)
	}
	return ok
}

// countYAMLValues counts, from above, the nodes a YAML parser could build:
// every node after the first follows a comma, bracket, brace, colon, line
// break or a "- " or "? " indicator.
func countYAMLValues(data []byte) int {
	n := 1
	for i, b := range data {
		switch b {
		case ',', '[', '{', '\n', ':':
			n++
		case '-', '?':
			if i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\t' || data[i+1] == '\n' || data[i+1] == '\r' {
				n++
			}
		}
	}
	return n
}
