// Package pdf writes pages as PDF with fpdf. Like the PNG exporter it never
// measures or wraps text: frame.Frame.Draw walks each page and hands every
// item to the writer (a frame.Drawer), which writes it where the frame put
// it. A text run is written once, as one TJ array of glyph IDs that breaks
// only where a glyph is off its nominal advance (text.go); the fonts'
// objects fpdf wrote are then replaced by ones that address glyphs by ID
// (cidfont). What the writer knows of the graphics state is saved and
// restored around clips, as PDF does (writer.go). Fonts are embedded
// (subset) from the registry's bytes; page streams are compressed
// afterwards, in one pass (compress.go).
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
	"github.com/broadside/broadside/internal/render/pdf/xref"
)

// Doc is a document to write: pages in order, and what a reader's PDF
// viewer shows about it.
type Doc struct {
	Pages []*frame.Page
	// Consume lets Write clear Pages' entries as it writes them: a caller
	// that keeps no other hold on the pages lets each be collected once it
	// is in the PDF (a 7,500-quote booklet's pages are tens of megabytes).
	Consume bool
	Meta    Meta
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

// Write renders doc to w, embedding the fonts its text runs carry.
func Write(w io.Writer, doc Doc) error {
	raw, _, fonts, err := build(doc)
	if err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	t, err := xref.Parse(raw)
	if err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	var repl map[int][]byte
	if len(fonts) > 0 {
		if repl, err = cidfont.Replacements(raw, t, fonts); err != nil {
			return fmt.Errorf("write pdf: %w", err)
		}
	}
	// One pass replaces the fonts' objects (cidfont), deflates the
	// page streams and rebuilds the cross-reference table.
	out, err := rewrite(raw, t, repl, 0)
	if err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// build writes doc with fpdf, uncompressed and with fpdf's font objects,
// and returns it with the fonts it embeds and their replacement objects.
func build(doc Doc) (raw []byte, cids []*cidfont.Font, fonts []*cidfont.Prepared, err error) {
	if len(doc.Pages) == 0 {
		return nil, nil, nil, fmt.Errorf("the document has no pages")
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
	wr := &writer{pdf: pdf, fonts: map[*font.Font]*embedded{}, images: map[string]*imageRef{}, widths: map[int]bool{}, tpls: map[string]int{}}
	bm := 0
	// Once written, the pages are not needed here: unless the caller
	// keeps them, they can be collected while the document is finished.
	pages := doc.Pages
	doc.Pages = nil
	wr.cf = &cidFonts{}
	next, done, stop := writeAhead(pages, wr.cf)
	defer stop()
	for i, p := range pages {
		wr.ahead, wr.run = next(i), 0
		if wr.ahead != nil {
			// The page's record joins the fonts' in page order; a page
			// that disagrees with the pages before it is written here.
			for cid, m := range wr.ahead.texts {
				if !cid.Merge(m) {
					wr.ahead = nil
				}
			}
			if wr.ahead != nil && wr.ahead.failed {
				wr.ahead = nil
			}
		}
		if err := wr.page(p); err != nil {
			return nil, nil, nil, err
		}
		wr.ahead = nil
		done(i)
		for ; bm < len(doc.Outline) && doc.Outline[bm].Page <= i; bm++ {
			b := doc.Outline[bm]
			if b.Page == i {
				pdf.Bookmark(b.Title, b.Level, b.Y+p.Bleed)
			}
		}
		if doc.Consume {
			pages[i] = nil
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, nil, nil, err
	}
	// Every glyph is drawn: the fonts' replacement objects are made, on
	// the other cores, while fpdf writes the document out.
	cids = wr.cids
	prepared := prepareFonts(cids)
	var buf bytes.Buffer
	err = pdf.Output(&buf)
	ps := <-prepared
	if err != nil {
		return nil, nil, nil, err
	}
	if ps.err != nil {
		return nil, nil, nil, ps.err
	}
	return stableBoxes(buf.Bytes()), cids, ps.ps, nil
}

// preparedFonts are the fonts' replacement objects, or why they could
// not be made.
type preparedFonts struct {
	ps  []*cidfont.Prepared
	err error
}

// prepareFonts makes the replacement objects of fonts (cidfont.Prepare:
// subsetting and compressing each) on every core, in the background.
func prepareFonts(fonts []*cidfont.Font) <-chan preparedFonts {
	ch := make(chan preparedFonts, 1)
	go func() {
		ps := make([]*cidfont.Prepared, len(fonts))
		errs := make([]error, len(fonts))
		par.Each(context.Background(), len(fonts), 0, func() func(int) {
			return func(i int) { ps[i], errs[i] = fonts[i].Prepare() }
		})
		ch <- preparedFonts{ps, errors.Join(errs...)}
	}()
	return ch
}

// stableBoxes sorts each page's box entries (/BleedBox, /TrimBox, ...),
// which fpdf writes in map order, so the same document gives the same
// bytes. The entries are whole lines and only change places, so every
// object keeps its offset and the cross-reference table stays right.
func stableBoxes(b []byte) []byte {
	isBox := func(l []byte) bool {
		for _, p := range []string{"/TrimBox [", "/BleedBox [", "/CropBox [", "/ArtBox ["} {
			if bytes.HasPrefix(l, []byte(p)) {
				return true
			}
		}
		return false
	}
	// In place, a run of box lines at a time: a booklet's PDF is tens of
	// megabytes before compression, and splitting it into lines and
	// joining them again took as much memory twice over.
	var run [][]byte
	var tmp []byte
	for i := 0; i < len(b); {
		start := i
		for i < len(b) && isBox(b[i:]) {
			n := bytes.IndexByte(b[i:], '\n')
			if n < 0 {
				n = len(b) - i - 1
			}
			run = append(run, b[i:i+n+1])
			i += n + 1
		}
		if len(run) > 1 {
			tmp = append(tmp[:0], b[start:i]...)
			run = run[:0]
			for k := 0; k < len(tmp); {
				n := bytes.IndexByte(tmp[k:], '\n') + 1
				if n == 0 {
					n = len(tmp) - k
				}
				run = append(run, tmp[k:k+n])
				k += n
			}
			sort.Slice(run, func(x, y int) bool { return bytes.Compare(run[x], run[y]) < 0 })
			k := start
			for _, l := range run {
				k += copy(b[k:], l)
			}
		}
		run = run[:0]
		if i == start {
			n := bytes.IndexByte(b[i:], '\n')
			if n < 0 {
				break
			}
			i += n + 1
		}
	}
	return b
}
