package yamledit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// How a string is written (see docs/yamledit.md):
//
//   - in the style its old value had, when that style can hold the new text
//     exactly: plain stays plain, 'single' stays single, "double" stays
//     double, and a | or > block stays a block. A new value (a new key, an
//     empty one, a new list item) takes the style of the same key in the
//     neighbouring list items, when there is one;
//   - else plain when that is safe: one line, no leading or trailing space,
//     nothing YAML would read as syntax (": ", " #", a leading indicator) or
//     as another type (true, 12, null, 2020-02-20);
//   - else, for a new value with line breaks and nothing to go by, a | block
//     when it can hold it;
//   - else double-quoted, with escapes for ", \ and every invisible or
//     line-breaking character. Double quotes can hold any text, so every
//     string has a way to be written.
//
// A style that might not read back exactly is tried first on a small
// document of its own; the edit as a whole is then checked again.

// scalarStyle is the style of a scalar as written.
type scalarStyle int

const (
	styleNone scalarStyle = iota
	stylePlain
	styleSingle
	styleDouble
	styleLiteral
	styleFolded
)

func styleOf(n *yaml.Node) scalarStyle {
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return styleNone
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return styleDouble
	case n.Style&yaml.SingleQuotedStyle != 0:
		return styleSingle
	case n.Style&yaml.LiteralStyle != 0:
		return styleLiteral
	case n.Style&yaml.FoldedStyle != 0:
		return styleFolded
	}
	return stylePlain
}

// printable reports the characters YAML allows in a file unescaped
// (c-printable), minus the byte order mark.
func printable(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0x7E) || r == 0x85 ||
		(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF) || (r >= 0x10000 && r <= 0x10FFFF)
}

// breaking reports the characters YAML reads as a line break.
func breaking(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// plainSafe reports whether s can be written without quotes and read back
// as the same string. The cheap rules come first; the YAML library has the
// last word on what the text resolves to.
func plainSafe(s string, flow bool) bool {
	if s == "" || len(s) > 1000 {
		return false
	}
	for _, r := range s {
		if !printable(r) || breaking(r) || r == '\t' {
			return false
		}
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	switch s[0] {
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '-':
		if len(s) == 1 || s[1] == ' ' || strings.HasPrefix(s, "---") {
			return false
		}
	case '.':
		if strings.HasPrefix(s, "...") {
			return false
		}
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}?:#") {
		return false
	}
	var probe string
	if flow {
		probe = "[" + s + "]"
	} else {
		probe = "k: " + s
	}
	n, err := parseProbe(probe)
	if err != nil {
		return false
	}
	if flow {
		if n.Kind != yaml.SequenceNode || len(n.Content) != 1 {
			return false
		}
		n = n.Content[0]
	} else {
		if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
			return false
		}
		n = n.Content[1]
	}
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && n.Value == s
}

// parseProbe parses a small document made to try a way of writing a value.
func parseProbe(s string) (n *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(s), &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 {
		return nil, fmt.Errorf("no document")
	}
	return doc.Content[0], nil
}

