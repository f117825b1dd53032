package frame

import "testing"

func TestDump(t *testing.T) {
	inner := New(10, 10)
	inner.Add(&Line{X0: 0, Y0: 0, X1: 10, Y1: 10, Width: 0.5, Color: Color{A: 255}})
	p := NewPage(100, 50.5, "page 1")
	p.Add(
		&Rect{X: 0, Y: 0, W: 100, H: 50.5, Fill: Color{R: 255, G: 255, B: 255, A: 255}},
		&Rect{X: 1, Y: 2, W: 3, H: 4, Fill: &Gradient{X0: 0, Y0: 0, X1: 1, Y1: 1, Stops: []Stop{{0, Color{A: 255}}, {1, Color{R: 255, A: 128}}}}},
		&Text{Font: "inter/Inter-Bold", Size: 12, Color: Color{R: 17, G: 17, B: 17, A: 255}, X: 10.125, Y: 20, Text: "Hi"},
		&Link{X: 1, Y: 1, W: 2, H: 2, URL: "https://example.org"},
		&Group{X: 5, Y: 5, Scale: 2, Clip: Rect{X: 5, Y: 5, W: 20, H: 20}, Frame: inner},
	)
	want := `frame 100 x 50.5 "page 1"
  rect 0,0 100x50.5 fill #ffffff
  rect 1,2 3x4 gradient 0,0-1,1 #000000@0 #ff000080@1
  text inter/Inter-Bold 12 #111111 at 10.12,20 "Hi"
  link https://example.org at 1,1 2x2
  group at 5,5 scale 2 clip 5,5 20x20
    frame 10 x 10
      line 0,0-10,10 0.5 #000000
`
	if got := p.Dump(); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextInkThroughGroups(t *testing.T) {
	inner := New(10, 10)
	inner.Add(&Text{Ink: Rect{X: 1, Y: 1, W: 2, H: 2}})
	f := New(100, 100)
	f.Add(&Group{X: 10, Y: 20, Scale: 2, Frame: inner})
	if got, want := f.TextInk(), (Rect{X: 12, Y: 22, W: 4, H: 4}); got != want {
		t.Errorf("TextInk = %+v, want %+v", got, want)
	}
}
