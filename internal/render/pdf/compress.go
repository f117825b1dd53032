package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// fpdf compresses every page with a new zlib writer, which allocates about
// half a megabyte each time: for a thousand-page booklet, most of the run
// goes into allocating and clearing them. broadside writes page streams
// uncompressed and compresses them afterwards with one reused writer,
// rewriting the cross-reference table to match. Fonts and images arrive
// already compressed and pass through untouched.

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	lengthRe    = regexp.MustCompile(`/Length (\d+)`)
	zlibPool    = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, 6); return w }}
)

// compressStreams deflates the unfiltered streams of a PDF as fpdf writes
// it: objects one after another, a classic xref table, a trailer.
func compressStreams(pdf []byte) ([]byte, error) {
	m := startxrefRe.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("compress pdf: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(pdf) || !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		return nil, fmt.Errorf("compress pdf: no xref table at %d", xref)
	}
	// Parse "xref\n0 N\n" and N entries of 20 bytes.
	p := xref + len("xref\n")
	nl := bytes.IndexByte(pdf[p:], '\n')
	var first, count int
	if _, err := fmt.Sscanf(string(pdf[p:p+nl]), "%d %d", &first, &count); err != nil || first != 0 {
		return nil, fmt.Errorf("compress pdf: bad xref header")
	}
	p += nl + 1
	type entry struct{ num, off int }
	var objs []entry
	for i := 0; i < count; i++ {
		line := pdf[p+20*i : p+20*i+20]
		if line[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(line[:10]))
		if err != nil {
			return nil, fmt.Errorf("compress pdf: bad xref entry %d", i)
		}
		objs = append(objs, entry{i, off})
	}
	trailer := pdf[p+20*count:]
	if i := bytes.Index(trailer, []byte("startxref")); i >= 0 {
		trailer = trailer[:i]
	}
	sort.Slice(objs, func(a, b int) bool { return objs[a].off < objs[b].off })
	if len(objs) == 0 {
		return pdf, nil
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	out.Write(pdf[:objs[0].off])
	offsets := make([]int, count) // 0: a free entry
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
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		obj := pdf[o.off:end]
		offsets[o.num] = out.Len()
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
			return nil, fmt.Errorf("compress pdf: object %d is shorter than its stream", o.num)
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
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n", count)
	out.WriteString("0000000000 65535 f \n")
	for i := 1; i < count; i++ {
		if offsets[i] == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[i])
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
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
