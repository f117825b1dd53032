package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/broadside/broadside/internal/render/pdf/xref"
	"github.com/klauspost/compress/zlib"
)

// fpdf compresses every page with a new zlib writer, which allocates about
// half a megabyte each time: for a thousand-page booklet, most of the run
// goes into allocating and clearing them. broadside writes page streams
// uncompressed and compresses them afterwards with one reused writer,
// rewriting the cross-reference table to match. Fonts and images arrive
// already compressed and pass through untouched.

var (
	lengthRe = regexp.MustCompile(`/Length (\d+)`)
	zlibPool = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, 6); return w }}
)

// compressStreams deflates the unfiltered streams of a PDF as fpdf writes
// it: objects one after another, a classic xref table, a trailer.
func compressStreams(pdf []byte) ([]byte, error) {
	t, err := xref.Parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("compress pdf: %w", err)
	}
	objs := t.Objects
	if len(objs) == 0 {
		return pdf, nil
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	out.Write(pdf[:objs[0].Off])
	offsets := make([]int, t.Size) // 0: a free entry
	zw := zlibPool.Get().(*zlib.Writer)
	defer zlibPool.Put(zw)
	var z bytes.Buffer
	// fpdf names fonts by a 40-digit hash, repeated at every font change
	// of every page; short names save a tenth of a text-heavy booklet.
	names := map[string][]byte{}
	var scratch []byte
	rename := func(b []byte) []byte {
		scratch = renameFonts(scratch[:0], b, names)
		return scratch
	}
	for _, o := range objs {
		obj := pdf[o.Off:o.End]
		offsets[o.Num] = out.Len()
		s := bytes.Index(obj, []byte(">>\nstream\n"))
		if s < 0 {
			out.Write(rename(obj)) // dictionaries: the resources name fonts
			continue
		}
		if bytes.Contains(obj[:s], []byte("/Filter")) {
			out.Write(obj)
			continue
		}
		lm := lengthRe.FindSubmatchIndex(obj[:s])
		if lm == nil {
			out.Write(obj)
			continue
		}
		n, _ := strconv.Atoi(string(obj[lm[2]:lm[3]]))
		data := s + len(">>\nstream\n")
		if data+n > len(obj) {
			return nil, fmt.Errorf("compress pdf: object %d is shorter than its stream", o.Num)
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(rename(obj[data : data+n]))
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(obj[:lm[0]])
		fmt.Fprintf(out, "/Filter /FlateDecode /Length %d", z.Len())
		out.Write(obj[lm[1] : s+len(">>\nstream\n")])
		out.Write(z.Bytes())
		out.Write(obj[data+n:])
	}
	xref.Write(out, offsets, t.Trailer)
	return out.Bytes(), nil
}

// renameFonts appends b to dst with every fpdf font name (/F and 40
// lowercase hex digits, then no letter, digit or underscore) replaced by
// its short name in names, a new one numbered in order of first use. A
// scan rather than a regular expression: it runs over every page stream,
// and the regular expression took 3% of a one-a-page booklet's CPU.
func renameFonts(dst, b []byte, names map[string][]byte) []byte {
	const digits = 40
	last := 0
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("/F"))
		if k < 0 {
			break
		}
		i += k
		end := i + 2 + digits
		if end > len(b) || !fontName(b[i+2:end]) || (end < len(b) && wordByte(b[end])) {
			i += 2
			continue
		}
		short, ok := names[string(b[i:end])]
		if !ok {
			short = []byte(fmt.Sprintf("/F%d", len(names)+1))
			names[string(b[i:end])] = short
		}
		dst = append(append(dst, b[last:i]...), short...)
		last, i = end, end
	}
	return append(dst, b[last:]...)
}

func fontName(h []byte) bool {
	for _, c := range h {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// wordByte reports whether c is a word character in the sense of \b.
func wordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}
