package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// checkLayout checks the spans of every value against the text: they do
// not overlap, come in document order, and what lies between two values is
// only spaces, line breaks, comments and indicators. A value whose end was
// found too early leaves some of it between; one found too late overlaps
// the next.
func init() {
	debugEdits = os.Getenv("YAMLEDIT_DEBUG") != ""
}

func checkLayout(d *Doc) error {
	if d.layoutErr != nil {
		return d.layoutErr
	}
	type leaf struct {
		n *yaml.Node
		s *span
	}
	var ls []leaf
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		s := d.spans[n]
		if s == nil {
			return
		}
		if n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode {
			ls = append(ls, leaf{n, s})
		} else if s.content > s.start {
			// A collection's tag or anchor.
			ls = append(ls, leaf{n, &span{start: s.start, content: s.start, end: s.content}})
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(d.root)
	if d.root != nil && len(ls) == 0 && d.root.Kind == yaml.ScalarNode {
		return fmt.Errorf("root scalar has no span")
	}
	// Document order is the order of the nodes in the tree, keys before
	// their values.
	b := d.t.b
	prev := 0
	for _, l := range ls {
		if l.s.start < prev || l.s.end < l.s.start || l.s.content < l.s.start || l.s.content > l.s.end {
			return fmt.Errorf("line %d: value %q at %d-%d overlaps what comes before (to %d)", l.n.Line, l.n.Value, l.s.start, l.s.end, prev)
		}
		if err := gapOK(b, prev, l.s.start); err != nil {
			return fmt.Errorf("before line %d (%q): %v", l.n.Line, l.n.Value, err)
		}
		prev = l.s.end
	}
	return gapOK(b, prev, len(b))
}

// gapOK reports content in b[from:to] other than spaces, line breaks,
// comments, indicators and document markers.
func gapOK(b []byte, from, to int) error {
	for i := from; i < to; i++ {
		c := b[i]
		switch {
		case c == '#':
			for i < to && breakLen(b, i) == 0 {
				i++
			}
			i-- // the break is the next character to look at
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || strings.IndexByte("-:?,[]{}.", c) >= 0:
		case breakLen(b, i) > 0:
			i += breakLen(b, i) - 1
		case bytes.HasPrefix(b[i:], bom): // skipped by the scanner at a line's start
			i += len(bom) - 1
		case c == '%' && (i == 0 || b[i-1] == '\n'): // a directive line
			for i < to && b[i] != '\n' {
				i++
			}
		default:
			return fmt.Errorf("content %q between values at offset %d", b[i:min(to, i+20)], i)
		}
	}
	return nil
}

// TestLayoutOfCases checks the layout of every test file.
func TestLayoutOfCases(t *testing.T) {
	for _, src := range seedDocs(t) {
		d, err := Parse(src)
		if err != nil {
			continue
		}
		if err := checkLayout(d); err != nil {
			t.Errorf("%v\n%s", err, src)
		}
	}
}

// seedDocs returns the files the fuzzers start from: the real data files,
// the golden cases' inputs and the edge tests' inputs.
func seedDocs(t testing.TB) [][]byte {
	var docs [][]byte
	for _, name := range []string{"../../data/quotes.yaml", "../../data/campaign.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	files, _ := filepath.Glob("testdata/edit/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		_, rest, _ := bytes.Cut(b, []byte("-- in --\n"))
		in, _, _ := bytes.Cut(rest, []byte("-- out --\n"))
		docs = append(docs, unescapeCase(in))
	}
	for _, base := range textBases {
		docs = append(docs, []byte(baseDoc(base)))
	}
	docs = append(docs,
		[]byte("a: &x 1\nb: *x\nc: {d: [e, 'f', \"g\"], h: }\n"),
		[]byte("l:\n- a\n-\n- b: |+\n    x\n\n- >2-\n   y\n  z\n"),
		[]byte("k: one\n  two\n  # c\nm: \"a\n  b\"\n"),
		[]byte("\uFEFFa: 1\r\nb:\r\n  - x\r\n  - y\r\n"),
		[]byte("---\n%YAML 1.2\n"),
		[]byte("- - a\n  - b\n- [c, {d: e}]\n"),
	)
	return docs
}

// FuzzLayout checks that every file the YAML library reads is laid out,
// or refused for a reason the docs give, and laid out right.
func FuzzLayout(f *testing.F) {
	for _, d := range seedDocs(f) {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		d, err := Parse(src)
		if err != nil {
			return
		}
		if d.layoutErr != nil {
			if knownLayoutRefusal(d.layoutErr) {
				return
			}
			t.Fatalf("layout: %v\n%q", d.layoutErr, src)
		}
		if err := checkLayout(d); err != nil {
			t.Fatalf("%v\n%q", err, src)
		}
	})
}

