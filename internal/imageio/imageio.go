// Package imageio reads the images people give broadside (logos,
// background photos) carefully: the header is checked before anything is
// decoded, so a 30000 × 30000 PNG is refused instead of taking gigabytes,
// and every problem names the file.
package imageio

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // register GIF
	_ "image/jpeg" // register JPEG
	_ "image/png"  // register PNG
	"io/fs"
	"os"
	"sync"
	"time"
)

// Limits on images. A poster photo at 150 ppi on A0 is about 4967 × 7022.
const (
	MaxSide   = 12000
	MaxPixels = 50_000_000
	MaxBytes  = 100 << 20
)

// Image is a decoded image and a key that identifies its pixels.
type Image struct {
	Img image.Image
	Key string
}

var (
	mu    sync.Mutex
	cache = map[string]cached{}
)

// cached is a decoded file and the size and time it had, so that a file
// replaced under the same name (a new logo uploaded in the studio) is read
// again.
type cached struct {
	im   *Image
	size int64
	mod  time.Time
}

// Load reads, checks and decodes an image file once per process, and again
// when the file changes.
func Load(path string) (*Image, error) {
	mu.Lock()
	defer mu.Unlock()
	st, err := os.Stat(path)
	if c, ok := cache[path]; ok && err == nil && st.Size() == c.size && st.ModTime().Equal(c.mod) {
		return c.im, nil
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("image %s does not exist", path)
		}
		return nil, fmt.Errorf("image %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("image %s is a folder, not an image file", path)
	}
	if st.Size() > MaxBytes {
		return nil, fmt.Errorf("image %s is %d MB; images over %d MB are refused", path, st.Size()>>20, MaxBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", path, err)
	}
	im, err := load(path, data)
	if err != nil {
		return nil, err
	}
	cache[path] = cached{im, st.Size(), st.ModTime()}
	return im, nil
}

// load is Decode for a file kept for drawing: a JPEG that scaledjpeg reads
// is decoded at the size it is drawn at (Photo), checked now at the size
// cards need.
func load(name string, data []byte) (*Image, error) {
	cfg, format, err := checkHeader(name, data)
	if err != nil {
		return nil, err
	}
	if format == "jpeg" {
		if p := newPhoto(name, data); p != nil && p.rect.Dx() == cfg.Width && p.rect.Dy() == cfg.Height {
			if _, err := p.decoded(p.cardScale()); err != nil {
				return nil, err
			}
			return &Image{Img: p, Key: key(data)}, nil
		}
	}
	return Decode(name, data)
}

// key identifies an image file's contents.
func key(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// checkHeader reads an image's header and refuses what is not an image or
// is too large to decode.
func checkHeader(name string, data []byte) (image.Config, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return cfg, format, fmt.Errorf("image %s is not a PNG, JPEG or GIF image, or is damaged", name)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, format, fmt.Errorf("image %s has no pixels (%d × %d)", name, cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width*cfg.Height > MaxPixels {
		return cfg, format, fmt.Errorf("image %s is %d × %d pixels; the limit is %d pixels a side and %d megapixels, so scale it down first",
			name, cfg.Width, cfg.Height, MaxSide, MaxPixels/1_000_000)
	}
	return cfg, format, nil
}

// Decode checks the header's dimensions, then decodes every pixel (so a
// file damaged anywhere is refused now).
func Decode(name string, data []byte) (*Image, error) {
	_, format, err := checkHeader(name, data)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, damaged(name, format, err)
	}
	return &Image{Img: img, Key: key(data)}, nil
}

// damaged is the error for an image file whose data a decoder refused.
func damaged(name, format string, err error) error {
	return fmt.Errorf("image %s: the %s data is damaged or cut short (%v)", name, format, err)
}
