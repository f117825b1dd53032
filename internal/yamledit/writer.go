package yamledit

import (
	"strings"
)

// writer turns values into YAML text for one place in the document.
type writer struct {
	eol string
	// plainOnly false and double true: the retry after a first attempt did
	// not read back, which writes every string in double quotes.
	double bool
}

// flowLineMax is the longest flow list a new list is written as; a longer
// one is written as a block list, one item a line.
const flowLineMax = 80

// after returns the text that follows an indicator for value v: the ':' of
// a key at column col, or a list item's '-' at column col. It starts with a
// space (a value on the same line) or a line break (a block collection
// below).
func (w *writer) after(v any, h *hint, ind byte, col int) string {
	switch v := v.(type) {
	case string:
		return w.scalar(v, h, col)
	case seqVal:
		if len(v) == 0 {
			return " []"
		}
		flow := h != nil && h.flow == 1
		if h == nil || h.flow == 0 {
			if f := w.flow(v, h); allScalars(v) && col+len(f) < flowLineMax {
				flow = true
			}
		}
		if flow {
			return " " + w.flow(v, h)
		}
		var b strings.Builder
		dash := col + 2
		for i, item := range v {
			if i == 0 && ind == '-' {
				b.WriteString(" -")
			} else {
				b.WriteString(w.eol)
				b.WriteString(strings.Repeat(" ", dash))
				b.WriteByte('-')
			}
			b.WriteString(w.after(item, h.item(), '-', dash))
		}
		return b.String()
	case mapVal:
		if len(v) == 0 {
			return " {}"
		}
		if h != nil && h.flow == 1 {
			return " " + w.flow(v, h)
		}
		keyCol := col + 2
		if ind == '-' && h != nil && h.keyOff > 0 {
			keyCol = col + h.keyOff
		}
		var b strings.Builder
		for i, kv := range v {
			if i == 0 && ind == '-' {
				b.WriteString(strings.Repeat(" ", keyCol-col-1))
			} else {
				b.WriteString(w.eol)
				b.WriteString(strings.Repeat(" ", keyCol))
			}
			b.WriteString(keyText(kv.Key, false))
			b.WriteByte(':')
			b.WriteString(w.after(kv.Value, h.key(kv.Key), ':', keyCol))
		}
		return b.String()
	}
	tok, _ := scalarToken(v)
	return " " + tok
}

func allScalars(v seqVal) bool {
	for _, e := range v {
		switch e.(type) {
		case seqVal, mapVal:
			return false
		}
	}
	return true
}

// scalar writes string s after the ':' of a key at column col (or a dash).
func (w *writer) scalar(s string, h *hint, col int) string {
	want := styleNone
	indent := col + 2
	if h != nil {
		want = h.style
		if h.blockIndent > col {
			indent = h.blockIndent
		}
	}
	if w.double {
		return " " + doubleQuoted(s)
	}
	try := []scalarStyle{want, stylePlain}
	if strings.Contains(s, "\n") && want == styleNone {
		try = append(try, styleLiteral)
	}
	for _, st := range try {
		switch st {
		case stylePlain:
			if want == styleNone || want == stylePlain {
				if plainSafe(s, false) {
					return " " + s
				}
			}
		case styleSingle:
			if q, ok := singleQuoted(s); ok {
				return " " + q
			}
		case styleDouble:
			return " " + doubleQuoted(s)
		case styleLiteral, styleFolded:
			var lines []string
			var ok bool
			if st == styleLiteral {
				lines, ok = literalBlock(s, indent)
			} else {
				lines, ok = foldedBlock(s, indent)
			}
			if ok && blockProbe(lines, indent, s) {
				return " " + strings.Join(lines, w.eol)
			}
		}
	}
	return " " + doubleQuoted(s)
}

// flow writes v inside a flow collection (or as one).
func (w *writer) flow(v any, h *hint) string {
	switch v := v.(type) {
	case string:
		if !w.double && h != nil && h.style == styleSingle {
			if q, ok := singleQuoted(v); ok {
				return q
			}
		}
		if !w.double && (h == nil || h.style == styleNone || h.style == stylePlain) && plainSafe(v, true) {
			return v
		}
		return doubleQuoted(v)
	case seqVal:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = w.flow(e, h.item())
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case mapVal:
		parts := make([]string, len(v))
		for i, kv := range v {
			parts[i] = keyText(kv.Key, true) + ": " + w.flow(kv.Value, h.key(kv.Key))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	tok, _ := scalarToken(v)
	return tok
}

// keyText writes a mapping key: plain when safe, else double-quoted.
func keyText(k string, flow bool) string {
	if plainSafe(k, flow) && !strings.ContainsAny(k, "?") {
		return k
	}
	return doubleQuoted(k)
}