// knownLayoutRefusal reports the layout errors docs/yamledit.md lists as
// refused: keys that are not one plain line.
func knownLayoutRefusal(err error) bool {
	s := err.Error()
	return strings.Contains(s, "a key that is not a plain value") ||
		strings.Contains(s, "a key with properties or over several lines") ||
		strings.Contains(s, "no ':' after the key") ||
		strings.Contains(s, "key not at the mapping's column")
}

// fuzzReader hands out choices from the fuzzer's bytes.
type fuzzReader struct{ b []byte }

func (r *fuzzReader) byte() int {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return int(c)
}

func (r *fuzzReader) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return (r.byte()<<8 | r.byte()) % n
}

// str returns a string: one of the nasty strings, or some of the
// fuzzer's bytes.
func (r *fuzzReader) str() string {
	if r.byte()%2 == 0 {
		return nastyStrings[r.intn(len(nastyStrings))]
	}
	n := r.intn(40)
	if n > len(r.b) {
		n = len(r.b)
	}
	s := strings.ToValidUTF8(string(r.b[:n]), "\uFFFD")
	r.b = r.b[n:]
	return s
}

func (r *fuzzReader) value() any {
	switch r.byte() % 8 {
	case 0:
		return r.byte()%2 == 0
	case 1:
		return r.intn(2000) - 1000
	case 2:
		return []float64{0.5, -1.25, 10, 1e21, math.Inf(1), math.NaN(), 3.14159}[r.intn(7)]
	case 3:
		var l []string
		for range r.intn(4) {
			l = append(l, r.str())
		}
		return l
	case 4:
		return []KV{{"text", r.str()}, {"author", r.str()}, {"tags", []string{r.str()}}}
	}
	return r.str()
}

// allPaths lists the path of every node of d, the root first.
func allPaths(n *yaml.Node, p Path, out *[]Path) {
	*out = append(*out, p)
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			// A path reaches the first of two equal keys only.
			if k := n.Content[i].Value; !seen[k] {
				seen[k] = true
				allPaths(n.Content[i+1], append(p[:len(p):len(p)], k), out)
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			allPaths(c, append(p[:len(p):len(p)], i), out)
		}
	}
}

// FuzzEdit makes random edits on random files. Each edit either fails with
// a one-line error and leaves the file as it was, or gives a file that
// reads back with the edited value exactly as given and every other value
// as before, with the bytes outside the edited lines unchanged.
func FuzzEdit(f *testing.F) {
	for i, d := range seedDocs(f) {
		r := rand.New(rand.NewPCG(uint64(i), 2))
		for range 3 {
			ops := make([]byte, 64)
			for k := range ops {
				ops[k] = byte(r.IntN(256))
			}
			f.Add(d, ops)
		}
	}
	f.Fuzz(fuzzEdit)
}

func fuzzEdit(t *testing.T, src, ops []byte) {
	if len(src) > 4096 {
		return
	}
	d, err := Parse(src)
	if err != nil || d.layoutErr != nil {
		return
	}
	r := &fuzzReader{b: ops}
	for range 6 {
		if len(r.b) == 0 {
			return
		}
		fuzzOne(t, d, r)
	}
}

// TestRandomEdits runs FuzzEdit's checks on random edits of every seed
// file, so that every test run makes a few thousand edits.
func TestRandomEdits(t *testing.T) {
	n := 10
	if testing.Short() {
		n = 3
	}
	for i, src := range seedDocs(t) {
		r := rand.New(rand.NewPCG(uint64(i), 3))
		for range n {
			ops := make([]byte, 96)
			for k := range ops {
				ops[k] = byte(r.IntN(256))
			}
			fuzzEdit(t, src, ops)
		}
	}
}

