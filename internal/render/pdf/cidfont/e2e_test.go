package cidfont_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/broadside/broadside/internal/bidi"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
	"github.com/broadside/broadside/internal/shape"
	"github.com/broadside/broadside/internal/testtool"
)

var keep = flag.Bool("keep", false, "keep the test PDF and its pictures in testdata/out")

type sample struct {
	lang, text string
	// want is what pdftotext must give back; empty means the text itself.
	want string
	// mixed marks a line of both directions.
	mixed bool
}

var samples = []sample{
	{"en", "Press freedom, AVATAR — ﬁne print", "Press freedom, AVATAR — ﬁne print", false},
	{"ar", "حرية الصحافة ليست جريمة", "", false},
	// poppler 22 lays a mixed line out left to right in -layout mode:
	// words in visual order, each right-to-left word in reading order.
	{"ar", "قال Julian Assange عام 2024", "2024 عام Julian Assange قال", true},
	{"he", "חוֹפֶשׁ הָעִתּוֹנוּת", "", false},
	{"he", "עיתונות (חופשית) היא לא פשע", "", false},
	{"hi", "प्रेस की स्वतंत्रता अपराध नहीं है", "", false},
	{"th", "เสรีภาพสื่อไม่ใช่อาชญากรรม", "", false},
	{"en", "Free the press ✊🏽 👩‍👩‍👧 ❤️", "", false},
}

// cjkSamples are drawn when the fonts are installed (always in CI).
var cjkSamples = []struct {
	sample
	file string
}{
	{sample{"zh", "新闻自由不是犯罪", "", false}, "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"},
	{sample{"ja", "報道の自由は犯罪ではない", "", false}, "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf"},
	{sample{"ko", "언론의 자유는 범죄가 아니다", "", false}, "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"},
}

