package imageio

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"sync"

	"github.com/broadside/broadside/internal/imageio/scaledjpeg"
)

// Photo is a JPEG file whose pixels are decoded when they are first needed,
// and only as many as are needed: the DCT lets a JPEG be decoded at a half,
// a quarter or an eighth of its size at once (scaledjpeg), so a 4000 × 3000
// photo behind 1080-pixel cards is decoded at 2000 × 1500 and never held at
// full size; a poster that prints it whole gets every pixel (Pixels).
//
// Load checks a photo by decoding it at the size cards most often need
// (cardScale), so that a file damaged anywhere is refused when the theme is
// checked, once, naming the file, and the first card finds it decoded.
type Photo struct {
	name  string
	data  []byte
	rect  image.Rectangle
	model color.Model

	mu  sync.Mutex
	by  map[int]image.Image // decoded images by scale (1, 2, 4, 8)
	err error
}

// scales are the sizes a Photo can be decoded at, smallest first.
var scales = [...]int{8, 4, 2, 1}

// cardSide is the short side of the platforms' cards (1080 × 1080,
// 1080 × 1350, 1080 × 1920, 1200 × 675 and the like, drawn over a photo
// that covers them): the least short side a photo is checked at.
const cardSide = 1080

// cardScale is the scale at which p is checked when loaded: the least size
// whose short side is still cardSide pixels or more (its full size when it
// is smaller).
func (p *Photo) cardScale() int {
	for _, s := range scales {
		if min(ceilDiv(p.rect.Dx(), s), ceilDiv(p.rect.Dy(), s)) >= cardSide {
			return s
		}
	}
	return 1
}

// newPhoto returns a Photo for a JPEG file that scaledjpeg reads, or nil
// when image/jpeg must decode it (progressive, CMYK, …) or it does not end
// as a whole JPEG does (a file cut short is then reported by image/jpeg).
func newPhoto(name string, data []byte) *Photo {
	h, err := scaledjpeg.DecodeHeader(data)
	if err != nil || !h.Supported || !endsWhole(data) {
		return nil
	}
	model := color.YCbCrModel
	if h.Components == 1 {
		model = color.GrayModel
	}
	return &Photo{name: name, data: data, rect: image.Rect(0, 0, h.Width, h.Height), model: model}
}

// endsWhole reports whether data ends with a JPEG's end-of-image marker,
// allowing the padding some writers put after it.
func endsWhole(data []byte) bool {
	return bytes.HasSuffix(bytes.TrimRight(data, "\x00\r\n \t"), []byte{0xff, 0xd9})
}

// Bounds is the photo's full size.
func (p *Photo) Bounds() image.Rectangle { return p.rect }

// ColorModel is that of the decoded image.
func (p *Photo) ColorModel() color.Model { return p.model }

// Opaque reports that a JPEG has no transparent pixels.
func (p *Photo) Opaque() bool { return true }

// At decodes the whole photo (once) for code that reads pixels one by one;
// a photo that cannot be decoded reads as black.
func (p *Photo) At(x, y int) color.Color {
	img, err := p.Pixels()
	if err != nil {
		return color.Black
	}
	return img.At(x, y)
}

// JPEG returns the photo's file, for a PDF to embed as it is (its readers
// decode JPEG); it must not be changed.
func (p *Photo) JPEG() []byte { return p.data }

// Pixels returns the photo at its full size.
func (p *Photo) Pixels() (image.Image, error) { return p.decoded(1) }

// AtLeast returns the photo decoded at the smallest of its sizes (full, a
// half, a quarter or an eighth) that is still at least w × h pixels, for
// drawing it at w × h: resampling that gives what resampling the whole
// photo would, its detail finer than the pixels drawn already gone.
func (p *Photo) AtLeast(w, h int) (image.Image, error) {
	scale := 1
	for _, s := range scales {
		if ceilDiv(p.rect.Dx(), s) >= w && ceilDiv(p.rect.Dy(), s) >= h {
			scale = s
			break
		}
	}
	return p.decoded(scale)
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// decoded returns the photo at 1/scale of its size, decoding it the first
// time. Each size is decoded for itself, never taken from a larger one
// decoded before, so a card's pixels do not depend on what else the process
// drew first (a poster's whole photo, in the studio or `build`). Callers
// wait for each other: a batch's workers want the same size at once.
func (p *Photo) decoded(scale int) (image.Image, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return nil, p.err
	}
	if img, ok := p.by[scale]; ok {
		return img, nil
	}
	img, err := scaledjpeg.Decode(p.data, scale)
	if errors.Is(err, scaledjpeg.ErrUnsupported) {
		// Not expected (the header said it reads the file), but
		// image/jpeg can, at full size.
		img, err = jpeg.Decode(bytes.NewReader(p.data))
	}
	if err != nil {
		p.err = damaged(p.name, "jpeg", err)
		return nil, p.err
	}
	if p.by == nil {
		p.by = map[int]image.Image{}
	}
	p.by[scale] = img
	return img, nil
}
