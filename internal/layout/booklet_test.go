package layout

import (
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

// Every booklet sets every quote once, inside the page's text area (the
// hanging quotation mark aside), keeps each heading on the page of the
// quote it introduces, and never ends a paragraph on one word.
func TestBooklets(t *testing.T) {
	e := setup(t)
	e.brand.Intro = "First paragraph of the introduction.\n\nSecond paragraph, a little longer than the first one."
	e.brand.CallToAction = "Add your voice."
	for _, name := range e.lib.LayoutNames("booklet") {
		l, _ := e.lib.Layout(name)
		for _, tn := range e.lib.ThemeNames() {
			th, _ := e.lib.Theme(tn)
			bk, warns, err := ComposeBooklet(e.qs, e.brand, l, th, e.reg, false)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, tn, err)
			}
			if len(warns) > 0 {
				t.Errorf("%s/%s: warnings %q", name, tn, warns)
			}
			if len(bk.Units) != len(e.qs) {
				t.Errorf("%s: %d quotes set, want %d", name, len(bk.Units), len(e.qs))
			}
			page := map[string]int{}
			for _, u := range bk.Units {
				page[u.Quote] = u.Page
			}
			for _, m := range bk.Marks {
				if m.Level != 1 {
					continue
				}
				// The heading's quote is the first with that organisation.
				for _, q := range e.qs {
					if q.Organisation == m.Title {
						if page[q.ID] != m.Page {
							t.Errorf("%s: heading %q on page %d, its quote on page %d", name, m.Title, m.Page+1, page[q.ID]+1)
						}
						break
					}
				}
			}
			if !strings.HasPrefix(bk.Marks[0].Title, "Cover") || bk.Marks[len(bk.Marks)-1].Title != "Back cover" {
				t.Errorf("%s: outline %v", name, bk.Marks)
			}
			for i, p := range bk.Pages {
				if p.W() != l.W() || p.H() != l.H() || p.Bleed != 0 {
					t.Errorf("%s page %d: %vx%v bleed %v", name, i+1, p.W(), p.H(), p.Bleed)
				}
				safe := frame.Rect{X: l.Safe.Left * l.Scale(), Y: l.Safe.Top * l.Scale(), W: l.W() - (l.Safe.Left+l.Safe.Right)*l.Scale(), H: l.H() - (l.Safe.Top+l.Safe.Bottom)*l.Scale()}
				if ink := p.Frame.TextInk(); !safe.Contains(ink, 0.01) {
					t.Errorf("%s page %d: text ink %+v leaves the safe area", name, i+1, ink)
				}
			}
			for _, u := range bk.Units {
				// Quotes on flow pages stay between the top and bottom margins.
				top := l.Margins.Top * l.Scale()
				bottom := l.H() - l.Margins.Bottom*l.Scale()
				if u.Y < top-0.01 || u.Y+u.H > bottom+0.01 {
					t.Errorf("%s: quote %s at %.1f-%.1f leaves the text area %.1f-%.1f", name, u.Quote, u.Y, u.Y+u.H, top, bottom)
				}
			}
		}
	}
}

// With bleed (print shop), every page carries the layout's bleed.
func TestBookletBleed(t *testing.T) {
	e := setup(t)
	l, _ := e.lib.Layout("booklet-a5")
	th, _ := e.lib.Theme("print")
	bk, _, err := ComposeBooklet(e.qs[:3], e.brand, l, th, e.reg, true)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range bk.Pages {
		if want := 3 * 72 / 25.4; p.Bleed < want-0.01 || p.Bleed > want+0.01 {
			t.Errorf("page %d bleed %v, want 3 mm", i+1, p.Bleed)
		}
	}
}

// Leaflets and flyers compose both sides with text inside the safe area.
func TestLeafletsAndFlyers(t *testing.T) {
	e := setup(t)
	e.brand.Intro = "An introduction."
	e.brand.CallToAction = "Add your voice."
	for _, kind := range []string{"leaflet", "flyer"} {
		for _, name := range e.lib.LayoutNames(kind) {
			l, _ := e.lib.Layout(name)
			th, _ := e.lib.Theme("print")
			sides, _, err := ComposeSides(Input{Quote: e.qs[0], More: e.qs[1:4], Brand: e.brand}, l, th, e.reg)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(sides) != 2 {
				t.Errorf("%s: %d sides", name, len(sides))
			}
			safe := frame.Rect{X: l.Safe.Left * l.Scale(), Y: l.Safe.Top * l.Scale(), W: l.W() - (l.Safe.Left+l.Safe.Right)*l.Scale(), H: l.H() - (l.Safe.Top+l.Safe.Bottom)*l.Scale()}
			for i, s := range sides {
				if ink := s.Frame.TextInk(); ink.Empty() || !safe.Contains(ink, 0.01) {
					t.Errorf("%s side %d: text ink %+v, safe area %+v", name, i+1, ink, safe)
				}
			}
		}
	}
}
