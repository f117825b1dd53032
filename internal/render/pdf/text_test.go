package pdf

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/testtool"
	"github.com/broadside/broadside/internal/text"
)

func inter(t *testing.T) (*font.Registry, *font.Font) {
	t.Helper()
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, err := reg.Lookup("Inter", 400, false)
	if err != nil {
		t.Fatal(err)
	}
	return reg, f
}

// run sets s in f at size points with each glyph at its nominal advance
// plus tracking, then moves glyph i by shift[i] points (kerning).
func run(f *font.Font, s string, size, tracking float64, shift map[int]float64) *frame.Text {
	it := &frame.Text{Font: f, Size: size, X: 10, Y: 20, Text: s, Tracking: tracking}
	x := 0.0
	for i, r := range []rune(s) {
		id, _ := f.Glyph(r)
		it.Glyphs = append(it.Glyphs, frame.Glyph{ID: id, Rune: r, X: x + shift[i], Start: int32(i), End: int32(i + 1)})
		x += float64(f.GlyphAdvance(id))/float64(f.UnitsPerEm)*size + tracking
	}
	return it
}

// ids spells the glyphs of s as a TJ string's 2-byte codes.
func ids(f *font.Font, s string) string {
	var b strings.Builder
	for _, r := range s {
		id, _ := f.Glyph(r)
		for _, c := range []byte{byte(id >> 8), byte(id)} {
			if c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// The operators of a run: one TJ array of 2-byte glyph IDs, broken for an
// adjustment (thousandths of an em, positive to the left) only where a
// glyph is off its nominal advance: kerning, and tracking, which is in the
// glyphs' positions.
func TestShowText(t *testing.T) {
	_, f := inter(t)
	page := 100.0
	cases := []struct {
		name string
		it   *frame.Text
		t    frame.Transform
		want string
	}{
		{"nominal", run(f, "AB", 10, 0, nil), frame.Transform{S: 1},
			"BT 10.00 80.00 Td [(" + ids(f, "AB") + ")]TJ ET"},
		{"kerned", run(f, "AVA", 10, 0, map[int]float64{1: -0.5, 2: -0.5}), frame.Transform{S: 1},
			"BT 10.00 80.00 Td [(" + ids(f, "A") + ")50(" + ids(f, "VA") + ")]TJ ET"},
		{"kerned apart", run(f, "To", 20, 0, map[int]float64{1: 0.3}), frame.Transform{S: 1},
			"BT 10.00 80.00 Td [(" + ids(f, "T") + ")-15(" + ids(f, "o") + ")]TJ ET"},
		{"tracked", run(f, "AB", 10, 1, nil), frame.Transform{S: 1},
			"BT 10.00 80.00 Td [(" + ids(f, "A") + ")-100(" + ids(f, "B") + ")]TJ ET"},
		{"in a scaled group", run(f, "AV", 10, 1, map[int]float64{1: -0.5}), frame.Transform{DX: 5, DY: 6, S: 0.5},
			"BT 10.00 84.00 Td [(" + ids(f, "A") + ")-50(" + ids(f, "V") + ")]TJ ET"},
		{"empty", &frame.Text{Font: f, Size: 10, X: 10, Y: 20}, frame.Transform{S: 1},
			"BT 10.00 80.00 Td  ET"},
	}
	for _, tc := range cases {
		ef, err := (&writer{pdf: fpdf.New("P", "pt", "A4", ""), fonts: map[*font.Font]*embedded{}}).embed(f)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		showText(&b, tc.it, ef, tc.t, page, nil)
		if got := b.String(); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// A run written through the writer appears once in the page stream, as its
// TJ array, with nothing of fpdf's own text left in; and every character
// reaches the font subset, so a reader gives the text back, including
// characters a later run adds to a font an earlier run embedded.
func TestWriterText(t *testing.T) {
	reg, f := inter(t)
	page := func(lines ...string) *frame.Page {
		p := frame.NewPage(300, 200, "")
		for i, s := range lines {
			para, err := text.NewPara(s, text.Style{Chain: reg.ChainFor(f, "")})
			if err != nil {
				t.Fatal(err)
			}
			ls, _ := para.Lines(12, 280, text.Ragged, 0)
			for _, r := range para.Set(ls[0], 12, 10, 30+float64(i)*20, 280, text.Left, frame.Color{A: 255}) {
				p.Add(r)
			}
		}
		return p
	}
	doc := Doc{Pages: []*frame.Page{page("Hello world", "Hello"), page("Howdy, world: zebra quiz")}}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	streams := pageStreams(t, buf.Bytes())
	if len(streams) != 2 {
		t.Fatalf("%d page streams, want 2", len(streams))
	}
	for i, s := range streams {
		if strings.Contains(s, "broadside-") || strings.Contains(s, " Tj") {
			t.Errorf("page %d: fpdf's bookkeeping text left in the stream:\n%s", i+1, s)
		}
	}
	if n := strings.Count(streams[0], "TJ"); n != 2 {
		t.Errorf("page 1: %d TJ arrays, want one per run (2):\n%s", n, streams[0])
	}
	testtool.Need(t, "pdftotext")
	file := testtool.WriteTemp(t, "text.pdf", buf.Bytes())
	got := strings.Fields(testtool.Run(t, "pdftotext", file, "-"))
	want := strings.Fields("Hello world Hello Howdy, world: zebra quiz")
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("pdftotext: %q, want %q", got, want)
	}
}

// pageStreams inflates every compressed stream of a PDF that shows text or
// paints (the page contents), in file order.
func pageStreams(t *testing.T, pdf []byte) []string {
	t.Helper()
	re := regexp.MustCompile(`(?s)/Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	var out []string
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(pdf[m[1]:]))
		if err != nil {
			continue
		}
		b, err := io.ReadAll(r)
		if err != nil && len(b) == 0 {
			continue
		}
		if s := string(b); strings.Contains(s, " re") || strings.Contains(s, "BT") {
			out = append(out, s)
		}
	}
	return out
}

// alien is a font only by name: no file to embed.
type alien string

func (a alien) Name() string { return string(a) }

// A run whose font is not one of the engine's is an error, not a panic.
func TestForeignFont(t *testing.T) {
	p := frame.NewPage(100, 100, "")
	p.Add(&frame.Text{Font: alien("nowhere/Font"), Size: 10, Text: "a", Glyphs: []frame.Glyph{{Rune: 'a', End: 1}}})
	err := Write(io.Discard, Doc{Pages: []*frame.Page{p}})
	if err == nil || !strings.Contains(err.Error(), "nowhere/Font") {
		t.Errorf("Write = %v, want an error naming the font", err)
	}
}

// Consume lets Write drop each page once written, and changes nothing in
// the PDF; without it the caller's pages are left as they were.
func TestConsume(t *testing.T) {
	pages := func() []*frame.Page {
		var ps []*frame.Page
		for i := range 3 {
			p := frame.NewPage(300, 200, "")
			p.Add(&frame.Rect{X: 10, Y: 10 + float64(i)*20, W: 100, H: 10, Fill: frame.Color{R: 200, A: 255}})
			ps = append(ps, p)
		}
		return ps
	}
	var kept, consumed bytes.Buffer
	keep := pages()
	if err := Write(&kept, Doc{Pages: keep, Outline: []Bookmark{{Title: "Two", Page: 1}}}); err != nil {
		t.Fatal(err)
	}
	for i, p := range keep {
		if p == nil {
			t.Errorf("without Consume, page %d was cleared", i+1)
		}
	}
	use := pages()
	if err := Write(&consumed, Doc{Pages: use, Consume: true, Outline: []Bookmark{{Title: "Two", Page: 1}}}); err != nil {
		t.Fatal(err)
	}
	for i, p := range use {
		if p != nil {
			t.Errorf("with Consume, page %d is still held", i+1)
		}
	}
	if !bytes.Equal(kept.Bytes(), consumed.Bytes()) {
		t.Error("Consume changed the PDF")
	}
}
