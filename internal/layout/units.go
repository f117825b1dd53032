package layout

import "fmt"

// Points per canvas unit. On px canvases a pixel is a point, so card frames
// are in pixels and the PNG exporter draws them at scale 1.
var unitPoints = map[string]float64{
	"px": 1,
	"pt": 1,
	"mm": 72 / 25.4,
	"cm": 72 / 2.54,
	"in": 72,
}

// Scale returns points per canvas unit.
func (l *Layout) Scale() float64 { return unitPoints[l.Size.Unit] }

// W and H return the canvas size in points.
func (l *Layout) W() float64 { return l.Size.Width * l.Scale() }
func (l *Layout) H() float64 { return l.Size.Height * l.Scale() }

// IsScreen reports a px canvas: a PNG for screens rather than print.
func (l *Layout) IsScreen() bool { return l.Size.Unit == "px" }

// SizeLabel spells the canvas size for lists, e.g. "1080 × 1080 px".
func (l *Layout) SizeLabel() string {
	return fmt.Sprintf("%s × %s %s", trim(l.Size.Width), trim(l.Size.Height), l.Size.Unit)
}

func trim(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
