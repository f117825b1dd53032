package text

import (
	"testing"

	"github.com/broadside/broadside/internal/font"
)

// A line may end after the hyphen of "full-scale", at a cost: Para must
// hand the hyphen on to the breaker. At each measure, the paragraph's own
// breaks are compared with breaks of the same items with the hyphen
// forgotten; the hyphen must win fewer line ends, and never one where
// forgetting it did not.
func TestParaAvoidsHyphenBreaks(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := reg.Lookup("Source Serif 4", 400, false)
	s := "The US government’s unrelenting pursuit of Julian Assange … is nothing short of a full-scale assault on the right to freedom of expression."
	p, err := NewPara(s, Style{Chain: reg.ChainFor(f, "")})
	if err != nil {
		t.Fatal(err)
	}
	hyph := -1
	for i, it := range p.Items {
		if it.Hyphen {
			hyph = i
		}
	}
	if hyph < 0 {
		t.Fatal(`"full-" is not marked as ending in a hyphen`)
	}
	forgot := make([]Item, len(p.Items))
	copy(forgot, p.Items)
	forgot[hyph].Hyphen = false
	endsAtHyphen := func(ends []int) bool {
		for _, e := range ends[:len(ends)-1] {
			if e == hyph+1 {
				return true
			}
		}
		return false
	}
	with, without := 0, 0
	for _, mode := range []Mode{Ragged, Balanced} {
		for w := 8.0; w <= 30; w += 0.25 {
			lines, ok := p.Lines(1, w, mode, 0)
			if !ok {
				continue
			}
			var ends []int
			for i := range p.Items {
				for _, l := range lines {
					if p.ItemEnd(i) == l.End {
						ends = append(ends, i+1)
					}
				}
			}
			fe, _ := Break(forgot, w, Options{Mode: mode})
			got, base := endsAtHyphen(ends), endsAtHyphen(fe)
			if got {
				with++
			}
			if base {
				without++
			}
			if got && !base {
				t.Errorf("mode %d, measure %.2f em: the hyphen made a line end at full-", mode, w)
			}
		}
	}
	if with >= without {
		t.Errorf("lines end at full- in %d settings, %d with the hyphen forgotten: the hyphen's cost is not applied", with, without)
	}
}
