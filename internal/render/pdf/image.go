package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"

	"codeberg.org/go-pdf/fpdf"
	"github.com/broadside/broadside/internal/frame"
)

// Image registers an image once, as lossless PNG, and draws it.
func (w *writer) Image(it *frame.Image, t frame.Transform) error {
	ref, ok := w.images[it.Key]
	if !ok {
		img := it.Img
		if p, ok := img.(interface{ Pixels() (image.Image, error) }); ok {
			// A photo decoded when drawn (imageio.Photo): a PDF keeps
			// every pixel.
			var err error
			if img, err = p.Pixels(); err != nil {
				return err
			}
		}
		bw := img.Bounds().Dx()
		ref = &imageRef{name: fmt.Sprintf("img%d", len(w.images)), scaleW: 1}
		if w.widths[bw] {
			// fpdf writes images of equal pixel width in random order;
			// a transparent column keeps every width unique, so the same
			// inputs give the same bytes.
			for w.widths[bw] {
				bw++
			}
			img = pad(img, bw)
			ref.scaleW = float64(bw) / float64(it.Img.Bounds().Dx())
		}
		w.widths[bw] = true
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return fmt.Errorf("image %s: %w", it.Key, err)
		}
		w.pdf.RegisterImageOptionsReader(ref.name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
		w.images[it.Key] = ref
	}
	if it.Opacity > 0 && it.Opacity < 1 {
		w.pdf.SetAlpha(it.Opacity, "Normal")
	}
	w.pdf.ImageOptions(ref.name, t.X(it.X), t.Y(it.Y), it.W*t.S*ref.scaleW, it.H*t.S, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	if it.Opacity > 0 && it.Opacity < 1 {
		w.pdf.SetAlpha(1, "Normal")
	}
	return w.pdf.Error()
}

// pad widens img to w pixels with transparent columns on the right.
func pad(img image.Image, w int) image.Image {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, w, b.Dy()))
	draw.Draw(out, image.Rect(0, 0, b.Dx(), b.Dy()), img, b.Min, draw.Src)
	return out
}
