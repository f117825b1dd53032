// Package cidfont writes shaped text into PDFs made with fpdf. fpdf's UTF-8
// fonts map code points to glyphs, so it cannot address the glyphs a shaper
// chooses (Arabic joining forms, Devanagari conjuncts, ligatures) nor any
// character outside the Basic Multilingual Plane. Here the page content
// addresses glyphs by ID (2-byte codes in TJ strings, see Font.TJ), and
// once fpdf has written the document, Replace swaps the objects fpdf wrote
// for the font: the descendant CIDFont (per-glyph widths, an Identity
// CIDToGIDMap), the ToUnicode map (built from the text each glyph stood
// for) and the embedded font (a subset keeping the glyph IDs).
//
// Output is deterministic: glyphs are written in ID order, never in map
// order.
package cidfont

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	xsfnt "golang.org/x/image/font/sfnt"
)

// Font collects the glyphs a document draws with one TrueType font, and the
// text each glyph stands for. Use one Font per font per document. It is
// safe for concurrent use.
type Font struct {
	// Name is the fpdf family the font was added under with
	// AddUTF8FontFromBytes: Replace finds fpdf's objects by it.
	Name string
	sf   *sfnt
	xf   *xsfnt.Font
	mu   sync.Mutex
	// text is the first text seen for each glyph; a glyph drawn with no
	// text of its own (the second glyph of a cluster) maps to "".
	text map[uint16]string
	// upem is the font's units per em; widths each glyph's advance in
	// thousandths of an em (what Width returns), read once.
	upem   int
	widths []int32
}

// New reads a TrueType font. name is the fpdf family it was added under.
func New(name string, data []byte) (*Font, error) {
	sf, err := parseSFNT(data)
	if err != nil {
		return nil, fmt.Errorf("pdf font %s: %w", name, err)
	}
	xf, err := xsfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf font %s: %w", name, err)
	}
	f := &Font{Name: name, sf: sf, xf: xf, text: map[uint16]string{}, upem: sf.upem()}
	if f.upem == 0 {
		return nil, fmt.Errorf("pdf font %s: units per em is 0", name)
	}
	f.widths = make([]int32, sf.numGlyphs())
	for g := range f.widths {
		f.widths[g] = int32((sf.advance(g)*1000 + f.upem/2) / f.upem)
	}
	return f, nil
}

// Width returns a glyph's advance in thousandths of an em, as /W writes it.
func (f *Font) Width(gid uint16) int {
	if int(gid) < len(f.widths) {
		return int(f.widths[gid])
	}
	return (f.sf.advance(int(gid))*1000 + f.upem/2) / f.upem
}

// Glyph is one glyph to draw, in font units.
type Glyph struct {
	ID uint16
	// XAdvance moves the pen after the glyph; XOffset and YOffset move the
	// glyph itself (y up).
	XAdvance, XOffset, YOffset float64
}

// Cluster is what a shaper's cluster draws: its glyphs in visual order and
// the text they stand for, in logical order.
type Cluster struct {
	Glyphs []Glyph
	Text   string
	// RTL is set for clusters of a right-to-left run.
	RTL bool
}

// use records a cluster's glyphs and reports whether the glyphs alone, with
// the ToUnicode map, give back its text. They do when the cluster is one
// glyph, or one nominal glyph per character in reading order (a Hebrew
// letter and its points): each glyph then maps to its own text, and
// readers that merge marks with their base see the text as typed. When
// they do not (a Devanagari conjunct, a reordered vowel sign, a glyph
// already mapped to other text), the cluster must carry its text as
// ActualText.
func (f *Font) use(c *Cluster) (plain bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.useIn(f.text, c)
}

