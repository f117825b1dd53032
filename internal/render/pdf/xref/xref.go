// Package xref reads and writes the classic cross-reference table of a PDF
// as fpdf writes it (objects one after another, one table, a trailer), so
// that passes rewriting objects after fpdf (font replacement, stream
// compression) share one reader and one writer of the table.
package xref

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

var startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// Object is an object in use: its number and where it starts and ends.
type Object struct{ Num, Off, End int }

// Table is what the cross-reference section says.
type Table struct {
	Objects []Object // in file order
	Size    int      // entries in the table (highest object number + 1)
	Trailer []byte   // from "trailer" up to, not including, "startxref"
}

// Parse reads pdf's cross-reference table.
func Parse(pdf []byte) (Table, error) {
	m := startxrefRe.FindSubmatch(pdf)
	if m == nil {
		return Table{}, fmt.Errorf("no startxref")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if at <= 0 || at >= len(pdf) || !bytes.HasPrefix(pdf[at:], []byte("xref\n")) {
		return Table{}, fmt.Errorf("no xref table at %d", at)
	}
	p := at + len("xref\n")
	nl := bytes.IndexByte(pdf[p:], '\n')
	if nl < 0 {
		return Table{}, fmt.Errorf("bad xref header")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(pdf[p:p+nl]), "%d %d", &first, &count); err != nil || first != 0 {
		return Table{}, fmt.Errorf("bad xref header")
	}
	p += nl + 1
	if count < 0 || p+20*count > len(pdf) {
		return Table{}, fmt.Errorf("xref table cut short")
	}
	t := Table{Size: count}
	for i := 0; i < count; i++ {
		line := pdf[p+20*i : p+20*i+20]
		if line[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(line[:10]))
		if err != nil || off <= 0 || off >= at {
			return Table{}, fmt.Errorf("bad xref entry %d", i)
		}
		t.Objects = append(t.Objects, Object{Num: i, Off: off})
	}
	t.Trailer = pdf[p+20*count:]
	if i := bytes.Index(t.Trailer, []byte("startxref")); i >= 0 {
		t.Trailer = t.Trailer[:i]
	}
	sort.Slice(t.Objects, func(a, b int) bool { return t.Objects[a].Off < t.Objects[b].Off })
	for i := range t.Objects {
		t.Objects[i].End = at
		if i+1 < len(t.Objects) {
			t.Objects[i].End = t.Objects[i+1].Off
		}
	}
	return t, nil
}

// Write appends a cross-reference table for objects at offsets (0: a free
// entry; len(offsets) entries), then trailer and startxref, to out.
func Write(out *bytes.Buffer, offsets []int, trailer []byte) {
	at := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		if off == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", at)
}
