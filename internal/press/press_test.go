package press

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
	"github.com/broadside/broadside/internal/testkit"
	"github.com/broadside/broadside/internal/testtool"
	"github.com/broadside/broadside/internal/text"
)

type fixture struct {
	reg   *font.Registry
	lib   *layout.Library
	qs    []quote.Quote
	brand layout.Brand
}

func setup(t testing.TB) fixture {
	t.Helper()
	reg, lib, ds := testkit.Load(t)
	c := campaign.Default()
	return fixture{reg, lib, ds.Quotes, layout.Brand{
		Campaign: c.Name, Tagline: c.Tagline, URL: c.URL, Hashtags: c.Hashtags,
		Intro: c.Intro, CallToAction: c.CallToAction, Lang: "en",
	}}
}

func (fx fixture) booklet(t testing.TB, name string) *Booklet {
	t.Helper()
	l, err := fx.lib.Layout(name)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := fx.lib.Theme("print")
	return &Booklet{Layout: l, Theme: th, Fonts: fx.reg, Brand: fx.brand, Quotes: fx.qs,
		Meta: pdf.Meta{Title: "Global Support", Author: "Global Support", Subject: "Statements", Keywords: "FreeAssange", Lang: "en"}}
}

// readingFile writes the A5 booklet in reading order to a temporary file.
func (fx fixture) readingFile(t testing.TB) string {
	t.Helper()
	made, _, err := fx.booklet(t, "booklet-a5").Make(Reading, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return testtool.WriteTemp(t, "booklet.pdf", made.PDF)
}

const pt = 72 / 25.4

// Trim sizes in points of the print formats, as pdfinfo prints them.
var sizes = map[string]string{
	"a5": "419.53 x 595.28", "a4-landscape": "841.89 x 595.28",
	"half-letter": "396 x 612", "letter-landscape": "792 x 612",
	"a6": "297.64 x 419.53",
}

// Booklets in every layout and imposition pass qpdf, embed every font, and
// have exactly the promised page sizes, with trim and bleed boxes on
// print-shop files.
func TestBookletsForRealClients(t *testing.T) {
	fx := setup(t)
	tests := []struct {
		layout, mode, sheet, size string
	}{
		{"booklet-a5", Reading, "", "a5"},
		{"booklet-a5", Saddle, "", "a4-landscape"},
		{"booklet-a5", PrintShop, "", "a5"},
		{"booklet-half-letter", Reading, "", "half-letter"},
		{"booklet-half-letter", Saddle, "", "letter-landscape"},
		{"booklet-half-letter", PrintShop, "", "half-letter"},
		{"booklet-a5", Saddle, "letter", "letter-landscape"},
	}
	for _, tt := range tests {
		t.Run(tt.layout+"/"+tt.mode+"/"+tt.sheet, func(t *testing.T) {
			made, _, err := fx.booklet(t, tt.layout).Make(tt.mode, tt.sheet, 0)
			if err != nil {
				t.Fatal(err)
			}
			file := testtool.WriteTemp(t, "booklet.pdf", made.PDF)
			checkPDF(t, file, made.Sheets, tt.size, tt.mode == PrintShop)
			if tt.mode == Saddle && made.Pages%4 != 0 {
				t.Errorf("%d pages, not a multiple of 4", made.Pages)
			}
		})
	}
}

// checkPDF runs qpdf, pdffonts and pdfinfo on a file.
func checkPDF(t *testing.T, file string, pages int, size string, printShop bool) {
	t.Helper()
	testtool.Run(t, "qpdf", "--check", file)
	fonts := testtool.Run(t, "pdffonts", file)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Errorf("pdffonts lists no fonts:\n%s", fonts)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	info := testtool.Run(t, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(pages), file)
	if !strings.Contains(info, fmt.Sprintf("Pages:           %d", pages)) {
		t.Errorf("pdfinfo does not show %d pages:\n%s", pages, info)
	}
	want := sizes[size]
	if printShop {
		trim := regexp.MustCompile(`Page +\d+ TrimBox: +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)`).FindAllStringSubmatch(info, -1)
		bleed := regexp.MustCompile(`Page +\d+ BleedBox: +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)`).FindAllStringSubmatch(info, -1)
		if len(trim) != pages || len(bleed) != pages {
			t.Fatalf("trim or bleed boxes missing:\n%s", info)
		}
		for i := range trim {
			w, h := span(trim[i]), spanY(trim[i])
			if got := fmt.Sprintf("%s x %s", num(w), num(h)); got != want {
				t.Errorf("page %d TrimBox %s, want %s", i+1, got, want)
			}
			// 3 mm a side, or the US 1/8 inch.
			if bw := span(bleed[i]); bw < w+6*pt-0.02 || bw > w+0.25*72+0.02 {
				t.Errorf("page %d BleedBox %.2f wide, want the trim %.2f + 3 mm (or 1/8 in) a side", i+1, bw, w)
			}
		}
		return
	}
	re := regexp.MustCompile(`Page +(\d+) size: +([\d.]+ x [\d.]+) pts`)
	got := re.FindAllStringSubmatch(info, -1)
	if len(got) != pages {
		t.Fatalf("pdfinfo lists %d page sizes, want %d", len(got), pages)
	}
	for _, m := range got {
		if m[2] != want {
			t.Errorf("page %s is %s pts, want %s", m[1], m[2], want)
		}
	}
}

func span(m []string) float64 {
	a, _ := strconv.ParseFloat(m[1], 64)
	b, _ := strconv.ParseFloat(m[3], 64)
	return b - a
}
func spanY(m []string) float64 {
	a, _ := strconv.ParseFloat(m[2], 64)
	b, _ := strconv.ParseFloat(m[4], 64)
	return b - a
}
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	return strings.TrimSuffix(strings.TrimSuffix(s, "0"), ".0")
}
func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// pdftotext gives back every quote word for word, once the typography
// applied at render time is undone.
func TestBookletTextWordForWord(t *testing.T) {
	fx := setup(t)
	file := fx.readingFile(t)
	got := quote.Words(text.Plain(testtool.Run(t, "pdftotext", "-raw", file, "-")))
	for _, q := range fx.qs {
		if !containsRun(got, quote.Words(q.Text)) {
			t.Errorf("pdftotext lacks the words of %s: %q", q.ID, q.Text)
		}
	}
	if !containsRun(got, quote.Words(fx.brand.CallToAction)) {
		t.Errorf("the back cover's call to action is missing")
	}
}