func fuzzOne(t *testing.T, d *Doc, r *fuzzReader) {
	var paths []Path
	if d.root != nil {
		allPaths(d.root, Path{}, &paths)
	}
	// Each edit picks among the paths it can work on, mostly.
	var lists, others []Path
	for _, p := range paths {
		if n := d.Get(p); n != nil && n.Kind == yaml.SequenceNode {
			lists = append(lists, p)
		}
		if len(p) > 0 {
			others = append(others, p)
		}
	}
	from := func(ps []Path) Path {
		if len(ps) == 0 || r.byte()%8 == 0 {
			ps = paths
		}
		if len(ps) == 0 {
			return Path{"new"}
		}
		return ps[r.intn(len(ps))]
	}
	pick := func() Path {
		p := from(others)
		switch r.byte() % 6 {
		case 0: // a new key under it
			p = append(p[:len(p):len(p)], "k"+fmt.Sprint(r.intn(3)))
		case 1: // a new key two levels down
			p = append(p[:len(p):len(p)], "k", "j")
		}
		return p
	}
	old := d.Bytes()
	oldText := d.t
	oldTree := leafMap(d.root)
	var op string
	var p Path
	var err error
	var v any
	var idx, mFrom, mTo int
	// What the edit may change in the old text: lines allowFrom..allowTo,
	// or nothing (pureInsert), or only the order of lines (sameLines).
	allowFrom, allowTo := -1, -1
	pureInsert, sameLines := false, false
	switch r.byte() % 5 {
	case 0, 1:
		op, p, v = "set", pick(), r.value()
		if len(p) == 0 {
			return
		}
		if steps, err := d.locate(p); err == nil && len(steps) > 0 {
			last := steps[len(steps)-1]
			switch {
			case len(steps) == len(p)+1 && last.parent != nil:
				ps := d.spans[last.parent]
				e := ps.entries[last.entry]
				allowFrom, allowTo = oldText.line(e.start), oldText.line(e.end)
			case len(steps) < len(p)+1 && isBlockCollection(last.node) && last.node.Kind == yaml.MappingNode:
				pureInsert = true
			}
		}
		err = d.Set(p, v)
	case 2:
		op, p = "delete", pick()
		if steps, err := d.locate(p); err == nil && len(steps) == len(p)+1 && len(p) > 0 {
			last := steps[len(steps)-1]
			ps := d.spans[last.parent]
			e := ps.entries[last.entry]
			switch {
			case ps.isFlow:
				allowFrom, allowTo = oldText.line(ps.start), oldText.line(ps.end)
			case len(ps.entries) == 1:
			case !oldText.onlySpacesBefore(e.start):
				allowFrom, allowTo = oldText.line(e.start), oldText.line(ps.entries[last.entry+1].start)
			default:
				allowFrom, allowTo = d.headFirst(last.parent, last.entry)-1, oldText.line(e.end)+1
				// After a | or > block, the blank lines after the entry may
				// go, and comment lines there be re-indented.
				for allowTo+1 < oldText.lines() && (oldText.blank(allowTo+1) || oldText.comment(allowTo+1)) {
					allowTo++
				}
			}
		}
		err = d.Delete(p)
	case 3:
		op, p = "insert", from(lists)
		n := 0
		if x := d.Get(p); x != nil {
			n = len(x.Content)
			pureInsert = n > 0 && x.Kind == yaml.SequenceNode && isBlockCollection(x)
		}
		idx = r.intn(n + 1)
		item := []KV{{"text", r.str()}, {"author", r.str()}}
		v = item
		err = d.Insert(p, idx, item)
	case 4:
		op, p = "move", from(lists)
		n := 0
		if x := d.Get(p); x != nil {
			n = len(x.Content)
			sameLines = x.Kind == yaml.SequenceNode && isBlockCollection(x)
		}
		mFrom, mTo = r.intn(n), r.intn(n)
		err = d.Move(p, mFrom, mTo)
	}
	now := d.Bytes()
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("%s %s: error on several lines: %q", op, p, err)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s %s: error is not an *Error: %v", op, p, err)
		}
		if strings.Contains(err.Error(), "nothing was changed") && !exotic(old) {
			t.Fatalf("%s %s %#v: the edit was made wrong and caught: %v\n%q", op, p, v, err, old)
		}
		if !bytes.Equal(now, old) {
			t.Fatalf("%s %s: failed, but changed the file", op, p)
		}
		return
	}
	if op == "set" && v == nil {
		return
	}
	// An independent check of the result.
	var check yaml.Node
	if err := yaml.Unmarshal(now, &check); err != nil {
		t.Fatalf("%s %s: gave invalid YAML: %v\n%q\n→\n%q", op, p, err, old, now)
	}
	nd, err := Parse(now)
	if err != nil {
		t.Fatalf("%s %s: result does not parse: %v", op, p, err)
	}
	if err := checkLayout(nd); err != nil {
		t.Fatalf("%s %s: result's layout: %v\n%q", op, p, err, now)
	}
	newTree := leafMap(nd.root)
	switch op {
	case "set":
		if err := sameValue(nd.Get(p), v); err != nil {
			t.Fatalf("set %s %#v: %v\n%q\n→\n%q", p, v, err, old, now)
		}
		compareOutside(t, oldTree, newTree, p, p, p, func(q Path) (Path, bool) { return q, true })
	case "delete":
		compareOutside(t, oldTree, newTree, p, nil, p, shiftAfter(p, -1))
	case "insert":
		ip := append(p[:len(p):len(p)], idx)
		if err := sameValue(nd.Get(ip), v); err != nil {
			t.Fatalf("insert %s %d: %v\n%q\n→\n%q", p, idx, err, old, now)
		}
		compareOutside(t, oldTree, newTree, nil, ip, p, shiftAfter(ip, +1))
	case "move":
		compareMove(t, oldTree, newTree, p, mFrom, mTo)
	}
	// The old text, and the same with a | or > block that ends it without
	// a line break given the - indicator, as an edit after it does.
	olds := [][]byte{oldText.b}
	if od, err := Parse(oldText.b); err == nil {
		if ok, err := od.stripLastBlock(); ok && err == nil {
			olds = append(olds, od.t.b)
		}
	}
	var errs []string
	for _, a := range olds {
		if err := bytesKept(newText(a), d.t.b, pureInsert, sameLines, allowFrom, allowTo); err != "" {
			errs = append(errs, err)
		}
	}
	if len(errs) == len(olds) {
		t.Fatalf("%s %s: %s:\n%q\n→\n%q", op, p, errs[0], oldText.b, d.t.b)
	}
}

