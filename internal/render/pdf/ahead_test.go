package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

// TestAheadSameBytes checks that writing pages' text ahead on several
// goroutines gives the document written page by page, byte for byte, also
// when a glyph stands for other text on a later page than on the first
// (that page's record disagrees, and the loop writes it again).
func TestAheadSameBytes(t *testing.T) {
	reg, f := inter(t)
	bold, err := reg.Lookup("Inter", 700, false)
	if err != nil {
		t.Fatal(err)
	}
	doc := func() Doc {
		var d Doc
		for i := range 90 {
			p := frame.NewPage(200, 300, fmt.Sprint(i+1))
			switch i % 9 {
			case 4:
				// A's glyph standing for "X", first on its page: not
				// what the first page recorded for it.
				r := run(f, "AB", 12, 0, nil)
				r.Text = "XB"
				p.Add(r)
			case 7:
				p.Add(run(bold, "Bold \\ heading", 14, 0.5, map[int]float64{2: -0.4}))
			}
			p.Add(run(f, fmt.Sprintf("Page %d: AB (press) freedom", i+1), 10, 0, nil))
			p.Add(&frame.Rect{X: 10, Y: 10, W: 50, H: 20, Fill: frame.Color{R: 200, A: 255}})
			d.Pages = append(d.Pages, p)
		}
		return d
	}
	write := func(ahead int) []byte {
		defer func(n int) { aheadPages = n }(aheadPages)
		aheadPages = ahead
		var b bytes.Buffer
		if err := Write(&b, doc()); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	want := write(0)
	n := 0
	for _, s := range pageStreams(t, want) {
		if strings.Contains(s, "ActualText") {
			n++
		}
	}
	if n != 10 {
		t.Fatalf("%d pages carry ActualText, want 10 (the pages where A's glyph stands for X)", n)
	}
	for _, ahead := range []int{1, 3, 32, 1000} {
		if got := write(ahead); !bytes.Equal(got, want) {
			t.Errorf("%d pages ahead: %d bytes, differ from page by page (%d)", ahead, len(got), len(want))
		}
	}
}
