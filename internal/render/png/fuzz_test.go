package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"testing"
)

// FuzzEncode draws cards from the fuzzer's bytes, a background and text
// over it, and checks that every path of the encoder (palette runs, RGB
// over a background with literal codes or runs, RGB alone, transparency)
// writes a PNG that decodes to exactly the card's pixels. The encoder
// writes its own deflate (Huffman codes, runs, rows spliced in as bits),
// so a slip there would be a card no program can open.
func FuzzEncode(f *testing.F) {
	f.Add(uint8(40), uint8(30), uint8(0), []byte("broadside"))
	f.Add(uint8(97), uint8(61), uint8(1), []byte{0, 255, 3, 200, 7, 7, 7, 7, 9})
	f.Add(uint8(211), uint8(43), uint8(2), bytes.Repeat([]byte{1, 2, 3, 250}, 40))
	f.Add(uint8(5), uint8(200), uint8(3), []byte{255, 0, 255, 0})
	f.Fuzz(func(t *testing.T, w, h, kind uint8, ink []byte) {
		if w == 0 || h == 0 {
			return
		}
		bg := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
		seed := uint32(len(ink)) * 2654435761
		for y := 0; y < int(h); y++ {
			for x := 0; x < int(w); x++ {
				var c color.RGBA
				switch kind % 4 {
				case 0: // flat
					c = color.RGBA{245, 240, 230, 255}
				case 1: // a gradient, more than 256 colours on large cards
					c = color.RGBA{uint8(20 + (x+y)/3), uint8(26 + x/2), uint8(60 + y/2), 255}
				case 2: // noise: a photo
					seed = seed*1664525 + 1013904223
					c = color.RGBA{uint8(seed >> 24), uint8(seed >> 16), uint8(seed >> 8), 255}
				case 3: // stripes
					c = color.RGBA{uint8(y / 7 * 40), 90, 10, 255}
				}
				bg.SetRGBA(x, y, c)
			}
		}
		card := image.NewRGBA(bg.Rect)
		copy(card.Pix, bg.Pix)
		// The text: every four bytes a pixel (position, shade), some of
		// them translucent now and then.
		for i := 0; i+3 < len(ink); i += 4 {
			x, y := int(ink[i])%int(w), int(ink[i+1])%int(h)
			a := uint8(255)
			if ink[i+3] == 17 {
				a = 128
			}
			card.SetRGBA(x, y, color.RGBA{ink[i+2], ink[i+2] / 2, 255 - ink[i+2], a})
		}
		base := NewBase(bg)
		for _, b := range []*Base{nil, base} {
			var buf bytes.Buffer
			e := new(Encoder)
			if err := e.EncodeOver(&buf, card, b); err != nil {
				t.Fatal(err)
			}
			got, err := stdpng.Decode(&buf)
			if err != nil {
				t.Fatalf("over base %v: %v", b != nil, err)
			}
			if x, y, want, g, ok := firstDiff(card, got); ok {
				t.Fatalf("over base %v: pixel %d,%d is %v, want %v", b != nil, x, y, g, want)
			}
		}
	})
}
