package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestRenameFonts compares the scan with the regular expression it
// replaced, on names at the ends, side by side, too short, upper case and
// followed by word and non-word characters.
func TestRenameFonts(t *testing.T) {
	re := regexp.MustCompile(`/F[0-9a-f]{40}\b`)
	a := "/F" + strings.Repeat("0a", 20)
	b := "/F" + strings.Repeat("9f", 20)
	for _, in := range []string{
		"",
		"no fonts here",
		a,
		a + " 12 Tf " + b + " 9 Tf " + a + " 12 Tf",
		"BT " + a + "/F1 " + b + "\n",
		a + "x " + b + "_ " + a + "1 " + b + "-" + a,
		"/F" + strings.Repeat("0A", 20) + " " + a[:41] + " " + "//F" + a[2:],
		"/F/F" + a[2:] + "]",
	} {
		want := map[string][]byte{}
		exp := re.ReplaceAllFunc([]byte(in), func(n []byte) []byte {
			short, ok := want[string(n)]
			if !ok {
				short = []byte(fmt.Sprintf("/F%d", len(want)+1))
				want[string(n)] = short
			}
			return short
		})
		got := renameFonts([]byte("kept:"), []byte(in), map[string][]byte{})
		if string(got) != "kept:"+string(exp) {
			t.Errorf("renameFonts(%q) = %q, want %q", in, got, "kept:"+string(exp))
		}
	}
}
