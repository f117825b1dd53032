package yamledit

import (
	"sort"
	"unicode/utf8"
)

// text is the document's bytes (without a byte order mark) with the start
// of every line, counted the way the YAML library counts them: CR LF, CR,
// LF, NEL (U+0085), LS (U+2028) and PS (U+2029) each end a line. Node
// positions from the library (line, and column in characters) are turned
// into byte offsets here, so the two must agree on what a line is.
type text struct {
	b      []byte
	starts []int // starts[i] is the offset of line i (0-based)
	ends   []int // ends[i] is the offset of line i's break (or len(b))
}

func newText(b []byte) *text {
	t := &text{b: b, starts: []int{0}}
	for i := 0; i < len(b); {
		if n := breakLen(b, i); n > 0 {
			t.ends = append(t.ends, i)
			i += n
			t.starts = append(t.starts, i)
			continue
		}
		i++
	}
	t.ends = append(t.ends, len(b))
	return t
}

// breakLen returns the length of the line break at b[i:], or 0.
func breakLen(b []byte, i int) int {
	switch c := b[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xC2 && i+1 < len(b) && b[i+1] == 0x85: // NEL
		return 2
	case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9): // LS, PS
		return 3
	}
	return 0
}

func isBreakAt(b []byte, i int) bool { return i < len(b) && breakLen(b, i) > 0 }

// isBlankz reports a space, tab, line break or the end of the text at i.
func isBlankz(b []byte, i int) bool {
	return i >= len(b) || b[i] == ' ' || b[i] == '\t' || breakLen(b, i) > 0
}

func (t *text) lines() int { return len(t.starts) }

// line returns the 0-based line holding offset off.
func (t *text) line(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
}

// start returns the offset of line l's first byte.
func (t *text) start(l int) int { return t.starts[l] }

// end returns the offset just past line l's content, before its break.
func (t *text) end(l int) int { return t.ends[l] }

// next returns the offset of line l+1 (or the end of the text).
func (t *text) next(l int) int {
	if l+1 >= len(t.starts) {
		return len(t.b)
	}
	return t.starts[l+1]
}

// hasBreak reports whether line l ends with a line break (the last line of
// a file without a final newline does not).
func (t *text) hasBreak(l int) bool { return l+1 < len(t.starts) }

// endsWithBreak reports whether the text is empty or ends with a line
// break, so that a line added at its end starts on a line of its own.
func (t *text) endsWithBreak() bool { return t.starts[len(t.starts)-1] == len(t.b) }

// offset turns the library's 1-based line and character column into a byte
// offset. ok is false if the position is outside the text.
func (t *text) offset(line, col int) (int, bool) {
	l := line - 1
	if l < 0 || l >= len(t.starts) || col < 1 {
		return 0, false
	}
	off, end := t.starts[l], t.end(l)
	for c := 1; c < col; c++ {
		if off >= end {
			return 0, false
		}
		_, w := utf8.DecodeRune(t.b[off:])
		off += w
	}
	return off, true
}

// column returns the 0-based character column of offset off.
func (t *text) column(off int) int {
	return utf8.RuneCount(t.b[t.starts[t.line(off)]:off])
}

// indent returns the number of spaces that start line l.
func (t *text) indent(l int) int {
	s, e := t.start(l), t.end(l)
	n := 0
	for s+n < e && t.b[s+n] == ' ' {
		n++
	}
	return n
}

// blank reports whether line l holds only spaces and tabs.
func (t *text) blank(l int) bool {
	for _, c := range t.b[t.start(l):t.end(l)] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// comment reports whether line l is a comment line: spaces or tabs, then #.
func (t *text) comment(l int) bool {
	for _, c := range t.b[t.start(l):t.end(l)] {
		switch c {
		case ' ', '\t':
			continue
		case '#':
			return true
		}
		return false
	}
	return false
}

// onlySpacesBefore reports whether only spaces precede off on its line.
func (t *text) onlySpacesBefore(off int) bool {
	for _, c := range t.b[t.start(t.line(off)):off] {
		if c != ' ' {
			return false
		}
	}
	return true
}

// skipBlanks returns the first offset at or after i that is not a space or
// tab (it stops at line breaks).
func (t *text) skipBlanks(i int) int {
	for i < len(t.b) && (t.b[i] == ' ' || t.b[i] == '\t') {
		i++
	}
	return i
}

// skipSpace skips spaces, tabs, line breaks and comments, and returns the
// offset of the next content.
func (t *text) skipSpace(i int) int {
	for i < len(t.b) {
		switch c := t.b[i]; {
		case c == ' ' || c == '\t':
			i++
		case breakLen(t.b, i) > 0:
			i += breakLen(t.b, i)
		case c == '#':
			// Between values, a # always starts a comment (even right
			// after a closing quote or bracket).
			i = t.end(t.line(i))
		default:
			return i
		}
	}
	return i
}

// trailingComment returns the offset of a comment that ends the line
// holding off, looking from off on, or -1. off is the end of a value or
// just past an indicator, where a # starts a comment even without a space
// before it ("quoted"#comment).
func (t *text) trailingComment(off int) int {
	i := t.skipBlanks(off)
	if i < len(t.b) && t.b[i] == '#' {
		return i
	}
	return -1
}
