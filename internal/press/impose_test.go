package press

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/render/pdf"
	"github.com/broadside/broadside/internal/testtool"
	"github.com/broadside/broadside/internal/text"
)

// numbered returns n A5 pages, each printing its number in its middle.
func numbered(t testing.TB, fx fixture, n int) []*frame.Page {
	t.Helper()
	f, err := fx.reg.Lookup("Inter", 700, false)
	if err != nil {
		t.Fatal(err)
	}
	var pages []*frame.Page
	for i := 1; i <= n; i++ {
		p := frame.NewPage(148*pt, 210*pt, "")
		para, err := text.NewPara(strconv.Itoa(i), text.Style{Chain: fx.reg.With(f)})
		if err != nil {
			t.Fatal(err)
		}
		lines, _ := para.Lines(40, p.W(), text.Ragged, 0)
		for _, run := range para.Set(lines[0], 40, 0, p.H()/2, p.W(), text.Center, frame.Color{A: 255}) {
			p.Add(run)
		}
		pages = append(pages, p)
	}
	return pages
}

// The imposed file is checked as a person would: the page number printed
// on each half of each sheet side is read back with pdftotext and compared
// with the saddle-stitch order, for every page count from 1 to 64.
func TestSaddleImpositionReadBack(t *testing.T) {
	testtool.Need(t, "pdftotext")
	fx := setup(t)
	w, h, _ := impose.SheetSize("a4")
	word := regexp.MustCompile(`<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(\d+)</word>`)
	dir := t.TempDir()
	for n := 1; n <= 64; n++ {
		sheets, _, err := impose.Saddle(numbered(t, fx, n), impose.Options{SheetW: w, SheetH: h})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := pdf.Write(&buf, pdf.Doc{Pages: sheets}); err != nil {
			t.Fatal(err)
		}
		file := fmt.Sprintf("%s/n%d.pdf", dir, n)
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		html := testtool.Run(t, "pdftotext", "-bbox", file, "-")
		// Read back, per sheet side, which number is on which half.
		var got []impose.Side
		var width float64
		for _, m := range word.FindAllStringSubmatch(html, -1) {
			if m[1] != "" {
				width, _ = strconv.ParseFloat(m[1], 64)
				got = append(got, impose.Side{})
				continue
			}
			x0, _ := strconv.ParseFloat(m[2], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			num, _ := strconv.Atoi(m[4])
			side := &got[len(got)-1]
			if (x0+x1)/2 < width/2 {
				side.Left = num
			} else {
				side.Right = num
			}
		}
		// Expected: the saddle order of positions, each position showing
		// its page of the document (blanks, 0, before the back cover).
		pages := impose.PaddedPages(n)
		var want []impose.Side
		for _, s := range impose.SaddleOrder(n) {
			want = append(want, impose.Side{Left: pages[s.Left-1], Right: pages[s.Right-1]})
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%d pages: read back %v, want %v", n, got, want)
		}
		if len(got)%2 != 0 || len(got) != 2*((n+3)/4) {
			t.Errorf("%d pages: %d sheet sides, want %d", n, len(got), 2*((n+3)/4))
		}
	}
}
