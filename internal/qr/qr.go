// Package qr draws QR codes as vector rectangles, so they stay sharp at any
// print size, with the quiet zone of four modules that scanners need and
// error correction level M (15% of the code may be damaged or dirty).
package qr

import (
	"fmt"

	"github.com/broadside/broadside/internal/frame"
	rscqr "rsc.io/qr"
)

// QuietZone is the blank margin around a code, in modules.
const QuietZone = 4

// MinSize is the smallest printed code that phones read reliably: 2 cm.
const MinSize = 20 / 25.4 * 72 // points

// Code is an encoded QR code.
type Code struct {
	// N is the number of modules a side, without the quiet zone.
	N    int
	dark func(x, y int) bool
}

// Encode encodes text (a URL) at error correction level M.
func Encode(text string) (*Code, error) {
	c, err := rscqr.Encode(text, rscqr.M)
	if err != nil {
		return nil, fmt.Errorf("qr code for %q: %w", text, err)
	}
	return &Code{N: c.Size, dark: c.Black}, nil
}

// Modules is the size a side including the quiet zone, in modules.
func (c *Code) Modules() int { return c.N + 2*QuietZone }

// Draw returns the code filling a square of side size at x, y: a light
// plate the size of the square (the quiet zone included) and the dark
// modules over it as one path, each row's runs of dark modules one
// rectangle. One path shows no seams between rows, which rectangles
// filled one by one do once anti-aliased; it is snapped to whole pixels
// in PNGs. Module edges come from one grid (origin plus a whole number of
// modules), so neighbouring modules share their edges exactly.
func (c *Code) Draw(x, y, size float64, dark, light frame.Color) []frame.Item {
	m := size / float64(c.Modules())
	// edge is where the kth module edge of a row or column lies.
	edge := func(origin float64, k int) float64 { return origin + float64(QuietZone+k)*m }
	path := &frame.Path{Fill: dark, Snap: true}
	for row := 0; row < c.N; row++ {
		for col := 0; col < c.N; {
			if !c.dark(col, row) {
				col++
				continue
			}
			start := col
			for col < c.N && c.dark(col, row) {
				col++
			}
			x0, x1 := edge(x, start), edge(x, col)
			y0, y1 := edge(y, row), edge(y, row+1)
			path.Subpaths = append(path.Subpaths, []frame.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		}
	}
	return []frame.Item{&frame.Rect{X: x, Y: y, W: size, H: size, Fill: light}, path}
}
