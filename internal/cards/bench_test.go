package cards

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	bpng "github.com/broadside/broadside/internal/render/png"
	"github.com/broadside/broadside/internal/testkit"
)

type fixture struct {
	reg   *font.Registry
	l     *layout.Layout
	th    *layout.Theme
	qs    []quote.Quote
	brand layout.Brand
}

func setup(tb testing.TB, layoutName string) fixture {
	tb.Helper()
	reg, lib, ds := testkit.Load(tb)
	l, err := lib.Layout(layoutName)
	if err != nil {
		tb.Fatal(err)
	}
	th, _ := lib.Theme("paper")
	return fixture{reg, l, th, ds.Quotes, layout.Brand{Campaign: "Global Support", URL: "https://example.org", Hashtags: []string{"FreeAssange"}}}
}

func BenchmarkCompose(b *testing.B) {
	fx := setup(b, "instagram-square")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q := fx.qs[i%len(fx.qs)]
		if _, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, fx.l, fx.th, fx.reg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRaster(b *testing.B) {
	fx := setup(b, "instagram-square")
	r := bpng.New()
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	f, _, _ := layout.Compose(layout.Input{Quote: fx.qs[0], Brand: fx.brand}, fx.l, fx.th, fx.reg)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := r.Draw(img, f.Frame, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRasterBatch draws 190 cards in turn with one renderer, as a
// worker does: "seed" is the 19 seed quotes ten times over (the bench's
// cards), "distinct" 190 different texts (the seed quotes' words
// shuffled), whose glyphs fall at other sizes and places. Time is per card.
func BenchmarkRasterBatch(b *testing.B) {
	fx := setup(b, "instagram-square")
	for _, distinct := range []bool{false, true} {
		var frames []*frame.Frame
		for i := range 190 {
			q := fx.qs[i%len(fx.qs)]
			if distinct && i >= len(fx.qs) {
				w := strings.Fields(q.Text)
				rand.New(rand.NewPCG(uint64(i), 1)).Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
				q.Text, q.Excerpt = strings.Join(w, " "), ""
			}
			f, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, fx.l, fx.th, fx.reg)
			if err != nil {
				b.Fatal(err)
			}
			frames = append(frames, f.Frame)
		}
		name := map[bool]string{false: "seed", true: "distinct"}[distinct]
		b.Run(name, func(b *testing.B) {
			r := bpng.New()
			img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
			b.ReportAllocs()
			cpu0 := cpuTime()
			i := 0
			for b.Loop() {
				if err := r.Draw(img, frames[i%len(frames)], 1); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	fx := setup(b, "instagram-square")
	r := bpng.New()
	f, _, _ := layout.Compose(layout.Input{Quote: fx.qs[0], Brand: fx.brand}, fx.l, fx.th, fx.reg)
	img, _ := r.Render(f, 1)
	var buf bytes.Buffer
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := bpng.Encode(&buf, img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}

// BenchmarkCard is one card end to end: compose, draw, encode, write.
func BenchmarkCard(b *testing.B) {
	fx := setup(b, "instagram-square")
	dir := b.TempDir()
	batch := &Batch{Theme: fx.th, Brand: fx.brand, Fonts: fx.reg, Format: "png", Workers: 1}
	jobs := []Job{{Layout: fx.l, Quote: fx.qs[0], Path: filepath.Join(dir, "card.png")}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if r := batch.Run(context.Background(), jobs); r[0].Err != nil {
			b.Fatal(r[0].Err)
		}
	}
}

// BenchmarkBatch renders the 19 seed quotes in the instagram-square layout
// with a worker per core, written to disk.
func BenchmarkBatch(b *testing.B) {
	fx := setup(b, "instagram-square")
	dir := b.TempDir()
	var jobs []Job
	for _, q := range fx.qs {
		jobs = append(jobs, Job{Layout: fx.l, Quote: q, Path: filepath.Join(dir, q.ID+".png")})
	}
	batch := &Batch{Theme: fx.th, Brand: fx.brand, Fonts: fx.reg, Format: "png"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range batch.Run(context.Background(), jobs) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	b.ReportMetric(float64(len(jobs)*b.N)/b.Elapsed().Seconds(), "cards/s")
}

// BenchmarkEncodeTheme encodes a card drawn with a flat theme (paper), a
// gradient (dusk) and a photo: the last two have too many colours for a
// palette and are written as RGB.
func BenchmarkEncodeTheme(b *testing.B) {
	fx := setup(b, "instagram-square")
	dusk, photo := photoTheme(b)
	for _, th := range []*layout.Theme{fx.th, dusk, photo} {
		name := th.Name
		if th == photo {
			name = "photo"
		}
		b.Run(name, func(b *testing.B) {
			f, _, err := layout.Compose(layout.Input{Quote: fx.qs[0], Brand: fx.brand}, fx.l, th, fx.reg)
			if err != nil {
				b.Fatal(err)
			}
			img, err := bpng.New().Render(f, 1)
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := bpng.Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KB")
		})
	}
}

// photoTheme returns dusk and dusk's colours over a photograph
// (writeTestPhoto) under a dark overlay.
func photoTheme(tb testing.TB) (dusk, photo *layout.Theme) {
	_, lib, _ := testkit.Load(tb)
	dusk, err := lib.Theme("dusk")
	if err != nil {
		tb.Fatal(err)
	}
	p := *dusk
	p.Background = layout.Background{Image: writeTestPhoto(tb), Overlay: 0.65}
	return dusk, &p
}

// writeTestPhoto writes a 1600 × 1200 JPEG like a photo (smooth shading,
// edges and grain) and returns its path.
func writeTestPhoto(tb testing.TB) string {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	x := uint32(7)
	for py := 0; py < 1200; py++ {
		for px := 0; px < 1600; px++ {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			g := int(x&15) - 8
			i := img.PixOffset(px, py)
			r, gg, bl := 60+px/12, 90+py/8, 160-py/10
			if py > 700+int(80*math.Sin(float64(px)/90)) {
				r, gg, bl = 50+px%37, 90+py%23, 40
			}
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = clamp8(r+g), clamp8(gg+g), clamp8(bl+g), 255
		}
	}
	p := filepath.Join(tb.TempDir(), "photo.jpg")
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func clamp8(v int) uint8 { return uint8(max(0, min(255, v))) }

// BenchmarkEncodeOverPhoto encodes eight square cards over a photo as a
// batch does: each renderer drew its card over the photo kept for the
// batch, and its encoder copies the untouched rows and cells from the
// photo's Base, coding only what the text touched.
func BenchmarkEncodeOverPhoto(b *testing.B) {
	fx := setup(b, "instagram-square")
	_, photo := photoTheme(b)
	bgs := bpng.NewBackgrounds()
	type card struct {
		r   *bpng.Renderer
		img *image.RGBA
	}
	var cs []card
	for i := 0; i < 8; i++ {
		f, _, err := layout.Compose(layout.Input{Quote: fx.qs[i%len(fx.qs)], Brand: fx.brand}, fx.l, photo, fx.reg)
		if err != nil {
			b.Fatal(err)
		}
		r := bpng.New()
		r.Backgrounds = bgs
		img, err := r.RenderInto(nil, f, 1080, 1080)
		if err != nil {
			b.Fatal(err)
		}
		cs = append(cs, card{r, img})
	}
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range cs {
			buf.Reset()
			if err := c.r.Encode(&buf, c.img); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cs))/1e6, "ms/card")
}
