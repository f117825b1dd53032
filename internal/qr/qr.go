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

// Draw returns the code as rectangles filling a square of side size at x, y
// (the square includes the quiet zone, painted in light). Runs of dark
// modules in a row merge into one rectangle, which keeps files small.
func (c *Code) Draw(x, y, size float64, dark, light frame.Color) []frame.Item {
	m := size / float64(c.Modules())
	items := []frame.Item{&frame.Rect{X: x, Y: y, W: size, H: size, Fill: light}}
	ox, oy := x+QuietZone*m, y+QuietZone*m
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
			// A hair of overlap hides seams between rows in some viewers.
			items = append(items, &frame.Rect{X: ox + float64(start)*m, Y: oy + float64(row)*m, W: float64(col-start) * m, H: m * 1.002, Fill: dark})
		}
	}
	return items
}
