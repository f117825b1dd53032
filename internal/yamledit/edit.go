package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// step is one node on the way to a path: the node, the collection it is an
// entry of (nil for the root), and its index in that collection's entries.
type step struct {
	node, parent *yaml.Node
	entry        int
}

// locate follows p from the root as far as the file has it. steps[i] is the
// node at p[:i]; when the whole path exists, len(steps) == len(p)+1.
func (d *Doc) locate(p Path) ([]step, error) {
	if d.root == nil {
		return nil, nil
	}
	steps := []step{{node: d.root}}
	n := d.root
	for i, e := range p {
		here := p[:i+1]
		if n.Kind == yaml.AliasNode {
			return nil, d.aliasError(p[:i], n)
		}
		switch e := e.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return steps, nil
			}
			k := keyIndex(n, e)
			if len(k) == 0 {
				return steps, nil
			}
			if len(k) > 1 {
				return nil, errorf(here, "the key is in the file twice (lines %d and %d); remove one first", n.Content[k[0]].Line, n.Content[k[1]].Line)
			}
			steps = append(steps, step{node: n.Content[k[0]+1], parent: n, entry: k[0] / 2})
			n = n.Content[k[0]+1]
		case int:
			if n.Kind != yaml.SequenceNode || e < 0 || e >= len(n.Content) {
				return steps, nil
			}
			steps = append(steps, step{node: n.Content[e], parent: n, entry: e})
			n = n.Content[e]
		default:
			return nil, errorf(here, "a path holds keys (string) and indexes (int), not %T", e)
		}
	}
	return steps, nil
}

func (d *Doc) aliasError(p Path, n *yaml.Node) error {
	if n.Alias != nil {
		return errorf(p, "is *%s, a copy of the value at line %d; edit that value instead", n.Value, n.Alias.Line)
	}
	return errorf(p, "is *%s, a copy of another value; edit that value instead", n.Value)
}

