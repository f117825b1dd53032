package pdf

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"codeberg.org/go-pdf/fpdf/contrib/gofpdi"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
)

// writer draws frames onto the pages of one fpdf document: it is the
// frame.Drawer the walk (frame.Frame.Draw) hands every item to.
type writer struct {
	pdf   *fpdf.Fpdf
	fonts map[*font.Font]*embedded
	// cids are the embedded fonts' glyph records, in the order embedded,
	// for cidfont.Replace.
	cids []*cidfont.Font
	// images registered, by frame key, and the pixel widths used, since
	// fpdf orders images of equal width at random.
	images map[string]*imageRef
	widths map[int]bool
	// imported pages of other PDFs, by file and page
	imp  *gofpdi.Importer
	tpls map[string]int
	// pageW and pageH are the page's size; PDF's y grows upward
	pageW, pageH float64
	// gs is what the writer knows of the graphics state; saved holds the
	// states of the clips it is inside, outermost first.
	gs    gstate
	saved []gstate
	// buf holds a run's operators while they are written, scratch its
	// clusters.
	buf     strings.Builder
	scratch *scratch
	// cf are the fonts' glyph records, shared with the goroutines that
	// write text ahead; ahead is the current page's text written ahead
	// (ahead.go), or nil, and run the index of its next run.
	cf    *cidFonts
	ahead *pageText
	run   int
}

// gstate is the part of the PDF graphics state the writer tracks so that
// it sets the font and the text colour only when they change. PDF saves
// the whole state when a clip begins (q) and restores it when the clip
// ends (Q), and so does the writer: pushing a clip saves gs, popping it
// restores what was saved. Every page starts from the zero gstate: nothing
// known.
type gstate struct {
	// font is the fpdf family of the current font and size its size in
	// points; font is "" when unknown.
	font string
	size float64
	// text is the colour the last text run set as fill colour (PDF paints
	// text with the fill colour); textSet is false when no run has, or a
	// rectangle has set the fill since (even to the same colour: a run
	// then sets it again).
	text    frame.Color
	textSet bool
}

type imageRef struct {
	name string
	// scaleW stretches the drawn width when a transparent column was
	// added to make the pixel width unique.
	scaleW float64
	kind   string // fpdf's image type: PNG, or JPG for a photo's own file
}

// page adds one page: its media box is the trim size plus the bleed on
// every side, with TrimBox and BleedBox set when there is a bleed, or the
// boxes the page names.
func (w *writer) page(p *frame.Page) error {
	b, pw, ph := p.Bleed, p.W(), p.H()
	w.pdf.AddPageFormat("P", fpdf.SizeType{Wd: pw + 2*b, Ht: ph + 2*b})
	w.pageW, w.pageH = pw+2*b, ph+2*b
	if p.Boxes != nil {
		t, bl := p.Boxes.Trim, p.Boxes.Bleed
		w.pdf.SetPageBox("trim", t.X+b, t.Y+b, t.W, t.H)
		w.pdf.SetPageBox("bleed", bl.X+b, bl.Y+b, bl.W, bl.H)
	} else if b > 0 {
		w.pdf.SetPageBox("trim", b, b, pw, ph)
		w.pdf.SetPageBox("bleed", 0, 0, pw+2*b, ph+2*b)
	}
	w.gs, w.saved = gstate{}, w.saved[:0]
	if err := w.pdf.Error(); err != nil {
		return err
	}
	return p.Frame.Draw(w, frame.Transform{DX: b, DY: b, S: 1})
}

// PushClip begins a clip, which saves the graphics state.
func (w *writer) PushClip(c frame.Rect, t frame.Transform) error {
	w.pdf.ClipRect(t.X(c.X), t.Y(c.Y), c.W*t.S, c.H*t.S, false)
	w.saved = append(w.saved, w.gs)
	return w.pdf.Error()
}

// PopClip ends the innermost clip, which restores the graphics state.
func (w *writer) PopClip() error {
	w.pdf.ClipEnd()
	w.gs = w.saved[len(w.saved)-1]
	w.saved = w.saved[:len(w.saved)-1]
	return w.pdf.Error()
}

