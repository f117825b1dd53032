package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/imageio"
)

// A JPEG photo is embedded as its own file (DCTDecode), not decoded and
// coded again as PNG; a second image of the same pixel width, which fpdf
// could not keep apart, goes the PNG way, widened by a column.
func TestPhotoEmbeddedAsJPEG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	im, err := imageio.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := im.Img.(*imageio.Photo); !ok {
		t.Fatalf("a baseline JPEG loads as %T", im.Img)
	}
	logo := image.NewNRGBA(image.Rect(0, 0, 64, 10)) // the photo's width
	logo.Set(3, 3, color.NRGBA{200, 0, 0, 255})
	p := frame.NewPage(200, 300, "1")
	p.Add(&frame.Image{X: 10, Y: 10, W: 100, H: 75, Img: im.Img, Key: im.Key})
	p.Add(&frame.Image{X: 10, Y: 100, W: 100, H: 15, Img: logo, Key: "logo"})
	var out bytes.Buffer
	if err := Write(&out, Doc{Pages: []*frame.Page{p}}); err != nil {
		t.Fatal(err)
	}
	pdf := out.Bytes()
	if !bytes.Contains(pdf, []byte("/DCTDecode")) {
		t.Error("the photo is not embedded as JPEG")
	}
	if !bytes.Contains(pdf, b.Bytes()[:200]) {
		t.Error("the photo's file is not in the PDF as it is")
	}
	if !bytes.Contains(pdf, []byte("/Width 65")) {
		t.Error("the logo of the photo's width was not widened to a width of its own")
	}
}
