package impose

import (
	"fmt"
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

func TestSaddleOrder(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "[]"},
		{1, "[{4 1} {2 3}]"},
		{4, "[{4 1} {2 3}]"},
		{5, "[{8 1} {2 7} {6 3} {4 5}]"},
		{8, "[{8 1} {2 7} {6 3} {4 5}]"},
		{12, "[{12 1} {2 11} {10 3} {4 9} {8 5} {6 7}]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(SaddleOrder(tt.n)); got != tt.want && !(tt.want == "[]" && got == "[]") {
			t.Errorf("SaddleOrder(%d) = %s, want %s", tt.n, got, tt.want)
		}
	}
}

// For every page count, each page appears once, the two pages on a side
// add up to m+1 (the saddle rule), and the left half always carries an even
// page: a verso, as in the open booklet.
func TestSaddleOrderProperties(t *testing.T) {
	for n := 1; n <= 64; n++ {
		m := (n + 3) / 4 * 4
		seen := map[int]bool{}
		sides := SaddleOrder(m)
		if len(sides) != m/2 {
			t.Fatalf("n=%d: %d sides", n, len(sides))
		}
		for i, s := range sides {
			if s.Left+s.Right != m+1 {
				t.Errorf("n=%d side %d: %v does not add up to %d", n, i, s, m+1)
			}
			if s.Left%2 != 0 {
				t.Errorf("n=%d side %d: %v has the wrong parity on the left", n, i, s)
			}
			seen[s.Left], seen[s.Right] = true, true
		}
		if len(seen) != m {
			t.Errorf("n=%d: %d distinct pages, want %d", n, len(seen), m)
		}
	}
}

func TestPaddedPages(t *testing.T) {
	tests := map[int]string{
		1: "[1 0 0 0]", 2: "[1 0 0 2]", 4: "[1 2 3 4]", 5: "[1 2 3 4 0 0 0 5]", 6: "[1 2 3 4 5 0 0 6]",
	}
	for n, want := range tests {
		if got := fmt.Sprint(PaddedPages(n)); got != want {
			t.Errorf("PaddedPages(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestPadKeepsBackCoverLast(t *testing.T) {
	var pages []*frame.Page
	for i := 0; i < 6; i++ {
		pages = append(pages, frame.NewPage(10, 10, fmt.Sprint(i+1)))
	}
	got := Pad(pages)
	var labels []string
	for _, p := range got {
		labels = append(labels, p.Label)
	}
	if fmt.Sprint(labels) != "[1 2 3 4 5 blank page blank page 6]" {
		t.Errorf("Pad = %v", labels)
	}
}

func TestSaddleScalesToFit(t *testing.T) {
	a5 := []*frame.Page{frame.NewPage(419.53, 595.28, "")}
	w, h, _ := SheetSize("letter")
	sheets, scale, err := Saddle(a5, Options{SheetW: w, SheetH: h})
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != 2 || scale >= 1 || 2*419.53*scale > w+1e-9 {
		t.Errorf("%d sheets at scale %v", len(sheets), scale)
	}
}

func TestPrintShopBoxes(t *testing.T) {
	page := frame.NewPage(419.53, 595.28, "")
	page.Bleed = 8.5
	s := PrintShop(page)
	if s.Boxes.Trim.W != 419.53 || s.Boxes.Bleed.W != 419.53+17 || s.W() <= s.Boxes.Bleed.W {
		t.Errorf("boxes %+v on %vx%v", s.Boxes, s.W(), s.H())
	}
	for _, it := range s.Frame.Items {
		if l, ok := it.(*frame.Line); ok {
			r := frame.Rect{X: min(l.X0, l.X1), Y: min(l.Y0, l.Y1), W: max(l.X0, l.X1) - min(l.X0, l.X1), H: max(l.Y0, l.Y1) - min(l.Y0, l.Y1)}
			b := s.Boxes.Bleed
			if r.X < b.X+b.W && b.X < r.X+r.W && r.Y < b.Y+b.H && b.Y < r.Y+r.H {
				t.Errorf("crop mark %+v reaches into the bleed %+v", r, b)
			}
		}
	}
}

// Creep moves the pages of inner sheets toward the spine, a sheet's worth
// more each sheet in; the outer sheet does not move.
func TestSaddleCreep(t *testing.T) {
	var pages []*frame.Page
	for i := 0; i < 12; i++ {
		pages = append(pages, frame.NewPage(100, 140, ""))
	}
	w, h := 200.0, 140.0
	sheets, _, err := Saddle(pages, Options{SheetW: w, SheetH: h, Creep: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		left, right := s.Frame.Items[0].(*frame.Group), s.Frame.Items[1].(*frame.Group)
		want := 2 * float64(i/2)
		if left.X-left.Clip.X != want || right.Clip.X-right.X != want {
			t.Errorf("side %d: pages moved %v and %v toward the spine, want %v", i, left.X-left.Clip.X, right.Clip.X-right.X, want)
		}
	}
}
