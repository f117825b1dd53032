package cards

import (
	"bytes"
	"fmt"
	"image"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/layout"
	bpng "github.com/broadside/broadside/internal/render/png"
	"github.com/broadside/broadside/internal/testkit"
)

// TestRepaintIsFresh: a worker draws card after card into one image,
// repainting only where the last card drew over the background (flat
// colour, gradient or photo), and its encoder skips the rows it knows are
// the background's. Every card must come out pixel for pixel as the same
// card drawn alone into a new image, and decode from its PNG to them:
// cards of every theme, with shapes of every kind added at places that
// move from card to card (lines, rules off the pixel grid, stroked boxes,
// snapped and free paths, a logo, clipped drawing), so that whatever one
// card drew and the next did not is seen.
func TestRepaintIsFresh(t *testing.T) {
	fx := setup(t, "instagram-square")
	_, lib, _ := testkit.Load(t)
	logo := image.NewRGBA(image.Rect(0, 0, 60, 30))
	for i := range logo.Pix {
		logo.Pix[i] = uint8(i * 7)
	}
	for i := 3; i < len(logo.Pix); i += 4 {
		logo.Pix[i] = 255
	}
	for _, name := range []string{"paper", "ink", "bold", "dusk", "print", "photo"} {
		t.Run(name, func(t *testing.T) {
			th := theme(t, lib, name)
			bgs := bpng.NewBackgrounds()
			r := bpng.New()
			r.Backgrounds = bgs
			var img *image.RGBA
			for i := range 12 {
				q := fx.qs[i%len(fx.qs)]
				f, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, fx.l, th, fx.reg)
				if err != nil {
					t.Fatal(err)
				}
				addShapes(f.Frame, i, logo)
				var err2 error
				img, err2 = r.RenderInto(img, f, 1080, 1080)
				if err2 != nil {
					t.Fatal(err2)
				}
				var got bytes.Buffer
				if err := r.Encode(&got, img); err != nil {
					t.Fatal(err)
				}
				alone := bpng.New()
				alone.Backgrounds = bpng.NewBackgrounds()
				fresh, err := alone.RenderInto(nil, f, 1080, 1080)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(fresh.Pix, img.Pix) {
					t.Fatalf("card %d: drawn after another, its pixels differ from the card drawn alone", i)
				}
				// A row the encoder wrongly took for the background's, or
				// for the one above, decodes to other pixels.
				if dec := testkit.DecodeRGBA(t, got.Bytes()); !bytes.Equal(dec.Pix, fresh.Pix) {
					t.Fatalf("card %d: encoded with the renderer's row hints, the PNG decodes to other pixels", i)
				}
			}
		})
	}
}

// addShapes adds to f shapes of every kind the painter marks, placed by i.
func addShapes(f *frame.Frame, i int, logo image.Image) {
	c := frame.Color{R: 200, G: 40, B: 30, A: 255}
	half := frame.Color{R: 10, G: 90, B: 200, A: 128}
	d := float64(i%4) * 37.3
	var items []frame.Item
	switch i % 3 {
	case 0:
		items = append(items,
			&frame.Line{X0: 40 + d, Y0: 100 + d, X1: 300 + d, Y1: 140 + d, Width: 3, Color: c},
			&frame.Rect{X: 500.4 + d, Y: 60.7 + d, W: 80.2, H: 33.3, Fill: half, Stroke: c, StrokeWidth: 2},
			&frame.Path{Subpaths: [][]frame.Point{{{X: 700, Y: 900 - d}, {X: 760, Y: 960 - d}, {X: 690, Y: 990 - d}}}, Fill: c},
		)
	case 1:
		items = append(items,
			&frame.Path{Snap: true, Subpaths: [][]frame.Point{
				{{X: 20, Y: 20 + d}, {X: 60, Y: 20 + d}, {X: 60, Y: 60 + d}, {X: 20, Y: 60 + d}},
				{{X: 0, Y: 300 + d}, {X: 1080, Y: 300 + d}, {X: 1080, Y: 304 + d}, {X: 0, Y: 304 + d}},
			}, Fill: c},
			&frame.Image{X: 900 - d, Y: 40, W: 120, H: 60, Img: logo, Key: fmt.Sprint("logo", i%2)},
			&frame.Rect{X: 0, Y: 0, W: 24, H: 1080, Fill: c},
		)
	case 2:
		items = append(items,
			&frame.Group{Scale: 1, Clip: frame.Rect{X: 100.5, Y: 700.5 - d, W: 200, H: 100}, Frame: &frame.Frame{W: f.W, H: f.H, Items: []frame.Item{
				&frame.Rect{X: 0, Y: 0, W: 1080, H: 1080, Fill: half},
				&frame.Image{X: 90, Y: 690 - d, W: 240, H: 120, Img: logo, Key: "logo"},
			}}},
			&frame.Rect{X: 300, Y: 500 + d, W: 200, H: 40, Fill: &frame.Gradient{X0: 300, Y0: 0, X1: 500, Y1: 0, Stops: []frame.Stop{{Offset: 0, Color: c}, {Offset: 1, Color: half}}}},
		)
	}
	f.Items = append(f.Items, items...)
}

// theme returns the built-in theme name, or for "photo" dusk's colours
// over a photograph.
func theme(t *testing.T, lib *layout.Library, name string) *layout.Theme {
	builtin := name
	if name == "photo" {
		builtin = "dusk"
	}
	th, err := lib.Theme(builtin)
	if err != nil {
		t.Fatal(err)
	}
	if name == "photo" {
		photo := *th
		photo.Background = layout.Background{Image: writeTestPhoto(t), Overlay: 0.65}
		return &photo
	}
	return th
}
