package png

import (
	"image"
	"image/png"
	"io"
	"sync"
)

// bufferPool lets the encoder reuse its large buffers across cards.
type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	if v, ok := b.p.Get().(*png.EncoderBuffer); ok {
		return v
	}
	return nil
}
func (b *bufferPool) Put(e *png.EncoderBuffer) { b.p.Put(e) }

// encoder is the standard library's, for images the fast path does not
// take (transparent ones).
var encoder = png.Encoder{CompressionLevel: png.DefaultCompression, BufferPool: &bufferPool{}}

var encoders = sync.Pool{New: func() any { return new(Encoder) }}

// Encode writes img as PNG with a pooled Encoder.
func Encode(w io.Writer, img image.Image) error {
	e := encoders.Get().(*Encoder)
	defer encoders.Put(e)
	return e.Encode(w, img)
}

// Encode writes img, the page the renderer drew last, as PNG: over its
// background, compressed once for the batch, when it has one (see Base).
// What the renderer knows of the rows it drew spares the encoder reading
// them (see rowHints).
func (r *Renderer) Encode(w io.Writer, img image.Image) error {
	e := encoders.Get().(*Encoder)
	defer encoders.Put(e)
	if rgba, ok := img.(*image.RGBA); ok {
		e.touched, e.same, e.lo, e.hi = r.rowHints(rgba)
		if e.lo != nil {
			// Only a photo's Base copies cells: the mask is made when
			// writeRows finds it has one.
			e.cellHints = func() cellMask { return r.cellHints(rgba) }
		}
		defer func() {
			e.touched, e.same, e.lo, e.hi, e.cells, e.cellHints = nil, nil, nil, nil, cellMask{}, nil
		}()
		if ix := r.ix.of(rgba); ix != nil {
			return e.encode(w, img, nil, ix)
		}
	}
	return e.EncodeOver(w, img, r.base)
}
