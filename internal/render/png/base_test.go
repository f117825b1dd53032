package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

// A card over a Base decodes to the card's pixels whatever it changed,
// with and without the renderer's hints of where (the rows it drew on,
// and in each the pixels lo to hi: then only the bytes between the Base's
// cuts around them are coded from the card, middle; and the cells between
// cuts it drew into, the others copied from a photo's Base, codeCells): over a photo
// (literals, a code a byte) and over stripes (runs that cross the cuts),
// changes a pixel wide at the edges of 8, 16, 32 and 64 pixel columns, in one row
// or in columns down many (the row below a change is filtered against it),
// by one encoder card after card.
func TestEncodeOverBaseHinted(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	const w, h = 203, 61
	photo := image.NewRGBA(image.Rect(0, 0, w, h))
	bands := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			photo.SetRGBA(x, y, color.RGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), 255})
			// Stripes of one colour 13 pixels wide, shifting down the
			// rows; more than 256 colours in all.
			v := uint8((x + y/3) / 13 * 9)
			bands.SetRGBA(x, y, color.RGBA{v, uint8(y * 4), 200 - v, 255})
		}
	}
	for _, bg := range []*image.RGBA{photo, bands} {
		base := NewBase(bg)
		e := new(Encoder)
		for trial := range 450 {
			card := image.NewRGBA(bg.Rect)
			copy(card.Pix, bg.Pix)
			touched, lo, hi := make([]bool, h), make([]int32, h), make([]int32, h)
			cells := cellMask{words: (w/cellWidth)/64 + 1}
			cells.bits = make([]uint64, h*cells.words)
			for y := range lo {
				lo[y] = w
			}
			for range 1 + rng.IntN(6) {
				x0 := rng.IntN(w)
				if rng.IntN(2) == 0 {
					edge := []int{8, 16, 32, 64}[rng.IntN(4)]
					x0 = min(w-1, (x0/edge)*edge+[]int{0, edge - 1}[rng.IntN(2)])
				}
				x1 := min(w, x0+1+rng.IntN(3)*rng.IntN(20))
				y0 := rng.IntN(h)
				y1 := min(h, y0+1+rng.IntN(3)*rng.IntN(15))
				c := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
				if rng.IntN(3) == 0 {
					// Barely different: one level in one channel.
					c = bg.RGBAAt(x0, y0)
					c.G ^= 1
				}
				for y := y0; y < y1; y++ {
					for x := x0; x < min(x1, w); x++ {
						card.SetRGBA(x, y, c)
					}
					touched[y] = true
					lo[y], hi[y] = min(lo[y], int32(x0)), max(hi[y], int32(x1))
					cells.set(y, x0/cellWidth, (min(x1, w)-1)/cellWidth)
				}
			}
			switch trial % 3 {
			case 1:
				e.touched, e.lo, e.hi = touched, lo, hi
			case 2:
				e.touched, e.lo, e.hi, e.cells = touched, lo, hi, cells
			}
			var buf bytes.Buffer
			err := e.EncodeOver(&buf, card, base)
			e.touched, e.lo, e.hi, e.cells = nil, nil, nil, cellMask{}
			if err != nil {
				t.Fatal(err)
			}
			got, err := stdpng.Decode(&buf)
			if err != nil {
				t.Fatalf("trial %d: %v", trial, err)
			}
			if x, y, want, g, ok := firstDiff(card, got); ok {
				t.Fatalf("trial %d: pixel %d,%d is %v, want %v", trial, x, y, g, want)
			}
		}
	}
}

// BenchmarkBasePrepare codes dusk's gradient behind a square card as a
// Base, as the first card of a batch waits for it to be.
func BenchmarkBasePrepare(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	g := &frame.Gradient{Stops: []frame.Stop{{Offset: 0, Color: frame.Color{R: 0x14, G: 0x1a, B: 0x3c, A: 255}}, {Offset: 1, Color: frame.Color{R: 0x3d, G: 0x1a, B: 0x5b, A: 255}}}}
	gradientRect(img, img.Rect, g, 100, 900, 980, 180)
	e := new(Encoder)
	for i := 0; i < b.N; i++ {
		NewBase(img).prepare(e)
	}
}

