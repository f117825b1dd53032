// Package impose places pages on sheets, working on frames rather than
// PDFs: a booklet sheet is two page frames side by side in saddle-stitch
// order, a print-shop page is a frame on a larger sheet with crop marks,
// and a poster tile is the poster translated and clipped.
package impose

import (
	"fmt"

	"github.com/broadside/broadside/internal/frame"
)

// Side is one side of a sheet: the pages on its left and right halves,
// numbered from 1; 0 is a blank page.
type Side struct{ Left, Right int }

// SaddleOrder returns the sheet sides of a saddle-stitched booklet of n
// pages, front then back of each sheet, outermost sheet first, as page
// positions 1 to m, where m is n rounded up to a multiple of 4. For 8
// pages: [8 1] [2 7] [6 3] [4 5]. Printed double-sided and flipped on the
// short edge, the stack folds into the booklet in order. PaddedPages says
// which page of the document stands at each position.
func SaddleOrder(n int) []Side {
	if n <= 0 {
		return nil
	}
	m := (n + 3) / 4 * 4
	var out []Side
	for i := 0; i < m/4; i++ {
		out = append(out,
			Side{Left: m - 2*i, Right: 2*i + 1},
			Side{Left: 2*i + 2, Right: m - 2*i - 1},
		)
	}
	return out
}

// PaddedPages maps the positions 1 to m of a booklet of n pages padded to a
// multiple of four (index 0 is position 1) to the document's page numbers,
// 0 for a blank. The blanks go just before the back cover, so the back
// cover stays on the outside; a single page is followed by its blanks.
func PaddedPages(n int) []int {
	m := (n + 3) / 4 * 4
	out := make([]int, m)
	for p := 1; p <= m; p++ {
		switch {
		case n == 1 && p == 1, p < n:
			out[p-1] = p
		case p == m && n > 1:
			out[p-1] = n
		}
	}
	return out
}

// Pad returns the pages padded with blank pages to a multiple of four, in
// the order PaddedPages gives.
func Pad(pages []*frame.Page) []*frame.Page {
	n := len(pages)
	if n == 0 || n%4 == 0 {
		return pages
	}
	var out []*frame.Page
	for _, p := range PaddedPages(n) {
		if p == 0 {
			out = append(out, frame.NewPage(pages[0].W(), pages[0].H(), "blank page"))
			continue
		}
		out = append(out, pages[p-1])
	}
	return out
}

// Options tune Saddle.
type Options struct {
	// SheetW and SheetH are the sheet's size in points, landscape.
	SheetW, SheetH float64
	// Creep moves the pages of each inner sheet this much further toward
	// the spine (points per sheet), so their outer margins survive
	// trimming when a thick booklet is folded. 0 for booklets of a few
	// sheets.
	Creep float64
}

// Saddle imposes pages (padded with Pad first) two to a sheet side. Pages
// that do not fit the sheet side by side are scaled down to fit, and the
// scale is returned so the user can be told.
func Saddle(pages []*frame.Page, opt Options) ([]*frame.Page, float64, error) {
	if len(pages) == 0 {
		return nil, 1, fmt.Errorf("impose: no pages")
	}
	pages = Pad(pages)
	pw, ph := pages[0].W(), pages[0].H()
	for i, p := range pages {
		if p.W() != pw || p.H() != ph {
			return nil, 1, fmt.Errorf("impose: page %d is %gx%g, page 1 %gx%g; a booklet's pages must be one size", i+1, p.W(), p.H(), pw, ph)
		}
	}
	scale := 1.0
	if 2*pw > opt.SheetW || ph > opt.SheetH {
		scale = min(opt.SheetW/(2*pw), opt.SheetH/ph)
	}
	w, h := pw*scale, ph*scale
	ox, oy := (opt.SheetW-2*w)/2, (opt.SheetH-h)/2
	var sheets []*frame.Page
	for i, side := range SaddleOrder(len(pages)) { // already padded
		face := "front"
		if i%2 == 1 {
			face = "back"
		}
		sheet := frame.NewPage(opt.SheetW, opt.SheetH, fmt.Sprintf("sheet %d %s", i/2+1, face))
		shift := opt.Creep * float64(i/2)
		place := func(n int, x, dx float64) {
			if n == 0 {
				return
			}
			sheet.Add(&frame.Group{
				X: x + dx, Y: oy, Scale: scale,
				Clip:  frame.Rect{X: x, Y: oy, W: w, H: h},
				Frame: pages[n-1].Frame,
			})
		}
		// The spine is in the middle: the left page moves right, the
		// right page left.
		place(side.Left, ox, shift)
		place(side.Right, ox+w, -shift)
		sheets = append(sheets, sheet)
	}
	return sheets, scale, nil
}
