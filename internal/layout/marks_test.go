package layout

import (
	"math"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/quote"
)

// The big decorative opening mark reads as an opening mark in every
// language (issue 11, point 17). A low mark („ in German, Czech, Polish and
// Hebrew) sits low beside the first line, on the side the text starts: its
// ink reaches below the baseline and rises no higher than a comma's top,
// well under the x-height (drawn large above the text it would read as a
// closing ”). A high mark (“ in English, « in French) stands above the
// text. In right-to-left Hebrew the mark is right of the first line.
func TestOpeningMarkReadsAsOpening(t *testing.T) {
	e := setup(t)
	th, _ := e.lib.Theme("paper")
	for _, ln := range []string{"instagram-square", "instagram-portrait", "story"} {
		l, _ := e.lib.Layout(ln)
		for _, tc := range []struct {
			lang, mark, text string
			low, rtl         bool
		}{
			{"de", "„", "Journalismus ist kein Verbrechen.", true, false},
			{"cs", "„", "Novinařina není zločin.", true, false},
			{"pl", "„", "Dziennikarstwo nie jest przestępstwem.", true, false},
			{"he", "„", "עיתונות איננה פשע.", true, true},
			{"en", "“", "Journalism is not a crime.", false, false},
			{"fr", "«", "Le journalisme n’est pas un crime.", false, false},
		} {
			q := quote.Quote{ID: "q", Text: tc.text, Author: "A", Lang: tc.lang}
			p, _, err := Compose(Input{Quote: q, Brand: e.brand}, l, th, e.reg)
			if err != nil {
				t.Fatalf("%s %s: %v", ln, tc.lang, err)
			}
			var mark *frame.Text
			var first []*frame.Text // the runs of the quote's first line
			for _, it := range p.Frame.Items {
				r, ok := it.(*frame.Text)
				if !ok {
					continue
				}
				if r.Text == tc.mark && mark == nil {
					mark = r
					continue
				}
				if len(first) == 0 || r.Y == first[0].Y && r.Size == first[0].Size {
					if len(first) == 0 && mark == nil && !tc.low {
						continue // nothing before a high mark
					}
					first = append(first, r)
				}
			}
			if mark == nil || len(first) == 0 {
				t.Fatalf("%s %s: no mark %q or no text", ln, tc.lang, tc.mark)
			}
			base, size := first[0].Y, first[0].Size
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, r := range first {
				lo, hi = math.Min(lo, r.Ink.X), math.Max(hi, r.Ink.X+r.Ink.W)
			}
			top, bottom := mark.Ink.Y, mark.Ink.Y+mark.Ink.H
			if tc.low {
				if top < base-0.35*size || bottom <= base {
					t.Errorf("%s %s: the low mark's ink spans %.1f to %.1f pt, the first baseline is at %.1f (size %.1f): it must sit low",
						ln, tc.lang, top, bottom, base, size)
				}
				if !tc.rtl && mark.Ink.X+mark.Ink.W > lo || tc.rtl && mark.Ink.X < hi {
					t.Errorf("%s %s: the mark (x %.1f to %.1f) is not beside the line's start (text %.1f to %.1f)",
						ln, tc.lang, mark.Ink.X, mark.Ink.X+mark.Ink.W, lo, hi)
				}
			} else if bottom > base-0.6*size {
				t.Errorf("%s %s: the high mark's ink ends at %.1f pt, the first baseline is at %.1f: it must stand above the text", ln, tc.lang, bottom, base)
			}
		}
	}
}
