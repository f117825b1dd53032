package layout

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		in := Input{Quote: q, Brand: e.brand}
		_, _, err := Compose(in, l, th, e.reg)
		if err != nil {
			var fe *FitError
			var ge *GlyphError
			if !errors.As(err, &fe) && !errors.As(err, &ge) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		stacks, regions := fittedStacks(t, newComposer(l, th, e.reg, true), l.Regions, &in)
		checkFitted(t, "fuzz", stacks, regions, false)
	})
}

// FuzzParseLayout throws any bytes at the layout and theme loaders: they
// must never panic, and every error must name the file.
func FuzzParseLayout(f *testing.F) {
	files, _ := filepath.Glob("../../layouts/*.yaml")
	themes, _ := filepath.Glob("../../layouts/themes/*.yaml")
	bad, _ := filepath.Glob("testdata/bad*/*.yaml")
	for _, p := range append(append(files, themes...), bad...) {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("size: {width: 1e308, height: -1e308, unit: px}\nregions: [{type: stack, items: [{type: stack}]}]"))
	f.Add([]byte("a: &a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return // hand-written settings are small; size limits have their own test
		}
		l, err := ParseLayout("fuzz.yaml", data)
		if err != nil && !strings.Contains(err.Error(), "fuzz.yaml") {
			t.Fatalf("error without the file name: %v", err)
		}
		if err == nil {
			if _, err := l.variants(); err != nil && !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Fatalf("variant error without the file name: %v", err)
			}
		}
		if _, err := ParseTheme("fuzz.yaml", data); err != nil && !strings.Contains(err.Error(), "fuzz.yaml") {
			t.Fatalf("theme error without the file name: %v", err)
		}
	})
}