// doubleQuoted writes s in double quotes on one line. Every character that
// is not printable, breaks a line, or is a tab is escaped, so the result
// never depends on where it is placed.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case 0:
			b.WriteString(`\0`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case 0x1B:
			b.WriteString(`\e`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			switch {
			case printable(r):
				b.WriteRune(r)
			case r <= 0xFF:
				fmt.Fprintf(&b, `\x%02X`, r)
			case r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// singleQuoted writes s in single quotes, if it can be: one line of
// printable characters without tabs.
func singleQuoted(s string) (string, bool) {
	for _, r := range s {
		if !printable(r) || breaking(r) || r == '\t' {
			return "", false
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'", true
}

// blockLines splits s for a | or > block: its lines, and the chomping
// indicator that gives back its end ("-" with no final line break, "" with
// one). ok is false when a block cannot hold s: it is empty, ends in more
// than one line break, starts with a space or an empty line, or holds a
// tab, a carriage return or a character that must be escaped.
func blockLines(s string) (lines []string, chomp string, ok bool) {
	if s == "" || s[0] == ' ' || s[0] == '\n' {
		return nil, "", false
	}
	for _, r := range s {
		if r != '\n' && (!printable(r) || breaking(r) || r == '\t') {
			return nil, "", false
		}
	}
	body := s
	if strings.HasSuffix(s, "\n") {
		body = s[:len(s)-1]
		if strings.HasSuffix(body, "\n") || body == "" {
			return nil, "", false
		}
	} else {
		chomp = "-"
	}
	return strings.Split(body, "\n"), chomp, true
}

// literalBlock writes s as a | block whose content lines are indented to
// column indent; the first line is the header.
func literalBlock(s string, indent int) ([]string, bool) {
	lines, chomp, ok := blockLines(s)
	if !ok {
		return nil, false
	}
	// A last line of only spaces would be taken for trailing blank lines.
	if strings.TrimLeft(lines[len(lines)-1], " ") == "" {
		return nil, false
	}
	out := []string{"|" + chomp}
	pad := strings.Repeat(" ", indent)
	for _, l := range lines {
		if l == "" {
			out = append(out, "")
		} else {
			out = append(out, pad+l)
		}
	}
	return out, true
}

// foldedWidth is the column folded text is wrapped at.
const foldedWidth = 80

// foldedBlock writes s as a > block: each line of s a paragraph, wrapped at
// single spaces to foldedWidth, with a blank line for each line break. It
// cannot hold lines that start or end with a space or are blank, which
// folding would change.
func foldedBlock(s string, indent int) ([]string, bool) {
	paras, chomp, ok := blockLines(s)
	if !ok {
		return nil, false
	}
	for i, p := range paras {
		if p != "" && (p[0] == ' ' || p[len(p)-1] == ' ') {
			return nil, false
		}
		if p == "" && (i == 0 || i == len(paras)-1) {
			return nil, false
		}
	}
	out := []string{">" + chomp}
	pad := strings.Repeat(" ", indent)
	for i, p := range paras {
		if i > 0 {
			out = append(out, "")
		}
		if p == "" {
			continue
		}
		for _, l := range wrap(p, max(foldedWidth-indent, 40)) {
			out = append(out, pad+l)
		}
	}
	return out, true
}

// wrap breaks p into lines of at most width characters where it can, at
// single spaces between two other characters (a fold gives back exactly one
// space there).
func wrap(p string, width int) []string {
	var lines []string
	for utf8.RuneCountInString(p) > width {
		cut := -1
		n := 0
		for i, r := range p {
			if n > width && cut >= 0 {
				break
			}
			if r == ' ' && i > 0 && p[i-1] != ' ' && i+1 < len(p) && p[i+1] != ' ' {
				cut = i
			}
			n++
		}
		if cut < 0 {
			break
		}
		lines = append(lines, p[:cut])
		p = p[cut+1:]
	}
	return append(lines, p)
}

// blockProbe checks that lines (a block scalar's header and content, at
// content column indent) read back as s.
func blockProbe(lines []string, indent int, s string) bool {
	var b strings.Builder
	b.WriteString("k: ")
	b.WriteString(lines[0])
	for _, l := range lines[1:] {
		b.WriteByte('\n')
		if l != "" {
			b.WriteString("  ")
			b.WriteString(l[indent:])
		}
	}
	b.WriteString("\nz: end\n")
	n, err := parseProbe(b.String())
	if err != nil || n.Kind != yaml.MappingNode || len(n.Content) != 4 {
		return false
	}
	v := n.Content[1]
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == s
}

// formatFloat writes f the shortest way the YAML library reads back as f.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return ".nan"
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	case f == 0 && math.Signbit(f):
		return "-0.0"
	}
	// 10, 0.5, 1e+21: all read back as the same float64 (10 as a whole
	// number, which decodes into a float64 unchanged).
	return strconv.FormatFloat(f, 'g', -1, 64)
}
