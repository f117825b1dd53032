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

// Image registers an image once, as lossless PNG (a JPEG photo as its own
// file), and draws it.
func (w *writer) Image(it *frame.Image, t frame.Transform) error {
	ref, ok := w.images[it.Key]
	if !ok && w.jpeg(it) {
		ref, ok = w.images[it.Key], true
	}
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
		ref.kind = "PNG"
		w.pdf.RegisterImageOptionsReader(ref.name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
		w.images[it.Key] = ref
	}
	if it.Opacity > 0 && it.Opacity < 1 {
		w.pdf.SetAlpha(it.Opacity, "Normal")
	}
	w.pdf.ImageOptions(ref.name, t.X(it.X), t.Y(it.Y), it.W*t.S*ref.scaleW, it.H*t.S, false, fpdf.ImageOptions{ImageType: ref.kind}, 0, "")
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

// jpeg registers a JPEG photo (imageio.Photo) as the file itself, which
// PDF readers decode (DCTDecode), and reports whether it did. Decoding its
// 12 megapixels and coding them again as a 16-bit PNG took a photo
// poster 12 s and 17 MB; the file is a few MB and costs nothing to embed.
// Its width must be one no other image of the document has (see Image),
// else it goes the PNG way.
func (w *writer) jpeg(it *frame.Image) bool {
	p, ok := it.Img.(interface{ JPEG() []byte })
	if !ok {
		return false
	}
	bw := it.Img.Bounds().Dx()
	if w.widths[bw] {
		return false
	}
	w.widths[bw] = true
	ref := &imageRef{name: fmt.Sprintf("img%d", len(w.images)), scaleW: 1, kind: "JPG"}
	w.pdf.RegisterImageOptionsReader(ref.name, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(p.JPEG()))
	w.images[it.Key] = ref
	return true
}
