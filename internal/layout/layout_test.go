package layout

import (
	"flag"
	"math"
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
				in := Input{Quote: q, Brand: e.brand}
				f, warns, err := Compose(in, l, th, e.reg)
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
				if len(warns) > 0 {
					t.Errorf("%s/%s/%s: warnings %q", ln, tn, q.ID, warns)
				}
				stacks, regions := fittedStacks(t, newComposer(l, th, e.reg, true), l.Regions, &in)
				checkFitted(t, ln+"/"+tn+"/"+q.ID, stacks, regions, l.Kind != "placard")
			}
		}
	}
}

// fittedStacks fits every region of a page that compose sets as a stack,
// as compose does, so a test can check each line against its box.
func fittedStacks(t *testing.T, c *composer, regions []Region, in *Input) ([]*fitted, []*Region) {
	t.Helper()
	var out []*fitted
	var rs []*Region
	for i := range regions {
		r := &regions[i]
		typ := typeOf(r.Type)
		if r.Type == "rule" || r.Type == "logo" && (in.Brand.Logo != nil || r.Wordmark != nil && !*r.Wordmark) {
			continue // drawn, not stacked
		}
		items := []Region{*r}
		if typ.stacks {
			items = r.Items
		}
		s, _, err := c.fitStack(r, items, in)
		if err != nil {
			t.Fatal(err)
		}
		if s != nil {
			out = append(out, s)
			rs = append(rs, r)
		}
	}
	return out, rs
}

// checkFitted checks each line of the fitted stacks, placed where compose
// places them, against its box, and that no paragraph ends on one word.
// Placards are exempt from the last: at letters 2.5 cm tall a line holds
// two or three words, and when the reading distance leaves no smaller
// size, a lone last word is better than no placard.
func checkFitted(t *testing.T, name string, stacks []*fitted, regions []*Region, widows bool) {
	t.Helper()
	for si, s := range stacks {
		y := s.top(regions[si])
		for _, it := range s.items {
			y += it.head().before
			if ti, ok := it.(*textItem); ok {
				checkLines(t, name, ti, s.box, y, widows)
			}
			_, h := it.place(nil, s.box, y)
			y += h
		}
	}
}

// checkLines checks the lines of a text item with its top at y.
func checkLines(t *testing.T, name string, it *textItem, box frame.Rect, y float64, widows bool) {
	t.Helper()
	// The opening quotation mark of the first line hangs into the margin,
	// by design.
	hang := it.para.Hang*it.size - it.indent
	text := func(i int) string { return string(it.para.Runes[it.lines[i].Start:it.lines[i].End]) }
	for i, runs := range it.setLines(box, y) {
		b := box
		if i == 0 {
			b.X -= hang
			b.W += hang
		}
		for _, run := range runs {
			if math.IsNaN(run.X) || math.IsNaN(run.Y) || !b.Contains(run.Ink, 0.01) {
				t.Errorf("%s: %s line %q ink %+v leaves its box %+v", name, it.r.Type, text(i), run.Ink, box)
			}
		}
	}
	if n := len(it.lines); n > 1 && widows {
		if last := text(n - 1); len(strings.Fields(last)) < 2 {
			t.Errorf("%s: %s ends on a one-word line %q", name, it.r.Type, last)
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
		f, _, err := Compose(Input{Quote: q, Brand: e.brand}, l, th, e.reg)
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

// TestFontsOfBooklet checks that the fonts preloaded for a booklet or a
// leaflet are those of its pages and sides (it has no regions of its own):
// the fonts the booklet command parses while it reads the quotes.
func TestFontsOfBooklet(t *testing.T) {
	e := setup(t)
	th, err := e.lib.Theme("print")
	if err != nil {
		t.Fatal(err)
	}
	for _, ln := range []string{"booklet-a5", "trifold-a4"} {
		l, err := e.lib.Layout(ln)
		if err != nil {
			t.Fatal(err)
		}
		got := map[*font.Font]bool{}
		for _, f := range th.fontsOf(e.reg, []*Layout{l}) {
			got[f] = true
		}
		for _, role := range []string{"quote", "author", "heading"} {
			spec := th.Font(role)
			f, err := e.reg.Find(spec.Family, spec.Weight, spec.Italic)
			if err != nil {
				t.Fatal(err)
			}
			if !got[f] {
				t.Errorf("%s: the %s font (%s %d) is not preloaded", ln, role, spec.Family, spec.Weight)
			}
		}
	}
}
