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

var encoder = png.Encoder{CompressionLevel: png.DefaultCompression, BufferPool: &bufferPool{}}

// Encode writes img as PNG.
func Encode(w io.Writer, img image.Image) error { return encoder.Encode(w, img) }
