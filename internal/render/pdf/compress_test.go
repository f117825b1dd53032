package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
	"github.com/broadside/broadside/internal/render/pdf/xref"
	"github.com/klauspost/compress/zlib"
)

// TestRewriteParallel checks that the one pass that replaces the fonts'
// objects and compresses the streams on several goroutines gives the same
// bytes as the two passes on one goroutine it replaced (cidfont.Replace,
// then compressSerial), whatever the number of goroutines and the size of
// their runs.
func TestRewriteParallel(t *testing.T) {
	reg, f := inter(t)
	bold, err := reg.Lookup("Inter", 700, false)
	if err != nil {
		t.Fatal(err)
	}
	var doc Doc
	for i := range 60 {
		p := frame.NewPage(200, 300, fmt.Sprint(i+1))
		// Some pages are in the second font, and fpdf sets the last
		// font again at the start of a page: pages then use the two
		// fonts in either order, and each keeps the short name it got
		// on the first page that used it.
		if i%3 == 1 {
			p.Add(run(bold, "A heading \\ in bold", 14, 0.5, map[int]float64{1: -0.3}))
		} else {
			p.Add(run(f, fmt.Sprintf("Page %d: press freedom (is) not a crime", i+1), 10, 0, nil))
		}
		p.Add(&frame.Rect{X: 10, Y: 10, W: 50, H: 20, Fill: frame.Color{R: 200, A: 255}})
		doc.Pages = append(doc.Pages, p)
	}
	doc.Outline = []Bookmark{{Title: "Start", Page: 0}}
	raw, cids, fonts, err := build(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(cids) != 2 || len(fonts) != 2 {
		t.Fatalf("%d fonts embedded, %d prepared; want 2", len(cids), len(fonts))
	}
	// build's raw bytes are left as they are: Replace copies.
	replaced, err := cidfont.Replace(bytes.Clone(raw), cids)
	if err != nil {
		t.Fatal(err)
	}
	want, err := compressSerial(replaced)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(want, []byte("/Filter /FlateDecode /Length")); n < 60 {
		t.Fatalf("%d streams compressed, want at least 60", n)
	}
	tab, err := xref.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	repl, err := cidfont.Replacements(raw, tab, fonts)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { runBytes = n }(runBytes)
	for _, tc := range []struct{ workers, runBytes int }{{1, 64 << 10}, {2, 64 << 10}, {4, 1}, {3, 2000}, {0, 1 << 30}} {
		runBytes = tc.runBytes
		got, err := rewrite(raw, tab, repl, tc.workers)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%d goroutines, runs of %d bytes: %d bytes differ from the two passes' %d", tc.workers, tc.runBytes, len(got), len(want))
		}
	}
}

// compressSerial is the pass rewrite replaced, as it was: it deflates the
// unfiltered streams of a PDF as fpdf writes it, one after another, with
// one writer.
func compressSerial(pdf []byte) ([]byte, error) {
	t, err := xref.Parse(pdf)
	if err != nil {
		return nil, err
	}
	objs := t.Objects
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	out.Write(pdf[:objs[0].Off])
	offsets := make([]int, t.Size)
	zw, _ := zlib.NewWriterLevel(nil, 6)
	var z bytes.Buffer
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
			out.Write(rename(obj))
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
