package text

import (
	"math"
	"testing"
)

func TestFit(t *testing.T) {
	tests := []struct {
		name      string
		threshold float64 // fits(t) is t <= threshold
		wantOK    bool
	}{
		{"everything fits", 2, true},
		{"exactly the largest", 1, true},
		{"somewhere between", 0.37, true},
		{"only the smallest", 0, true},
		{"nothing fits", -0.1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			got, ok := Fit(func(x float64) bool { calls++; return x <= tt.threshold }, 16)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tt.wantOK)
			}
			want := math.Min(math.Max(tt.threshold, 0), 1)
			if ok && (got > want || want-got > 1.0/(1<<16)) {
				t.Errorf("t = %v, want %v (within 2^-16, never above)", got, want)
			}
			if calls > 18 {
				t.Errorf("%d calls to fits; the search should need at most 18", calls)
			}
		})
	}
}

// A text of words that must fit a box: the fitted size is the largest at
// which the breaker's line count times the leading fits the height.
func TestFitWithBreaker(t *testing.T) {
	ws := []float64{3, 5, 2, 6, 4, 3, 5, 2, 4} // word widths at size 1
	tests := []struct {
		width, height float64
		min, max      float64
		want          float64 // the size chosen, to within 0.01
	}{
		{100, 100, 1, 2, 2},    // room for the largest
		{20, 6, 1, 4, 1.5},     // four lines of 1.5 fill 6; at 1.6 four lines are 6.4
		{10, 3, 1, 4, 0},       // does not fit even at 1: want 0 = failure
		{60, 1.2, 0.5, 2, 1.2}, // one line, limited by height
	}
	for _, tt := range tests {
		size := func(x float64) float64 { return tt.min + x*(tt.max-tt.min) }
		fits := func(x float64) bool {
			s := size(x)
			items := make([]Item, len(ws))
			for i, w := range ws {
				items[i] = Item{W: w * s, Space: s}
			}
			ends, ok := Break(items, tt.width, Options{})
			return ok && float64(len(ends))*s <= tt.height+1e-9
		}
		x, ok := Fit(fits, 20)
		got := 0.0
		if ok {
			got = size(x)
		}
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("box %vx%v sizes [%v, %v]: size %.3f, want %v", tt.width, tt.height, tt.min, tt.max, got, tt.want)
		}
	}
}
