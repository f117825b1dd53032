package quote

import (
	"bytes"
	"unicode/utf8"
)

// checkUTF8 reports a file that is not UTF-8, at the line of the first bad
// byte. Only the first is reported: after one, the rest of the file is
// usually in the same foreign encoding.
func checkUTF8(c *collector, data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		c.addf(1, "", "the file is saved as UTF-16; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
		return false
	}
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	c.addf(line, "", "this line has bytes that are not UTF-8 text; save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
	return false
}