// useIn is use with the record m, which the caller guards.
func (f *Font) useIn(m map[uint16]string, c *Cluster) (plain bool) {
	if len(c.Glyphs) == 1 {
		// The common case, one glyph for its text: no slices.
		g := c.Glyphs[0]
		t, ok := m[g.ID]
		if !ok {
			m[g.ID] = c.Text
			t = c.Text
		}
		return t == c.Text && t != ""
	}
	texts := f.split(c)
	if texts == nil {
		// The first glyph seen alone keeps its own text; the others map
		// to nothing and the text travels as ActualText.
		for _, g := range c.Glyphs {
			if _, ok := m[g.ID]; !ok {
				m[g.ID] = ""
			}
		}
		return false
	}
	plain = true
	for k, g := range c.Glyphs {
		t, ok := m[g.ID]
		if !ok {
			m[g.ID] = texts[k]
			t = texts[k]
		}
		if t != texts[k] || t == "" {
			plain = false
		}
	}
	return plain
}

// Merge adds a record of glyphs' texts (from WriteTJIn) to the font's:
// each glyph it lacks gets the text in m. Records merged in the order of
// the pages they were made from give the record the pages written one
// after another would have left, since a glyph keeps the text it was
// first drawn for, and that text depends only on the cluster. Merge
// reports whether m agrees with the font's record on every glyph both
// have; when it does not, what was written with m is wrong (a cluster
// that m called plain is not, or the other way round) and must be
// written again with WriteTJ.
func (f *Font) Merge(m map[uint16]string) (agrees bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	agrees = true
	for g, t := range m {
		if have, ok := f.text[g]; !ok {
			f.text[g] = t
		} else if have != t {
			agrees = false
		}
	}
	return agrees
}

// split returns the text of each glyph of a cluster that maps one to one,
// or nil.
func (f *Font) split(c *Cluster) []string {
	if len(c.Glyphs) == 1 {
		return []string{c.Text}
	}
	runes := []rune(c.Text)
	if len(runes) != len(c.Glyphs) {
		return nil
	}
	out := make([]string, len(runes))
	for k, g := range c.Glyphs {
		r := runes[k]
		if c.RTL {
			r = runes[len(runes)-1-k]
		}
		if id, ok := f.nominal(r); !ok || id != g.ID {
			return nil
		}
		out[k] = string(r)
	}
	return out
}

// nominal returns the glyph the font's cmap gives r.
func (f *Font) nominal(r rune) (uint16, bool) {
	var buf xsfnt.Buffer
	g, err := f.xf.GlyphIndex(&buf, r)
	return uint16(g), err == nil && g != 0
}

// TJ returns the operators that draw clusters (in visual order, left to
// right) at the current text position in this font at size points: TJ
// arrays of 2-byte glyph IDs, with the shaper's advances written as
// adjustments where they differ from the font's widths, the glyphs' x
// offsets as adjustments around them and y offsets as text rise (Ts).
// Clusters whose glyphs do not give back their text are wrapped in
// /Span <</ActualText (...)>> BDC ... EMC, so copying and searching get
// the text in logical order.
func (f *Font) TJ(clusters []Cluster, size float64) string {
	var b strings.Builder
	f.WriteTJ(&b, clusters, size)
	return b.String()
}

// WriteTJ is TJ writing into b, for a writer that collects a page's
// operators in one buffer.
func (f *Font) WriteTJ(b *strings.Builder, clusters []Cluster, size float64) {
	f.writeTJ(b, clusters, size, nil)
}

// WriteTJIn is WriteTJ recording the glyphs' texts in m instead of the
// font's own record, so that pages can be written on several goroutines,
// each with its own m, and the records merged in page order (Merge).
// Nothing else may use m meanwhile.
func (f *Font) WriteTJIn(b *strings.Builder, clusters []Cluster, size float64, m map[uint16]string) {
	f.writeTJ(b, clusters, size, m)
}

