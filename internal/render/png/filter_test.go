package png

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	stdpng "image/png"
	"math/rand/v2"
	"testing"
)

// upRow gives each byte of an opaque RGBA row less the one above it, as
// RGB, for every pair of values (the subtraction works on four bytes at a
// time, so borrows must not cross between them).
func TestUpRow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 1 + r.IntN(40)
		row, up := make([]byte, 4*n), make([]byte, 4*n)
		for i := range row {
			row[i], up[i] = byte(r.Uint32()), byte(r.Uint32())
			if trial%3 == 0 { // extremes and equal values
				row[i], up[i] = []byte{0, 1, 127, 128, 255}[r.IntN(5)], []byte{0, 1, 127, 128, 255}[r.IntN(5)]
			}
		}
		got := make([]byte, 3*n)
		upRow(got, row, up)
		for x := 0; x < n; x++ {
			for c := 0; c < 3; c++ {
				if want := row[4*x+c] - up[4*x+c]; got[3*x+c] != want {
					t.Fatalf("pixel %d channel %d: %d - %d gave %d, want %d", x, c, row[4*x+c], up[4*x+c], got[3*x+c], want)
				}
			}
		}
	}
}

func BenchmarkUpRow(b *testing.B) {
	row, up, out := make([]byte, 4320), make([]byte, 4320), make([]byte, 3240)
	for i := range row {
		row[i], up[i] = byte(i*7), byte(i*13)
	}
	b.SetBytes(int64(len(out)))
	for i := 0; i < b.N; i++ {
		upRow(out, row, up)
	}
}

// Encode is lossless on every path: a flat card (palette), a gradient and
// a photo-like image (RGB, compressed in the two ways), at odd sizes; and
// it writes the colour type the path promises.
func TestEncodeLossless(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	flat := image.NewRGBA(image.Rect(0, 0, 97, 61))
	grad := image.NewRGBA(image.Rect(0, 0, 301, 157))
	noise := image.NewRGBA(image.Rect(0, 0, 257, 131))
	for _, im := range []*image.RGBA{flat, grad, noise} {
		b := im.Bounds()
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				c := color.RGBA{200, 30, 40, 255}
				switch im {
				case flat:
					if (x/7+y/5)%3 == 0 {
						c = color.RGBA{255, 255, 255, 255}
					}
				case grad:
					c = color.RGBA{uint8(100 + x*40/b.Dx()), 40, uint8(y * 255 / b.Dy()), 255} // runs of one colour
				case noise:
					c = color.RGBA{uint8(r.Uint32()), uint8(r.Uint32()), uint8(r.Uint32()), 255}
				}
				im.SetRGBA(x, y, c)
			}
		}
	}
	for _, tc := range []struct {
		name      string
		img       *image.RGBA
		colorType byte
	}{{"flat", flat, 3}, {"gradient", grad, 2}, {"noise", noise, 2}} {
		var buf bytes.Buffer
		if err := Encode(&buf, tc.img); err != nil {
			t.Fatal(err)
		}
		if ct := buf.Bytes()[25]; ct != tc.colorType {
			t.Errorf("%s: colour type %d, want %d", tc.name, ct, tc.colorType)
		}
		got, err := stdpng.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if x, y, w, g, ok := firstDiff(tc.img, got); ok {
			t.Fatalf("%s: pixel %d,%d is %v, want %v", tc.name, x, y, g, w)
		}
	}
}

