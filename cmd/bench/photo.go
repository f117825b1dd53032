package main

import (
	"bufio"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// writePhoto writes a 4000 × 3000 JPEG that decodes like a camera's photo:
// a sky with a sun's glow, three ridges of hills, textured ground and a
// fine grain. Flat or smooth pictures are unrepresentative (most of their
// DCT coefficients are zero, so they decode several times faster than a
// photo), and pure noise is too (it is all high-frequency detail). The
// picture is the same on every run: it is made from a fixed hash, not a
// random source.
func writePhoto(path string, w, h int) error {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	var wg sync.WaitGroup
	rows := make(chan int, h)
	for y := 0; y < h; y++ {
		rows <- y
	}
	close(rows)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := range rows {
				photoRow(img, y, w, h)
			}
		}()
	}
	wg.Wait()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := jpeg.Encode(bw, img, &jpeg.Options{Quality: 88}); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// photoRow paints row y of the synthetic photo.
func photoRow(img *image.RGBA, y, w, h int) {
	fy := float64(y) / float64(h)
	for x := 0; x < w; x++ {
		fx := float64(x) / float64(w)
		// Sky: deep blue at the top to a pale haze at the horizon, and a
		// warm glow around the sun.
		r, g, b := 40+150*fy, 90+120*fy, 170+60*fy
		sun := math.Exp(-((fx-0.7)*(fx-0.7) + (fy-0.3)*(fy-0.3)) * 40)
		r, g, b = r+120*sun, g+90*sun, b+30*sun
		// Hills: three ridges, nearer ones darker and more textured.
		for i, ridge := range [...]struct{ base, amp, freq, shade float64 }{
			{0.52, 0.06, 3, 0.75}, {0.62, 0.08, 5, 0.55}, {0.75, 0.07, 9, 0.35},
		} {
			top := ridge.base - ridge.amp*(math.Sin(fx*ridge.freq*math.Pi+float64(i))+0.5*noise(fx*ridge.freq*4, float64(i)*7))
			if fy > top {
				t := noise(fx*60*float64(i+1), fy*60*float64(i+1))*0.5 + noise(fx*250, fy*250)*0.25
				r = (60 + 60*t) * ridge.shade * 1.6
				g = (90 + 70*t) * ridge.shade * 1.8
				b = (50 + 40*t) * ridge.shade * 1.4
			}
		}
		// Grain, as a sensor adds.
		n := (hash(x, y)&15 - 7)
		i := img.PixOffset(x, y)
		img.Pix[i] = clamp(r + float64(n))
		img.Pix[i+1] = clamp(g + float64(n))
		img.Pix[i+2] = clamp(b + float64(n))
		img.Pix[i+3] = 255
	}
}

// noise is smooth value noise in [0, 1): hashed lattice values,
// interpolated with a smoothstep.
func noise(x, y float64) float64 {
	x0, y0 := math.Floor(x), math.Floor(y)
	tx, ty := x-x0, y-y0
	tx, ty = tx*tx*(3-2*tx), ty*ty*(3-2*ty)
	ix, iy := int(x0), int(y0)
	v := func(dx, dy int) float64 { return float64(hash(ix+dx, iy+dy)&1023) / 1024 }
	a := v(0, 0) + (v(1, 0)-v(0, 0))*tx
	b := v(0, 1) + (v(1, 1)-v(0, 1))*tx
	return a + (b-a)*ty
}

// hash mixes two integers into pseudo-random bits.
func hash(x, y int) int {
	h := uint32(x)*0x9e3779b1 ^ uint32(y)*0x85ebca77
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return int(h & 0x7fffffff)
}

func clamp(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v)
}

// photoTheme writes a campaign layouts folder with a theme "photo": the
// synthetic photo behind light text under a dark overlay, as a campaign
// would make one. It returns the folder to pass as --layouts.
func photoTheme(dir string) (string, error) {
	themes := filepath.Join(dir, "photo-layouts", "themes")
	if err := os.MkdirAll(themes, 0o755); err != nil {
		return "", err
	}
	if err := writePhoto(filepath.Join(themes, "photo.jpg"), 4000, 3000); err != nil {
		return "", err
	}
	theme := `name: photo
description: Light type on a photo under a dark overlay
colors:
  background: "#222222"
  text: "#ffffff"
  muted: "#eeeeee"
  accent: "#ffd166"
background:
  image: photo.jpg
  overlay: 0.65
`
	if err := os.WriteFile(filepath.Join(themes, "photo.yaml"), []byte(theme), 0o644); err != nil {
		return "", err
	}
	return filepath.Dir(themes), nil
}
