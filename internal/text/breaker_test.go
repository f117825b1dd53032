package text

import (
	"fmt"
	"testing"
)

// words makes items of the given widths with a space of 1 after each.
func words(ws ...float64) []Item {
	items := make([]Item, len(ws))
	for i, w := range ws {
		items[i] = Item{W: w, Space: 1}
	}
	return items
}

func TestBreak(t *testing.T) {
	tests := []struct {
		name  string
		items []Item
		width float64
		opt   Options
		want  string
		ok    bool
	}{
		{"empty", nil, 10, Options{}, "[]", true},
		{"one line", words(3, 3), 10, Options{}, "[2]", true},
		{"exact fit", words(4, 5), 10, Options{}, "[2]", true},
		{"one word too wide", words(3, 12, 3), 10, Options{}, "[1 2 3]", false},
		{"zero measure", words(3), 0, Options{}, "[1]", false},
		// Greedy would leave "5" alone on the last line: [3 6 | 5] widths
		// 9+1... the breaker moves a word down instead.
		{"no one-word last line", words(4, 4, 4), 10, Options{}, "[1 3]", true},
		{"balanced evens lines", words(2, 2, 2, 2, 2, 2), 14, Options{Mode: Balanced}, "[3 6]", true},
		// Ragged leaves the last line free: first lines as full as the rag allows.
		{"ragged fills", words(2, 2, 2, 2, 2, 2, 2), 12, Options{}, "[4 7]", true},
		{"max lines refuses", words(5, 5, 5, 5), 10, Options{MaxLines: 2}, "[1 2 3 4]", false},
		{"max lines allows", words(5, 5, 5, 5), 11, Options{MaxLines: 2}, "[2 4]", true},
		{"forced break", []Item{{W: 2, Space: 1, Forced: true}, {W: 2, Space: 1}, {W: 2}}, 20, Options{}, "[1 3]", true},
		// Ending at "full-" costs a little: a slightly more ragged break wins.
		// Without the cost "6 2-|2 4" (slack 1, 3) would beat "6|2-2 4" (4, 1).
		{"hyphen avoided", []Item{{W: 6, Space: 1}, {W: 2, Hyphen: true}, {W: 2, Space: 1}, {W: 4}}, 10, Options{Mode: Balanced}, "[1 4]", true},
		{"hanging indent widens first line", words(5, 5), 10, Options{FirstIndent: -2}, "[2]", true},
		// The first line holds one word; "4 4" would fit the second, but
		// would leave the last word alone.
		{"indent narrows first line", words(4, 4, 4, 4), 9, Options{FirstIndent: 2}, "[1 2 4]", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Break(tt.items, tt.width, tt.opt)
			if fmt.Sprint(got) != tt.want && !(got == nil && tt.want == "[]") || ok != tt.ok {
				t.Errorf("Break = %v, %v; want %s, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// Every line the breaker returns as ok fits its measure, and a one-word last
// line appears only when nothing else fits.
func TestBreakProperties(t *testing.T) {
	for n := 1; n < 40; n++ {
		ws := make([]float64, n)
		for i := range ws {
			ws[i] = float64(1 + (i*7+n*3)%6)
		}
		for _, mode := range []Mode{Ragged, Balanced} {
			items := words(ws...)
			ends, ok := Break(items, 16, Options{Mode: mode})
			if !ok {
				t.Fatalf("n=%d: not ok", n)
			}
			start := 0
			for _, e := range ends {
				w := 0.0
				for i := start; i < e; i++ {
					w += items[i].W
					if i < e-1 {
						w += items[i].Space
					}
				}
				if w > 16 {
					t.Errorf("n=%d mode=%d: line %d-%d is %v wide", n, mode, start, e, w)
				}
				start = e
			}
			if len(ends) > 1 && ends[len(ends)-1]-ends[len(ends)-2] == 1 {
				t.Errorf("n=%d mode=%d: one-word last line in %v", n, mode, ends)
			}
		}
	}
}

func BenchmarkBreak60(b *testing.B) {
	ws := make([]float64, 60)
	for i := range ws {
		ws[i] = float64(2 + i%7)
	}
	items := words(ws...)
	for i := 0; i < b.N; i++ {
		Break(items, 40, Options{Mode: Balanced})
	}
}
