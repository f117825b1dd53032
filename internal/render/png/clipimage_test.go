package png

import (
	"image"
	"image/color"
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

// A photo under a clip that is not on whole pixels (drawn through gg's
// mask) is the photo under the nearest clip on whole pixels (drawn
// directly) but at the clip's edges: both resample it to its box rounded
// to whole pixels.
func TestImageUnderFractionalClip(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			src.SetRGBA(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	draw := func(clip frame.Rect) *image.RGBA {
		inner := frame.New(clip.W, clip.H)
		inner.Add(&frame.Image{X: -10, Y: -5, W: 150, H: 100, Img: src, Key: "photo"})
		p := frame.NewPage(160, 120, "1")
		p.Add(&frame.Group{X: clip.X, Y: clip.Y, Clip: clip, Frame: inner})
		img, err := New().Render(p, 1)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	whole := draw(frame.Rect{X: 20, Y: 10, W: 120, H: 90})
	frac := draw(frame.Rect{X: 20.3, Y: 10.4, W: 119.4, H: 89.2})
	// Inside both clips, a pixel or more from their edges.
	bad := 0
	for y := 12; y < 98; y++ {
		for x := 22; x < 138; x++ {
			a, b := whole.RGBAAt(x, y), frac.RGBAAt(x, y)
			d := func(p, q uint8) int { return max(int(p)-int(q), int(q)-int(p)) }
			if d(a.R, b.R) > 8 || d(a.G, b.G) > 8 || d(a.B, b.B) > 8 {
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d pixels inside the clips differ by more than 8 levels", bad)
	}
}
