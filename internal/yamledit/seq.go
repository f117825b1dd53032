package yamledit

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Insert inserts a mapping (ordered key/values) as a new item at index i of
// the sequence at p (i == len appends). The new item follows the style of
// its neighbours (indentation, a blank line between items if they have one,
// each value written like the same key's value in the neighbour). A missing
// or empty list is created with the item (then i must be 0).
func (d *Doc) Insert(p Path, i int, item []KV) error {
	return d.transact(func() error { return d.insert(p, i, item) })
}

func (d *Doc) insert(p Path, i int, item []KV) error {
	v, err := normalize(append(p[:len(p):len(p)], i), item)
	if err != nil {
		return err
	}
	m := v.(mapVal)
	steps, err := d.locate(p)
	if err != nil {
		return err
	}
	if len(steps) < len(p)+1 || steps[len(steps)-1].node.ShortTag() == "!!null" {
		if i != 0 {
			return errorf(p, "has no items, so the new one can only go at index 0, not %d", i)
		}
		return d.set(p, []any{[]KV(m)})
	}
	s := steps[len(steps)-1]
	seq := s.node
	if seq.Kind != yaml.SequenceNode {
		return errorf(p, "is %s, not a list", describe(seq))
	}
	if err := d.editable(p, steps, nil); err != nil {
		return err
	}
	n := len(seq.Content)
	if i < 0 || i > n {
		return errorf(p, "cannot insert at index %d: the list has %d items", i, n)
	}
	want := d.want()
	if len(p) == 0 {
		want.kids = insertAt(want.kids, i, vnodeOf(m))
	} else {
		par, j := parentAt(want, p)
		list := par.kids[j]
		if par.kind == yaml.MappingNode {
			list = par.kids[j+1]
		}
		list.kids = insertAt(list.kids, i, vnodeOf(m))
	}
	ss := d.spans[seq]
	t := d.t
	var h *hint
	switch {
	case i > 0:
		h = d.itemHint(seq.Content[i-1], ss.entries[i-1].start)
	case n > 0:
		h = d.itemHint(seq.Content[0], ss.entries[0].start)
	}
	if ss.isFlow {
		if n == 0 && s.parent != nil && !d.spans[s.parent].isFlow {
			// key: [] becomes a block list.
			return d.try(p, want, func(w *writer) ([]byte, error) {
				return d.replaceText(w, p, s, seqVal{m}, &hint{flow: 2})
			})
		}
		return d.try(p, want, func(w *writer) ([]byte, error) {
			tok := w.flow(m, h)
			switch {
			case n == 0:
				return d.spliceLine(ss.content+1, ss.content+1, tok), nil
			case i < n:
				return d.spliceLine(ss.entries[i].start, ss.entries[i].start, tok+", "), nil
			}
			last := ss.entries[n-1]
			return d.spliceLine(last.end, last.end, d.commaAfter(last)+tok), nil
		})
	}
	blank := false
	switch {
	case n >= 2 && i > 0 && i < n:
		blank = d.gapHasBlank(ss.entries[i-1], ss.entries[i])
	case n >= 2 && i == n:
		blank = d.gapHasBlank(ss.entries[n-2], ss.entries[n-1])
	case n >= 2:
		blank = d.gapHasBlank(ss.entries[0], ss.entries[1])
	}
	if i < n && !t.onlySpacesBefore(ss.entries[i].start) {
		return errorf(p, "starts on the line of the value it belongs to; a new item cannot go before its first item")
	}
	return d.try(p, want, func(w *writer) ([]byte, error) {
		item := strings.Repeat(" ", ss.col) + "-" + w.after(m, h, '-', ss.col)
		sep := d.eol
		if blank {
			sep += d.eol
		}
		if i < n {
			at := t.start(d.headFirst(seq, i))
			return splice(t.b, at, at, item+sep), nil
		}
		at := t.end(t.line(ss.entries[n-1].end))
		return splice(t.b, at, at, sep+item), nil
	})
}

