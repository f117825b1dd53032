// Package pdf writes frames as PDF pages with fpdf. Like the PNG exporter it
// never measures or wraps text: every run is written where the frame put it,
// restarting a string only where kerning moved a glyph off its nominal
// advance. Fonts are embedded (subset) from the registry's bytes.
package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"codeberg.org/go-pdf/fpdf/contrib/gofpdi"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	realgofpdi "github.com/phpdave11/gofpdi"
)

// Doc is a document to write: pages in order, and what a reader's PDF
// viewer shows about it.
type Doc struct {
	Pages []*frame.Page
	Meta  Meta
	// Outline lists bookmarks in page order.
	Outline []Bookmark
}

// Meta is the document information.
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
	// Lang is a BCP 47 tag, e.g. "en".
	Lang string
	// Date is written as creation and modification date. Fixed dates make
	// the same inputs give byte-identical files.
	Date time.Time
}

// Bookmark is an entry of the PDF outline.
type Bookmark struct {
	Title string
	// Page is the zero-based index into Doc.Pages.
	Page  int
	Level int
	// Y is the point on the page the bookmark opens at, from the top.
	Y float64
}

// Write renders doc to w.
func Write(w io.Writer, doc Doc, reg *font.Registry) error {
	if len(doc.Pages) == 0 {
		return fmt.Errorf("write pdf: the document has no pages")
	}
	first := doc.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.W(), Ht: first.H()}})
	pdf.SetCompression(false) // compressStreams does it, faster
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	date := doc.Meta.Date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetProducer("broadside", true)
	m := doc.Meta
	if m.Title != "" {
		pdf.SetTitle(m.Title, true)
	}
	if m.Author != "" {
		pdf.SetAuthor(m.Author, true)
	}
	if m.Subject != "" {
		pdf.SetSubject(m.Subject, true)
	}
	if m.Keywords != "" {
		pdf.SetKeywords(m.Keywords, true)
	}
	if m.Creator != "" {
		pdf.SetCreator(m.Creator, true)
	}
	if m.Lang != "" {
		pdf.SetLang(m.Lang)
	}
	pdf.SetDisplayMode("fullpage", "")
	wr := &writer{pdf: pdf, reg: reg, fonts: map[string]string{}, images: map[string]*imageRef{}, widths: map[int]bool{}, tpls: map[string]int{}}
	bm := 0
	for i, f := range doc.Pages {
		wr.page(f)
		for ; bm < len(doc.Outline) && doc.Outline[bm].Page <= i; bm++ {
			b := doc.Outline[bm]
			if b.Page == i {
				pdf.Bookmark(b.Title, b.Level, b.Y+f.Bleed)
			}
		}
		if pdf.Err() {
			break
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	out, err := compressStreams(stableBoxes(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// stableBoxes sorts each page's box entries (/BleedBox, /TrimBox, ...),
// which fpdf writes in map order, so the same document gives the same
// bytes. The entries are whole lines and only change places, so every
// object keeps its offset and the cross-reference table stays right.
func stableBoxes(b []byte) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	isBox := func(l []byte) bool {
		for _, p := range []string{"/TrimBox [", "/BleedBox [", "/CropBox [", "/ArtBox ["} {
			if bytes.HasPrefix(l, []byte(p)) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(lines); {
		if !isBox(lines[i]) {
			i++
			continue
		}
		j := i
		for j < len(lines) && isBox(lines[j]) {
			j++
		}
		run := lines[i:j]
		sort.Slice(run, func(a, b int) bool { return bytes.Compare(run[a], run[b]) < 0 })
		i = j
	}
	return bytes.Join(lines, nil)
}

type writer struct {
	pdf   *fpdf.Fpdf
	reg   *font.Registry
	fonts map[string]string // registry key → fpdf family
	// images registered, by frame key, and the pixel widths used, since
	// fpdf orders images of equal width at random.
	images map[string]*imageRef
	widths map[int]bool
	// imported pages of other PDFs, by file and page
	imp  *gofpdi.Importer
	tpls map[string]int
	// pageW and pageH are the page's size; PDF's y grows upward
	pageW, pageH float64
	// current state, to avoid repeating operators
	font     string
	fontSize float64
	color    frame.Color
	hasColor bool
}

type imageRef struct {
	name string
	// scaleW stretches the drawn width when a transparent column was
	// added to make the pixel width unique.
	scaleW float64
}

// page adds one page: its media box is the trim size plus the bleed on
// every side, with TrimBox and BleedBox set when there is a bleed, or the
// boxes the page names.
func (w *writer) page(p *frame.Page) {
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
	w.font, w.hasColor = "", false
	w.draw(p.Frame, frame.Transform{DX: b, DY: b, S: 1})
}

func (w *writer) draw(f *frame.Frame, t frame.Transform) {
	pdf := w.pdf
	for _, it := range f.Items {
		if pdf.Err() {
			return
		}
		switch it := it.(type) {
		case *frame.Rect:
			w.rect(it, t)
		case *frame.Line:
			setAlpha(pdf, it.Color)
			pdf.SetDrawColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
			pdf.SetLineWidth(it.Width * t.S)
			pdf.SetLineCapStyle("butt")
			pdf.Line(t.X(it.X0), t.Y(it.Y0), t.X(it.X1), t.Y(it.Y1))
			resetAlpha(pdf, it.Color)
		case *frame.Text:
			w.text(it, t)
		case *frame.Image:
			w.image(it, t)
		case *frame.Link:
			pdf.LinkString(t.X(it.X), t.Y(it.Y), it.W*t.S, it.H*t.S, it.URL)
		case *frame.PDFPage:
			w.pdfPage(it, t)
		case *frame.Group:
			clip := !it.Clip.Empty()
			if clip {
				pdf.ClipRect(t.X(it.Clip.X), t.Y(it.Clip.Y), it.Clip.W*t.S, it.Clip.H*t.S, false)
				// Clipping saves the graphics state; colours set inside
				// are forgotten at the end, so forget ours too.
				w.hasColor = false
				w.font = ""
			}
			w.draw(it.Frame, t.Into(it))
			if clip {
				pdf.ClipEnd()
				w.hasColor = false
				w.font = ""
			}
		}
	}
}

func (w *writer) rect(it *frame.Rect, t frame.Transform) {
	pdf := w.pdf
	x, y, wd, ht := t.X(it.X), t.Y(it.Y), it.W*t.S, it.H*t.S
	switch p := it.Fill.(type) {
	case frame.Color:
		if p == white && it.StrokeWidth == 0 && x <= 0 && y <= 0 && x+wd >= w.pageW && y+ht >= w.pageH {
			return // paper is white: a white page-sized rectangle is redundant
		}
		setAlpha(pdf, p)
		pdf.SetFillColor(int(p.R), int(p.G), int(p.B))
		w.hasColor = false // the fill no longer matches the text colour
		style := "F"
		if it.StrokeWidth > 0 {
			style = "FD"
			pdf.SetDrawColor(int(it.Stroke.R), int(it.Stroke.G), int(it.Stroke.B))
			pdf.SetLineWidth(it.StrokeWidth * t.S)
		}
		pdf.Rect(x, y, wd, ht, style)
		resetAlpha(pdf, p)
		return
	case *frame.Gradient:
		if len(p.Stops) >= 2 && wd > 0 && ht > 0 {
			a, b := p.Stops[0].Color, p.Stops[len(p.Stops)-1].Color
			nx := func(v float64) float64 { return (t.X(v) - x) / wd }
			ny := func(v float64) float64 { return 1 - (t.Y(v)-y)/ht }
			w.hasColor = false
			pdf.LinearGradient(x, y, wd, ht, int(a.R), int(a.G), int(a.B), int(b.R), int(b.G), int(b.B),
				nx(p.X0), ny(p.Y0), nx(p.X1), ny(p.Y1))
		}
	}
	if it.StrokeWidth > 0 {
		pdf.SetDrawColor(int(it.Stroke.R), int(it.Stroke.G), int(it.Stroke.B))
		pdf.SetLineWidth(it.StrokeWidth * t.S)
		pdf.Rect(x, y, wd, ht, "D")
	}
}

var white = frame.Color{R: 255, G: 255, B: 255, A: 255}

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

// text writes a run, one string per stretch of nominal advances.
func (w *writer) text(it *frame.Text, t frame.Transform) {
	pdf := w.pdf
	fam, err := w.family(it.Font)
	if err != nil {
		pdf.SetError(err)
		return
	}
	size := it.Size * t.S
	if fam != w.font || size != w.fontSize {
		pdf.SetFont(fam, "", size)
		w.font, w.fontSize = fam, size
	}
	if !w.hasColor || w.color != it.Color {
		// With the fill colour equal to the text colour fpdf writes each
		// string without saving and restoring the graphics state: a third
		// smaller page stream.
		pdf.SetTextColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
		pdf.SetFillColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
		w.color, w.hasColor = it.Color, true
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

// image registers an image once, as lossless PNG, and draws it.
func (w *writer) image(it *frame.Image, t frame.Transform) {
	ref, ok := w.images[it.Key]
	if !ok {
		img := it.Img
		bw := img.Bounds().Dx()
		ref = &imageRef{name: fmt.Sprintf("img%d", len(w.images)), scaleW: 1}
		if w.widths[bw] {
			// fpdf writes images of equal pixel width in random order;
			// a transparent column keeps every width unique, so the same
			// inputs give the same bytes.
			for w.widths[bw] {
				bw++
			}
			img = pad(img, bw)
			ref.scaleW = float64(bw) / float64(it.Img.Bounds().Dx())
		}
		w.widths[bw] = true
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			w.pdf.SetError(fmt.Errorf("image %s: %w", it.Key, err))
			return
		}
		w.pdf.RegisterImageOptionsReader(ref.name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
		w.images[it.Key] = ref
	}
	if it.Opacity > 0 && it.Opacity < 1 {
		w.pdf.SetAlpha(it.Opacity, "Normal")
	}
	w.pdf.ImageOptions(ref.name, t.X(it.X), t.Y(it.Y), it.W*t.S*ref.scaleW, it.H*t.S, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	if it.Opacity > 0 && it.Opacity < 1 {
		w.pdf.SetAlpha(1, "Normal")
	}
}

// pdfPage draws a page of another PDF, imported once as a form.
func (w *writer) pdfPage(it *frame.PDFPage, t frame.Transform) {
	key := fmt.Sprintf("%s#%d", it.File, it.Page)
	tpl, ok := w.tpls[key]
	if !ok {
		if w.imp == nil {
			w.imp = gofpdi.NewImporter()
		}
		var err error
		tpl, err = importPage(w.imp, w.pdf, it.File, it.Page)
		if err != nil {
			w.pdf.SetError(err)
			return
		}
		w.tpls[key] = tpl
	}
	w.imp.UseImportedTemplate(w.pdf, tpl, t.X(it.X), t.Y(it.Y), it.W*t.S, it.H*t.S)
}

// importPage imports a page; the importer panics on PDFs it cannot read.
func importPage(imp *gofpdi.Importer, pdf *fpdf.Fpdf, file string, page int) (tpl int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = unreadable(file, r)
		}
	}()
	return imp.ImportPage(pdf, file, page, "/MediaBox"), nil
}

// unreadable is the error for a PDF the importer gave up on (r is what it
// panicked with).
func unreadable(file string, r any) error {
	return fmt.Errorf("cannot read %s: %v; if it opens elsewhere, save it again as PDF 1.4 and retry", file, r)
}

// PageSizes returns the size in points of every page of a PDF file, for
// placing its pages.
func PageSizes(file string) (sizes [][2]float64, err error) {
	if err := checkPDF(file); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = unreadable(file, r)
		}
	}()
	imp := realgofpdi.NewImporter()
	imp.SetSourceFile(file)
	all := imp.GetPageSizes()
	for p := 1; p <= len(all); p++ {
		box := all[p]["/MediaBox"]
		sizes = append(sizes, [2]float64{box["w"], box["h"]})
	}
	if len(sizes) == 0 {
		return nil, fmt.Errorf("%s has no pages", file)
	}
	return sizes, nil
}

// checkPDF refuses what is not a PDF before the importer sees it: given
// other files it can loop for ever.
func checkPDF(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", file, err)
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	if !bytes.Contains(head[:n], []byte("%PDF-")) {
		return fmt.Errorf("%s is not a PDF file", file)
	}
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", file, err)
	}
	if st.Size() > 512<<20 {
		return fmt.Errorf("%s is %d MB; PDFs over 512 MB are refused", file, st.Size()>>20)
	}
	tail := make([]byte, 2048)
	if st.Size() > int64(len(tail)) {
		f.ReadAt(tail, st.Size()-int64(len(tail)))
	} else {
		f.ReadAt(tail[:st.Size()], 0)
	}
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return fmt.Errorf("%s is cut short (it has no end-of-file marker); save or download it again", file)
	}
	return nil
}

// pad widens img to w pixels with transparent columns on the right.
func pad(img image.Image, w int) image.Image {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, w, b.Dy()))
	draw.Draw(out, image.Rect(0, 0, b.Dx(), b.Dy()), img, b.Min, draw.Src)
	return out
}
