package press

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/testtool"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Every QR code scans, whatever the theme: the poster's, the flyer's back
// and the booklet's back cover in every built-in theme and a photo theme,
// read back with a QR decoder from the PNG preview and from a poppler
// render of the PDF. Many phone scanners do not read light modules on a
// dark ground, and neither does the decoder, so a code drawn in a dark
// theme's colours fails here. In the PNG the modules are snapped to
// pixels: inside the plate there are only the two colours, no grey seams.
func TestQRCodesScanInEveryTheme(t *testing.T) {
	testtool.Need(t, "pdftoppm")
	fx := setup(t)
	themes := map[string]*layout.Theme{}
	for _, name := range fx.lib.ThemeNames() {
		th, err := fx.lib.Theme(name)
		if err != nil {
			t.Fatal(err)
		}
		themes[name] = th
	}
	themes["photo"] = photoTheme(t, fx)
	for name, th := range themes {
		for _, doc := range []string{"poster", "flyer", "booklet"} {
			t.Run(name+"/"+doc, func(t *testing.T) {
				page, pdfBytes, pageNo := fx.qrPage(t, doc, th)
				// The PNG preview, as `poster` writes it.
				_, img, err := Preview(page, 1200)
				if err != nil {
					t.Fatal(err)
				}
				scan(t, "PNG preview", img, fx.brand.URL)
				twoColours(t, page, img)
				// The PDF, rendered by poppler.
				dir := t.TempDir()
				file := filepath.Join(dir, "doc.pdf")
				os.WriteFile(file, pdfBytes, 0o644)
				n := fmt.Sprint(pageNo)
				testtool.Run(t, "pdftoppm", "-r", "100", "-f", n, "-l", n, "-png", "-singlefile", file, filepath.Join(dir, "page"))
				scan(t, "PDF render", readPNG(t, filepath.Join(dir, "page.png")), fx.brand.URL)
			})
		}
	}
}

// qrPage composes the page of doc (poster, flyer or booklet) that holds a
// QR code, in theme th, and returns it, the document's PDF and the page's
// number in it.
func (fx fixture) qrPage(t *testing.T, doc string, th *layout.Theme) (*frame.Page, []byte, int) {
	t.Helper()
	switch doc {
	case "poster":
		p, _ := fx.poster(t, "poster-a4")
		p.Theme = th
		f, _, err := p.Compose()
		if err != nil {
			t.Fatal(err)
		}
		b, err := PDF([]*frame.Page{f}, pdfMeta{})
		if err != nil {
			t.Fatal(err)
		}
		return f, b, 1
	case "flyer":
		l, _ := fx.lib.Layout("flyer-a5")
		lf := &Leaflet{Layout: l, Theme: th, Fonts: fx.reg, Brand: fx.brand, Quotes: fx.qs[:1]}
		made, _, err := lf.Make()
		if err != nil {
			t.Fatal(err)
		}
		return made.Drawn[1], made.PDF, 2
	}
	b := fx.booklet(t, "booklet-a5")
	b.Theme, b.Quotes, b.Previews = th, fx.qs[:2], true
	made, _, err := b.Make(Reading, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return made.Drawn[len(made.Drawn)-1], made.PDF, len(made.Drawn)
}

// photoTheme is the ink theme over a dark, busy photo.
func photoTheme(t *testing.T, fx fixture) *layout.Theme {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 900, 1200))
	for y := 0; y < 1200; y++ {
		for x := 0; x < 900; x++ {
			v := uint8(40 + 30*math.Sin(float64(x)/13)*math.Cos(float64(y)/17))
			img.Set(x, y, color.RGBA{v, v / 2, uint8(x * 255 / 900), 255})
		}
	}
	file := filepath.Join(t.TempDir(), "photo.png")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, img)
	f.Close()
	ink, _ := fx.lib.Theme("ink")
	th := *ink
	th.Name = "photo"
	th.Background.Image, th.Background.Overlay = file, 0.75
	return &th
}

// scan decodes the one QR code in img and checks that it says url.
func scan(t *testing.T, what string, img image.Image, url string) {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("%s: the QR code does not scan: %v", what, err)
	}
	if res.GetText() != url {
		t.Errorf("%s: the QR code says %q, want %q", what, res.GetText(), url)
	}
}

// twoColours checks that inside the QR code's plate the PNG has only its
// dark and its light colour, the dark modules darker, and that the plate
// holds a quiet zone of at least four modules.
func twoColours(t *testing.T, page *frame.Page, img image.Image) {
	t.Helper()
	var plate *frame.Rect
	var modules *frame.Path
	for i, it := range page.Frame.Items {
		if p, ok := it.(*frame.Path); ok {
			modules, plate = p, page.Frame.Items[i-1].(*frame.Rect)
		}
	}
	if modules == nil {
		t.Fatal("no QR code on the page")
	}
	light := plate.Fill.(frame.Color)
	if lum(modules.Fill) >= lum(light) {
		t.Errorf("modules %v are not darker than their plate %v", modules.Fill, light)
	}
	// The quiet zone: from the plate's edge to the first module.
	x0, y0 := math.Inf(1), math.Inf(1)
	for _, sp := range modules.Subpaths {
		for _, p := range sp {
			x0, y0 = math.Min(x0, p.X), math.Min(y0, p.Y)
		}
	}
	m := modules.Subpaths[0][2].Y - modules.Subpaths[0][0].Y // a row's height
	if x0-plate.X < 4*m-1e-6 || y0-plate.Y < 4*m-1e-6 {
		t.Errorf("quiet zone %.2f × %.2f, want at least 4 modules (%.2f)", x0-plate.X, y0-plate.Y, 4*m)
	}
	s := float64(img.Bounds().Dx()) / page.W()
	// A pixel in from the plate's edge, which is not snapped.
	r := image.Rect(int(math.Ceil(plate.X*s))+1, int(math.Ceil(plate.Y*s))+1, int((plate.X+plate.W)*s)-1, int((plate.Y+plate.H)*s)-1)
	other := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			got := frame.Color{R: c.R, G: c.G, B: c.B, A: c.A}
			if got != light && got != modules.Fill {
				other++
			}
		}
	}
	if other > 0 {
		t.Errorf("%d pixels of the code are neither its dark nor its light colour: seams or blurred edges", other)
	}
}

// lum is a colour's brightness, enough to tell dark from light.
func lum(c frame.Color) float64 {
	return 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
}
