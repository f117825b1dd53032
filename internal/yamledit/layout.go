package yamledit

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// span is where a node is in the text. The YAML library gives only where a
// node starts; where it ends is found here by scanning its text with the
// library's own rules (scannerc.go): the end of a quoted scalar is its
// closing quote, a plain scalar runs on over lines indented deeper than its
// collection, a block scalar over lines indented at least as deep as its
// first line, and a collection ends with its last entry.
type span struct {
	start   int // the node's first byte, with its properties (&anchor, !tag)
	content int // its content, after the properties
	end     int // just past its content
	// tail is past the blank lines after a |+ block, which are part of
	// its value (0 for every other node): they belong to its entry.
	tail   int
	indent int  // the column of the block collection it is in (-1 at top level)
	inFlow bool // it is inside a flow collection
	// isFlow: it is a flow collection ([a, b], {a: b}, or a: b in [ ]).
	isFlow bool
	// block and flow collections: their entries.
	entries []entry
	// col is a block mapping's key column, or a block sequence's column
	// of dashes.
	col int
	// block scalars: the offset of a comment on the header line, or -1;
	// and the column of the content lines.
	headComment int
	blockIndent int
}

// entry is one key and value of a mapping, or one item of a sequence.
type entry struct {
	key   *yaml.Node // nil for a sequence item
	value *yaml.Node
	start int // the key, or the item's dash (block) or first byte (flow)
	ind   int // the ':' after the key, or the dash (-1 in flow sequences, or a flow pair with no ':')
	end   int // just past the value
}

// outer is the end of what belongs to the node: its content and, for a |+
// block, the blank lines after it.
func (s *span) outer() int { return max(s.end, s.tail) }

func isBlockCollection(n *yaml.Node) bool {
	return (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle == 0
}

type layouter struct {
	t     *text
	spans map[*yaml.Node]*span
	// starts holds where every node starts, to tell a node's property on
	// a later line from the start of the next node.
	starts map[int]bool
}

// layout finds the span of every node under root.
func layout(t *text, root *yaml.Node) (map[*yaml.Node]*span, error) {
	l := &layouter{t: t, spans: map[*yaml.Node]*span{}, starts: map[int]bool{}}
	if root == nil {
		return l.spans, nil
	}
	var mark func(n *yaml.Node)
	mark = func(n *yaml.Node) {
		if off, ok := t.offset(n.Line, n.Column); ok {
			l.starts[off] = true
		}
		for _, c := range n.Content {
			mark(c)
		}
	}
	mark(root)
	_, err := l.node(root, -1, false, len(t.b))
	return l.spans, err
}

func (l *layouter) fail(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("line %d: %s", n.Line, fmt.Sprintf(format, args...))
}

// isEmptyNull reports a null that may have nothing written for it (key:
// with no value, or a lone dash). A null written as a lone tag (key: !)
// looks the same; layouter.empty tells them apart by the text.
func isEmptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Tag == "!!null" && n.Anchor == "" && n.Style == 0
}

