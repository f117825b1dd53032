package text

import (
	"testing"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
)

// Set gives one run per font, each glyph with the id its font draws it
// with, the bytes of the run's text it stands for, and its position from
// the paragraph's measure (kerning included); the runs' text is the line.
func TestSetGlyphs(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	inter, _ := reg.Lookup("Inter", 400, false)
	// Devanagari is not in Inter: it falls back to another font, a run of
	// its own.
	s := "Ave, naïve कल AV"
	p, err := NewPara(s, Style{Chain: reg.ChainFor(inter, ""), Tracking: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := p.Lines(10, 1000, Ragged, 0)
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	runs := p.Set(lines[0], 10, 5, 20, 1000, Left, frame.Color{A: 255})
	if len(runs) != 3 {
		t.Fatalf("%d runs, want 3 (Latin, Devanagari, Latin)", len(runs))
	}
	var text string
	k := 0 // rune index in the paragraph
	for _, run := range runs {
		f := run.Font.(*font.Font)
		text += run.Text
		// Letter-spacing is never applied to cursive scripts: Devanagari's
		// headline joins its letters, and spacing would break it.
		want := 0.5
		if f.Family == "Noto Sans Devanagari" {
			want = 0
		}
		if run.Tracking != want {
			t.Errorf("run %q: tracking %v, want %v pt", run.Text, run.Tracking, want)
		}
		if got := run.X + run.Glyphs[0].X; got != 5+(p.Pos[k]-p.Pos[0])*10 {
			t.Errorf("run %q starts at %v", run.Text, got)
		}
		for i, g := range run.Glyphs {
			id, ok := f.Glyph(g.Rune)
			if !ok || g.ID != id || g.ID == 0 {
				t.Errorf("%q: glyph %d for %q, want %d from %s", run.Text, g.ID, g.Rune, id, f.Key)
			}
			if got := run.Text[g.Start:g.End]; got != string(g.Rune) {
				t.Errorf("%q: glyph %d stands for %q, want %q", run.Text, i, got, string(g.Rune))
			}
			if g.Y != 0 {
				t.Errorf("%q: glyph %d has a y offset %v", run.Text, i, g.Y)
			}
			// Left-to-right positions come from the paragraph's, to the
			// last bit, so Latin cards stay byte for byte as they were.
			if want := (p.Pos[k] - p.Pos[k-i]) * 10; g.X != want {
				t.Errorf("%q: glyph %d at %v, want %v", run.Text, i, g.X, want)
			}
			k++
		}
	}
	if text != s {
		t.Errorf("runs spell %q, want %q", text, s)
	}
}
