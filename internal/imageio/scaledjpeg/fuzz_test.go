package scaledjpeg

import (
	"image"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode: no panic, no huge allocation, and a decoded image always has
// exactly the promised bounds and planes.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.jpg")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(1))
		f.Add(data[:len(data)*2/3], uint8(2))
		for _, at := range []int{len(data) / 3, len(data) / 2, len(data) - 20} {
			flipped := append([]byte(nil), data...)
			flipped[at] ^= 0x10
			f.Add(flipped, uint8(at))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, s uint8) {
		scale := 1 << (s % 4)
		h, herr := DecodeHeader(data)
		m, err := Decode(data, scale)
		if err != nil {
			return
		}
		if herr != nil || !h.Supported {
			t.Fatalf("Decode succeeded where DecodeHeader said %+v, %v", h, herr)
		}
		checkShape(t, m, h.Width, h.Height, scale)
		if (h.Components == 1) != isGray(m) {
			t.Fatalf("%d components gave %T", h.Components, m)
		}
	})
}

func isGray(m image.Image) bool {
	_, ok := m.(*image.Gray)
	return ok
}
