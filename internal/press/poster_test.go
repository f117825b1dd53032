package press

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/render/pdf"
	"github.com/broadside/broadside/internal/testtool"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func (fx fixture) poster(t testing.TB, name string) (*Poster, *frame.Page) {
	t.Helper()
	l, err := fx.lib.Layout(name)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := fx.lib.Theme("print")
	b := fx.brand
	b.Event = layout.Event{Title: "Vigil for press freedom", Date: "Saturday 14 June, 2 pm", Place: "Parliament Square"}
	p := &Poster{Layout: l, Theme: th, Fonts: fx.reg, Brand: b, Quote: fx.qs[0]}
	f, _, err := p.Compose()
	if err != nil {
		t.Fatal(err)
	}
	return p, f
}

// Every poster and placard is exactly its size, embeds its fonts and
// passes qpdf.
func TestPostersAndPlacardsForRealClients(t *testing.T) {
	fx := setup(t)
	want := map[string]string{
		"poster-a4": "595.28 x 841.89", "poster-a3": "841.89 x 1190.55", "poster-a2": "1190.55 x 1683.78",
		"poster-a1": "1683.78 x 2383.94", "poster-a0": "2383.94 x 3370.39", "poster-tabloid": "792 x 1224",
		"poster-arch-d": "1728 x 2592", "poster-a4-landscape": "841.89 x 595.28", "poster-arch-d-landscape": "2592 x 1728",
		"placard-a3": "841.89 x 1190.55", "placard-a4": "595.28 x 841.89", "placard-tabloid": "792 x 1224",
	}
	for name, size := range want {
		t.Run(name, func(t *testing.T) {
			_, f := fx.poster(t, name)
			doc, err := PDF([]*frame.Page{f}, fx.brandMeta())
			if err != nil {
				t.Fatal(err)
			}
			sizes[name] = size
			checkPDF(t, testtool.WriteTemp(t, name+".pdf", doc), 1, name, false)
		})
	}
}

func (fx fixture) brandMeta() pdfMeta { return pdfMeta{Title: "Poster"} }

type pdfMeta = pdf.Meta

// Placards keep capitals at least 2.5 cm tall per 10 m of reading distance.
func TestPlacardLetterHeight(t *testing.T) {
	fx := setup(t)
	for _, name := range fx.lib.LayoutNames("placard") {
		l, _ := fx.lib.Layout(name)
		need := l.Distance * 2.5 / 10 / 2.54 * 72 // points of cap height
		for _, q := range fx.qs {
			p, _ := fx.poster(t, name)
			p.Quote = q
			f, _, err := p.Compose()
			if err != nil {
				// Too long for the distance: reported, with the hint.
				if !strings.Contains(err.Error(), "letters stay large enough to read from") {
					t.Errorf("%s/%s: %v", name, q.ID, err)
				}
				continue
			}
			for _, it := range f.Frame.Items {
				run, ok := it.(*frame.Text)
				if !ok || !strings.HasPrefix(run.Font.Name(), "oswald/") {
					continue
				}
				f := run.Font.(*font.Font)
				cap := f.CapHeight / float64(f.UnitsPerEm) * run.Size
				if cap < need-0.01 {
					t.Errorf("%s/%s: capitals %.1f pt tall, want at least %.1f pt for %g m", name, q.ID, cap, need, l.Distance)
				}
			}
		}
	}
	// A long quote without an excerpt cannot reach the height on A4 at 10 m:
	// the advice is to add an excerpt (this layout sets one), or to change
	// the placard or the distance.
	p, _ := fx.poster(t, "placard-a4")
	l := *p.Layout
	l.Distance = 10
	p.Layout = &l
	p.Quote.Excerpt = ""
	p.Quote.Text = strings.Repeat("A long statement that goes on and on ", 8)
	_, _, err := p.Compose()
	for _, want := range []string{"its text (it has no excerpt)", "add an excerpt to the quote", "a larger placard or a shorter --distance", "read from 10 m"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("long placard quote: want %q in %v", want, err)
		}
	}
}

