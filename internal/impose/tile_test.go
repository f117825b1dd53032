package impose

import (
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

func TestPlan(t *testing.T) {
	a4w, a4h := 210*mm, 297*mm
	tests := []struct {
		name       string
		w, h       float64
		rows, cols int
		landscape  bool
	}{
		{"A4 on A4 does not fit the printable area", 210 * mm, 297 * mm, 2, 1, true},
		{"A3 on A4", 297 * mm, 420 * mm, 2, 2, false},
		{"A2 on A4", 420 * mm, 594 * mm, 4, 2, true},
		{"A1 on A4", 594 * mm, 841 * mm, 5, 3, true},
		{"A0 on A4", 841 * mm, 1189 * mm, 5, 5, false},
		{"a banner", 2000 * mm, 300 * mm, 2, 8, true},
	}
	for _, tt := range tests {
		g, err := Plan(tt.w, tt.h, TileOptions{SheetW: a4w, SheetH: a4h})
		if err != nil {
			t.Fatal(err)
		}
		if g.Rows != tt.rows || g.Cols != tt.cols || (g.SheetW > g.SheetH) != tt.landscape {
			t.Errorf("%s: %dx%d landscape=%v, want %dx%d landscape=%v", tt.name, g.Rows, g.Cols, g.SheetW > g.SheetH, tt.rows, tt.cols, tt.landscape)
		}
		// The tiles cover the poster, and the printed area stays 10 mm
		// inside each sheet's edges.
		if float64(g.Cols-1)*g.StepX+g.AreaW < tt.w-1e-6 || float64(g.Rows-1)*g.StepY+g.AreaH < tt.h-1e-6 {
			t.Errorf("%s: the tiles do not cover the poster", tt.name)
		}
		if g.Margin < 5*mm {
			t.Errorf("%s: margin %.1f mm is within the printer's reach limit", tt.name, g.Margin/mm)
		}
	}
	if _, err := Plan(1000, 1000, TileOptions{SheetW: a4w, SheetH: a4h, Overlap: 200 * mm}); err == nil {
		t.Error("an overlap larger than the sheet was accepted")
	}
}

func TestLabel(t *testing.T) {
	for _, tt := range []struct {
		r, c int
		want string
	}{{0, 0, "A1"}, {1, 2, "B3"}, {25, 9, "Z10"}, {26, 0, "AA1"}} {
		if got := Label(tt.r, tt.c); got != tt.want {
			t.Errorf("Label(%d, %d) = %s, want %s", tt.r, tt.c, got, tt.want)
		}
	}
}

// Every tile keeps its ink (marks, labels, poster) out of the 5 mm a home
// printer cannot reach.
func TestTileMarginsPrintable(t *testing.T) {
	poster := frame.New(420*mm, 594*mm)
	poster.Add(&frame.Rect{X: 0, Y: 0, W: poster.W, H: poster.H, Fill: frame.Color{A: 255}})
	src := func(dx, dy, s float64) frame.Item { return &frame.Group{X: dx, Y: dy, Scale: s, Frame: poster} }
	txt := func(s string, x, y, size float64, bold bool, c frame.Color) []frame.Item {
		return []frame.Item{&frame.Text{Text: s, X: x, Y: y, Size: size, Ink: frame.Rect{X: x, Y: y - size, W: float64(len(s)) * size * 0.5, H: size * 1.2}}}
	}
	sheets, _, err := Tile(poster.W, poster.H, src, txt, TileOptions{SheetW: 210 * mm, SheetH: 297 * mm})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sheets[1:] {
		safe := frame.Rect{X: 5 * mm, Y: 5 * mm, W: s.W() - 10*mm, H: s.H() - 10*mm}
		for _, it := range s.Frame.Items {
			var r frame.Rect
			switch it := it.(type) {
			case *frame.Line:
				r = frame.Rect{X: min(it.X0, it.X1), Y: min(it.Y0, it.Y1), W: max(it.X0, it.X1) - min(it.X0, it.X1), H: max(it.Y0, it.Y1) - min(it.Y0, it.Y1)}
			case *frame.Text:
				r = it.Ink
			case *frame.Group:
				r = it.Clip
			}
			if !safe.Contains(r, 0.01) {
				t.Errorf("%s: %T at %+v reaches into the unprintable 5 mm", s.Label, it, r)
			}
		}
	}

}