// lineTexts returns the lines of t without their breaks and leading
// spaces, leaving out blank lines (a move next to a | or > block empties or
// drops some, and re-indents comments there).
func lineTexts(t *text) []string {
	var ls []string
	for l := range t.lines() {
		if !t.blank(l) {
			ls = append(ls, strings.TrimLeft(string(t.b[t.start(l):t.end(l)]), " "))
		}
	}
	return ls
}

// bytesKept checks what an edit changed of the old text a in giving b:
// nothing but an insertion (pureInsert), the order of lines (sameLines),
// or lines allowFrom..allowTo. It returns what is wrong, or "".
func bytesKept(at *text, b []byte, pureInsert, sameLines bool, allowFrom, allowTo int) string {
	a := at.b
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	switch {
	case pureInsert && pre+suf != len(a):
		return "changed old text, not only added to it"
	case sameLines:
		la, lb := lineTexts(at), lineTexts(newText(b))
		slices.Sort(la)
		slices.Sort(lb)
		if !slices.Equal(la, lb) {
			return "changed lines, not only their order"
		}
	case allowFrom >= 0:
		// Everything before line allowFrom and after line allowTo is kept.
		head := a[:at.start(max(allowFrom, 0))]
		last := min(allowTo, at.lines()-1)
		tail := a[at.next(last):]
		if !at.hasBreak(last) && allowFrom > 0 {
			// A file without a final line break keeps it so: the break
			// before the lines goes instead.
			head = a[:at.end(allowFrom-1)]
			if bytes.HasPrefix(b, head) && bytes.HasSuffix(b, []byte("\n")) {
				return "" // or it gets one, for a block now at its end
			}
		}
		if !bytes.HasPrefix(b, head) || !bytes.HasSuffix(b[len(head):], tail) {
			return fmt.Sprintf("changed more than lines %d-%d", allowFrom+1, allowTo+1)
		}
	}
	return ""
}