// scanBase tells what quantize tells of a background (opaque, the count of
// changes, the colours when 256 or fewer), a band per core: on flat
// colours, stripes, a gradient past 256 colours, noise, a translucent
// pixel, and sizes from one pixel to a card's.
func TestScanBase(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for n := range 40 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(40)
		if n%4 == 0 {
			w, h = 600+rng.IntN(500), 500+rng.IntN(500)
		}
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				var c color.RGBA
				switch n % 5 {
				case 0:
					c = color.RGBA{9, 9, 9, 255}
				case 1:
					c = color.RGBA{uint8(x / 7 * 30), 40, uint8(y / 5), 255}
				case 2:
					c = color.RGBA{uint8(x + y), uint8(x / 3), uint8(y), 255}
				case 3:
					c = color.RGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), 255}
				case 4:
					c = color.RGBA{uint8(x % 3), 0, uint8(y % 2), 255}
				}
				img.SetRGBA(x, y, c)
			}
		}
		if n%7 == 3 {
			img.SetRGBA(rng.IntN(w), rng.IntN(h), color.RGBA{10, 10, 10, 200})
		}
		if n%10 == 8 {
			// Past the first rows, where a photo has more than 256
			// colours.
			img.SetRGBA(w-1, h-1, color.RGBA{10, 10, 10, 200})
		}
		var e Encoder
		paletted, opaque, changes := e.quantize(img)
		gotOpaque, gotChanges, palette := scanBase(img)
		if gotOpaque != opaque || (opaque && gotChanges != changes) {
			t.Fatalf("case %d (%d × %d): opaque %v, %d changes; quantize: %v, %d", n, w, h, gotOpaque, gotChanges, opaque, changes)
		}
		if !opaque {
			continue
		}
		if (palette != nil) != paletted {
			t.Fatalf("case %d: %d colours, quantize paletted %v", n, len(palette), paletted)
		}
		want := slices.Clone(e.palette)
		slices.Sort(want)
		if paletted && !slices.Equal(palette, want) {
			t.Fatalf("case %d: colours %v, quantize's %v", n, palette, want)
		}
	}
}

// BenchmarkBasePreparePhoto codes a photo under a dark overlay behind a
// square card as a Base (literals alone), as the photo theme's first card
// waits for it to be.
func BenchmarkBasePreparePhoto(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	resample(img, image.Rect(-180, 0, 1260, 1080), photoYCbCr(2000, 1500))
	fillOver(img, img.Rect, color.NRGBA{0x22, 0x22, 0x22, 166})
	e := new(Encoder)
	for i := 0; i < b.N; i++ {
		if !NewBase(img).prepare(e) {
			b.Fatal("not a Base")
		}
	}
}

// A cell mask marks exactly the cells set on a row, across its words, and
// around sees a row's cells and those of the row above.
func TestCellMask(t *testing.T) {
	const h, words = 3, 3
	for _, span := range [][2]int{{0, 0}, {3, 63}, {63, 64}, {60, 130}, {64, 127}, {128, 191}, {0, 191}} {
		c := cellMask{words: words, bits: make([]uint64, h*words)}
		c.set(1, span[0], span[1])
		for y := 0; y < h; y++ {
			for k := 0; k < 64*words; k++ {
				in := k >= span[0] && k <= span[1]
				m := c.around(y)
				if got, want := m[k/64]>>(k%64)&1 == 1, in && y >= 1; got != want {
					t.Fatalf("span %v: row %d cell %d drawn %v, want %v", span, y, k, got, want)
				}
			}
		}
	}
	if m := (cellMask{}).around(5); m[0]>>7&1 == 0 {
		t.Fatal("no mask: a cell is not taken as drawn")
	}
}
