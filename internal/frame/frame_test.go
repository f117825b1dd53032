package frame

import (
	"errors"
	"strings"
	"testing"
)

func TestDump(t *testing.T) {
	inner := New(10, 10)
	inner.Add(&Line{X0: 0, Y0: 0, X1: 10, Y1: 10, Width: 0.5, Color: Color{A: 255}})
	p := NewPage(100, 50.5, "page 1")
	p.Add(
		&Rect{X: 0, Y: 0, W: 100, H: 50.5, Fill: Color{R: 255, G: 255, B: 255, A: 255}},
		&Rect{X: 1, Y: 2, W: 3, H: 4, Fill: &Gradient{X0: 0, Y0: 0, X1: 1, Y1: 1, Stops: []Stop{{0, Color{A: 255}}, {1, Color{R: 255, A: 128}}}}},
		&Text{Font: fontName("inter/Inter-Bold"), Size: 12, Color: Color{R: 17, G: 17, B: 17, A: 255}, X: 10.125, Y: 20, Text: "Hi"},
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

// recorder notes every call the walk makes, with the transform it got.
type recorder struct{ calls []string }

func (r *recorder) note(kind string, t Transform) error {
	r.calls = append(r.calls, kind+" "+num(t.DX)+","+num(t.DY)+" x"+num(t.S))
	return nil
}
func (r *recorder) Rect(_ *Rect, t Transform) error       { return r.note("rect", t) }
func (r *recorder) Path(_ *Path, t Transform) error       { return r.note("path", t) }
func (r *recorder) Line(_ *Line, t Transform) error       { return r.note("line", t) }
func (r *recorder) Text(_ *Text, t Transform) error       { return r.note("text", t) }
func (r *recorder) Image(_ *Image, t Transform) error     { return r.note("image", t) }
func (r *recorder) Link(_ *Link, t Transform) error       { return r.note("link", t) }
func (r *recorder) PDFPage(_ *PDFPage, t Transform) error { return r.note("pdfpage", t) }
func (r *recorder) PushClip(c Rect, t Transform) error {
	return r.note("push "+num(c.X)+","+num(c.Y)+" "+num(c.W)+"x"+num(c.H), t)
}
func (r *recorder) PopClip() error { r.calls = append(r.calls, "pop"); return nil }

// The walk hands items over in order, enters groups with their offset and
// scale, and clips only the groups that clip, popping what it pushed.
func TestDrawWalk(t *testing.T) {
	leaf := New(10, 10)
	leaf.Add(&Text{}, &Link{})
	inner := New(20, 20)
	inner.Add(&Line{}, &Group{X: 1, Y: 2, Scale: 0.5, Frame: leaf})
	f := New(100, 100)
	f.Add(&Rect{},
		&Group{X: 10, Y: 20, Scale: 2, Clip: Rect{X: 10, Y: 20, W: 40, H: 40}, Frame: inner},
		&Image{}, &PDFPage{}, &Path{})
	var r recorder
	if err := f.Draw(&r, Transform{DX: 3, DY: 4, S: 1}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"rect 3,4 x1",
		"push 10,20 40x40 3,4 x1",
		"line 13,24 x2",
		"text 15,28 x1",
		"link 15,28 x1",
		"pop",
		"image 3,4 x1",
		"pdfpage 3,4 x1",
		"path 3,4 x1",
	}
	if strings.Join(r.calls, "\n") != strings.Join(want, "\n") {
		t.Errorf("walk:\n%s\nwant:\n%s", strings.Join(r.calls, "\n"), strings.Join(want, "\n"))
	}
}

// failing fails on text, to show the walk stops at the first error.
type failing struct{ recorder }

func (f *failing) Text(*Text, Transform) error { return errors.New("no font") }

func TestDrawStopsAtError(t *testing.T) {
	inner := New(10, 10)
	inner.Add(&Text{}, &Rect{})
	f := New(10, 10)
	f.Add(&Group{Clip: Rect{W: 5, H: 5}, Frame: inner}, &Rect{})
	var d failing
	if err := f.Draw(&d, Transform{S: 1}); err == nil || err.Error() != "no font" {
		t.Errorf("Draw = %v, want the drawer's error", err)
	}
	if got := strings.Join(d.calls, "; "); got != "push 0,0 5x5 0,0 x1" {
		t.Errorf("calls after the error: %s", got)
	}
}

// fontName is a font known by its name only.
type fontName string

func (f fontName) Name() string { return string(f) }
