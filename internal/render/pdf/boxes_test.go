package pdf

import "testing"

// stableBoxes sorts each run of box lines and changes nothing else, byte
// for byte, wherever the runs are (a PDF always ends with a line that is
// not a box, %%EOF).
func TestStableBoxes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\n/TrimBox [1]\n/BleedBox [2]\nb\n", "a\n/BleedBox [2]\n/TrimBox [1]\nb\n"},
		{"/TrimBox [1]\n/CropBox [3]\n/BleedBox [2]\n%%EOF\n", "/BleedBox [2]\n/CropBox [3]\n/TrimBox [1]\n%%EOF\n"},
		{"p\n/TrimBox [1]\nq\n/TrimBox [9]\n/ArtBox [8]\nr", "p\n/TrimBox [1]\nq\n/ArtBox [8]\n/TrimBox [9]\nr"},
		{"/TrimBox [1]\n/TrimBox [1]\n", "/TrimBox [1]\n/TrimBox [1]\n"},
		{"no boxes\nat all\n", "no boxes\nat all\n"},
		{"no line break", "no line break"},
		{"", ""},
	} {
		if got := string(stableBoxes([]byte(tc.in))); got != tc.want {
			t.Errorf("stableBoxes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
