package pdf

import (
	"fmt"
	"strings"

	"github.com/broadside/broadside/internal/frame"
)

// Text writes a run, one string per stretch of nominal advances.
func (w *writer) Text(it *frame.Text, t frame.Transform) error {
	pdf := w.pdf
	fam, err := w.family(it.Font)
	if err != nil {
		return err
	}
	size := it.Size * t.S
	if fam != w.gs.font || size != w.gs.size {
		pdf.SetFont(fam, "", size)
		w.gs.font, w.gs.size = fam, size
	}
	if !w.gs.textSet || w.gs.text != it.Color {
		// With the fill colour equal to the text colour fpdf writes each
		// string without saving and restoring the graphics state: a third
		// smaller page stream.
		pdf.SetTextColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
		pdf.SetFillColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
		w.gs.text, w.gs.textSet = it.Color, true
	}
	setAlpha(pdf, it.Color)
	// fpdf learns which characters the font subset needs from its own
	// Text calls; this one is cut out of the page again (see skipMarker),
	// and the run is written as one TJ array instead, with the kerning
	// and tracking adjustments between its glyphs.
	pdf.RawWriteStr(skipBegin)
	pdf.Text(0, 0, it.Text)
	pdf.RawWriteStr(skipEnd)
	// Strings are the characters as 16-bit codes (fpdf's fonts map codes
	// to glyphs), written as literal bytes: half the size of hex.
	var b strings.Builder
	if it.Tracking != 0 {
		fmt.Fprintf(&b, "%.3f Tc ", it.Tracking*t.S)
	}
	fmt.Fprintf(&b, "BT %.2f %.2f Td [(", t.X(it.X), w.pageH-t.Y(it.Y))
	seg := 0
	i := 0
	for _, r := range it.Text {
		if seg < len(it.Segs) && it.Segs[seg] == i {
			// TJ moves left by a thousandth of the size per unit.
			fmt.Fprintf(&b, ") %.0f (", -it.Adj[seg]*t.S/size*1000)
			seg++
		}
		literalByte(&b, byte(r>>8))
		literalByte(&b, byte(r))
		i++
	}
	b.WriteString(")] TJ ET")
	if it.Tracking != 0 {
		b.WriteString(" 0 Tc")
	}
	pdf.RawWriteStr(b.String())
	resetAlpha(pdf, it.Color)
	return pdf.Error()
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

// family embeds a font on first use and returns its fpdf family name.
func (w *writer) family(key string) (string, error) {
	if fam, ok := w.fonts[key]; ok {
		return fam, nil
	}
	f := w.reg.Get(key)
	if f == nil {
		return "", fmt.Errorf("font %s is not loaded", key)
	}
	fam := strings.NewReplacer("/", "-", " ", "").Replace(key[strings.LastIndex(key, "/")+1:])
	if strings.HasPrefix(key, "user/") {
		fam = "user-" + fam
	}
	w.pdf.AddUTF8FontFromBytes(fam, "", f.Data)
	if w.pdf.Err() {
		return "", fmt.Errorf("embed font %s: %v", f.File, w.pdf.Error())
	}
	w.fonts[key] = fam
	return fam, nil
}
