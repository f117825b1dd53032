package pdf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
)

// embedded is a font embedded in the document. fpdf writes its objects
// (it knows the font by family); the page content addresses its glyphs by
// ID through cid, which replaces fpdf's objects once the document is
// written (cidfont.Replace), so fpdf itself never writes text.
type embedded struct {
	// family is fpdf's name for it.
	family string
	font   *font.Font
	cid    *cidfont.Font
}

// Text writes a run once, as one TJ array of glyph IDs (see showText),
// after choosing its font and colour when they differ from the graphics
// state's.
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
	if pt := w.ahead; pt != nil && w.run < len(pt.runs) && pt.runs[w.run] == it {
		// Written ahead (ahead.go).
		pdf.RawWriteStr(pt.ops[w.run])
		w.run++
	} else {
		w.ahead = nil // the walk and this one differ: write the rest here
		w.buf.Reset()
		// An empty line before every run, as the page streams have always had.
		w.buf.WriteByte('\n')
		w.scratch = showText(&w.buf, it, ef, t, w.pageH, w.scratch)
		pdf.RawWriteStr(w.buf.String())
	}
	resetAlpha(pdf, it.Color)
	return pdf.Error()
}

// showText writes the operators that show run it, drawn with transform t
// on a page pageH points tall, into b:
//
//	BT x y Td [<glyph ids> adj <glyph ids>] TJ ET
//
// The strings are 2-byte glyph IDs. PDF advances each glyph by its width;
// wherever the frame puts a glyph elsewhere (kerning, a shaper's mark
// offsets, tracking), the array holds an adjustment, and a glyph moved up
// or down is set with text rise. cidfont.Font.TJ writes them, and wraps
// clusters whose glyphs do not give their text back one to one (a
// Devanagari conjunct, an emoji sequence) as ActualText. The glyphs' moves
// are worked out here, from the frame's positions: only PDF needs them.
//
// sc is memory for the run's clusters, returned to be used again.
func showText(b *strings.Builder, it *frame.Text, ef *embedded, t frame.Transform, pageH float64, sc *scratch) *scratch {
	return showTextIn(b, it, ef.font, ef.cid, t, pageH, sc, nil)
}

// showTextIn is showText in font f, recording the glyphs' texts in texts
// (cidfont.Font.WriteTJIn), or in cid's own record when texts is nil.
func showTextIn(b *strings.Builder, it *frame.Text, f *font.Font, cid *cidfont.Font, t frame.Transform, pageH float64, sc *scratch, texts map[uint16]string) *scratch {
	x0 := 0.0
	if len(it.Glyphs) > 0 {
		x0 = it.Glyphs[0].X
	}
	fmt.Fprintf(b, "BT %.2f %.2f Td ", t.X(it.X+x0), pageH-t.Y(it.Y))
	if sc == nil {
		sc = new(scratch)
	}
	if texts == nil {
		cid.WriteTJ(b, clusters(it, f, sc), it.Size*t.S)
	} else {
		cid.WriteTJIn(b, clusters(it, f, sc), it.Size*t.S, texts)
	}
	b.WriteString(" ET")
	return sc
}

// clusters groups a run's glyphs by the text they stand for, each glyph
// with the distance to the next as its advance, in font units; the last
// glyph keeps its own width, since nothing follows it.
func clusters(it *frame.Text, f *font.Font, sc *scratch) []cidfont.Cluster {
	units := float64(f.UnitsPerEm) / it.Size
	gs := it.Glyphs
	// One backing array for every cluster's glyphs: most clusters are a
	// single glyph.
	all := slices.Grow(sc.glyphs[:0], len(gs))[:len(gs)]
	out := slices.Grow(sc.clusters[:0], len(gs))
	defer func() { sc.glyphs, sc.clusters = all, out }()
	for k := 0; k < len(gs); {
		g := gs[k]
		c := cidfont.Cluster{Text: it.Text[g.Start:g.End], RTL: it.RTL}
		first := k
		for ; k < len(gs) && gs[k].Start == g.Start && gs[k].End == g.End; k++ {
			adv := float64(f.GlyphAdvance(gs[k].ID))
			if k+1 < len(gs) {
				adv = (gs[k+1].X - gs[k].X) * units
			}
			all[k] = cidfont.Glyph{ID: gs[k].ID, XAdvance: adv, YOffset: -gs[k].Y * units}
		}
		c.Glyphs = all[first:k:k]
		out = append(out, c)
	}
	return out
}

// scratch is memory clusters reuses from run to run: what it holds is
// written out before the next run.
type scratch struct {
	glyphs   []cidfont.Glyph
	clusters []cidfont.Cluster
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
	fam := family(f)
	w.pdf.AddUTF8FontFromBytes(fam, "", f.Data)
	if w.pdf.Err() {
		return nil, fmt.Errorf("embed font %s: %v", f.File, w.pdf.Error())
	}
	if w.cf == nil {
		w.cf = &cidFonts{}
	}
	cid, err := w.cf.get(f)
	if err != nil {
		return nil, fmt.Errorf("embed font %s: %w", f.File, err)
	}
	ef := &embedded{family: fam, font: f, cid: cid}
	w.fonts[f] = ef
	w.cids = append(w.cids, cid)
	return ef, nil
}

// family is fpdf's name for a font: its registry key's last part.
func family(f *font.Font) string {
	key := f.Key
	fam := strings.NewReplacer("/", "-", " ", "").Replace(key[strings.LastIndex(key, "/")+1:])
	if strings.HasPrefix(key, "user/") {
		fam = "user-" + fam
	}
	return fam
}
