package imageio

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hugePNG is a valid PNG header claiming w × h pixels, with no pixel data:
// enough for a decoder to allocate gigabytes if it trusted it.
func hugePNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestDecode(t *testing.T) {
	var good bytes.Buffer
	png.Encode(&good, image.NewRGBA(image.Rect(0, 0, 20, 10)))
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"good", good.Bytes(), ""},
		{"huge", hugePNG(30000, 30000), "is 30000 × 30000 pixels; the limit is"},
		{"not an image", []byte("hello"), "is not a PNG, JPEG or GIF image"},
		{"truncated", good.Bytes()[:len(good.Bytes())/2], "damaged or cut short"},
	}
	for _, tt := range tests {
		im, err := Decode(tt.name, tt.data)
		if tt.want == "" {
			if err != nil || im.Img.Bounds().Dx() != 20 || im.Img.Bounds().Dy() != 10 {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "nope.png")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing: %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	p := filepath.Join(dir, "a.png")
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 300, 100)))
	os.WriteFile(p, b.Bytes(), 0o644)
	im, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if w := im.Img.Bounds().Dx(); w != 300 {
		t.Errorf("width = %d px, want 300", w)
	}
}

// TestLoadSeesAReplacedFile: a logo replaced under the same name (the
// studio's upload) is read again, not served from the cache.
func TestLoadSeesAReplacedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logo.png")
	write := func(w int) {
		var b bytes.Buffer
		png.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, 10)))
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(10)
	a, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	write(20)
	os.Chtimes(path, time.Now().Add(time.Minute), time.Now().Add(time.Minute))
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if a.Img.Bounds().Dx() != 10 || b.Img.Bounds().Dx() != 20 {
		t.Errorf("widths %d then %d, want 10 then 20", a.Img.Bounds().Dx(), b.Img.Bounds().Dx())
	}
}
