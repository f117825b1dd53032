package quote

import (
	"bytes"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// A dataset of thousands of quotes took the YAML library 46 ms for 950
// quotes (2.4 s for 50,000) on one core, before anything else of a run
// could start. Most datasets are one block list of quotes under
// "quotes:", each item starting with "- " at the same indent, so the
// items can be cut apart where they start and each part parsed on a core
// of its own; the parts' items are then joined under the first part's
// list, their lines moved back to where they are in the file.
//
// Only what cannot change the result is cut: the file is read whole
// (decodeYAML) when it is small; when its lines could be counted otherwise
// than YAML counts them (line breaks other than \n and \r\n); when a line
// could mean something else at the list's indent (document markers or
// directives, tabs in the indentation, a line less indented than the list
// but not at the margin); when a part does not parse on its own (a quoted
// text or a [list] cut in two leaves a part unfinished), or holds an anchor
// or an alias (which can tie one item to another); or when the fields after
// the list name it again. Errors are then the library's for the whole file,
// as before. Fields after the list (a title written last) are read as a
// part of their own. TestDecodeYAMLSplit and FuzzParseYAML check that parts
// give the nodes, lines and columns the whole file gives.

// splitMin is the smallest file parsed in parts: below it the parts'
// goroutines cost more than they save. A variable for the tests.
var splitMin = 64 << 10

// splitParts is how many parts a file is cut into: one a core. A variable
// for the tests.
var splitParts = func() int { return runtime.GOMAXPROCS(0) }

// decodeYAMLSplit is decodeYAML, in parts when data allows (see above).
func decodeYAMLSplit(data []byte) (root *yaml.Node, second int, err error) {
	n := splitParts()
	if n < 2 || len(data) < splitMin {
		return decodeYAML(data)
	}
	parts, tail, ok := cutItems(data, n)
	if !ok {
		return decodeYAML(data)
	}
	if tail.end > 0 {
		// The fields after the list, read as a part of their own.
		parts = append(parts, tail)
	}
	roots := make([]*yaml.Node, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var text []byte
			switch {
			case i == 0:
				text = data[:p.end] // the head, "quotes:" and the first items
			case p == tail:
				text = data[p.start:p.end]
			default:
				text = append([]byte("quotes:\n"), data[p.start:p.end]...)
			}
			r, second, err := decodeYAML(text)
			if err == nil && (second > 0 || tied(r)) {
				err = errSplit
			}
			roots[i], errs[i] = r, err
		}()
	}
	wg.Wait()
	var list *yaml.Node
	for i, r := range roots {
		if errs[i] != nil {
			return decodeYAML(data)
		}
		if i > 0 && parts[i] == tail {
			// Fields after the list: the root's, unless they name the
			// list again.
			if r.Kind != yaml.MappingNode || quotesList(r) != nil || hasKey(r, "quotes") {
				return decodeYAML(data)
			}
			shift(r.Content, tail.line-1)
			roots[0].Content = append(roots[0].Content, r.Content...)
			continue
		}
		q := quotesList(r)
		if q == nil || (i > 0 && len(r.Content) != 2) {
			return decodeYAML(data)
		}
		if i == 0 {
			list = q
			continue
		}
		// Line 1 of the part is its "quotes:", line 2 its first line.
		shift(q.Content, parts[i].line-2)
		list.Content = append(list.Content, q.Content...)
	}
	joined.Add(1)
	return roots[0], 0, nil
}

// joined counts the files read in parts, for the tests.
var joined atomic.Int64

// errSplit says a part cannot be joined to the others (see above).
var errSplit = errors.New("yaml: a part of the file cannot be read apart")

// tied reports whether a node or one under it has an anchor or is an
// alias.
func tied(nd *yaml.Node) bool {
	if nd.Anchor != "" || nd.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range nd.Content {
		if tied(c) {
			return true
		}
	}
	return false
}

// part is a run of whole items of the quotes list: data[start:end], its
// first line line (counting from 1).
type part struct {
	start, end, line int
}

// cutItems finds the quotes list and cuts it into up to n parts of about
// equal size at items' starts; tail is the fields after the list, if any
// (tail.end is 0 if not). ok is false when the file is not one that may
// be cut (see above).
func cutItems(data []byte, n int) (parts []part, tail part, ok bool) {
	if !plainBreaks(data) {
		return nil, part{}, false
	}
	end := len(data) // of the list
	line := 1
	at := 0 // the start of the current line
	inList := false
	indent := -1
	var starts []part // each item's start
	for at < len(data) {
		next := len(data)
		if nl := bytes.IndexByte(data[at:], '\n'); nl >= 0 {
			next = at + nl + 1
		}
		text := data[at:next]
		trim := bytes.TrimRight(text, "\r\n ")
		sp := len(trim) - len(bytes.TrimLeft(trim, " "))
		blank := len(trim) == 0 || trim[sp] == '#'
		if !blank && trim[sp] == '\t' {
			return nil, part{}, false // a tab in the indentation
		}
		switch {
		case bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) || bytes.HasPrefix(text, []byte("%")):
			return nil, part{}, false
		case blank:
		case !inList:
			if sp == 0 && bytes.HasPrefix(trim, []byte("quotes:")) {
				if rest := bytes.TrimSpace(trim[len("quotes:"):]); len(rest) > 0 && rest[0] != '#' {
					return nil, part{}, false // quotes: with a value on its line
				}
				inList = true
			}
		case indent < 0:
			if !isItem(trim[sp:]) {
				return nil, part{}, false
			}
			indent = sp
			starts = append(starts, part{start: at, line: line})
		case sp == indent && isItem(trim[sp:]):
			starts = append(starts, part{start: at, line: line})
		case sp > indent:
			// Within an item.
		case sp == 0:
			// The list ends, and the root's fields go on.
			tail, end = part{start: at, end: len(data), line: line}, at
		default:
			return nil, part{}, false // less indented than the list
		}
		if tail.end > 0 {
			break
		}
		at = next
		line++
	}
	if len(starts) < 2*n {
		return nil, part{}, false
	}
	head := starts[0].start
	size := (end - head) / n
	parts = []part{{start: 0, line: 1}}
	for _, s := range starts[1:] {
		if len(parts) < n && s.start-head >= size*len(parts) {
			parts[len(parts)-1].end = s.start
			parts = append(parts, s)
		}
	}
	parts[len(parts)-1].end = end
	return parts, tail, len(parts) > 1
}

// plainBreaks reports whether data's lines end only in \n or \r\n, as the
// lines cutItems counts: YAML also breaks lines at a lone \r and at U+0085,
// U+2028 and U+2029.
func plainBreaks(data []byte) bool {
	for i, b := range data {
		if b == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			return false
		}
	}
	return !bytes.Contains(data, []byte("\u0085")) && !bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte("\u2029"))
}

// isItem reports whether a line's text (from its indent) starts a block
// list's item.
func isItem(t []byte) bool {
	return len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ')
}

// hasKey reports whether a mapping has the key k.
func hasKey(m *yaml.Node, k string) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == k {
			return true
		}
	}
	return false
}

// quotesList returns the list under root's quotes: field, or nil.
func quotesList(root *yaml.Node) *yaml.Node {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "quotes" {
			if q := root.Content[i+1]; q.Kind == yaml.SequenceNode {
				return q
			}
			return nil
		}
	}
	return nil
}

// shift moves the nodes and everything under them d lines down.
func shift(nodes []*yaml.Node, d int) {
	for _, nd := range nodes {
		nd.Line += d
		shift(nd.Content, d)
	}
}
