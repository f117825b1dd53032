package cidfont

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/render/pdf/xref"
)

// Prepared is what replaces a font's objects, made once the document's
// pages are written (every glyph drawn is known): the widths, the
// ToUnicode map and the subset font, compressed. None of it depends on
// where fpdf put the font's objects, so it can be made while fpdf writes
// the document out.
type Prepared struct {
	f    *Font
	w    string // the /W array's contents
	cmap string // the ToUnicode CMap
	file []byte // the FontFile2 object's body
}

// Prepare makes the font's replacement objects but for their numbers.
func (f *Font) Prepare() (*Prepared, error) {
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
	return &Prepared{f: f, w: strings.TrimSpace(w.String()), cmap: cmap, file: append(append([]byte(file), z.Bytes()...), "\nendstream"...)}, nil
}

// Objects returns the bodies (what goes between "n 0 obj" and "endobj") of
// the objects that replace fpdf's for this font, given the number n of the
// Type0 font object fpdf wrote and the BaseFont name it used. fpdf writes
// each UTF-8 font as seven objects: Type0 n, CIDFont n+1, ToUnicode n+2,
// CIDSystemInfo n+3, FontDescriptor n+4, CIDToGIDMap n+5, FontFile2 n+6.
// The Type0 font, CIDSystemInfo and FontDescriptor stay as they are.
func (f *Font) Objects(n int, baseFont string) (map[int][]byte, error) {
	p, err := f.Prepare()
	if err != nil {
		return nil, err
	}
	return p.Objects(n, baseFont), nil
}

// Objects is Font.Objects from the prepared parts.
func (p *Prepared) Objects(n int, baseFont string) map[int][]byte {
	cid := fmt.Sprintf("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n/CIDSystemInfo %d 0 R\n/FontDescriptor %d 0 R\n/DW 0\n/W [%s]\n/CIDToGIDMap /Identity>>",
		baseFont, n+3, n+4, p.w)
	return map[int][]byte{
		n + 1: []byte(cid),
		n + 2: []byte(fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(p.cmap), p.cmap)),
		n + 5: []byte("null"),
		n + 6: p.file,
	}
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
	baseFontRe = regexp.MustCompile(`^\d+ 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont /(\S+)\n`)
)

// Replace rewrites a PDF as fpdf writes it (objects one after another, a
// classic cross-reference table): the objects of each of fonts are
// replaced (see Objects), found by the family name each was added to
// fpdf under, and the cross-reference table is rebuilt. A font that the
// document does not contain is an error. Run it before the pass that
// compresses page streams; the replacement font file is already
// compressed and the ToUnicode map is left for that pass. (The PDF
// writer does both in one pass: Replacements, then its compression.)
func Replace(pdf []byte, fonts []*Font) ([]byte, error) {
	if len(fonts) == 0 {
		return pdf, nil
	}
	t, err := xref.Parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	ps := make([]*Prepared, len(fonts))
	for i, f := range fonts {
		if ps[i], err = f.Prepare(); err != nil {
			return nil, err
		}
	}
	repl, err := Replacements(pdf, t, ps)
	if err != nil {
		return nil, err
	}
	objs := t.Objects
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)))
	out.Write(pdf[:objs[0].Off])
	offsets := make([]int, t.Size)
	for _, o := range objs {
		offsets[o.Num] = out.Len()
		body, ok := repl[o.Num]
		if !ok {
			out.Write(pdf[o.Off:o.End])
			continue
		}
		out.Write(ObjectBytes(o.Num, body))
	}
	xref.Write(out, offsets, t.Trailer)
	return out.Bytes(), nil
}

// ObjectBytes writes object num with body as Replace writes it.
func ObjectBytes(num int, body []byte) []byte {
	b := make([]byte, 0, len(body)+24)
	b = strconv.AppendInt(b, int64(num), 10)
	b = append(b, " 0 obj\n"...)
	b = append(b, body...)
	return append(b, "\nendobj\n"...)
}

// Replacements returns the bodies that replace the objects fpdf wrote for
// fonts in pdf, whose cross-reference table is t, by object number. A font
// that the document does not contain is an error.
func Replacements(pdf []byte, t xref.Table, fonts []*Prepared) (map[int][]byte, error) {
	if len(t.Objects) == 0 {
		return nil, fmt.Errorf("pdf: no objects")
	}
	// Type0 objects by BaseFont.
	type0 := map[string]int{}
	for _, o := range t.Objects {
		if m := baseFontRe.FindSubmatch(pdf[o.Off:o.End]); m != nil {
			type0[string(m[1])] = o.Num
		}
	}
	repl := map[int][]byte{}
	for _, p := range fonts {
		base := "utf8" + strings.ToLower(p.f.Name)
		n, ok := type0[base]
		if !ok {
			return nil, fmt.Errorf("pdf font %s: the document has no font %s", p.f.Name, base)
		}
		for k, v := range p.Objects(n, base) {
			repl[k] = v
		}
	}
	return repl, nil
}
