package png

import (
	"bytes"
	"image"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/testkit"
)

// TestIndexedIsQuantized: a flat card's palette indexes, kept as it is
// drawn (indexed.go), decode to the card's pixels, as the indexes the
// encoder finds by reading the pixels do; the card is written from the
// kept indexes (the test fails if they silently stop being kept), card
// after card into one image; a card with more than 256 colours (a photo
// for a logo) is read from its pixels instead.
func TestIndexedIsQuantized(t *testing.T) {
	reg, lib, ds := testkit.Load(t)
	brand := layout.Brand{Campaign: "Global Support", URL: "https://example.org", Hashtags: []string{"FreeAssange"}}
	photo := image.NewRGBA(image.Rect(0, 0, 40, 40))
	for i := range photo.Pix {
		photo.Pix[i] = uint8(i * 13)
	}
	for i := 3; i < len(photo.Pix); i += 4 {
		photo.Pix[i] = 255
	}
	for _, name := range []string{"instagram-square", "x", "story"} {
		l, err := lib.Layout(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, thName := range []string{"paper", "bold"} {
			th, _ := lib.Theme(thName)
			r := New()
			var img *image.RGBA
			for i, q := range ds.Quotes[:8] {
				p, _, err := layout.Compose(layout.Input{Quote: q, Brand: brand}, l, th, reg)
				if err != nil {
					t.Fatal(err)
				}
				many := i == 5
				if many {
					p.Frame.Items = append(p.Frame.Items, &frame.Image{X: 10, Y: 10, W: 80, H: 80, Img: photo, Key: "photo"})
				}
				w, h := int(l.Size.Width+0.5), int(l.Size.Height+0.5)
				if img, err = r.RenderInto(img, p, w, h); err != nil {
					t.Fatal(err)
				}
				if kept := r.ix.of(img) != nil; kept == many {
					t.Fatalf("%s %s card %d: indexes kept %v with %d colours", name, thName, i, kept, len(r.ix.palette))
				}
				var kept, read bytes.Buffer
				if err := r.Encode(&kept, img); err != nil {
					t.Fatal(err)
				}
				if err := Encode(&read, img); err != nil {
					t.Fatal(err)
				}
				for _, b := range [][]byte{kept.Bytes(), read.Bytes()} {
					if got := testkit.DecodeRGBA(t, b); !bytes.Equal(got.Pix, img.Pix) {
						t.Fatalf("%s %s card %d: the PNG decodes to other pixels", name, thName, i)
					}
				}
			}
		}
	}
}