// Line strokes a line with butt caps.
func (w *writer) Line(l *frame.Line, t frame.Transform) error {
	pdf := w.pdf
	setAlpha(pdf, l.Color)
	pdf.SetDrawColor(int(l.Color.R), int(l.Color.G), int(l.Color.B))
	pdf.SetLineWidth(l.Width * t.S)
	pdf.SetLineCapStyle("butt")
	pdf.Line(t.X(l.X0), t.Y(l.Y0), t.X(l.X1), t.Y(l.Y1))
	resetAlpha(pdf, l.Color)
	return pdf.Error()
}

// Link makes the area open its URL in PDF viewers.
func (w *writer) Link(l *frame.Link, t frame.Transform) error {
	w.pdf.LinkString(t.X(l.X), t.Y(l.Y), l.W*t.S, l.H*t.S, l.URL)
	return w.pdf.Error()
}

// Rect fills a rectangle with its colour or gradient and strokes it. A
// white page-sized rectangle is left out: paper is white.
func (w *writer) Rect(it *frame.Rect, t frame.Transform) error {
	pdf := w.pdf
	x, y, wd, ht := t.X(it.X), t.Y(it.Y), it.W*t.S, it.H*t.S
	switch p := it.Fill.(type) {
	case frame.Color:
		if p == white && it.StrokeWidth == 0 && x <= 0 && y <= 0 && x+wd >= w.pageW && y+ht >= w.pageH {
			return nil // paper is white: a white page-sized rectangle is redundant
		}
		setAlpha(pdf, p)
		pdf.SetFillColor(int(p.R), int(p.G), int(p.B))
		w.gs.textSet = false // the fill no longer matches the text colour
		style := "F"
		if it.StrokeWidth > 0 {
			style = "FD"
			pdf.SetDrawColor(int(it.Stroke.R), int(it.Stroke.G), int(it.Stroke.B))
			pdf.SetLineWidth(it.StrokeWidth * t.S)
		}
		pdf.Rect(x, y, wd, ht, style)
		resetAlpha(pdf, p)
		return pdf.Error()
	case *frame.Gradient:
		if len(p.Stops) >= 2 && wd > 0 && ht > 0 {
			a, b := p.Stops[0].Color, p.Stops[len(p.Stops)-1].Color
			nx := func(v float64) float64 { return (t.X(v) - x) / wd }
			ny := func(v float64) float64 { return 1 - (t.Y(v)-y)/ht }
			// The gradient is drawn inside its own q/Q: the fill colour
			// is left as it was.
			pdf.LinearGradient(x, y, wd, ht, int(a.R), int(a.G), int(a.B), int(b.R), int(b.G), int(b.B),
				nx(p.X0), ny(p.Y0), nx(p.X1), ny(p.Y1))
		}
	}
	if it.StrokeWidth > 0 {
		pdf.SetDrawColor(int(it.Stroke.R), int(it.Stroke.G), int(it.Stroke.B))
		pdf.SetLineWidth(it.StrokeWidth * t.S)
		pdf.Rect(x, y, wd, ht, "D")
	}
	return pdf.Error()
}

// Path fills its subpaths with one fill operator (nonzero winding), so
// viewers anti-alias the shape as a whole and show no seams inside it.
func (w *writer) Path(it *frame.Path, t frame.Transform) error {
	if len(it.Subpaths) == 0 {
		return nil
	}
	pdf := w.pdf
	setAlpha(pdf, it.Fill)
	pdf.SetFillColor(int(it.Fill.R), int(it.Fill.G), int(it.Fill.B))
	w.gs.textSet = false // the fill no longer matches the text colour
	for _, sp := range it.Subpaths {
		for i, pt := range sp {
			if i == 0 {
				pdf.MoveTo(t.X(pt.X), t.Y(pt.Y))
			} else {
				pdf.LineTo(t.X(pt.X), t.Y(pt.Y))
			}
		}
		pdf.ClosePath()
	}
	pdf.DrawPath("f")
	resetAlpha(pdf, it.Fill)
	return pdf.Error()
}

var white = frame.Color{R: 255, G: 255, B: 255, A: 255}

// setAlpha makes what follows translucent when c is; resetAlpha undoes it.
func setAlpha(pdf *fpdf.Fpdf, c frame.Color) {
	if c.A != 255 {
		pdf.SetAlpha(float64(c.A)/255, "Normal")
	}
}

func resetAlpha(pdf *fpdf.Fpdf, c frame.Color) {
	if c.A != 255 {
		pdf.SetAlpha(1, "Normal")
	}
}
