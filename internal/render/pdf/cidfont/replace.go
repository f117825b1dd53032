package cidfont

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Objects returns the bodies (what goes between "n 0 obj" and "endobj") of
// the objects that replace fpdf's for this font, given the number n of the
// Type0 font object fpdf wrote and the BaseFont name it used. fpdf writes
// each UTF-8 font as seven objects: Type0 n, CIDFont n+1, ToUnicode n+2,
// CIDSystemInfo n+3, FontDescriptor n+4, CIDToGIDMap n+5, FontFile2 n+6.
// The Type0 font, CIDSystemInfo and FontDescriptor stay as they are.
func (f *Font) Objects(n int, baseFont string) (map[int][]byte, error) {
	ids := f.used()
	var w strings.Builder
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&w, "%d [", ids[i])
		for k := i; k < j; k++ {
			if k > i {
				w.WriteByte(' ')
			}
			fmt.Fprintf(&w, "%d", f.Width(ids[k]))
		}
		w.WriteString("] ")
		i = j
	}
	cid := fmt.Sprintf("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n/CIDSystemInfo %d 0 R\n/FontDescriptor %d 0 R\n/DW 0\n/W [%s]\n/CIDToGIDMap /Identity>>",
		baseFont, n+3, n+4, strings.TrimSpace(w.String()))

	cmap := f.toUnicode(ids)
	used := make(map[uint16]bool, len(ids))
	for _, g := range ids {
		used[g] = true
	}
	font := subset(f.sf, used)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(font)
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("pdf font %s: %w", f.Name, err)
	}
	file := fmt.Sprintf("<</Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n", z.Len(), len(font))
	return map[int][]byte{
		n + 1: []byte(cid),
		n + 2: []byte(fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(cmap), cmap)),
		n + 5: []byte("null"),
		n + 6: append(append([]byte(file), z.Bytes()...), "\nendstream"...),
	}, nil
}

// toUnicode writes the ToUnicode CMap: each glyph to the text it was first
// drawn for, in UTF-16BE (surrogate pairs outside the BMP). Glyphs drawn
// only as part of a longer cluster map to nothing: that cluster's text
// travels as ActualText.
func (f *Font) toUnicode(ids []uint16) string {
	type entry struct {
		gid  uint16
		text string
	}
	var es []entry
	f.mu.Lock()
	for _, g := range ids {
		if t := f.text[g]; t != "" {
			es = append(es, entry{g, t})
		}
	}
	f.mu.Unlock()
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(es); i += 100 {
		chunk := es[i:min(i+100, len(es))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, e := range chunk {
			fmt.Fprintf(&b, "<%04X> <", e.gid)
			for _, u := range utf16Units(e.text) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	baseFontRe  = regexp.MustCompile(`^\d+ 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont /(\S+)\n`)
)

// Replace rewrites a PDF as fpdf writes it (objects one after another, a
// classic cross-reference table): the objects of each of fonts are
// replaced (see Objects), found by the family name each was added to
// fpdf under, and the cross-reference table is rebuilt. A font that the
// document does not contain is an error. Run it before the pass that
// compresses page streams; the replacement font file is already
// compressed and the ToUnicode map is left for that pass.
func Replace(pdf []byte, fonts []*Font) ([]byte, error) {
	if len(fonts) == 0 {
		return pdf, nil
	}
	objs, _, trailer, err := parseObjects(pdf)
	if err != nil {
		return nil, err
	}
	// Type0 objects by BaseFont.
	type0 := map[string]int{}
	for _, o := range objs {
		if m := baseFontRe.FindSubmatch(pdf[o.off:o.end]); m != nil {
			type0[string(m[1])] = o.num
		}
	}
	repl := map[int][]byte{}
	for _, f := range fonts {
		base := "utf8" + strings.ToLower(f.Name)
		n, ok := type0[base]
		if !ok {
			return nil, fmt.Errorf("pdf font %s: the document has no font %s", f.Name, base)
		}
		os, err := f.Objects(n, base)
		if err != nil {
			return nil, err
		}
		for k, v := range os {
			repl[k] = v
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)))
	out.Write(pdf[:objs[0].off])
	size := 0
	for _, o := range objs {
		size = max(size, o.num+1)
	}
	offsets := make([]int, size)
	for _, o := range objs {
		offsets[o.num] = out.Len()
		body, ok := repl[o.num]
		if !ok {
			out.Write(pdf[o.off:o.end])
			continue
		}
		fmt.Fprintf(out, "%d 0 obj\n", o.num)
		out.Write(body)
		out.WriteString("\nendobj\n")
	}
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
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

type object struct{ num, off, end int }

// parseObjects reads the cross-reference table of an fpdf document and
// returns its objects in file order, the table's offset and the trailer.
func parseObjects(pdf []byte) ([]object, int, []byte, error) {
	m := startxrefRe.FindSubmatch(pdf)
	if m == nil {
		return nil, 0, nil, fmt.Errorf("pdf: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(pdf) || !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		return nil, 0, nil, fmt.Errorf("pdf: no xref table at %d", xref)
	}
	p := xref + len("xref\n")
	nl := bytes.IndexByte(pdf[p:], '\n')
	var first, count int
	if nl < 0 {
		return nil, 0, nil, fmt.Errorf("pdf: bad xref header")
	}
	if _, err := fmt.Sscanf(string(pdf[p:p+nl]), "%d %d", &first, &count); err != nil || first != 0 {
		return nil, 0, nil, fmt.Errorf("pdf: bad xref header")
	}
	p += nl + 1
	if p+20*count > len(pdf) {
		return nil, 0, nil, fmt.Errorf("pdf: xref table cut short")
	}
	var objs []object
	for i := 0; i < count; i++ {
		line := pdf[p+20*i : p+20*i+20]
		if line[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(line[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, nil, fmt.Errorf("pdf: bad xref entry %d", i)
		}
		objs = append(objs, object{num: i, off: off})
	}
	if len(objs) == 0 {
		return nil, 0, nil, fmt.Errorf("pdf: no objects")
	}
	trailer := pdf[p+20*count:]
	if i := bytes.Index(trailer, []byte("startxref")); i >= 0 {
		trailer = trailer[:i]
	}
	sort.Slice(objs, func(a, b int) bool { return objs[a].off < objs[b].off })
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].off
		}
	}
	return objs, xref, trailer, nil
}