func insertAt(s []*vnode, i int, v *vnode) []*vnode {
	s = append(s, nil)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

// Move moves sequence item from → to (its comments travel with it): after
// the move the item is at index to. The blank lines and comments between
// items stay where they are.
func (d *Doc) Move(p Path, from, to int) error {
	return d.transact(func() error { return d.move(p, from, to) })
}

func (d *Doc) move(p Path, from, to int) error {
	steps, err := d.locate(p)
	if err != nil {
		return err
	}
	if len(steps) < len(p)+1 {
		return errorf(p, "is not in the file")
	}
	seq := steps[len(steps)-1].node
	if seq.Kind != yaml.SequenceNode {
		return errorf(p, "is %s, not a list", describe(seq))
	}
	if err := d.editable(p, steps, nil); err != nil {
		return err
	}
	n := len(seq.Content)
	if from < 0 || from >= n || to < 0 || to >= n {
		return errorf(p, "cannot move item %d to %d: the list has %d items", from, to, n)
	}
	if from == to {
		return nil
	}
	if hasAliases(seq) {
		return errorf(p, "holds anchors or aliases (&name, *name), whose order matters; move its items by hand")
	}
	order := make([]int, 0, n)
	for k := range n {
		if k != from {
			order = append(order, k)
		}
	}
	order = append(order[:to], append([]int{from}, order[to:]...)...)

	want := d.want()
	list := want
	if len(p) > 0 {
		par, j := parentAt(want, p)
		list = par.kids[j]
		if par.kind == yaml.MappingNode {
			list = par.kids[j+1]
		}
	}
	kids := make([]*vnode, n)
	for k, o := range order {
		kids[k] = list.kids[o]
	}
	list.kids = kids

	t := d.t
	ss := d.spans[seq]
	type chunk struct{ from, to int }
	chunks := make([]chunk, n)
	for k, e := range ss.entries {
		if ss.isFlow {
			chunks[k] = chunk{e.start, e.end}
			continue
		}
		if !t.onlySpacesBefore(e.start) {
			return errorf(p, "starts on the line of the value it belongs to; move its items by hand")
		}
		chunks[k] = chunk{t.start(d.headFirst(seq, k)), t.end(t.line(e.end))}
	}
	var b []byte
	b = append(b, t.b[:chunks[0].from]...)
	for k, o := range order {
		b = append(b, t.b[chunks[o].from:chunks[o].to]...)
		sep := t.b[chunks[k].to:]
		if k < n-1 {
			sep = t.b[chunks[k].to:chunks[k+1].from]
		}
		switch {
		case !ss.isFlow:
		case d.emptyPair(ss.entries[o]):
			if len(sep) > 0 && sep[0] != ' ' && sep[0] != '\t' {
				b = append(b, ' ') // "a: , b" and "a: ]", not "a:, b" or "a:]"
			}
		case t.b[chunks[o].to-1] == ':', loneIndicator(t.b[chunks[o].from:chunks[o].to]):
			// Text ending in ':' ([a:, b]) would become a key before a
			// space or a line break, and a lone '-' or '?' ([-, b]) an
			// indicator: moved before the space that followed another
			// item ([0: , -] to [- , 0: ]), the list is no longer YAML.
			sep = bytes.TrimLeft(sep, " \t")
			if len(sep) > 0 && (isBreakAt(sep, 0) || sep[0] == '#') {
				if t.b[chunks[o].to-1] == ':' {
					return errorf(p, "item %d is text ending in ':'; put it in double quotes before moving it", o)
				}
				return errorf(p, "item %d is a lone %q; put it in double quotes before moving it", o, t.b[chunks[o].from])
			}
		}
		if !ss.isFlow && o != k && endsWithBlock(seq.Content[o]) {
			// A | or > block takes the lines after it into its text when
			// they are blank (all of them for |+) or indented as deep as
			// it, comments too.
			if endsWithKeep(d, seq.Content[o]) {
				sep = dropBlankLines(sep)
			}
			sep = d.outdentAfterBlock(sep, lastNode(seq.Content[o]), ss.col)
		}
		b = append(b, sep...)
	}
	return d.commit(p, b, want)
}

// dropBlankLines returns sep, the text after an item (a line break, then
// whole lines), without the blank lines that follow the break.
func dropBlankLines(sep []byte) []byte {
	t := newText(sep)
	l := 1
	for l < t.lines() && t.hasBreak(l) && t.blank(l) {
		l++
	}
	return append(append([]byte{}, sep[:t.next(0)]...), sep[t.start(min(l, t.lines()-1)):]...)
}

// outdentAfterBlock returns sep, the text after an item that ends with
// block scalar n (a line break, then whole lines), with the spaces taken
// out of its blank lines and its comment lines indented as deep as n's
// text moved to column col, up to the first line of content.
func (d *Doc) outdentAfterBlock(sep []byte, n *yaml.Node, col int) []byte {
	deep := d.spans[n].blockIndent
	t := newText(sep)
	out := append([]byte{}, sep[:t.next(0)]...)
	l := 1
	for ; l < t.lines(); l++ {
		switch {
		case t.blank(l):
			out = append(out, sep[t.end(l):t.next(l)]...)
		case t.comment(l) && t.indent(l) >= deep:
			out = append(out, strings.Repeat(" ", col)...)
			out = append(out, sep[t.start(l)+t.indent(l):t.next(l)]...)
		case t.comment(l):
			out = append(out, sep[t.start(l):t.next(l)]...)
		default:
			return append(out, sep[t.start(l):]...)
		}
	}
	return out
}

// lastNode returns the last node under n, in the order of the text.
func lastNode(n *yaml.Node) *yaml.Node {
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n
}

// hasAliases reports whether anything under n has an anchor or is an alias.
func hasAliases(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAliases(c) {
			return true
		}
	}
	return false
}

// loneIndicator reports whether an item's text is a lone '-' or '?', which
// YAML reads as an indicator when a space follows it.
func loneIndicator(text []byte) bool {
	return len(text) == 1 && (text[0] == '-' || text[0] == '?')
}
