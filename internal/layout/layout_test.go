package layout

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/quote"
)

var update = flag.Bool("update", false, "rewrite golden files")

type env struct {
	reg   *font.Registry
	lib   *Library
	qs    []quote.Quote
	brand Brand
}

func setup(t testing.TB) env {
	t.Helper()
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ds, err := quote.Parse("quotes.yaml", data.QuotesYAML, quote.YAML)
	if err != nil {
		t.Fatal(err)
	}
	return env{reg, lib, ds.Quotes, Brand{
		Campaign: "Global Support", URL: "https://dontextraditeassange.com",
		Hashtags: []string{"FreeAssange", "JournalismIsNotACrime"}, Lang: "en",
	}}
}

// Every seed quote is set in every built-in layout and theme with its text
// inside its region and the safe area, and no paragraph ends on one word.
func TestEverySeedQuoteFits(t *testing.T) {
	e := setup(t)
	for _, ln := range e.lib.LayoutNames("") {
		l, _ := e.lib.Layout(ln)
		if len(l.Regions) == 0 {
			continue // booklets and leaflets have their own tests
		}
		safe := frame.Rect{X: l.Safe.Left * l.Scale(), Y: l.Safe.Top * l.Scale(),
			W: l.W() - (l.Safe.Left+l.Safe.Right)*l.Scale(), H: l.H() - (l.Safe.Top+l.Safe.Bottom)*l.Scale()}
		for _, tn := range e.lib.ThemeNames() {
			th, _ := e.lib.Theme(tn)
			for _, q := range e.qs {
				f, c, err := compose(Input{Quote: q, Brand: e.brand}, l, th, e.reg)
				if err != nil {
					t.Errorf("%s/%s/%s: %v", ln, tn, q.ID, err)
					continue
				}
				if f.W() != l.W() || f.H() != l.H() {
					t.Errorf("%s: frame %vx%v, want %vx%v", ln, f.W(), f.H(), l.W(), l.H())
				}
				if ink := f.Frame.TextInk(); !safe.Contains(ink, 0.01) {
					t.Errorf("%s/%s/%s: text ink %+v leaves the safe area %+v", ln, tn, q.ID, ink, safe)
				}
				checkPlaced(t, ln+"/"+tn+"/"+q.ID, c.placed, l.Kind != "placard")
			}
		}
	}
}

// checkPlaced checks each set line against its box, and that no paragraph
// ends on one word. Placards are exempt from the last: at letters 2.5 cm
// tall a line holds two or three words, and when the reading distance
// leaves no smaller size, a lone last word is better than no placard.
func checkPlaced(t *testing.T, name string, placed []placed, widows bool) {
	t.Helper()
	for _, p := range placed {
		for i, ln := range p.lines {
			box := p.box
			if i == 0 {
				// The opening quotation mark hangs into the margin.
				box.X -= p.hang
				box.W += p.hang
			}
			for _, run := range ln.runs {
				if !box.Contains(run.Ink, 0.01) {
					t.Errorf("%s: %s line %q ink %+v leaves its box %+v", name, p.region.Type, ln.text, run.Ink, p.box)
				}
			}
		}
		if n := len(p.lines); n > 1 && widows {
			if last := p.lines[n-1].text; len(strings.Fields(last)) < 2 {
				t.Errorf("%s: %s ends on a one-word line %q", name, p.region.Type, last)
			}
		}
	}
}

// Frame dumps are golden: a change in layout shows as a readable diff.
func TestFrameDumps(t *testing.T) {
	e := setup(t)
	cases := []struct{ layout, theme, quote string }{
		{"instagram-square", "paper", "nils-melzer"},
		{"story", "ink", "rebecca-vincent"},
		{"x", "dusk", "tulsi-gabbard"},
		{"facebook", "bold", "dunja-mijatovic"},
	}
	for _, tc := range cases {
		l, _ := e.lib.Layout(tc.layout)
		th, _ := e.lib.Theme(tc.theme)
		var q quote.Quote
		for _, x := range e.qs {
			if x.ID == tc.quote {
				q = x
			}
		}
		f, err := Compose(Input{Quote: q, Brand: e.brand}, l, th, e.reg)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", "frames", tc.layout+"-"+tc.theme+"-"+tc.quote+".txt"), f.Dump())
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < len(wl) || i < len(gl); i++ {
			var w, g string
			if i < len(wl) {
				w = wl[i]
			}
			if i < len(gl) {
				g = gl[i]
			}
			if w != g {
				t.Errorf("%s differs at line %d:\nwant %s\ngot  %s\n(run go test -update if the change is intended)", path, i+1, w, g)
				return
			}
		}
	}
}
