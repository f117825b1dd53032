package layout

import (
	"errors"
	"math"
	"testing"

	"github.com/broadside/broadside/internal/quote"
)

// FuzzCompose throws any text and any box and size numbers at the engine:
// it must never panic or hang, and whatever it sets must stay on the
// canvas, inside its box.
func FuzzCompose(f *testing.F) {
	e := setup(f)
	for _, q := range e.qs {
		f.Add(q.Text, 800.0, 600.0, 24.0, 72.0, 1.2)
	}
	f.Add("", 10.0, 10.0, 1.0, 1.0, 1.0)
	f.Add("😀 漢字 \u200d e\u0301 שלום", 500.0, 500.0, 10.0, 40.0, 1.0)
	f.Add("Supercalifragilisticexpialidocious-antidisestablishmentarianism", 100.0, 900.0, 30.0, 90.0, 0.8)
	f.Add("a\nb\n\nc", 300.0, 300.0, 12.0, 12.0, 3.0)
	th, _ := e.lib.Theme("paper")
	f.Fuzz(func(t *testing.T, txt string, w, h, min, max, lh float64) {
		if len(txt) > 6000 {
			return
		}
		l := &Layout{
			Name: "fuzz", Kind: "card", File: "fuzz.yaml",
			Size: Canvas{Width: 1080, Height: 1080, Unit: "px"},
			Safe: Insets{10, 10, 10, 10},
			Regions: []Region{{
				Type: "stack", Box: &Box{40, 40, w, h}, Items: []Region{
					{Type: "quote", Size: &SizeRange{min, max}, LineHeight: lh, Wrap: "balanced"},
					{Type: "author", Size: &SizeRange{20, 30}, SpaceBefore: 10},
				},
			}},
		}
		if l.validate() != nil {
			return // the loader refuses it before the engine sees it
		}
		q := quote.Quote{ID: "fuzz", Text: txt, Author: "Fuzz Tester", Lang: "en"}
		fr, c, err := compose(Input{Quote: q, Brand: e.brand}, l, th, e.reg)
		if err != nil {
			var fe *FitError
			var ge *GlyphError
			if !errors.As(err, &fe) && !errors.As(err, &ge) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		box := c.box(*l.Regions[0].Box)
		for _, p := range c.placed {
			for i, ln := range p.lines {
				b := box
				if i == 0 {
					b.X -= p.hang
					b.W += p.hang
				}
				for _, run := range ln.runs {
					if math.IsNaN(run.X) || math.IsNaN(run.Y) || !b.Contains(run.Ink, 0.01) {
						t.Fatalf("line %q ink %+v leaves its box %+v", ln.text, run.Ink, box)
					}
				}
			}
		}
		_ = fr
	})
}
