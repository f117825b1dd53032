package png_test

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	bpng "github.com/broadside/broadside/internal/render/png"
	"github.com/broadside/broadside/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden images")

type fixture struct {
	reg   *font.Registry
	lib   *layout.Library
	ds    *quote.Dataset
	brand layout.Brand
}

func setup(t testing.TB) fixture {
	t.Helper()
	reg, lib, ds := testkit.Load(t)
	return fixture{reg, lib, ds, layout.Brand{Campaign: "Global Support", URL: "https://dontextraditeassange.com",
		Hashtags: []string{"FreeAssange", "JournalismIsNotACrime"}}}
}

func (fx fixture) render(t testing.TB, lname, tname, id string) *image.RGBA {
	t.Helper()
	l, err := fx.lib.Layout(lname)
	if err != nil {
		t.Fatal(err)
	}
	th, err := fx.lib.Theme(tname)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := fx.ds.ByID(id)
	if !ok {
		t.Fatalf("no quote %s", id)
	}
	f, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, l, th, fx.reg)
	if err != nil {
		t.Fatal(err)
	}
	img, err := bpng.New().Render(f, 1)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Golden cards, compared pixel by pixel with a tolerance for rasteriser
// rounding. On failure the new image is written to testdata/failed/ so a
// person can look at both.
func TestGolden(t *testing.T) {
	fx := setup(t)
	cases := []struct{ layout, theme, quote string }{
		{"instagram-square", "paper", "nils-melzer"},
		{"story", "ink", "dunja-mijatovic"},
		{"x", "dusk", "rebecca-vincent"},
		{"linkedin", "bold", "ricardo-gutierrez"},
	}
	for _, tc := range cases {
		name := fmt.Sprintf("%s-%s-%s.png", tc.layout, tc.theme, tc.quote)
		t.Run(name, func(t *testing.T) {
			got := fx.render(t, tc.layout, tc.theme, tc.quote)
			checkGolden(t, name, got)
		})
	}
}

// compare returns the largest channel difference and the fraction of
// pixels that differ by more than a rounding error.
func compare(a, b image.Image) (int, float64) {
	if a.Bounds() != b.Bounds() {
		return 255, 1
	}
	r := a.Bounds()
	worst, bad := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			d := max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2), absDiff(a1, a2)) >> 8
			if d > worst {
				worst = d
			}
			if d > 24 {
				bad++
			}
		}
	}
	return worst, float64(bad) / float64(r.Dx()*r.Dy())
}

func absDiff(a, b uint32) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update to create it)", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	var buf bytes.Buffer
	if err := bpng.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every built-in card layout gives a PNG of exactly its promised size, and
// the compare function does see a difference when there is one.
func TestSizesAndCompare(t *testing.T) {
	fx := setup(t)
	want := map[string][2]int{
		"instagram-square": {1080, 1080}, "instagram-portrait": {1080, 1350}, "story": {1080, 1920},
		"x": {1600, 900}, "facebook": {1200, 630}, "linkedin": {1200, 627},
	}
	for name, wh := range want {
		img := fx.render(t, name, "paper", "jameel-jaffer")
		var buf bytes.Buffer
		if err := bpng.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: the PNG does not decode: %v", name, err)
		}
		if cfg.Width != wh[0] || cfg.Height != wh[1] {
			t.Errorf("%s: %dx%d, want %dx%d", name, cfg.Width, cfg.Height, wh[0], wh[1])
		}
	}
	a := fx.render(t, "x", "paper", "jameel-jaffer")
	b := fx.render(t, "x", "paper", "nils-melzer")
	if _, frac := compare(a, b); frac < 0.002 {
		t.Errorf("two different cards compare as equal (%.4f)", frac)
	}
}

// No glyph ink lies outside a layout's safe area: the text alone is drawn
// on a transparent canvas and every pixel outside the safe box is checked.
// This catches what frame-level boxes cannot, such as italic overhangs.
func TestNoInkOutsideSafeArea(t *testing.T) {
	fx := setup(t)
	th, _ := fx.lib.Theme("ink")
	r := bpng.New()
	for _, ln := range fx.lib.LayoutNames("card") {
		l, _ := fx.lib.Layout(ln)
		safe := image.Rect(int(l.Safe.Left), int(l.Safe.Top), int(l.Size.Width-l.Safe.Right), int(l.Size.Height-l.Safe.Bottom))
		for _, q := range fx.ds.Quotes {
			f, _, err := layout.Compose(layout.Input{Quote: q, Brand: fx.brand}, l, th, fx.reg)
			if err != nil {
				t.Fatal(err)
			}
			textOnly := frame.NewPage(f.W(), f.H(), f.Label)
			for _, it := range f.Frame.Items {
				if _, ok := it.(*frame.Text); ok {
					textOnly.Add(it)
				}
			}
			img, err := r.Render(textOnly, 1)
			if err != nil {
				t.Fatal(err)
			}
			if p, ok := inkOutside(img, safe); ok {
				t.Errorf("%s/%s: ink at %v, outside the safe area %v", ln, q.ID, p, safe)
			}
			if _, ok := inkOutside(img, image.Rectangle{}); !ok {
				t.Errorf("%s/%s: no text was drawn at all", ln, q.ID)
			}
		}
	}
}

func inkOutside(img *image.RGBA, safe image.Rectangle) (image.Point, bool) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if image.Pt(x, y).In(safe) {
				continue
			}
			if img.RGBAAt(x, y).A > 8 {
				return image.Pt(x, y), true
			}
		}
	}
	return image.Point{}, false
}

// checkGolden compares got with the golden image testdata/name, within a
// tolerance for antialiasing, and writes got beside it in testdata/failed
// when they differ; with -update it writes got as the new golden.
func checkGolden(t *testing.T, name string, got image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		writePNG(t, path, got)
		return
	}
	want := readPNG(t, path)
	if diff, frac := compare(want, got); frac > 0.002 {
		failed := filepath.Join("testdata", "failed", name)
		writePNG(t, failed, got)
		t.Errorf("%s: %.2f%% of pixels differ (worst channel difference %d); new image in %s (go test -update to accept)", name, 100*frac, diff, failed)
	}
}
