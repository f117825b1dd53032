package press

import (
	"bytes"
	"testing"
)

// A booklet keeps its drawn pages only when asked (the studio's previews);
// otherwise they are let go while the PDF is written, which is the same,
// byte for byte, in every imposition.
func TestBookletPreviews(t *testing.T) {
	fx := setup(t)
	for _, mode := range []string{Reading, PrintShop, Saddle} {
		b := fx.booklet(t, "booklet-a5")
		without, _, err := b.Make(mode, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		b.Previews = true
		with, _, err := b.Make(mode, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if without.Drawn != nil {
			t.Errorf("%s: %d drawn pages kept without Previews", mode, len(without.Drawn))
		}
		if len(with.Drawn) != with.Sheets {
			t.Errorf("%s: %d drawn pages with Previews, want %d", mode, len(with.Drawn), with.Sheets)
		}
		for i, p := range with.Drawn {
			if p == nil {
				t.Errorf("%s: drawn page %d is gone", mode, i+1)
			}
		}
		if !bytes.Equal(without.PDF, with.PDF) {
			t.Errorf("%s: the PDF differs with Previews", mode)
		}
	}
}