// containsRun reports whether want appears in got as a contiguous run.
func containsRun(got, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for i := 0; i+len(want) <= len(got); i++ {
		ok := true
		for j := range want {
			if got[i+j] != want[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// The same inputs give byte-identical PDFs.
func TestReproducible(t *testing.T) {
	fx := setup(t)
	for _, mode := range []string{Reading, Saddle, PrintShop} {
		a, _, err := fx.booklet(t, "booklet-a5").Make(mode, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		b, _, _ := fx.booklet(t, "booklet-a5").Make(mode, "", 0)
		if !bytes.Equal(a.PDF, b.PDF) {
			t.Errorf("%s: two runs differ", mode)
		}
	}
}

// Leaflets and flyers pass the same checks, and carry their quotes.
func TestLeafletsForRealClients(t *testing.T) {
	fx := setup(t)
	th, _ := fx.lib.Theme("print")
	tests := map[string]struct {
		size  string
		slots int
	}{
		"trifold-a4":     {"a4-landscape", 7},
		"trifold-letter": {"letter-landscape", 7},
		"flyer-a5":       {"a5", 1},
		"flyer-a6":       {"a6", 1},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			l, err := fx.lib.Layout(name)
			if err != nil {
				t.Fatal(err)
			}
			if got := l.QuoteSlots(); got != tt.slots {
				t.Errorf("QuoteSlots = %d, want %d", got, tt.slots)
			}
			sz := tt.size
			qs := fx.qs[:tt.slots]
			made, _, err := (&Leaflet{Layout: l, Theme: th, Fonts: fx.reg, Brand: fx.brand, Quotes: qs}).Make()
			if err != nil {
				t.Fatal(err)
			}
			file := testtool.WriteTemp(t, name+".pdf", made.PDF)
			checkPDF(t, file, 2, sz, false)
			got := quote.Words(text.Plain(testtool.Run(t, "pdftotext", "-raw", file, "-")))
			first := qs[0].Excerpt
			if first == "" {
				first = qs[0].Text
			}
			if !containsRun(got, quote.Words(first)) {
				t.Errorf("the cover quote is missing: %q", first)
			}
			if l.Kind == "leaflet" {
				for _, q := range qs[1:] {
					if !containsRun(got, quote.Words(q.Text)) {
						t.Errorf("the words of %s are missing", q.ID)
					}
				}
			}
			if !bytes.Contains(made.PDF, []byte("/URI (https://dontextraditeassange.com)")) {
				t.Errorf("no live link to the campaign")
			}
			// Fewer quotes than places: they are spread over the panels,
			// and the campaign fills those left over, at every count.
			for n := 1; n < tt.slots; n++ {
				if _, _, err := (&Leaflet{Layout: l, Theme: th, Fonts: fx.reg, Brand: fx.brand, Quotes: qs[:n]}).Make(); err != nil {
					t.Errorf("with %d quotes: %v", n, err)
				}
			}
		})
	}
}

// The reading-order booklet has an outline: cover, introduction,
// statements with a bookmark per heading, back cover.
func TestBookletOutline(t *testing.T) {
	fx := setup(t)
	file := fx.readingFile(t)
	js := testtool.Run(t, "qpdf", "--json", "--json-key=outlines", file)
	for _, title := range []string{`"title": "Cover"`, `"title": "Introduction"`, `"title": "Statements"`, `"title": "Amnesty International"`, `"title": "Back cover"`} {
		if !strings.Contains(js, title) {
			t.Errorf("outline lacks %s", title)
		}
	}
	info := testtool.Run(t, "pdfinfo", file)
	for _, want := range []string{"Title:           Global Support", "Keywords:        FreeAssange"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// Images of equal pixel width (here a logo and a background photo), which
// fpdf would write in random order, still give byte-identical files, and
// the file passes qpdf.
func TestReproducibleWithImages(t *testing.T) {
	fx := setup(t)
	dir := t.TempDir()
	photo := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for i := range photo.Pix {
		photo.Pix[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	png.Encode(&buf, photo)
	os.WriteFile(filepath.Join(dir, "photo.png"), buf.Bytes(), 0o644)
	th, err := layout.ParseTheme("photo.yaml", []byte(`name: photo
colors: {background: "#000000", text: "#ffffff", muted: "#dddddd", accent: "#ffcc00"}
background: {image: photo.png, overlay: 0.75}
`))
	if err != nil {
		t.Fatal(err)
	}
	th.Dir = dir
	logo := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for i := range logo.Pix {
		logo.Pix[i] = uint8(255 - i%251)
	}
	bk := fx.booklet(t, "booklet-a5")
	bk.Theme = th
	bk.Brand.Logo, bk.Brand.LogoKey = logo, "logo"
	a, _, err := bk.Make(Reading, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		b, _, err := bk.Make(Reading, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.PDF, b.PDF) {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
	testtool.Run(t, "qpdf", "--check", testtool.WriteTemp(t, "images.pdf", a.PDF))
}

// Every seed statement fits every place inside a tri-fold: the smallest
// place is half a panel.
func TestTrifoldFitsEveryStatement(t *testing.T) {
	fx := setup(t)
	th, _ := fx.lib.Theme("print")
	for _, name := range []string{"trifold-a4", "trifold-letter"} {
		l, err := fx.lib.Layout(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range fx.qs {
			more := []quote.Quote{q, q, q, q, q, q}
			if _, _, err := layout.ComposeSides(layout.Input{Quote: fx.qs[0], More: more, Brand: fx.brand}, l, th, fx.reg); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}
