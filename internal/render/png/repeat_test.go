package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"math/rand/v2"
	"testing"
)

// A palette card is written in runs: rows that repeat the one above come
// from segments compressed once per width. Every way rows can fall (runs
// shorter and longer than minRepeat, at the top and the bottom, the whole
// image one colour, one pixel wide) decodes to the same pixels, and the
// long runs, and only those, are copied.
func TestEncodePalettedRuns(t *testing.T) {
	ink, paper := color.RGBA{20, 20, 30, 255}, color.RGBA{250, 245, 235, 255}
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		w    int
		// rows: for each row, 'r' repeats the row above, 'n' is new.
		rows string
	}{
		{"one colour", 64, "n" + rep('r', 99)},
		{"a row", 64, "n"},
		{"one pixel wide", 1, "nrrrrrnrrnrrrrrrrrrrrrrrrrrr"},
		{"two wide", 2, "nrrrrnnrrrr"},
		{"short runs stay in their segment", 97, "nnrnrrnrrrnrrrn"},
		{"runs of exactly minRepeat", 97, "n" + rep('r', minRepeat) + "n" + rep('r', minRepeat)},
		{"a run at the end", 97, "nnnnn" + rep('r', 37)},
		{"alternating", 300, "nrrrrrrrrnnnnrrrrrrrrrrrrrrrrrrrrnrrrrrn" + rep('r', 300) + "nn"},
		{"a card", 1080, "n" + rep('r', 200) + rep('n', 60) + rep('r', 12) + rep('n', 60) + rep('r', 500) + rep('n', 40) + rep('r', 207)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, tc.w, len(tc.rows)))
			wantCopied := 0
			run := 0
			for y, k := range tc.rows {
				if k == 'r' {
					copy(img.Pix[y*img.Stride:(y+1)*img.Stride], img.Pix[(y-1)*img.Stride:y*img.Stride])
					run++
					continue
				}
				if run >= minRepeat {
					wantCopied += run
				}
				run = 0
				// A new row: paper with a few dots of ink, never the row above.
				for x := 0; x < tc.w; x++ {
					img.SetRGBA(x, y, paper)
					if r.IntN(5) == 0 {
						img.SetRGBA(x, y, ink)
					}
				}
				if y > 0 && bytes.Equal(img.Pix[y*img.Stride:(y+1)*img.Stride], img.Pix[(y-1)*img.Stride:y*img.Stride]) {
					c := img.RGBAAt(0, y)
					if c == ink {
						img.SetRGBA(0, y, paper)
					} else {
						img.SetRGBA(0, y, ink)
					}
				}
			}
			if run >= minRepeat {
				wantCopied += run
			}
			e := &Encoder{}
			var buf bytes.Buffer
			if err := e.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			if ct := buf.Bytes()[25]; ct != 3 {
				t.Fatalf("colour type %d, want 3 (palette)", ct)
			}
			if e.repeated != wantCopied {
				t.Errorf("%d rows copied from the precompressed runs, want %d", e.repeated, wantCopied)
			}
			got, err := stdpng.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if x, y, w, g, ok := firstDiff(img, got); ok {
				t.Fatalf("pixel %d,%d is %v, want %v", x, y, g, w)
			}
		})
	}
}

func rep(c byte, n int) string { return string(bytes.Repeat([]byte{c}, n)) }

// quantize's shortcuts (a row like the one above; two pixels of one colour
// at once) give the palette, the indexes and the count of changes that a
// pixel-by-pixel scan gives.
func TestQuantizeShortcuts(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for trial := 0; trial < 200; trial++ {
		w, h := 1+r.IntN(30), 1+r.IntN(30)
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		colours := 1 + r.IntN(300) // past 256 sometimes
		for y := 0; y < h; y++ {
			if y > 0 && r.IntN(2) == 0 {
				copy(img.Pix[y*img.Stride:(y+1)*img.Stride], img.Pix[(y-1)*img.Stride:y*img.Stride])
				continue
			}
			c := color.RGBA{uint8(r.IntN(colours)), uint8(r.IntN(colours) >> 8), 7, 255}
			for x := 0; x < w; x++ {
				if r.IntN(3) == 0 {
					c = color.RGBA{uint8(r.IntN(colours)), uint8(r.IntN(colours) >> 8), 7, 255}
				}
				img.SetRGBA(x, y, c)
			}
		}
		if trial%10 == 0 {
			img.Pix[4*r.IntN(w*h)+3] = 128 // a transparent pixel
		}
		e := &Encoder{}
		paletted, opaque, changes := e.quantize(img)
		// The plain scan.
		var pal []uint32
		seen := map[uint32]int{}
		wantChanges, wantOpaque := 0, true
		last := uint32(empty)
		idx := make([]int, w*h)
	scan:
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				p := img.Pix[img.PixOffset(x, y):]
				c := uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
				if c != last {
					wantChanges++
					if p[3] != 0xff {
						wantOpaque = false
						break scan
					}
					last = c
				}
				if _, ok := seen[c]; !ok {
					seen[c] = len(pal)
					pal = append(pal, c)
				}
				idx[y*w+x] = seen[c]
			}
		}
		if opaque != wantOpaque || changes != wantChanges {
			t.Fatalf("trial %d: opaque %v, %d changes; want %v, %d", trial, opaque, changes, wantOpaque, wantChanges)
		}
		if !opaque {
			continue
		}
		if want := len(pal) <= 256; paletted != want {
			t.Fatalf("trial %d: paletted %v with %d colours", trial, paletted, len(pal))
		}
		if !paletted {
			continue
		}
		for y := 0; y < h; y++ {
			same := y > 0 && bytes.Equal(img.Pix[y*img.Stride:(y+1)*img.Stride], img.Pix[(y-1)*img.Stride:y*img.Stride])
			if e.repeat[y] != same {
				t.Fatalf("trial %d: row %d marked repeated %v, want %v", trial, y, e.repeat[y], same)
			}
			src := y // the row whose indexes quantize wrote
			for src > 0 && e.repeat[src] {
				src--
			}
			for x := 0; x < w; x++ {
				if got := e.palette[e.idx[src*w+x]]; got != pal[idx[y*w+x]] {
					t.Fatalf("trial %d: pixel %d,%d maps to %08x, want %08x", trial, x, y, got, pal[idx[y*w+x]])
				}
			}
		}
	}
}
