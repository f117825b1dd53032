package layout

import (
	"fmt"
	"strings"
	"testing"
)

// Every seed quote on every built-in placard takes the placard's measure:
// its widest line fills the width (a smaller size that leaves a third of
// the width empty is not a placard's size), and a short word is not left
// alone on a line where a readable size avoids it.
func TestPlacardsTakeTheirMeasure(t *testing.T) {
	e := setup(t)
	th, _ := e.lib.Theme("print")
	// Words that stood alone on a line before placards took their measure.
	alone := map[string]string{"placard-a3/tulsi-gabbard": "must", "placard-a3/rebecca-vincent": "outrageous.”",
		"placard-a3/guardian-editorial": "rejected.”", "placard-a4/guardian-editorial": "rejected.”"}
	for _, ln := range e.lib.LayoutNames("placard") {
		l, _ := e.lib.Layout(ln)
		for _, q := range e.qs {
			in := Input{Quote: q, Brand: e.brand}
			c := newComposer(l, th, e.reg, true)
			r := &l.Regions[0]
			s, _, err := c.fitStack(r, r.Items, &in)
			if err != nil {
				continue // too long for this placard: reported, tested elsewhere
			}
			name := fmt.Sprintf("%s/%s", ln, q.ID)
			it := s.items[0].(*textItem)
			widest := 0.0
			var lines []string
			for _, line := range it.lines {
				widest = max(widest, line.W*it.size)
				lines = append(lines, string(it.para.Runes[line.Start:line.End]))
			}
			set := strings.Join(lines, " / ")
			if widest < 0.85*s.box.W {
				t.Errorf("%s at %gpt: the widest line fills %.0f%% of the width: %s", name, it.size, 100*widest/s.box.W, set)
			}
			if w := alone[name]; w != "" && strings.Contains(" / "+set+" / ", " / "+w+" / ") {
				t.Errorf("%s at %gpt: %q is alone on its line: %s", name, it.size, w, set)
			}
		}
	}
}

// BenchmarkPlacards composes every seed quote on the A3 placard: the cost
// of trying every size, half a point apart.
func BenchmarkPlacards(b *testing.B) {
	e := setup(b)
	l, _ := e.lib.Layout("placard-a3")
	th, _ := e.lib.Theme("print")
	for b.Loop() {
		for _, q := range e.qs {
			if _, _, err := Compose(Input{Quote: q, Brand: e.brand}, l, th, e.reg); err != nil {
				b.Fatal(err)
			}
		}
	}
}
