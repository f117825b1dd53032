package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
)

// embedded is a font embedded in the document.
type embedded struct {
	// family is fpdf's name for it.
	family string
	font   *font.Font
	// used marks the characters (all in the Basic Multilingual Plane) the
	// font's subset has been told about.
	used *[1 << 16 / 64]uint64
}

// Text writes a run once, as one TJ array (see showText), after choosing
// its font and colour when they differ from the graphics state's.
func (w *writer) Text(it *frame.Text, t frame.Transform) error {
	pdf := w.pdf
	ef, err := w.embed(it.Font)
	if err != nil {
		return err
	}
	size := it.Size * t.S
	if ef.family != w.gs.font || size != w.gs.size {
		pdf.SetFont(ef.family, "", size)
		w.gs.font, w.gs.size = ef.family, size
	}
	if !w.gs.textSet || w.gs.text != it.Color {
		// PDF paints text with the fill colour.
		pdf.SetFillColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
		w.gs.text, w.gs.textSet = it.Color, true
	}
	setAlpha(pdf, it.Color)
	w.subset(ef, it)
	w.buf.Reset()
	// An empty line before every run: the page streams have always had
	// one there, and files stay byte-identical with those made before.
	w.buf.WriteByte('\n')
	showText(&w.buf, it, ef.font, t, w.pageH)
	pdf.RawWriteStr(w.buf.String())
	resetAlpha(pdf, it.Color)
	return pdf.Error()
}

// subset tells fpdf about the characters of the run its font's subset does
// not have yet. fpdf learns them only from the text it writes itself, so
// they go through one fpdf Text call between skip markers, which
// compressStreams cuts out of the page: once per character and font in the
// whole document, never per run.
func (w *writer) subset(ef *embedded, it *frame.Text) {
	var fresh []rune
	for _, g := range it.Glyphs {
		r := g.Rune
		if r < 0 || r > 0xFFFF {
			continue
		}
		if ef.used[r/64]&(1<<(r%64)) == 0 {
			ef.used[r/64] |= 1 << (r % 64)
			fresh = append(fresh, r)
		}
	}
	if len(fresh) > 0 {
		w.pdf.RawWriteStr(strings.TrimSuffix(skipBegin, "\n"))
		w.pdf.Text(0, 0, string(fresh))
		w.pdf.RawWriteStr(strings.TrimSuffix(skipEnd, "\n"))
	}
}

// showText writes the operators that show run it, drawn with transform t
// on a page pageH points tall, into b:
//
//	[x Tc] BT x y Td [(…) adj (…)] TJ ET [0 Tc]
//
// The strings are the glyphs' characters as 16-bit codes (fpdf's fonts map
// codes to glyphs), written as literal bytes: half the size of hex. PDF
// advances each glyph by its nominal width plus the character spacing Tc,
// which carries the run's tracking; wherever the frame puts a glyph
// elsewhere (kerning), the string breaks for an adjustment in thousandths
// of the size, positive to the left. The adjustments are worked out here,
// from the font's nominal advances: only PDF needs them.
func showText(b *strings.Builder, it *frame.Text, f *font.Font, t frame.Transform, pageH float64) {
	size := it.Size * t.S
	if it.Tracking != 0 {
		fmt.Fprintf(b, "%.3f Tc ", it.Tracking*t.S)
	}
	fmt.Fprintf(b, "BT %.2f %.2f Td [(", t.X(it.X), pageH-t.Y(it.Y))
	em := 1 / float64(f.UnitsPerEm)
	for i, g := range it.Glyphs {
		if i > 0 {
			prev := it.Glyphs[i-1]
			want := prev.X + float64(f.GlyphAdvance(prev.ID))*em*it.Size + it.Tracking
			if d := g.X - want; math.Abs(d) > 1e-6*it.Size {
				fmt.Fprintf(b, ") %.0f (", -d*t.S/size*1000)
			}
		}
		literalByte(b, byte(g.Rune>>8))
		literalByte(b, byte(g.Rune))
	}
	b.WriteString(")] TJ ET")
	if it.Tracking != 0 {
		b.WriteString(" 0 Tc")
	}
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

// embed embeds a run's font on first use and returns it. It fails only for
// a run made outside the layout engine with a font that has no file to
// embed.
func (w *writer) embed(ff frame.Font) (*embedded, error) {
	f, ok := ff.(*font.Font)
	if !ok {
		return nil, fmt.Errorf("a text run's font (%v) has no file to embed", ff)
	}
	if ef, ok := w.fonts[f]; ok {
		return ef, nil
	}
	key := f.Key
	fam := strings.NewReplacer("/", "-", " ", "").Replace(key[strings.LastIndex(key, "/")+1:])
	if strings.HasPrefix(key, "user/") {
		fam = "user-" + fam
	}
	w.pdf.AddUTF8FontFromBytes(fam, "", f.Data)
	if w.pdf.Err() {
		return nil, fmt.Errorf("embed font %s: %v", f.File, w.pdf.Error())
	}
	ef := &embedded{family: fam, font: f, used: new([1 << 16 / 64]uint64)}
	w.fonts[f] = ef
	return ef, nil
}