// exotic reports YAML that no campaign file is likely to hold: tabs, tags,
// anchors and aliases, directives, line breaks other than LF and CR LF,
// byte order marks inside the text, keep-chomped blocks, and flow text
// ending in ':'. On such files an edit may be refused by the check after it
// (never written wrong); on all others a refusal of that kind fails the
// fuzz test, as a wrong result does everywhere.
func exotic(b []byte) bool {
	if bytes.ContainsAny(b, "\t!&*%") || bytes.Contains(bytes.ReplaceAll(b, []byte("\r\n"), nil), []byte("\r")) {
		return true
	}
	for _, s := range []string{"\u0085", "\u2028", "\u2029", "\uFEFF", ":,", ":]", ":}"} {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return keepHeader.Match(b)
}

var keepHeader = regexp.MustCompile(`[|>][1-9]?\+`)

// leafMap maps the path of every scalar and alias to its tag and value.
func leafMap(n *yaml.Node) map[string]string {
	m := map[string]string{}
	if n == nil {
		return m
	}
	var paths []Path
	allPaths(n, Path{}, &paths)
	for _, p := range paths {
		x := getNoAlias(n, p)
		switch x.Kind {
		case yaml.ScalarNode:
			m[pathKey(p)] = x.ShortTag() + " " + x.Value
		case yaml.AliasNode:
			m[pathKey(p)] = "*" + x.Value
		case yaml.MappingNode:
			m[pathKey(p)] = fmt.Sprintf("map %d", len(x.Content)/2)
		case yaml.SequenceNode:
			m[pathKey(p)] = fmt.Sprintf("seq %d", len(x.Content))
		}
	}
	return m
}

func getNoAlias(n *yaml.Node, p Path) *yaml.Node {
	for _, e := range p {
		switch e := e.(type) {
		case string:
			n = n.Content[keyIndex(n, e)[0]+1]
		case int:
			n = n.Content[e]
		}
	}
	return n
}

// pathKey writes a path so that a prefix test on it is one on the path:
// indexes as numbers, keys quoted.
func pathKey(p Path) string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "/%d", e)
		default:
			fmt.Fprintf(&b, "/%q", e)
		}
	}
	return b.String()
}

// keyToPath reads pathKey's output back.
func keyToPath(k string) Path {
	var p Path
	for k != "" {
		k = k[1:] // the slash
		if k[0] == '"' {
			q, _ := strconv.QuotedPrefix(k)
			s, _ := strconv.Unquote(q)
			p = append(p, s)
			k = k[len(q):]
			continue
		}
		j := strings.IndexByte(k, '/')
		if j < 0 {
			j = len(k)
		}
		n, _ := strconv.Atoi(k[:j])
		p = append(p, n)
		k = k[j:]
	}
	return p
}

// shiftAfter maps paths in a list after index p[-1] by delta, for deletes
// and inserts; for a deleted key it maps every path to itself.
func shiftAfter(p Path, delta int) func(Path) (Path, bool) {
	return func(q Path) (Path, bool) {
		i, ok := p[len(p)-1].(int)
		if !ok || len(q) < len(p) || pathKey(q[:len(p)-1]) != pathKey(p[:len(p)-1]) {
			return q, true
		}
		j, ok := q[len(p)-1].(int)
		if !ok || j < i {
			return q, true
		}
		r := slices.Clone(q)
		r[len(p)-1] = j + delta
		return r, true
	}
}

