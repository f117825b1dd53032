package layout

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An image too small for its print size is a warning that comes back with
// the page, not an error; screens get none, and a booklet says each once
// however many of its pages repeat it.
func TestWarningsComeWithTheResult(t *testing.T) {
	e := setup(t)
	photo := filepath.Join(t.TempDir(), "photo.png")
	f, err := os.Create(photo)
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, image.NewRGBA(image.Rect(0, 0, 300, 200)))
	f.Close()
	ink, _ := e.lib.Theme("ink")
	th := *ink
	th.Background.Image, th.Background.Overlay = photo, 0.8
	in := Input{Quote: e.qs[0], Brand: e.brand}

	poster, _ := e.lib.Layout("poster-a3")
	if _, warns, err := Compose(in, poster, &th, e.reg); err != nil || len(warns) != 1 || !strings.HasPrefix(warns[0], "the background image of theme ink is 300 pixels wide") {
		t.Errorf("poster: %q, %v; want one warning about the photo", warns, err)
	}
	card, _ := e.lib.Layout("instagram-square")
	if _, warns, err := Compose(in, card, &th, e.reg); err != nil || len(warns) != 0 {
		t.Errorf("card: %q, %v; want no warnings on a screen", warns, err)
	}
	booklet, _ := e.lib.Layout("booklet-a5")
	e.brand.Logo, e.brand.LogoKey = image.NewRGBA(image.Rect(0, 0, 120, 40)), "tiny-logo"
	bk, warns, err := ComposeBooklet(e.qs, e.brand, booklet, &th, e.reg, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 2 || !strings.HasPrefix(warns[0], "the background image") || !strings.HasPrefix(warns[1], "the logo is 120 pixels wide") {
		t.Errorf("booklet: %q, %v; want the photo's warning, then the logo's, once each", warns, err)
	}
	if len(bk.Pages) < 3 {
		t.Errorf("%d pages; the test needs the photo on several", len(bk.Pages))
	}
}
