package pdf

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
	"github.com/broadside/broadside/internal/render/pdf/xref"
	"github.com/klauspost/compress/zlib"
)

// fpdf compresses every page with a new zlib writer, which allocates about
// half a megabyte each time: for a thousand-page booklet, most of the run
// goes into allocating and clearing them. broadside writes page streams
// uncompressed and compresses them afterwards with a reused writer per
// goroutine, on every core, in the pass that also puts in the fonts'
// replacement objects and rewrites the cross-reference table to match.
// Fonts and images arrive already compressed and pass through untouched.

var (
	lengthRe = regexp.MustCompile(`/Length (\d+)`)
	zlibPool = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, 6); return w }}
)

// rewrite writes pdf, whose cross-reference table is t, with the bodies of
// the objects in repl replaced (cidfont.Replacements), its unfiltered
// streams deflated and fpdf's font names shortened, and a new table. The
// objects are compressed a run at a time on up to workers goroutines
// (every core when workers <= 0): each stream is deflated on its own by a
// reset writer, so the bytes are the same whichever goroutine does it
// (TestRewriteParallel).
func rewrite(pdf []byte, t xref.Table, repl map[int][]byte, workers int) ([]byte, error) {
	objs := t.Objects
	if len(objs) == 0 {
		return pdf, nil
	}
	body := func(o xref.Object) []byte {
		if b, ok := repl[o.Num]; ok {
			return cidfont.ObjectBytes(o.Num, b)
		}
		return pdf[o.Off:o.End]
	}
	// fpdf names fonts by a 40-digit hash, repeated at every font change
	// of every page; short names save a tenth of a text-heavy booklet.
	// They are numbered in order of first use, so they are found in one
	// pass in order, before the objects are shared out.
	names := map[string][]byte{}
	for _, o := range objs {
		obj := body(o)
		if p, err := parseObject(obj, o.Num); err != nil {
			return nil, err
		} else if p.kind != verbatim {
			nameFonts(obj[p.from:p.to], names)
		}
	}
	// Runs of objects of about runBytes each, so that the goroutines
	// share the work evenly and each run's output is one buffer.
	var runs [][2]int
	for i := 0; i < len(objs); {
		j, n := i, 0
		for j < len(objs) && (j == i || n < runBytes) {
			n += objs[j].End - objs[j].Off
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	outs := make([][]byte, len(runs))
	offs := make([][]int, len(runs)) // each object's offset in its run's output
	errs := make([]error, len(runs))
	par.Each(context.Background(), len(runs), workers, func() func(int) {
		var scratch []byte
		var z bytes.Buffer
		return func(r int) {
			zw := zlibPool.Get().(*zlib.Writer)
			defer zlibPool.Put(zw)
			var out []byte
			for _, o := range objs[runs[r][0]:runs[r][1]] {
				offs[r] = append(offs[r], len(out))
				obj := body(o)
				p, _ := parseObject(obj, o.Num) // checked above
				switch p.kind {
				case verbatim:
					out = append(out, obj...)
				case dict: // dictionaries: the resources name fonts
					scratch = renameFonts(scratch[:0], obj, names)
					out = append(out, scratch...)
				case stream:
					z.Reset()
					zw.Reset(&z)
					scratch = renameFonts(scratch[:0], obj[p.from:p.to], names)
					zw.Write(scratch)
					if err := zw.Close(); err != nil {
						errs[r] = err
						return
					}
					out = append(out, obj[:p.lm[0]]...)
					out = fmt.Appendf(out, "/Filter /FlateDecode /Length %d", z.Len())
					out = append(out, obj[p.lm[1]:p.from]...)
					out = append(out, z.Bytes()...)
					out = append(out, obj[p.to:]...)
				}
			}
			outs[r] = out
		}
	})
	size := objs[0].Off
	for r := range runs {
		if errs[r] != nil {
			return nil, errs[r]
		}
		size += len(outs[r])
	}
	out := bytes.NewBuffer(make([]byte, 0, size+20*t.Size+len(t.Trailer)+64))
	out.Write(pdf[:objs[0].Off])
	offsets := make([]int, t.Size) // 0: a free entry
	for r, rn := range runs {
		base := out.Len()
		for k, o := range objs[rn[0]:rn[1]] {
			offsets[o.Num] = base + offs[r][k]
		}
		out.Write(outs[r])
	}
	xref.Write(out, offsets, t.Trailer)
	return out.Bytes(), nil
}

// runBytes is about how much of the PDF one goroutine rewrites at a time
// (a variable for the tests).
var runBytes = 64 << 10

// What rewrite does with an object.
const (
	verbatim = iota // written as it is: a filtered stream (fonts, images)
	dict            // no stream: its font names are shortened
	stream          // an unfiltered stream: names shortened, deflated
)

// object is an object as rewrite sees it: its kind, the part whose font
// names are shortened ([from, to): the whole dictionary, or the stream's
// data) and, for a stream, where its /Length entry is.
type object struct {
	kind     int
	from, to int
	lm       []int
}

// parseObject classifies obj, object number num.
func parseObject(obj []byte, num int) (object, error) {
	s := bytes.Index(obj, []byte(">>\nstream\n"))
	if s < 0 {
		return object{kind: dict, to: len(obj)}, nil
	}
	if bytes.Contains(obj[:s], []byte("/Filter")) {
		return object{kind: verbatim}, nil
	}
	lm := lengthRe.FindSubmatchIndex(obj[:s])
	if lm == nil {
		return object{kind: verbatim}, nil
	}
	n, _ := strconv.Atoi(string(obj[lm[2]:lm[3]]))
	data := s + len(">>\nstream\n")
	if data+n > len(obj) {
		return object{}, fmt.Errorf("compress pdf: object %d is shorter than its stream", num)
	}
	return object{kind: stream, from: data, to: data + n, lm: lm}, nil
}

// renameFonts appends b to dst with every fpdf font name (/F and 40
// lowercase hex digits, then no letter, digit or underscore) replaced by
// its short name in names, a new one numbered in order of first use. A
// scan rather than a regular expression: it runs over every page stream,
// and the regular expression took 3% of a one-a-page booklet's CPU.
func renameFonts(dst, b []byte, names map[string][]byte) []byte {
	last := 0
	eachFontName(b, func(i, end int) {
		short, ok := names[string(b[i:end])]
		if !ok {
			short = []byte(fmt.Sprintf("/F%d", len(names)+1))
			names[string(b[i:end])] = short
		}
		dst = append(append(dst, b[last:i]...), short...)
		last = end
	})
	return append(dst, b[last:]...)
}

// nameFonts gives every fpdf font name in b that names lacks the next
// short name, as renameFonts would, without writing anything.
func nameFonts(b []byte, names map[string][]byte) {
	eachFontName(b, func(i, end int) {
		if _, ok := names[string(b[i:end])]; !ok {
			names[string(b[i:end])] = []byte(fmt.Sprintf("/F%d", len(names)+1))
		}
	})
}

// eachFontName calls fn with the bounds of every fpdf font name in b, in
// order.
func eachFontName(b []byte, fn func(i, end int)) {
	const digits = 40
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("/F"))
		if k < 0 {
			return
		}
		i += k
		end := i + 2 + digits
		if end > len(b) || !fontName(b[i+2:end]) || (end < len(b) && wordByte(b[end])) {
			i += 2
			continue
		}
		fn(i, end)
		i = end
	}
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
