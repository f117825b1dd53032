package text

// Fit finds the largest t in [0, 1] for which fits(t) holds, assuming fits
// is monotone (true up to some point, false beyond it), to within 1/2^steps.
// It tries 1 first, since short texts usually fit at their largest size.
// ok is false when even t = 0 does not fit. Layouts map t to font sizes
// between each item's smallest and largest, so every item of a stack grows
// and shrinks together.
func Fit(fits func(t float64) bool, steps int) (t float64, ok bool) {
	if fits(1) {
		return 1, true
	}
	if !fits(0) {
		return 0, false
	}
	lo, hi := 0.0, 1.0
	for i := 0; i < steps; i++ {
		mid := (lo + hi) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, true
}
