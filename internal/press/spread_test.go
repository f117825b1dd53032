package press

import (
	"fmt"
	"testing"
)

// Spreading n quotes over a tri-fold's inside: every panel shows
// something, every quote given is shown once, and in order.
func TestSpread(t *testing.T) {
	fx := setup(t)
	for _, name := range []string{"trifold-a4", "trifold-letter"} {
		l, err := fx.lib.Layout(name)
		if err != nil {
			t.Fatal(err)
		}
		inside := l.Sides[1].Regions
		tests := []struct {
			n    int
			want string // per panel, left to right: the quotes, or c for the campaign
		}{
			{1, "[c] [c] [c]"},
			{2, "[2] [c] [c]"},
			{3, "[2] [3] [c]"},
			{4, "[2] [3] [4]"},
			{5, "[2 3] [4] [5]"},
			{6, "[2 3] [4 5] [6]"},
			{7, "[2 3] [4 5] [6 7]"},
			{9, "[2 3] [4 5] [6 7]"},
		}
		for _, tt := range tests {
			s := spread(l, tt.n, fx.brand)
			got := ""
			for _, x := range []float64{inside[0].Box.X, inside[2].Box.X, inside[4].Box.X} {
				var col []string
				for _, r := range s.Sides[1].Regions {
					if r.Box.X != x {
						continue
					}
					if r.Quote == 0 {
						col = append(col, "c")
					} else {
						col = append(col, fmt.Sprint(r.Quote))
					}
				}
				got += fmt.Sprint(col) + " "
			}
			if got != tt.want+" " {
				t.Errorf("%s with %d quotes: %s, want %s", name, tt.n, got, tt.want)
			}
		}
		// The campaign panels differ: name, introduction, how to reach it.
		s := spread(l, 1, fx.brand)
		if a, b := s.Sides[1].Regions[0].Items[1].Type, s.Sides[1].Regions[1].Items[1].Type; a == b {
			t.Errorf("%s: the spare panels repeat themselves (%s, %s)", name, a, b)
		}
	}
}
