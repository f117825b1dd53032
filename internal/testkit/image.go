package testkit

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"testing"
)

// DecodeRGBA decodes the PNG b into RGBA, so that tests compare pixels of
// cards whatever colour model their encoder chose (palette or RGB).
func DecodeRGBA(t testing.TB, b []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}
