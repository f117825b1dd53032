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

// SaddleOrder returns the sheet sides for a saddle-stitched booklet of n
// pages, front then back of each sheet, outermost sheet first. n is first
// padded to a multiple of 4; padding pages (numbers above n, returned as 0)
// are meant to be blank pages inserted before the back cover, which Pad
// does. For 8 pages: [8 1] [2 7] [6 3] [4 5]. Printed double-sided and
// flipped on the short edge, the stack folds into the booklet in order.
func SaddleOrder(n int) []Side {
	if n <= 0 {
		return nil
	}
	m := (n + 3) / 4 * 4
	page := func(p int) int {
		if p > n {
			return 0
		}
		return p
	}
	var out []Side
	for i := 0; i < m/4; i++ {
		out = append(out,
			Side{Left: page(m - 2*i), Right: page(2*i + 1)},
			Side{Left: page(2*i + 2), Right: page(m - 2*i - 1)},
		)
	}
	return out
}

// Pad returns the pages padded with blank pages to a multiple of four, the
// blanks inserted before the last page (the back cover) so that it stays
// on the outside. A single page is padded after it.
func Pad(pages []*frame.Frame) []*frame.Frame {
	n := len(pages)
	m := (n + 3) / 4 * 4
	if n == 0 || m == n {
		return pages
	}
	blank := func() *frame.Frame {
		f := frame.New(pages[0].W, pages[0].H)
		f.Label = "blank page"
		return f
	}
	out := make([]*frame.Frame, 0, m)
	if n == 1 {
		out = append(out, pages[0])
		for len(out) < m {
			out = append(out, blank())
		}
		return out
	}
	out = append(out, pages[:n-1]...)
	for len(out) < m-1 {
		out = append(out, blank())
	}
	return append(out, pages[n-1])
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
func Saddle(pages []*frame.Frame, opt Options) ([]*frame.Frame, float64, error) {
	if len(pages) == 0 {
		return nil, 1, fmt.Errorf("impose: no pages")
	}
	pages = Pad(pages)
	pw, ph := pages[0].W, pages[0].H
	for i, p := range pages {
		if p.W != pw || p.H != ph {
			return nil, 1, fmt.Errorf("impose: page %d is %gx%g, page 1 %gx%g; a booklet's pages must be one size", i+1, p.W, p.H, pw, ph)
		}
	}
	scale := 1.0
	if 2*pw > opt.SheetW || ph > opt.SheetH {
		scale = min(opt.SheetW/(2*pw), opt.SheetH/ph)
	}
	w, h := pw*scale, ph*scale
	ox, oy := (opt.SheetW-2*w)/2, (opt.SheetH-h)/2
	var sheets []*frame.Frame
	for i, side := range SaddleOrder(len(pages)) {
		sheet := frame.New(opt.SheetW, opt.SheetH)
		sheet.Label = fmt.Sprintf("sheet %d %s", i/2+1, map[bool]string{true: "front", false: "back"}[i%2 == 0])
		shift := opt.Creep * float64(i/2)
		place := func(n int, x, dx float64) {
			if n == 0 {
				return
			}
			sheet.Add(&frame.Group{
				X: x + dx, Y: oy, Scale: scale,
				Clip:  frame.Rect{X: x, Y: oy, W: w, H: h},
				Frame: pages[n-1],
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