// The QR code on a poster scans back to the campaign's URL, read from the
// PNG preview, and is at least 2 cm and about a tenth of its scanning
// distance wide.
func TestPosterQRCode(t *testing.T) {
	fx := setup(t)
	for _, name := range []string{"poster-a4", "poster-a2", "poster-tabloid-landscape"} {
		_, f := fx.poster(t, name)
		_, img, err := Preview(f, 2400)
		if err != nil {
			t.Fatal(err)
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
		if err != nil {
			t.Fatalf("%s: the QR code does not scan: %v", name, err)
		}
		if res.GetText() != fx.brand.URL {
			t.Errorf("%s: QR code says %q, want %q", name, res.GetText(), fx.brand.URL)
		}
		// The code is the largest square of rects drawn on a light square.
		var side float64
		for _, it := range f.Frame.Items {
			if r, ok := it.(*frame.Rect); ok && r.W == r.H && r.W > side && r.W < f.W()/2 {
				side = r.W
			}
		}
		mm := side / 72 * 25.4
		if mm < 20 {
			t.Errorf("%s: QR code %.1f mm wide, under 2 cm", name, mm)
		}
	}
}

// The tiles of a poster, rasterised and laid over each other with their
// overlap, give back the poster rasterised at the same resolution.
func TestTilesReassemble(t *testing.T) {
	testtool.Need(t, "pdftoppm")
	fx := setup(t)
	_, f := fx.poster(t, "poster-a2")
	w, h, paper, _ := SheetPortrait("a4")
	opt := impose.TileOptions{SheetW: w, SheetH: h, Paper: paper}
	sheets, g, err := TileFrame(f, opt, fx.reg)
	if err != nil {
		t.Fatal(err)
	}
	if g.Rows*g.Cols != len(sheets)-1 || g.Rows*g.Cols < 4 {
		t.Fatalf("%d sheets for a %dx%d grid", len(sheets), g.Rows, g.Cols)
	}
	dir := t.TempDir()
	poster, _ := PDF([]*frame.Page{f}, pdfMeta{})
	tiles, _ := PDF(sheets, pdfMeta{})
	os.WriteFile(filepath.Join(dir, "poster.pdf"), poster, 0o644)
	os.WriteFile(filepath.Join(dir, "tiles.pdf"), tiles, 0o644)
	checkReassembly(t, dir, g)

	// The same through `broadside tile`, which imports the poster's PDF.
	sheets, g2, err := TilePDF(filepath.Join(dir, "poster.pdf"), 1, opt, fx.reg)
	if err != nil {
		t.Fatal(err)
	}
	tiles, err = PDF(sheets, pdfMeta{})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "tiles.pdf"), tiles, 0o644)
	testtool.Run(t, "qpdf", "--check", filepath.Join(dir, "tiles.pdf"))
	checkReassembly(t, dir, g2)
}

// checkReassembly rasterises poster.pdf and tiles.pdf in dir at one pixel
// per millimetre, pastes each tile's part where it belongs and compares.
func checkReassembly(t *testing.T, dir string, g impose.Grid) {
	t.Helper()
	const dpi = "25.4"
	testtool.Run(t, "pdftoppm", "-r", dpi, "-png", filepath.Join(dir, "poster.pdf"), filepath.Join(dir, "p"))
	testtool.Run(t, "pdftoppm", "-r", dpi, "-png", filepath.Join(dir, "tiles.pdf"), filepath.Join(dir, "t"))
	want := readPNG(t, filepath.Join(dir, "p-1.png"))
	got := image.NewRGBA(want.Bounds())
	mm := 72 / 25.4
	m, step := int(math.Round(g.Margin/mm)), [2]int{int(math.Round(g.StepX / mm)), int(math.Round(g.StepY / mm))}
	area := [2]int{int(math.Round(g.AreaW / mm)), int(math.Round(g.AreaH / mm))}
	files, _ := filepath.Glob(filepath.Join(dir, "t-*.png"))
	if len(files) != g.Rows*g.Cols+1 {
		t.Fatalf("%d rasterised sheets, want %d", len(files), g.Rows*g.Cols+1)
	}
	for i := 0; i < g.Rows*g.Cols; i++ {
		r, c := i/g.Cols, i%g.Cols
		tile := readPNG(t, fmt.Sprintf("%s/t-%0*d.png", dir, len(strings.TrimPrefix(strings.TrimSuffix(filepath.Base(files[0]), ".png"), "t-")), i+2))
		for y := 0; y < area[1]; y++ {
			for x := 0; x < area[0]; x++ {
				px, py := c*step[0]+x, r*step[1]+y
				if px >= want.Bounds().Dx() || py >= want.Bounds().Dy() {
					continue
				}
				got.Set(px, py, tile.At(m+x, m+y))
			}
		}
	}
	diff, n := 0.0, 0
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := want.At(x, y).RGBA()
			r2, g2, b2, _ := got.At(x, y).RGBA()
			d := (math.Abs(float64(r1)-float64(r2)) + math.Abs(float64(g1)-float64(g2)) + math.Abs(float64(b1)-float64(b2))) / 3 / 257
			diff += d
			if d > 64 {
				n++
			}
		}
	}
	mean := diff / float64(b.Dx()*b.Dy())
	if mean > 2 || float64(n) > 0.002*float64(b.Dx()*b.Dy()) {
		out := filepath.Join(dir, "reassembled.png")
		var buf bytes.Buffer
		png.Encode(&buf, got)
		os.WriteFile(out, buf.Bytes(), 0o644)
		t.Errorf("reassembled tiles differ from the poster: mean difference %.2f, %d pixels far off (see %s)", mean, n, out)
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}