// isNull reports a null, written or not.
func isNull(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// empty reports a value with nothing written for it. The library puts such
// a value just past its ':' or '-' (in a flow collection, at the next
// token); a lone tag or anchor is where its '!' or '&' is.
func (l *layouter) empty(n *yaml.Node) bool {
	if !isEmptyNull(n) {
		return false
	}
	off, ok := l.t.offset(n.Line, n.Column)
	return !ok || off >= len(l.t.b) || (l.t.b[off] != '!' && l.t.b[off] != '&')
}

// node lays out n, which lives in a block collection at column indent (or
// in a flow collection); after is the offset just past the indicator before
// it (':' or '-' or the flow separator), where an empty value is.
func (l *layouter) node(n *yaml.Node, indent int, flow bool, after int) (*span, error) {
	t := l.t
	s := &span{indent: indent, inFlow: flow, headComment: -1}
	l.spans[n] = s
	if l.empty(n) {
		s.start, s.content, s.end = after, after, after
		return s, nil
	}
	off, ok := t.offset(n.Line, n.Column)
	if !ok {
		return nil, l.fail(n, "position outside the file")
	}
	s.start = off
	// The properties: at most an anchor and a tag, possibly on separate
	// lines. One on a later line is the node's only if no other node
	// starts there (it may be the next key's, or the first key's).
	i := off
	props := false
	needAnchor, needTag := n.Anchor != "", true
	if len(n.Content) > 0 && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		if c, ok := t.offset(n.Content[0].Line, n.Content[0].Column); ok && c == off {
			// "!t a: 1": the tag is the first key's, which starts here.
			needAnchor, needTag = false, false
		}
	}
props:
	for i < len(t.b) {
		switch {
		case t.b[i] == '&' && needAnchor:
			needAnchor = false
			i = anchorEnd(t.b, i+1)
		case t.b[i] == '!' && needTag:
			needTag = false
			// A tag runs to the next blank, commas and brackets included.
			for i < len(t.b) && !isBlankz(t.b, i) {
				i++
			}
		default:
			break props
		}
		props = true
		if k := t.skipBlanks(i); k < len(t.b) && (t.b[k] == '&' && needAnchor || t.b[k] == '!' && needTag) {
			i = k // another on the same line
			continue
		}
		if j := t.skipSpace(i); j < len(t.b) && !l.starts[j] && (t.b[j] == '&' && needAnchor || t.b[j] == '!' && needTag) {
			i = j
			continue
		}
		i = t.skipBlanks(i)
		break
	}
	if props {
		empty := n.Kind == yaml.ScalarNode && n.Value == "" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
		if empty {
			// &a or !!null with nothing after it.
			s.content, s.end = i, i
			for s.end > s.start && (t.b[s.end-1] == ' ' || t.b[s.end-1] == '\t') {
				s.end--
			}
			s.content = s.end
			return s, nil
		}
		if i >= len(t.b) || isBreakAt(t.b, i) || t.b[i] == '#' {
			i = t.skipSpace(i)
		}
	}
	s.content = i
	if i >= len(t.b) {
		return nil, l.fail(n, "value missing")
	}
	var err error
	switch n.Kind {
	case yaml.AliasNode:
		if t.b[i] != '*' {
			return nil, l.fail(n, "alias not found")
		}
		j := anchorEnd(t.b, i+1)
		if string(t.b[i+1:j]) != n.Value {
			return nil, l.fail(n, "alias *%s not found", n.Value)
		}
		s.end = j
	case yaml.ScalarNode:
		err = l.scalar(n, s)
	case yaml.MappingNode:
		switch {
		case t.b[i] == '{':
			s.isFlow = true
			err = l.flowCollection(n, s, '}')
		case flow:
			s.isFlow = true
			err = l.flowPair(n, s)
		default:
			err = l.blockMapping(n, s)
		}
	case yaml.SequenceNode:
		switch {
		case t.b[i] == '[':
			s.isFlow = true
			err = l.flowCollection(n, s, ']')
		case flow:
			err = l.fail(n, "list without [ in a flow collection")
		default:
			err = l.blockSequence(n, s)
		}
	default:
		err = l.fail(n, "unexpected node")
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// anchorEnd returns the end of the anchor or alias name starting at i: the
// library takes letters, digits, '_' and '-'.
func anchorEnd(b []byte, i int) int {
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'z' || b[i] >= 'A' && b[i] <= 'Z' || b[i] == '_' || b[i] == '-') {
		i++
	}
	return i
}

func isFlowIndicator(c byte) bool {
	switch c {
	case ',', '[', ']', '{', '}':
		return true
	}
	return false
}

func (l *layouter) scalar(n *yaml.Node, s *span) error {
	t, i := l.t, s.content
	var ok bool
	switch c := t.b[i]; {
	case c == '"':
		s.end, ok = scanDouble(t.b, i)
		ok = ok && n.Style&yaml.DoubleQuotedStyle != 0
	case c == '\'':
		s.end, ok = scanSingle(t.b, i)
		ok = ok && n.Style&yaml.SingleQuotedStyle != 0
	case (c == '|' || c == '>') && !s.inFlow:
		ok = l.blockScalar(s) && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	default:
		s.end = scanPlain(t, i, s.indent, s.inFlow)
		ok = s.end > i && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
	}
	if !ok {
		return l.fail(n, "could not find the end of the value")
	}
	return nil
}

// scanDouble returns the end of the double-quoted scalar at b[i].
func scanDouble(b []byte, i int) (int, bool) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++ // the escaped character (a line break's first byte at most)
		case '"':
			return j + 1, true
		}
	}
	return 0, false
}