// compareOutside checks that every value of the old tree is in the new
// tree at its mapped path, unchanged, and that the new tree has nothing
// else, leaving out what the edit changes: values under oldSkip in the old
// tree, under newSkip in the new one (nil for none), and the collections
// holding anc (their sizes change).
func compareOutside(t *testing.T, old, new map[string]string, oldSkip, newSkip, anc Path, mapPath func(Path) (Path, bool)) {
	t.Helper()
	under := func(k string, s Path) bool {
		if s == nil {
			return false
		}
		sk := pathKey(s)
		return k == sk || strings.HasPrefix(k, sk+"/")
	}
	ak := pathKey(anc)
	above := func(k string) bool { return k == ak || strings.HasPrefix(ak, k+"/") || k == "" }
	seen := map[string]bool{}
	for k, v := range old {
		if under(k, oldSkip) || above(k) {
			continue
		}
		q, _ := mapPath(keyToPath(k))
		nk := pathKey(q)
		if new[nk] != v {
			t.Fatalf("value at %s was %q, now at %s %q\nold: %v\nnew: %v", k, v, nk, new[nk], old, new)
		}
		seen[nk] = true
	}
	for k := range new {
		if !seen[k] && !under(k, newSkip) && !above(k) {
			t.Fatalf("new value at %s: %q\nold: %v\nnew: %v", k, new[k], old, new)
		}
	}
}

func compareMove(t *testing.T, old, new map[string]string, p Path, from, to int) {
	t.Helper()
	order := []int{}
	for k := 0; ; k++ {
		if _, ok := old[pathKey(append(p[:len(p):len(p)], k))]; !ok {
			break
		}
		if k != from {
			order = append(order, k)
		}
	}
	order = slices.Insert(order, to, from)
	newIndex := map[int]int{}
	for ni, oi := range order {
		newIndex[oi] = ni
	}
	compareOutside(t, old, new, nil, nil, p, func(q Path) (Path, bool) {
		if len(q) > len(p) && pathKey(q[:len(p)]) == pathKey(p) {
			if j, ok := q[len(p)].(int); ok {
				r := slices.Clone(q)
				r[len(p)] = newIndex[j]
				return r, true
			}
		}
		return q, true
	})
}

// sameValue checks that n holds v as Set writes it.
func sameValue(n *yaml.Node, v any) error {
	if n == nil {
		return errors.New("not in the file")
	}
	switch v := v.(type) {
	case string:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" || n.Value != v {
			return fmt.Errorf("reads back as %s %q", n.ShortTag(), n.Value)
		}
	case bool, int:
		var got any
		if v, ok := v.(bool); ok {
			var b bool
			if err := n.Decode(&b); err != nil || b != v || n.ShortTag() != "!!bool" {
				return fmt.Errorf("reads back as %s %q", n.ShortTag(), n.Value)
			}
			return nil
		}
		var i int
		if err := n.Decode(&i); err != nil || i != v || n.ShortTag() != "!!int" {
			return fmt.Errorf("reads back as %s %q (%v)", n.ShortTag(), n.Value, got)
		}
	case float64:
		var f float64
		if err := n.Decode(&f); err != nil || !(f == v || math.IsNaN(f) && math.IsNaN(v)) || math.Signbit(f) != math.Signbit(v) && !math.IsNaN(v) {
			return fmt.Errorf("reads back as %s %q", n.ShortTag(), n.Value)
		}
	case []string:
		if n.Kind != yaml.SequenceNode || len(n.Content) != len(v) {
			return fmt.Errorf("reads back as %v with %d items", n.Kind, len(n.Content))
		}
		for i, s := range v {
			if err := sameValue(n.Content[i], s); err != nil {
				return fmt.Errorf("item %d: %v", i, err)
			}
		}
	case []KV:
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("reads back as %v", n.Kind)
		}
		i := 0
		for _, kv := range v {
			if kv.Value == nil {
				continue
			}
			if i+1 >= len(n.Content) || n.Content[i].Value != kv.Key {
				return fmt.Errorf("key %q missing", kv.Key)
			}
			if err := sameValue(n.Content[i+1], kv.Value); err != nil {
				return fmt.Errorf("%s: %v", kv.Key, err)
			}
			i += 2
		}
		if i != len(n.Content) {
			return fmt.Errorf("has %d keys, not %d", len(n.Content)/2, i/2)
		}
	default:
		return fmt.Errorf("unexpected value %T", v)
	}
	return nil
}
