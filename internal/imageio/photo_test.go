package imageio

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// photoJPEG is a w × h JPEG with smooth colour and some edges, as a photo.
func photoJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint8(x * 255 / w)
			if (x/37+y/29)%2 == 0 {
				v /= 2
			}
			img.Set(x, y, color.RGBA{v, uint8(y * 255 / h), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A JPEG loaded for drawing is a Photo: its size is known at once, and it
// is decoded at the least of its sizes (a half, a quarter, an eighth) that
// covers what is drawn, with the pixels of the whole photo reduced.
func TestPhotoAtLeast(t *testing.T) {
	data := photoJPEG(t, 800, 600)
	path := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	im, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := im.Img.(*Photo)
	if !ok {
		t.Fatalf("a baseline JPEG loads as %T, not a Photo", im.Img)
	}
	if p.Bounds() != image.Rect(0, 0, 800, 600) || !p.Opaque() {
		t.Fatalf("bounds %v, opaque %v", p.Bounds(), p.Opaque())
	}
	if _, ok := p.by[1]; !ok || len(p.by) != 1 {
		t.Errorf("a photo smaller than a card is checked at full size; decoded: %v", p.by)
	}
	full, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ w, h, want int }{
		{1080, 1080, 800}, // larger than the photo: all of it
		{800, 600, 800},
		{400, 300, 400},
		{401, 300, 800},
		{300, 150, 400},
		{200, 150, 200},
		{100, 75, 100},
		{10, 10, 100}, // an eighth at most
	} {
		img, err := p.AtLeast(tc.w, tc.h)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Dx(); got != tc.want {
			t.Errorf("AtLeast(%d, %d) is %d wide, want %d", tc.w, tc.h, got, tc.want)
			continue
		}
		// Each sample of each plane is close to the mean of the full
		// plane's samples it stands for (the DCT's reduction is a mean,
		// give or take the codec's rounding and the edges' ringing).
		s := 800 / tc.want
		got, ok1 := img.(*image.YCbCr)
		whole, ok2 := full.(*image.YCbCr)
		if !ok1 || !ok2 || got.SubsampleRatio != whole.SubsampleRatio {
			t.Fatalf("%T and %T", img, full)
		}
		for _, pl := range []struct {
			name       string
			got, whole []byte
			gs, ws     int
		}{
			{"Y", got.Y, whole.Y, got.YStride, whole.YStride},
			{"Cb", got.Cb, whole.Cb, got.CStride, whole.CStride},
			{"Cr", got.Cr, whole.Cr, got.CStride, whole.CStride},
		} {
			var sum, n float64
			for y := 0; (y+1)*s*pl.ws <= len(pl.whole) && (y+1)*pl.gs <= len(pl.got); y++ {
				for x := 0; (x+1)*s <= pl.ws && x < pl.gs; x++ {
					var want float64
					for j := 0; j < s; j++ {
						for i := 0; i < s; i++ {
							want += float64(pl.whole[(y*s+j)*pl.ws+x*s+i])
						}
					}
					d := float64(pl.got[y*pl.gs+x]) - want/float64(s*s)
					sum += d * d
					n++
				}
			}
			if ms := sum / n; ms > 2*2 {
				t.Errorf("at 1/%d the %s plane is %.1f levels (rms) from the full photo's means", s, pl.name, math.Sqrt(ms))
			}
		}
	}
	whole, err := p.Pixels()
	if err != nil || whole.Bounds() != p.Bounds() {
		t.Fatalf("Pixels: %v, %v", whole.Bounds(), err)
	}
	if r, _, _, _ := p.At(10, 10).RGBA(); r>>8 > 255 {
		t.Fatal("At")
	}
}

// A JPEG damaged in its image data, or cut short, is refused when it is
// loaded, by an error naming the file, as image/jpeg's was; a photo that
// cannot be decoded at one size keeps saying so.
func TestPhotoDamaged(t *testing.T) {
	dir := t.TempDir()
	data := photoJPEG(t, 320, 240)
	sos := bytes.Index(data, []byte{0xff, 0xda})
	bad := bytes.Clone(data)
	for i := sos + 40; i < len(bad)-10; i += 7 {
		bad[i] = 0xff // 0xff followed by a byte that is no marker
		bad[i+1] = 0x17
	}
	path := filepath.Join(dir, "bad.jpg")
	os.WriteFile(path, bad, 0o644)
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "bad.jpg") || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged data: %v", err)
	}
	p := newPhoto("bad.jpg", bad)
	if p == nil {
		t.Fatal("whole markers, but no Photo")
	}
	if _, err := p.AtLeast(100, 100); err == nil {
		t.Error("AtLeast: no error")
	}
	if _, err := p.Pixels(); err == nil {
		t.Error("the error is not kept")
	}

	cut := filepath.Join(dir, "cut.jpg")
	os.WriteFile(cut, data[:len(data)*2/3], 0o644)
	if _, err := Load(cut); err == nil || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("cut short: %v", err)
	}
}

// A photo is checked at the least size whose short side still covers a
// card.
func TestCardScale(t *testing.T) {
	for _, tc := range []struct{ w, h, want int }{
		{4000, 3000, 2}, {3000, 4000, 2}, {6000, 4000, 2}, {8640, 4400, 4}, {2160, 2160, 2}, {2159, 3000, 2}, {2157, 3000, 1}, {800, 600, 1}, {9000, 9000, 8},
	} {
		p := &Photo{rect: image.Rect(0, 0, tc.w, tc.h)}
		if got := p.cardScale(); got != tc.want {
			t.Errorf("%d × %d: checked at 1/%d, want 1/%d", tc.w, tc.h, got, tc.want)
		}
	}
}