// scanSingle returns the end of the single-quoted scalar at b[i].
func scanSingle(b []byte, i int) (int, bool) {
	for j := i + 1; j < len(b); j++ {
		if b[j] == '\'' {
			if j+1 < len(b) && b[j+1] == '\'' {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return 0, false
}

// scanPlain returns the end of the plain scalar at i, following
// yaml_parser_scan_plain_scalar: it stops at ": ", " #", a flow indicator in
// a flow collection, a document marker, or a line indented no deeper than
// the collection it is in (column indent).
func scanPlain(t *text, i, indent int, flow bool) int {
	b := t.b
	pos, end := i, i
	for {
		if pos+3 <= len(b) && t.column(pos) == 0 && (string(b[pos:pos+3]) == "---" || string(b[pos:pos+3]) == "...") && isBlankz(b, pos+3) {
			break
		}
		if pos < len(b) && b[pos] == '#' {
			break
		}
		for !isBlankz(b, pos) {
			if b[pos] == ':' && isBlankz(b, pos+1) {
				break
			}
			if flow && (b[pos] == '?' || isFlowIndicator(b[pos])) {
				break
			}
			_, w := utf8.DecodeRune(b[pos:])
			pos += w
			end = pos
		}
		if pos >= len(b) || !(b[pos] == ' ' || b[pos] == '\t' || isBreakAt(b, pos)) {
			break
		}
		for pos < len(b) && (b[pos] == ' ' || b[pos] == '\t' || isBreakAt(b, pos)) {
			if n := breakLen(b, pos); n > 0 {
				pos += n
			} else {
				pos++
			}
		}
		if !flow && t.column(pos) < indent+1 {
			break
		}
		if pos >= len(b) {
			break
		}
	}
	return end
}

// blockScalar finds the end of the | or > scalar at s.content, following
// yaml_parser_scan_block_scalar: its lines are those indented at least as
// deep as its first non-empty line (or as its indentation indicator says),
// and it ends at the last such line that is not empty.
func (l *layouter) blockScalar(s *span) bool {
	t := l.t
	b := t.b
	i := s.content + 1
	increment := 0
	keep := false
	for k := 0; k < 2 && i < len(b); k++ {
		switch c := b[i]; {
		case c == '+' || c == '-':
			keep = c == '+'
			i++
		case c >= '1' && c <= '9':
			increment = int(c - '0')
			i++
		}
	}
	head := i
	i = t.skipBlanks(i)
	if i < len(b) && b[i] == '#' {
		s.headComment = i
		i = t.end(t.line(i))
	}
	if i < len(b) && !isBreakAt(b, i) {
		return false
	}
	headLine := t.line(s.content)
	ci := 0
	if increment > 0 {
		ci = increment
		if s.indent >= 0 {
			ci = s.indent + increment
		}
	} else {
		maxIndent := 0
		for ln := headLine + 1; ln < t.lines(); ln++ {
			n := t.indent(ln)
			if t.start(ln)+n == t.end(ln) && t.hasBreak(ln) { // empty
				maxIndent = max(maxIndent, n)
				continue
			}
			maxIndent = max(maxIndent, n)
			break
		}
		ci = max(maxIndent, s.indent+1, 1)
	}
	s.blockIndent = ci
	last, lastEmpty := -1, -1
	for ln := headLine + 1; ln < t.lines(); ln++ {
		n := t.indent(ln)
		lineLen := t.end(ln) - t.start(ln)
		if n >= ci {
			if lineLen > ci {
				last = ln
				continue
			}
			if !t.hasBreak(ln) {
				break
			}
			lastEmpty = ln
			continue
		}
		if n == lineLen && t.hasBreak(ln) {
			lastEmpty = ln // empty, less indented
			continue
		}
		break
	}
	if last < 0 {
		s.end = head
	} else {
		s.end = t.end(last)
	}
	if keep && lastEmpty > last {
		s.tail = t.end(lastEmpty)
	}
	return true
}

// blockMapping lays out the entries of a block mapping.
func (l *layouter) blockMapping(n *yaml.Node, s *span) error {
	t := l.t
	if len(n.Content) == 0 || len(n.Content)%2 != 0 {
		return l.fail(n, "empty block mapping")
	}
	s.col = -1
	for i := 0; i < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || l.empty(k) {
			return l.fail(k, "a key that is not a plain value")
		}
		if s.col < 0 {
			s.col = k.Column - 1
		}
		if k.Column-1 != s.col {
			return l.fail(k, "key not at the mapping's column")
		}
		ks, err := l.node(k, s.col, false, -1)
		if err != nil {
			return err
		}
		if ks.start != ks.content || t.line(ks.start) != t.line(ks.end) {
			return l.fail(k, "a key with properties or over several lines")
		}
		colon := t.skipBlanks(ks.end)
		if colon >= len(t.b) || t.b[colon] != ':' {
			return l.fail(k, "no ':' after the key")
		}
		vs, err := l.node(v, s.col, false, colon+1)
		if err != nil {
			return err
		}
		s.entries = append(s.entries, entry{key: k, value: v, start: ks.start, ind: colon, end: max(vs.outer(), colon+1)})
	}
	if s.entries[0].start != s.content {
		return l.fail(n, "the first key is not where the mapping starts")
	}
	s.end = s.entries[len(s.entries)-1].end
	return nil
}

// blockSequence lays out the items of a block sequence.
func (l *layouter) blockSequence(n *yaml.Node, s *span) error {
	t := l.t
	if len(n.Content) == 0 {
		return l.fail(n, "empty block sequence")
	}
	s.col = -1
	for _, item := range n.Content {
		dash := -1
		if l.empty(item) {
			// The library puts an empty item just past its dash.
			if off, ok := t.offset(item.Line, item.Column); ok && off > 0 && t.b[off-1] == '-' {
				dash = off - 1
			}
		} else if off, ok := t.offset(item.Line, item.Column); ok {
			dash = findDash(t, off)
		}
		if dash < 0 {
			return l.fail(item, "the item's dash was not found")
		}
		if s.col < 0 {
			s.col = t.column(dash)
		}
		if t.column(dash) != s.col {
			return l.fail(item, "dash not at the list's column")
		}
		is, err := l.node(item, s.col, false, dash+1)
		if err != nil {
			return err
		}
		s.entries = append(s.entries, entry{value: item, start: dash, ind: dash, end: max(is.outer(), dash+1)})
	}
	if s.entries[0].start != s.content {
		return l.fail(n, "the first dash is not where the list starts")
	}
	s.end = s.entries[len(s.entries)-1].end
	return nil
}

// findDash returns the offset of the dash that starts the sequence item at
// off: on the same line before it, or on the nearest line above with
// content ("-" alone, or "- # comment").
func findDash(t *text, off int) int {
	j := off - 1
	for j >= t.start(t.line(off)) && (t.b[j] == ' ' || t.b[j] == '\t') {
		j--
	}
	if j >= t.start(t.line(off)) {
		if t.b[j] == '-' {
			return j
		}
		return -1
	}
	for ln := t.line(off) - 1; ln >= 0; ln-- {
		if t.blank(ln) || t.comment(ln) {
			continue
		}
		// The dash ends the line's content ("-", "- - -", "- # comment").
		e := t.end(ln)
		for k := t.start(ln); k < e; k++ {
			if t.b[k] == '#' && (k == t.start(ln) || t.b[k-1] == ' ' || t.b[k-1] == '\t') {
				e = k
				break
			}
		}
		for e > t.start(ln) && (t.b[e-1] == ' ' || t.b[e-1] == '\t') {
			e--
		}
		if e > t.start(ln) && t.b[e-1] == '-' && (e-1 == t.start(ln) || t.b[e-2] == ' ' || t.b[e-2] == '\t') {
			return e - 1
		}
		return -1
	}
	return -1
}

// flowCollection lays out [ ... ] or { ... }.
func (l *layouter) flowCollection(n *yaml.Node, s *span, closer byte) error {
	t := l.t
	after := s.content + 1
	var last int
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			e, err := l.pair(n.Content[i], n.Content[i+1], after)
			if err != nil {
				return err
			}
			s.entries = append(s.entries, e)
			last = e.end
			after = l.comma(n, last)
		}
	} else {
		for _, item := range n.Content {
			is, err := l.node(item, s.indent, true, after)
			if err != nil {
				return err
			}
			s.entries = append(s.entries, entry{value: item, start: is.start, ind: -1, end: is.end})
			last = is.end
			after = l.comma(n, last)
		}
	}
	if after < 0 {
		return l.fail(n, "no ',' between the entries")
	}
	j := t.skipSpace(after)
	if j >= len(t.b) || t.b[j] != closer {
		return l.fail(n, "no closing %c", closer)
	}
	s.end = j + 1
	return nil
}

