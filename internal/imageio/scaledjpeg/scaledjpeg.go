// Package scaledjpeg decodes baseline JPEG files at 1/1, 1/2, 1/4 or 1/8 of
// their size straight from the DCT coefficients, the way libjpeg's
// scale_denom does: each 8×8 block becomes an N×N block (N = 8/scale) by an
// N-point inverse DCT of its low-frequency N×N corner.
//
// Why: a 4000 × 3000 photo behind a 1080 × 1080 card costs image/jpeg a
// full 12-megapixel decode on one core and then a resample of 12 megapixels.
// Decoding at 1/2 or 1/4 skips the full-size IDCT and colour planes, and the
// dequantisation and IDCT run on a second goroutine beside the (serial)
// Huffman decoding.
//
// It is written from ITU-T T.81. Only what photos in practice use is
// supported; everything else returns ErrUnsupported so that the caller
// decodes the file with image/jpeg instead.
package scaledjpeg

import (
	"errors"
	"fmt"
	"image"
)

// ErrUnsupported says the file is a JPEG this package does not decode
// (progressive, arithmetic-coded, lossless, 12-bit, CMYK, RGB, unusual
// subsampling…); the caller falls back to image/jpeg.
var ErrUnsupported = errors.New("scaledjpeg: unsupported JPEG")

// Limits on the frame, checked before anything is allocated.
const (
	MaxSide   = 65535
	MaxPixels = 50_000_000
)

// Header is what the markers before the first scan say.
type Header struct {
	Width, Height int
	Components    int
	// Progressive is true for SOF2 (and the other progressive frame types).
	Progressive bool
	// Supported reports whether Decode handles this kind of file; when it
	// is false Decode returns ErrUnsupported and image/jpeg must be used.
	Supported bool
}

// unsupported wraps ErrUnsupported with the reason.
func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}

// formatError is damaged data.
func formatError(format string, args ...any) error {
	return fmt.Errorf("scaledjpeg: damaged JPEG: %s", fmt.Sprintf(format, args...))
}

// DecodeHeader reads the markers up to the first scan. It returns an error
// only for damaged data; a file Decode cannot handle gives a Header with
// Supported false.
func DecodeHeader(data []byte) (Header, error) {
	d := &decoder{data: data}
	err := d.readUntilScan()
	switch {
	case err != nil && errors.Is(err, ErrUnsupported) && d.haveFrame:
		return d.header(), nil
	case err != nil:
		return Header{}, err
	case !d.haveFrame:
		return Header{}, formatError("the file has no image")
	}
	return d.header(), nil
}

// Decode decodes data at 1/scale of its size (scale 1, 2, 4 or 8): the
// result is ceil(Width/scale) × ceil(Height/scale). Three components give
// an *image.YCbCr with the file's chroma subsampling, one component an
// *image.Gray.
func Decode(data []byte, scale int) (image.Image, error) {
	n := 0
	switch scale {
	case 1:
		n = 8
	case 2:
		n = 4
	case 4:
		n = 2
	case 8:
		n = 1
	default:
		return nil, fmt.Errorf("scaledjpeg: scale %d is not 1, 2, 4 or 8", scale)
	}
	d := &decoder{data: data, n: n}
	return d.decode()
}

func (d *decoder) header() Header {
	return Header{
		Width:       d.width,
		Height:      d.height,
		Components:  len(d.comps),
		Progressive: d.progressive,
		Supported:   d.unsupported == nil,
	}
}
