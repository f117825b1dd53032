package pdf

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"codeberg.org/go-pdf/fpdf"
	"codeberg.org/go-pdf/fpdf/contrib/gofpdi"
	"github.com/broadside/broadside/internal/frame"
	realgofpdi "github.com/phpdave11/gofpdi"
)

// PDFPage draws a page of another PDF, imported once as a form.
func (w *writer) PDFPage(it *frame.PDFPage, t frame.Transform) error {
	key := fmt.Sprintf("%s#%d", it.File, it.Page)
	tpl, ok := w.tpls[key]
	if !ok {
		if w.imp == nil {
			w.imp = gofpdi.NewImporter()
		}
		var err error
		tpl, err = importPage(w.imp, w.pdf, it.File, it.Page)
		if err != nil {
			return err
		}
		w.tpls[key] = tpl
	}
	w.imp.UseImportedTemplate(w.pdf, tpl, t.X(it.X), t.Y(it.Y), it.W*t.S, it.H*t.S)
	return w.pdf.Error()
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