// comma returns the offset just past the ',' after end, or end itself when
// the collection closes there (-1 when neither follows).
func (l *layouter) comma(n *yaml.Node, end int) int {
	j := l.t.skipSpace(end)
	if j < len(l.t.b) && l.t.b[j] == ',' {
		return j + 1
	}
	if j < len(l.t.b) && (l.t.b[j] == ']' || l.t.b[j] == '}') {
		return end
	}
	return -1
}

// pair lays out one key: value of a flow mapping (or a single pair in a
// flow sequence).
func (l *layouter) pair(k, v *yaml.Node, after int) (entry, error) {
	t := l.t
	if k.Kind != yaml.ScalarNode || l.empty(k) {
		return entry{}, l.fail(k, "a key that is not a plain value")
	}
	ks, err := l.node(k, -1, true, after)
	if err != nil {
		return entry{}, err
	}
	j := t.skipSpace(ks.end)
	e := entry{key: k, value: v, start: ks.start, ind: -1}
	if j < len(t.b) && t.b[j] == ':' {
		e.ind = j
		vs, err := l.node(v, -1, true, j+1)
		if err != nil {
			return entry{}, err
		}
		e.end = max(vs.end, j+1)
		return e, nil
	}
	if !l.empty(v) {
		return entry{}, l.fail(k, "no ':' after the key")
	}
	l.spans[v] = &span{start: ks.end, content: ks.end, end: ks.end, indent: -1, inFlow: true, headComment: -1}
	e.end = ks.end
	return e, nil
}

// flowPair lays out a single key: value written as an item of a flow
// sequence ([a: b]).
func (l *layouter) flowPair(n *yaml.Node, s *span) error {
	if len(n.Content) != 2 {
		return l.fail(n, "a flow pair without its value")
	}
	e, err := l.pair(n.Content[0], n.Content[1], s.content)
	if err != nil {
		return err
	}
	s.entries = []entry{e}
	s.end = e.end
	return nil
}

var errNoLayout = errors.New("yamledit: no layout")