// doc writes samples as an fpdf document, one line each, through shaping,
// bidi ordering, cidfont's TJ strings and Replace.
func doc(t *testing.T, reg *font.Registry, ss []sample) []byte {
	t.Helper()
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 420, Ht: 50 + 40*float64(len(ss))}})
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.AddPage()
	fonts := map[*font.Font]*cidfont.Font{}
	var order []*cidfont.Font
	const size = 18.0
	base := reg.Get("source-serif-4/SourceSerif4-Regular")
	for i, s := range ss {
		text := []rune(s.text)
		res := shape.Paragraph(text, shape.Options{Chain: reg.ChainFor(base, font.CJKLang(s.lang, s.text)), Lang: s.lang})
		if len(res.Missing) > 0 {
			t.Fatalf("%q: no font for %q", s.text, string(res.Missing))
		}
		levels := make([]bidi.Level, len(res.Runs))
		width := 0.0
		for k, r := range res.Runs {
			levels[k] = r.Level
			width += float64(r.Advance) * size / float64(r.Font.UnitsPerEm)
		}
		// Right-to-left paragraphs are set flush right.
		x := 20.0
		if res.Bidi.Base.RTL() {
			x = 400 - width
		}
		baseline := 50 + 40*float64(i)
		for _, k := range bidi.Order(levels) {
			r := res.Runs[k]
			cf, ok := fonts[r.Font]
			if !ok {
				name := strings.ReplaceAll(r.Font.Key, "/", "-")
				pdf.AddUTF8FontFromBytes(name, "", r.Font.Data)
				var err error
				if cf, err = cidfont.New(name, r.Font.Data); err != nil {
					t.Fatal(err)
				}
				fonts[r.Font] = cf
				order = append(order, cf)
			}
			pdf.SetFont(cf.Name, "", size)
			pdf.RawWriteStr(fmt.Sprintf("BT %.2f %.2f Td %s ET\n", x, 50+40*float64(len(ss))-baseline, cf.TJ(clusters(res.Text, r), size)))
			x += float64(r.Advance) * size / float64(r.Font.UnitsPerEm)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := cidfont.Replace(buf.Bytes(), order)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// clusters groups a run's glyphs (visual order) by cluster.
func clusters(text []rune, r shape.Run) []cidfont.Cluster {
	var out []cidfont.Cluster
	for k := 0; k < len(r.Glyphs); {
		g := r.Glyphs[k]
		c := cidfont.Cluster{Text: string(text[g.Cluster : g.Cluster+g.Runes]), RTL: r.RTL()}
		for ; k < len(r.Glyphs) && r.Glyphs[k].Cluster == g.Cluster; k++ {
			h := r.Glyphs[k]
			c.Glyphs = append(c.Glyphs, cidfont.Glyph{ID: h.ID, XAdvance: float64(h.XAdvance), XOffset: float64(h.XOffset), YOffset: float64(h.YOffset)})
		}
		out = append(out, c)
	}
	return out
}

func registry(t *testing.T) *font.Registry {
	t.Helper()
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// The whole route on real clients: qpdf finds the file sound, pdffonts
// sees every font embedded, pdftotext gives each line back (in logical
// order: poppler reorders right-to-left text itself), pdftoppm draws it,
// and the same input gives the same bytes.
func TestEndToEnd(t *testing.T) {
	reg := registry(t)
	ss := samples
	for _, c := range cjkSamples {
		if _, err := os.Stat(c.file); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; CI must install the CJK font packages (see .ci/run)", c.file)
			}
			t.Logf("%s is missing: no %s line", c.file, c.lang)
			continue
		}
		if err := reg.AddFile(c.file); err != nil {
			t.Fatal(err)
		}
		ss = append(ss, c.sample)
	}
	a := doc(t, reg, ss)
	if b := doc(t, reg, ss); !bytes.Equal(a, b) {
		t.Error("two runs gave different bytes")
	}
	dir := t.TempDir()
	if *keep {
		dir = filepath.Join("testdata", "out")
		os.MkdirAll(dir, 0o755)
	}
	file := filepath.Join(dir, "scripts.pdf")
	if err := os.WriteFile(file, a, 0o644); err != nil {
		t.Fatal(err)
	}
	testtool.Run(t, "qpdf", "--check", file)
	fonts := testtool.Run(t, "pdffonts", file)
	for _, l := range strings.Split(fonts, "\n")[2:] {
		if l == "" {
			continue
		}
		if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	got := strings.Split(testtool.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", file, "-"), "\n")
	// pdftotext marks right-to-left lines with embedding controls.
	controls := strings.NewReplacer("\u202a", " ", "\u202b", " ", "\u202c", " ", "\u200e", " ", "\u200f", " ")
	lines := map[string]bool{}
	for _, l := range got {
		lines[strings.Join(strings.Fields(controls.Replace(l)), " ")] = true
	}
	for _, s := range ss {
		want := s.want
		if want == "" {
			want = s.text
		}
		switch {
		case strings.ContainsFunc(want, isHebrewPoint):
			// poppler places Hebrew points by their position, often
			// before their letter and with a space: the letters alone
			// come back in order.
			found := false
			for _, l := range got {
				if letters(l) == letters(want) {
					found = true
				}
			}
			if !found {
				t.Errorf("pdftotext lacks the letters of %q; got:\n%s", want, strings.Join(got, "\n"))
			}
		default:
			if !lines[want] {
				t.Errorf("pdftotext lacks %q; got:\n%s", want, strings.Join(got, "\n"))
			}
		}
	}
	testtool.Run(t, "pdftoppm", "-r", "100", "-png", file, filepath.Join(dir, "scripts"))
}

func isHebrewPoint(r rune) bool {
	return r >= 0x0591 && r <= 0x05C7 && r != 0x05BE && r != 0x05C0 && r != 0x05C3 && r != 0x05C6
}

// letters drops Hebrew points, spaces and direction controls.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if isHebrewPoint(r) || r == ' ' || r >= 0x202A && r <= 0x202E {
			return -1
		}
		return r
	}, s)
}

// Replace refuses a font the document does not contain, and leaves a
// document alone when no font is to be replaced.
func TestReplaceMissingFont(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	reg := registry(t)
	cf, err := cidfont.New("absent", reg.Get("inter/Inter-Regular").Data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cidfont.Replace(buf.Bytes(), []*cidfont.Font{cf}); err == nil || !strings.Contains(err.Error(), "absent") {
		t.Errorf("err = %v, want one naming the font", err)
	}
	if out, err := cidfont.Replace(buf.Bytes(), nil); err != nil || !bytes.Equal(out, buf.Bytes()) {
		t.Errorf("no fonts: changed the document (%v)", err)
	}
	if _, err := cidfont.New("bad", []byte("OTTO not a ttf")); err == nil {
		t.Error("a CFF font was accepted")
	}
}