// A card encoded over its background holds exactly its own pixels, copies
// the rows the background has unchanged (and only those: a row is copied
// when it and the row above are the background's), and works for a
// gradient and a photo-like background, for a card that is all
// background, and for one changed in its first and last rows.
func TestEncodeOverBase(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const w, h = 211, 43
	grad := image.NewRGBA(image.Rect(0, 0, w, h))
	photo := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			grad.SetRGBA(x, y, color.RGBA{uint8(20 + (x+y)/9), uint8(26 + x/4), uint8(60 + y/5), 255}) // more than 256 colours
			photo.SetRGBA(x, y, color.RGBA{uint8(r.Uint32()), uint8(r.Uint32()), uint8(r.Uint32()), 255})
		}
	}
	for _, bg := range []*image.RGBA{grad, photo} {
		base := NewBase(bg)
		for _, tc := range []struct {
			name   string
			rows   []int // rows changed
			copied int
		}{
			{"all background", nil, h},
			// Rows 19 and 20, and 21, filtered against 20.
			{"text in two rows", []int{19, 20}, h - 3},
			{"rows apart", []int{5, 30}, h - 4},
			{"first and last rows", []int{0, h - 1}, h - 3},
		} {
			card := image.NewRGBA(bg.Rect)
			copy(card.Pix, bg.Pix)
			for _, y := range tc.rows {
				for x := 10; x < 40; x++ {
					card.SetRGBA(x, y, color.RGBA{255, 255, 255, 255})
				}
			}
			var buf bytes.Buffer
			e := new(Encoder)
			if err := e.EncodeOver(&buf, card, base); err != nil {
				t.Fatal(err)
			}
			got, err := stdpng.Decode(&buf)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if x, y, want, g, ok := firstDiff(card, got); ok {
				t.Fatalf("%s: pixel %d,%d is %v, want %v", tc.name, x, y, g, want)
			}
			if e.copied != tc.copied {
				t.Errorf("%s: %d rows copied from the background, want %d", tc.name, e.copied, tc.copied)
			}
		}
	}
	if got, want := adler32Combine(adler32.Checksum([]byte("broad")), adler32.Checksum([]byte("side cards")), 10), adler32.Checksum([]byte("broadside cards")); got != want {
		t.Errorf("adler32Combine: %08x, want %08x", got, want)
	}
}

// A card over a background is written over it without counting its own
// colours only when that is safe: over a background of 256 colours or
// fewer, the card's changed rows must bring it past 256 (else it is a
// palette PNG, as alone); a transparent pixel in a changed row sends it to
// the standard encoder. Every card decodes to its own pixels.
func TestEncodeOverPaletteBase(t *testing.T) {
	const w, h = 200, 32
	bg := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			bg.SetRGBA(x, y, color.RGBA{uint8(x / 2), 40, uint8(y % 2), 255}) // 200 colours
		}
	}
	base := NewBase(bg)
	for _, tc := range []struct {
		name     string
		colours  int   // new colours drawn in row 11
		alpha    uint8 // their alpha
		copied   int
		paletted bool
	}{
		{"few new colours: a palette PNG, as alone", 20, 255, 0, true},
		// All rows but row 11 and row 12, filtered against it.
		{"past 256 colours: RGB over the background", 100, 255, h - 2, false},
		{"transparent: the standard encoder", 100, 128, 0, false},
	} {
		card := image.NewRGBA(bg.Rect)
		copy(card.Pix, bg.Pix)
		for i := 0; i < tc.colours; i++ {
			card.SetRGBA(i, 11, color.RGBA{200, uint8(i), 90, tc.alpha})
		}
		var buf bytes.Buffer
		e := new(Encoder)
		if err := e.EncodeOver(&buf, card, base); err != nil {
			t.Fatal(err)
		}
		got, err := stdpng.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if _, ok := got.(*image.Paletted); ok != tc.paletted {
			t.Errorf("%s: decoded as %T", tc.name, got)
		}
		if x, y, want, g, ok := firstDiff(card, got); ok {
			t.Fatalf("%s: pixel %d,%d is %v, want %v", tc.name, x, y, g, want)
		}
		if e.copied != tc.copied {
			t.Errorf("%s: %d rows copied from the background, want %d", tc.name, e.copied, tc.copied)
		}
	}
}

// opaqueRow finds a pixel that is not opaque wherever it is, in rows of
// odd and even lengths.
func TestOpaqueRow(t *testing.T) {
	for n := 0; n < 9; n++ {
		row := bytes.Repeat([]byte{1, 2, 3, 0xff}, n)
		if !opaqueRow(row) {
			t.Fatalf("%d opaque pixels: not opaque", n)
		}
		for i := 0; i < n; i++ {
			row[4*i+3] = 0xfe
			if opaqueRow(row) {
				t.Fatalf("%d pixels, pixel %d at alpha 0xfe: opaque", n, i)
			}
			row[4*i+3] = 0xff
		}
	}
}

// firstDiff returns the first pixel, in reading order, where got is not
// want's colour (compared unpremultiplied, so translucent pixels count
// too), and whether there is one.
func firstDiff(want *image.RGBA, got image.Image) (x, y int, w, g color.Color, found bool) {
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			w, g := color.NRGBAModel.Convert(want.RGBAAt(x, y)), color.NRGBAModel.Convert(got.At(x, y))
			if w != g {
				return x, y, w, g, true
			}
		}
	}
	return 0, 0, nil, nil, false
}