// editable refuses edits the file cannot take: a file whose layout was not
// understood, and edits inside an alias (*name, a copy of a value written
// elsewhere) or inside a value that an alias repeats, which would silently
// change the copy too. ancestors are the nodes on the way (the edited
// collection included, for additions); within is the value the edit
// replaces or removes, if any: it must not hold a value an alias repeats.
// An alias itself may be replaced or deleted: no other value changes.
func (d *Doc) editable(p Path, ancestors []step, within *yaml.Node) error {
	if d.layoutErr != nil {
		return errorf(p, "this file cannot be edited here: %v", d.layoutErr)
	}
	for i, s := range ancestors {
		if s.node.Kind == yaml.AliasNode {
			return d.aliasError(p[:i], s.node)
		}
		if line, ok := d.referenced[s.node]; ok {
			return errorf(p[:i], "is &%s, repeated by *%s at line %d; editing it would change that copy too: write the copy out in full first", s.node.Anchor, s.node.Anchor, line)
		}
	}
	var err error
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if err != nil {
			return
		}
		if line, ok := d.referenced[n]; ok {
			err = errorf(p, "holds &%s, repeated by *%s at line %d; write that copy out in full first", n.Anchor, n.Anchor, line)
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	if within != nil {
		walk(within)
	}
	return err
}

// debugEdits prints each edit that does not read back (set by tests).
var debugEdits = false

// commit makes nb the document, after checking that it reads as want. On any
// failure the document is left as it was.
func (d *Doc) commit(p Path, nb []byte, want *vnode) error {
	root, err := parseYAML(nb)
	if err != nil {
		return errorf(p, "the edit would not give valid YAML, so nothing was changed (%s)", strings.TrimPrefix(err.Error(), "yamledit: "))
	}
	if !vtree(root).equal(want) {
		if !d.t.endsWithBreak() {
			// A | or > block the edit moved to the end of a file without
			// a final line break would lose its own: give the file one.
			nb2 := append(nb[:len(nb):len(nb)], d.eol...)
			if r2, err := parseYAML(nb2); err == nil && vtree(r2).equal(want) {
				return d.commit(p, nb2, want)
			}
		}
		if debugEdits {
			fmt.Fprintf(os.Stderr, "yamledit: %s does not read back:\n%q\n→\n%q\n", p, d.t.b, nb)
		}
		return &Error{Path: p, Msg: "the edit would not read back as written, so nothing was changed", err: errUnreadable}
	}
	t := newText(nb)
	spans, lerr := layout(t, root)
	if lerr != nil {
		return errorf(p, "the edit would leave a file this package cannot edit again, so nothing was changed (%v)", lerr)
	}
	d.t = t
	d.root = root
	d.spans, d.layoutErr = spans, nil
	d.referenced = referencedAnchors(root)
	return nil
}

// try makes an edit with make, writing strings the preferred way; if the
// result does not read back, it tries once more with every new string in
// double quotes, which reads back the same wherever it is put.
func (d *Doc) try(p Path, want *vnode, make func(w *writer) ([]byte, error)) error {
	var first error
	for _, double := range []bool{false, true} {
		nb, err := make(&writer{eol: d.eol, double: double})
		if err != nil {
			return err
		}
		if err = d.commit(p, nb, want); err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// transact makes an edit that either succeeds or leaves the document as it
// was. In a file without a final line break, a | or > block at the very end
// reads without a final line break of its own; an edit that writes after it
// would add one to its value. If the edit does not read back for that
// reason, the block's header is first given the - indicator (which means
// the same there) and the edit made again.
func (d *Doc) transact(edit func() error) error {
	saved := *d
	err := edit()
	if err == nil {
		return nil
	}
	*d = saved
	if !errors.Is(err, errUnreadable) {
		return err
	}
	if ok, uerr := d.stripLastBlock(); uerr != nil || !ok {
		*d = saved
		return err
	}
	if err2 := edit(); err2 != nil {
		*d = saved
		return err
	}
	return nil
}

// stripLastBlock gives a | or > block that ends a file without a final line
// break the - chomping indicator. It reports whether there was one.
func (d *Doc) stripLastBlock() (bool, error) {
	t := d.t
	if t.endsWithBreak() {
		return false, nil
	}
	for n, s := range d.spans {
		if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || t.line(s.outer()) != t.lines()-1 {
			continue // not a block on the file's last line
		}
		if rest := bytes.TrimLeft(t.b[s.outer():], " \t"); len(rest) > 0 && rest[0] != '#' {
			continue
		}
		// The header's indicators: a chomping sign and an indentation
		// digit, in either order.
		h := s.content + 1
		e := h
		for e < len(t.b) && e < h+2 && (t.b[e] == '+' || t.b[e] == '-' || t.b[e] >= '1' && t.b[e] <= '9') {
			e++
		}
		var nb []byte
		switch k := bytes.IndexAny(t.b[h:e], "+-"); {
		case k < 0:
			nb = splice(t.b, h, h, "-")
		case t.b[h+k] == '-':
			return false, nil
		default:
			nb = splice(t.b, h+k, h+k+1, "-")
		}
		return true, d.commit(nil, nb, d.want())
	}
	return false, nil
}

func splice(b []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(s))
	out = append(out, b[:from]...)
	out = append(out, s...)
	return append(out, b[to:]...)
}

// Set sets the value at p. value is string, []string, bool, int, float64,
// []KV (a mapping, in order) or nil to delete the key. A missing key is added
// at the end of its mapping (with the mapping's indentation); a missing
// parent mapping is created. Setting a missing key to nil does nothing.
//
// A string keeps the style of the value it replaces when that style can
// hold it exactly (plain, 'single', "double", a | or > block), and is
// otherwise written plain when that is safe, as a | block when it has line
// breaks, or else double-quoted: see docs/yamledit.md.
func (d *Doc) Set(p Path, value any) error {
	return d.transact(func() error { return d.set(p, value) })
}

func (d *Doc) set(p Path, value any) error {
	if len(p) == 0 {
		return errorf(p, "give the key or index to set")
	}
	if value == nil {
		steps, err := d.locate(p)
		if err != nil {
			return err
		}
		if len(steps) < len(p)+1 {
			return nil
		}
		return d.del(p)
	}
	v, err := normalize(p, value)
	if err != nil {
		return err
	}
	steps, err := d.locate(p)
	if err != nil {
		return err
	}
	if len(steps) == len(p)+1 {
		last := steps[len(steps)-1]
		if sameMeaning(last.node, v) {
			// Nothing to change: the file keeps its bytes (a studio may
			// set every field of a quote it saves).
			return nil
		}
		if err := d.editable(p, steps[:len(steps)-1], last.node); err != nil {
			return err
		}
		want := d.want()
		setAt(want, p, vnodeOf(v))
		h := d.hintOf(last.node).or(d.siblingHint(p))
		return d.try(p, want, func(w *writer) ([]byte, error) {
			return d.replaceText(w, p, last, v, h)
		})
	}
	return d.add(p, steps, v)
}

// sameMeaning reports whether n already holds v, as Set would write it
// (anchors aside).
func sameMeaning(n *yaml.Node, v any) bool {
	if n.Kind == yaml.AliasNode {
		return false
	}
	// Numbers and booleans compare by value: 10.0 is 10, 0x1F is 31.
	switch v := v.(type) {
	case bool:
		var b bool
		return n.ShortTag() == "!!bool" && n.Decode(&b) == nil && b == v
	case int:
		var i int
		return n.ShortTag() == "!!int" && n.Decode(&i) == nil && i == v
	case float64:
		var f float64
		return (n.ShortTag() == "!!float" || n.ShortTag() == "!!int") && n.Decode(&f) == nil &&
			(f == v && math.Signbit(f) == math.Signbit(v) || math.IsNaN(f) && math.IsNaN(v))
	}
	got := vtree(n)
	var clear func(*vnode)
	clear = func(x *vnode) {
		x.anchor = ""
		for _, k := range x.kids {
			clear(k)
		}
	}
	clear(got)
	return got.equal(vnodeOf(v))
}

// want is the document's meaning now, to be changed as an edit should.
func (d *Doc) want() *vnode {
	if d.root == nil {
		return nil
	}
	return vtree(d.root).clone()
}

// replaceText returns the bytes with the value at s replaced by v.
func (d *Doc) replaceText(w *writer, p Path, s step, v any, h *hint) ([]byte, error) {
	t := d.t
	ns := d.spans[s.node]
	if s.parent == nil {
		// The whole document.
		// Written as if after a key two columns to the left, without that
		// key's line: "  ~" becomes "  k:\n    j: 1".
		col := t.column(ns.start)
		r := strings.TrimPrefix(w.after(v, h, ':', col-2), " ")
		r = strings.TrimPrefix(strings.TrimPrefix(r, w.eol), strings.Repeat(" ", col))
		if ns.start == ns.end {
			// An empty document ("---"): the value goes at the end.
			if !t.endsWithBreak() {
				r = w.eol + r
			}
			r += w.eol
		}
		end := ns.end
		if len(bytes.TrimLeft(t.b[end:], " \t\r\n")) == 0 && end < len(t.b) {
			// Only blank lines after it, which may hold tabs a block
			// collection would not take: the value ends the file.
			end, r = len(t.b), r+w.eol
		}
		return splice(t.b, ns.start, end, r), nil
	}
	ps := d.spans[s.parent]
	e := ps.entries[s.entry]
	if ps.isFlow {
		tok := w.flow(v, h)
		switch {
		case e.key != nil && e.ind < 0: // {a} with no ':'
			if ks := d.spans[e.key]; t.line(ks.start) != t.line(ks.end) {
				return nil, errorf(p, "its key is written over several lines; write it on one line first")
			}
			sep := ": "
			if ks := d.spans[e.key]; ks.content == ks.end {
				sep = " : " // after a lone tag, which runs on to a space
			}
			return d.spliceLine(e.end, e.end, sep+tok), nil
		case ns.start == ns.end: // {a: }
			return d.spliceLine(ns.start, ns.end, " "+tok), nil
		}
		return d.spliceLine(ns.start, ns.end, tok), nil
	}
	ind := byte(':')
	if e.key == nil {
		ind = '-'
	}
	r := w.after(v, h, ind, ps.col)
	multiline := strings.Contains(r, "\n")
	empty := ns.start == ns.end
	// later: the old value starts below its key or dash (a block
	// collection, or a value on the next line).
	later := !empty && t.line(ns.content) > t.line(e.ind)
	if !multiline && !empty && !later && ns.headComment < 0 && t.line(ns.start) == t.line(ns.end) {
		// One line for one line: keep the spacing around the value.
		return d.spliceLine(ns.start, ns.end, r[1:]), nil
	}
	from, to := e.ind+1, ns.end
	// A comment inside what is replaced, on the key's line or a block
	// scalar's header, is kept. So is one after an old scalar, moved to
	// the first line when the new value takes several (it would end up
	// inside it). One after the last line of an old block collection
	// belongs to its last entry and goes with it.
	var comments []string
	keep := func(c int) { comments = append(comments, string(t.b[c:t.end(t.line(c))])) }
	switch {
	case empty:
		to = t.skipBlanks(from)
		if to < len(t.b) && t.b[to] == '#' {
			if multiline {
				keep(to)
				to = t.end(t.line(to))
			} else {
				r += " "
			}
		}
	default:
		if ns.headComment >= 0 {
			keep(ns.headComment)
		} else if c := t.trailingComment(from); c >= 0 && c < ns.content {
			keep(c)
		}
		if isBlockCollection(s.node) {
			to = t.end(t.line(ns.end))
		} else if c := t.trailingComment(to); c >= 0 && multiline {
			keep(c)
			to = t.end(t.line(c))
		}
	}
	if len(comments) > 0 {
		c := " " + strings.Join(comments, " ")
		switch i := strings.Index(r, w.eol); {
		case i < 0:
			r += c
		case i == 0: // a block collection below the key
			r = c + r
		default: // at the end of the first line: "- a # c", "|- # c"
			r = r[:i] + c + r[i:]
		}
	}
	return splice(t.b, from, to, spaceBeforeComment(t.b, to, r)), nil
}

// spaceBeforeComment adds a space to s, which goes just before b[to], when
// a comment starts there with no space before it ("[a]#c"): a plain value
// would run on into it.
func spaceBeforeComment(b []byte, to int, s string) string {
	if to < len(b) && b[to] == '#' && s != "" && s[len(s)-1] != ' ' && s[len(s)-1] != '\t' {
		return s + " "
	}
	return s
}

// spliceLine is splice for an edit within one line. When a comment ends
// the line after two or more spaces (lined up with the comments around
// it), the spaces are changed so that it stays in its column.
func (d *Doc) spliceLine(from, to int, s string) []byte {
	t := d.t
	s = spaceBeforeComment(t.b, to, s)
	nb := splice(t.b, from, to, s)
	l := t.line(from)
	if t.line(to) != l || strings.ContainsAny(s, "\r\n") {
		return nb
	}
	tail := d.contentEnd(l)
	if tail < to {
		return nb
	}
	c := t.trailingComment(tail)
	if c < 0 || c-tail < 2 || strings.Contains(string(t.b[tail:c]), "\t") {
		return nb
	}
	run := c - tail
	delta := utf8.RuneCountInString(s) - utf8.RuneCount(t.b[from:to])
	n := max(1, run-delta)
	if n == run {
		return nb
	}
	at := tail + len(s) - (to - from)
	return splice(nb, at, at+run, strings.Repeat(" ", n))
}

// contentEnd returns the end of the last value on line l: where a comment
// after the values on that line could start.
func (d *Doc) contentEnd(l int) int {
	end := d.t.start(l)
	for _, s := range d.spans {
		if s.end > end && s.end <= d.t.end(l) && d.t.line(s.end) == l {
			end = s.end
		}
	}
	return end
}

// siblingHint looks for the value at the same place in the neighbouring
// items of the nearest list on p (quotes[4].excerpt → quotes[3].excerpt,
// quotes[5].excerpt, ...), to write a new value like its neighbours.
func (d *Doc) siblingHint(p Path) *hint {
	for i := len(p) - 1; i >= 0; i-- {
		idx, ok := p[i].(int)
		if !ok {
			continue
		}
		seq := d.Get(p[:i])
		if seq == nil || seq.Kind != yaml.SequenceNode {
			return nil
		}
		for dist := 1; dist < len(seq.Content); dist++ {
			for _, j := range []int{idx - dist, idx + dist} {
				if j < 0 || j >= len(seq.Content) {
					continue
				}
				q := append(append(Path{}, p[:i]...), j)
				q = append(q, p[i+1:]...)
				if n := d.Get(q); n != nil && !isNull(n) {
					if i == len(p)-1 {
						return d.itemHint(n, d.spans[seq].entries[j].start)
					}
					return d.hintOf(n)
				}
			}
		}
		return nil
	}
	return nil
}

// add sets a key that is not in the file: steps lead to the deepest node
// of p that is.
func (d *Doc) add(p Path, steps []step, v any) error {
	k := len(steps) - 1 // steps[k] is the node at p[:k]; p[k] is missing
	if k < 0 {
		k = 0
	}
	nested := v
	for j := len(p) - 1; j > k; j-- {
		key, ok := p[j].(string)
		if !ok {
			return errorf(p[:j], "is not in the file, so it has no item %v", p[j])
		}
		nested = mapVal{{key, nested}}
	}
	key, isKey := p[k].(string)
	if !isKey {
		if n := d.Get(p[:k]); n != nil && n.Kind == yaml.SequenceNode {
			return errorf(p[:k+1], "there is no item %v: the list has %d", p[k], len(n.Content))
		}
		return errorf(p[:k], "is not a list, so it has no item %v", p[k])
	}
	if err := d.editable(p, steps, nil); err != nil {
		return err
	}
	if len(key) > maxKeyBytes {
		return errorf(p[:k+1], "the key is longer than %d bytes", maxKeyBytes)
	}
	want := d.want()
	if want == nil {
		want = &vnode{kind: yaml.MappingNode}
	}
	if !setAt(want, p, vnodeOf(v)) {
		return errorf(p[:k], "is not a set of fields, so %q cannot be added to it", key)
	}
	h := d.siblingHint(p[:k+1])
	if d.root == nil {
		return d.try(p, want, func(w *writer) ([]byte, error) {
			b := d.t.b
			var s string
			if !d.t.endsWithBreak() {
				s = d.eol
			}
			s += keyText(key, false) + ":" + w.after(nested, h, ':', 0) + d.eol
			return splice(b, len(b), len(b), s), nil
		})
	}
	at := steps[k]
	n := at.node
	switch {
	case n.Kind == yaml.MappingNode:
		return d.try(p, want, func(w *writer) ([]byte, error) {
			return d.addKeyText(w, p[:k], n, key, nested, h)
		})
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null":
		return d.try(p, want, func(w *writer) ([]byte, error) {
			return d.replaceText(w, p[:k], at, mapVal{{key, nested}}, nil)
		})
	}
	return errorf(p[:k], "is %s, not a set of fields, so %q cannot be added to it", describe(n), key)
}

// addKeyText returns the bytes with key: v added at the end of mapping m.
func (d *Doc) addKeyText(w *writer, p Path, m *yaml.Node, key string, v any, h *hint) ([]byte, error) {
	t := d.t
	ms := d.spans[m]
	if ms.isFlow {
		if len(ms.entries) > 0 && t.b[ms.content] != '{' {
			return nil, errorf(p, "is a single key: value in a [ ] list; write it in { } to add to it")
		}
		s := keyText(key, true) + ": " + w.flow(v, h)
		if len(ms.entries) == 0 {
			return d.spliceLine(ms.content+1, ms.content+1, s), nil
		}
		last := ms.entries[len(ms.entries)-1]
		return d.spliceLine(last.end, last.end, d.commaAfter(last)+s), nil
	}
	n := len(ms.entries)
	last := ms.entries[n-1]
	at := t.end(t.line(last.end))
	var b strings.Builder
	b.WriteString(d.eol)
	if n >= 2 && d.gapHasBlank(ms.entries[n-2], last) {
		b.WriteString(d.eol)
	}
	b.WriteString(strings.Repeat(" ", ms.col))
	b.WriteString(keyText(key, false))
	b.WriteByte(':')
	b.WriteString(w.after(v, h, ':', ms.col))
	return splice(t.b, at, at, b.String()), nil
}

// commaAfter returns the separator to write after flow entry e: ", ", or
// " , " when e ends in a ':' with nothing after it ("a: , b": "a:," reads as
// the text "a:") or in a tag with nothing after it (a tag runs on to the
// next space).
func (d *Doc) commaAfter(e entry) string {
	if d.emptyPair(e) {
		return " , "
	}
	return ", "
}

// emptyPair reports whether flow entry e ends in a ':' or a property with
// nothing after it: a key with an empty value, or a list item that is such
// a pair or an empty value with a tag or anchor.
func (d *Doc) emptyPair(e entry) bool {
	if e.key == nil {
		s := d.spans[e.value]
		if s.start < s.end && s.content == s.end {
			return true // ! or &a alone
		}
		if e.value.Kind != yaml.MappingNode || !s.isFlow || d.t.b[s.content] == '{' || len(s.entries) != 1 {
			return false
		}
		e = s.entries[0]
	}
	if e.ind < 0 && e.key != nil {
		// {key} with no ':': the key ends the entry.
		ks := d.spans[e.key]
		return ks.start < ks.end && ks.content == ks.end
	}
	vs := d.spans[e.value]
	return vs != nil && (e.ind >= 0 && vs.start == vs.end || vs.start < vs.end && vs.content == vs.end)
}

// gapHasBlank reports whether a blank line separates entry a from the next
// entry b.
func (d *Doc) gapHasBlank(a, b entry) bool {
	t := d.t
	for l := t.line(a.end) + 1; l < t.line(b.start); l++ {
		if t.blank(l) {
			return true
		}
	}
	return false
}

// describe names a node's kind for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a single value"
}

// setAt sets the node at p in the tree under root to v, creating mappings
// on the way (and turning a null into one), as Set does. It reports false
// when p runs into something else.
func setAt(root *vnode, p Path, v *vnode) bool {
	n := root
	for i, e := range p {
		last := i == len(p)-1
		switch e := e.(type) {
		case string:
			if n.kind == yaml.ScalarNode && n.tag == "!!null" {
				*n = vnode{kind: yaml.MappingNode}
			}
			if n.kind != yaml.MappingNode {
				return false
			}
			j := -1
			for k := 0; k+1 < len(n.kids); k += 2 {
				if n.kids[k].kind == yaml.ScalarNode && n.kids[k].value == e {
					j = k
					break
				}
			}
			if j < 0 {
				n.kids = append(n.kids, &vnode{kind: yaml.ScalarNode, tag: "!!str", value: e}, &vnode{kind: yaml.ScalarNode, tag: "!!null"})
				j = len(n.kids) - 2
			}
			if last {
				n.kids[j+1] = v
				return true
			}
			n = n.kids[j+1]
		case int:
			if n.kind != yaml.SequenceNode || e < 0 || e >= len(n.kids) {
				return false
			}
			if last {
				n.kids[e] = v
				return true
			}
			n = n.kids[e]
		default:
			return false
		}
	}
	return false
}

// parentAt returns the collection holding p's last element and that
// element's index among its kids (for a mapping, the key's index).
func parentAt(root *vnode, p Path) (*vnode, int) {
	n := root
	for i, e := range p {
		j := -1
		switch e := e.(type) {
		case string:
			for k := 0; k+1 < len(n.kids); k += 2 {
				if n.kids[k].value == e {
					j = k
					break
				}
			}
			if j < 0 {
				return nil, -1
			}
			if i == len(p)-1 {
				return n, j
			}
			n = n.kids[j+1]
		case int:
			if i == len(p)-1 {
				return n, e
			}
			n = n.kids[e]
		}
	}
	return nil, -1
}

// Delete removes a mapping key or a sequence item, with the comment lines
// directly above it. A blank line next to it goes too when two would
// otherwise meet, or when one would be left at the start or end of its
// collection; no double blank lines remain. Deleting the only entry of a
// collection leaves it empty ({} or []).
func (d *Doc) Delete(p Path) error {
	return d.transact(func() error { return d.del(p) })
}

func (d *Doc) del(p Path) error {
	if len(p) == 0 {
		return errorf(p, "the whole document cannot be deleted")
	}
	steps, err := d.locate(p)
	if err != nil {
		return err
	}
	if len(steps) < len(p)+1 {
		return errorf(p, "is not in the file")
	}
	s := steps[len(steps)-1]
	if err := d.editable(p, steps[:len(steps)-1], s.node); err != nil {
		return err
	}
	want := d.want()
	par, j := parentAt(want, p)
	if par.kind == yaml.MappingNode {
		par.kids = append(par.kids[:j], par.kids[j+2:]...)
	} else {
		par.kids = append(par.kids[:j], par.kids[j+1:]...)
	}
	ps := d.spans[s.parent]
	if len(ps.entries) == 1 {
		empty := any(mapVal{})
		if s.parent.Kind == yaml.SequenceNode {
			empty = seqVal{}
		}
		if ps.isFlow {
			if c := d.t.b[ps.content]; c != '{' && c != '[' {
				// [a: b], a single pair in a list: its mapping stays.
				return d.commit(p, d.spliceLine(ps.start, ps.end, "{}"), want)
			}
			// Up to the closing bracket, with a trailing comma ([a,]).
			return d.commit(p, d.spliceLine(ps.entries[0].start, ps.end-1, ""), want)
		}
		// The block collection is written anew as {} or []: like any value
		// Set replaces, it loses an anchor no alias uses.
		par.anchor = ""
		return d.try(p, want, func(w *writer) ([]byte, error) {
			return d.replaceText(w, p[:len(p)-1], steps[len(steps)-2], empty, nil)
		})
	}
	if ps.isFlow {
		es := ps.entries
		k := s.entry
		if k < len(es)-1 {
			return d.commit(p, d.spliceLine(es[k].start, es[k+1].start, ""), want)
		}
		from, to := es[k-1].end, es[k].end
		b := d.t.b
		switch {
		case d.emptyPair(es[k-1]):
			if from < len(b) && (b[from] == ' ' || b[from] == '\t') {
				from++ // keep "a: }" from becoming "a:}"
			}
		case b[from-1] == ':':
			// Text ending in ':' ([a:, b]) would become a key before a
			// space or a line break.
			to = d.t.skipBlanks(to)
			if to < len(b) && (isBreakAt(b, to) || b[to] == '#') {
				return errorf(p, "the item before it is text ending in ':'; put that in double quotes first")
			}
		}
		return d.commit(p, d.spliceLine(from, to, ""), want)
	}
	cands, err := d.deleteBlock(p, s.parent, s.entry)
	if err != nil {
		return err
	}
	var first error
	for _, nb := range cands {
		err := d.commit(p, nb, want)
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// deleteBlock returns the bytes without entry k of block collection c: the
// way to do it, and, when a | or > block before the entry could take the
// blank lines after it into its text, the same with those lines removed.
func (d *Doc) deleteBlock(p Path, c *yaml.Node, k int) ([][]byte, error) {
	t := d.t
	cs := d.spans[c]
	e := cs.entries[k]
	if !t.onlySpacesBefore(e.start) {
		// "- id: x": the first key shares its line with the dash. The next
		// entry moves up onto that line; comment lines in between move
		// above it.
		next := cs.entries[k+1]
		if !t.onlySpacesBefore(next.start) {
			return nil, errorf(p, "shares its line with the next entry")
		}
		var moved []byte
		for l := t.line(e.end) + 1; l < t.line(next.start); l++ {
			if t.comment(l) {
				moved = append(moved, t.b[t.start(l):t.next(l)]...)
			}
		}
		ls := t.start(t.line(e.start))
		out := append([]byte{}, t.b[:ls]...)
		out = append(out, moved...)
		out = append(out, t.b[ls:e.start]...)
		return [][]byte{append(out, t.b[next.start:]...)}, nil
	}
	first, last := d.headFirst(c, k), t.line(e.end)
	blank := func(l int) bool { return l >= 0 && l < t.lines() && t.start(l) < len(t.b) && t.blank(l) }
	above, below := blank(first-1), blank(last+1)
	if k > 0 && first-1 <= t.line(cs.entries[k-1].end) {
		above = false // the blank line is part of the entry before (a |+ block)
	}
	switch {
	case above && below:
		last++
	case k == 0 && below:
		last++
	case k == len(cs.entries)-1 && above && !below:
		first--
	}
	cands := [][]byte{removeLines(t, first, last)}
	if k > 0 && first > 0 && endsWithBlock(cs.entries[k-1].value) {
		more := last
		for blank(more + 1) {
			more++
		}
		cands = append(cands, removeLines(t, first, more))
		// Or the lines after, blank or comments indented as deep as the
		// block's text, made so that it does not take them in.
		if t.hasBreak(last) {
			sep := append(bytes.Clone(t.b[t.end(first-1):t.start(first)]), t.b[t.next(last):]...)
			out := append(bytes.Clone(t.b[:t.end(first-1)]), d.outdentAfterBlock(sep, lastNode(cs.entries[k-1].value), cs.col)...)
			cands = append(cands, out)
		}
	}
	return cands, nil
}

// endsWithBlock reports whether the last value under n is a | or > block,
// which takes blank lines after it (with spaces enough) into its text.
func endsWithBlock(n *yaml.Node) bool {
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
}

// endsWithKeep reports whether the last value under n is a |+ or >+ block.
func endsWithKeep(d *Doc, n *yaml.Node) bool {
	for {
		if n.Kind == yaml.ScalarNode {
			return n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && d.keep(n)
		}
		if len(n.Content) == 0 {
			return false
		}
		n = n.Content[len(n.Content)-1]
	}
}

// keep reports whether block scalar n has the + chomping indicator.
func (d *Doc) keep(n *yaml.Node) bool {
	s := d.spans[n]
	h := s.content + 1
	return bytes.IndexByte(d.t.b[h:min(h+2, len(d.t.b))], '+') >= 0
}

// removeLines returns the text without lines first..last. When last is the
// file's final line without a line break, the break before first goes
// instead of the one after last.
func removeLines(t *text, first, last int) []byte {
	from, to := t.start(first), t.next(last)
	if !t.hasBreak(last) && first > 0 {
		from = t.end(first - 1)
	}
	return splice(t.b, from, to, "")
}

// headFirst returns the first line of entry k of block collection c with
// the comment lines directly above it (no blank line between). The comments
// that open the file are not counted as the first entry's.
func (d *Doc) headFirst(c *yaml.Node, k int) int {
	t := d.t
	cs := d.spans[c]
	l := t.line(cs.entries[k].start)
	if k == 0 && c == d.root {
		return l
	}
	bound := -1
	if k > 0 {
		bound = t.line(cs.entries[k-1].end)
	}
	first := l
	for m := l - 1; m > bound && t.comment(m); m-- {
		first = m
	}
	return first
}
