package cards

import (
	"bytes"
	"context"
	"image"
	"path/filepath"
	"testing"

	"github.com/broadside/broadside/internal/font"
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