// writeTJ records the glyphs' texts in m, or in the font's own record
// when m is nil.
func (f *Font) writeTJ(b *strings.Builder, clusters []Cluster, size float64, m map[uint16]string) {
	upem := float64(f.upem)
	b.Grow(8 + 6*len(clusters))
	open := false  // inside [ ... ] TJ
	inStr := false // inside ( ... )
	pend := 0.0    // adjustment not yet written, thousandths of an em
	rise := 0.0    // current Ts, in font units
	startArray := func() {
		if !open {
			b.WriteString("[")
			open = true
		}
	}
	closeStr := func() {
		if inStr {
			b.WriteString(")")
			inStr = false
		}
	}
	flushAdj := func() {
		// Whole thousandths, with what is left carried to the next
		// glyph: positions stay within half a thousandth of an em of
		// the shaper's, and the rounding of the widths (/W holds whole
		// thousandths) costs a number only where it adds up.
		if v := math.Round(pend); v != 0 {
			startArray()
			closeStr()
			// v is whole: no fraction to write.
			var num [24]byte
			b.Write(strconv.AppendInt(num[:0], int64(v), 10))
			pend -= v
		}
	}
	endArray := func() {
		flushAdj()
		if open {
			closeStr()
			b.WriteString("]TJ")
			open = false
		}
	}
	setRise := func(y float64, size string) {
		if y == rise {
			return
		}
		endArray()
		rise = y
		b.WriteString(size)
	}
	var xs []float64 // each glyph's x in the cluster, reused
	for i := range clusters {
		c := &clusters[i]
		var plain bool
		if m == nil {
			plain = f.use(c)
		} else {
			plain = f.useIn(m, c)
		}
		if !plain {
			endArray()
			b.WriteString("/Span<</ActualText")
			b.WriteString(utf16Literal(c.Text))
			b.WriteString(">>BDC ")
		}
		// Each glyph's x from the cluster's start, in thousandths of an
		// em: the pen position plus the glyph's own offset.
		xs = xs[:0]
		total := 0.0
		for _, g := range c.Glyphs {
			xs = append(xs, total+g.XOffset*1000/upem)
			total += g.XAdvance * 1000 / upem
		}
		// Glyphs are written in visual order. (Written in reading order,
		// a right-to-left cluster's marks come out of poppler before
		// their base: it orders characters by position.)
		cur := 0.0 // the pen, from the cluster's start
		for k, g := range c.Glyphs {
			if g.YOffset != rise {
				// Ts is in unscaled text space units: points.
				setRise(g.YOffset, fmt.Sprintf(" %s Ts ", fmtNum(g.YOffset/upem*size)))
			}
			pend -= xs[k] - cur // a TJ number moves the pen left
			flushAdj()
			startArray()
			if !inStr {
				b.WriteString("(")
				inStr = true
			}
			literalByte(b, byte(g.ID>>8))
			literalByte(b, byte(g.ID))
			cur = xs[k] + float64(f.Width(g.ID))
		}
		pend -= total - cur
		if !plain {
			endArray()
			b.WriteString(" EMC ")
		}
	}
	pend = 0 // nothing follows the last glyph
	endArray()
	if rise != 0 {
		b.WriteString(" 0 Ts")
	}
}

// fmtNum writes a number without trailing zeros.
func fmtNum(v float64) string {
	s := fmt.Sprintf("%.3f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// literalByte writes a byte of a PDF literal string, escaped as needed.
func literalByte(b *strings.Builder, c byte) {
	switch c {
	case '(', ')', '\\':
		b.WriteByte('\\')
		b.WriteByte(c)
	case '\r':
		b.WriteString(`\r`)
	default:
		b.WriteByte(c)
	}
}

// utf16Literal writes text as a PDF text string: UTF-16BE with a byte
// order mark, as a literal, surrogate pairs for characters outside the
// BMP.
func utf16Literal(s string) string {
	var b strings.Builder
	b.WriteString("(\xfe\xff")
	for _, u := range utf16Units(s) {
		literalByte(&b, byte(u>>8))
		literalByte(&b, byte(u))
	}
	b.WriteString(")")
	return b.String()
}

func utf16Units(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}

// used returns the recorded glyph IDs in order.
func (f *Font) used() []uint16 {
	f.mu.Lock()
	defer f.mu.Unlock()
	ids := make([]uint16, 0, len(f.text))
	for g := range f.text {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	return ids
}
