package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/quote"
)

// block is a stack item of a fixed height, for paginator tests.
type block struct {
	itemHead
	h float64
}

func (b *block) height(float64, area) (float64, string, bool) { return b.h, "", true }

func (b *block) place(dst []frame.Item, box frame.Rect, y float64) ([]frame.Item, float64) {
	return append(dst, &frame.Rect{X: box.X, Y: y, W: box.W, H: b.h}), b.h
}

// The paginator puts each unit under the one before, after the gap, while
// it fits the room left; otherwise at the top of a new page, whose text
// area is mirrored on verso pages. With a page for each unit, each is
// centred on a page of its own. A unit with nothing to show takes no room.
func TestPaginator(t *testing.T) {
	e := setup(t)
	l, _ := e.lib.Layout("booklet-a5")
	th, _ := e.lib.Theme("print")
	c := newComposer(l, th, e.reg, false)
	area := c.contentBox(1)
	H := area.H
	heights := []float64{0.4 * H, 0.4 * H, 0.3 * H, H, 0.1 * H}
	cases := []struct {
		perPage bool
		want    string // page:top for each unit, tops relative to the area
	}{
		{false, fmt.Sprintf("1:0 1:%.3f 2:0 3:0 4:0", 0.4*H+10)},
		{true, fmt.Sprintf("1:%.3f 2:%.3f 3:%.3f 4:0 5:%.3f", 0.3*H, 0.3*H, 0.35*H, 0.45*H)},
	}
	for _, tc := range cases {
		fl := *l.Flow
		fl.Gap, fl.PerPage = 10/l.Scale(), 0
		if tc.perPage {
			fl.PerPage = 1
		}
		lc := *l
		lc.Flow = &fl
		b := &bookletPages{c: newComposer(&lc, th, e.reg, false), brand: e.brand, bk: &Booklet{}}
		var units []flowUnit
		for i, h := range heights {
			units = append(units, flowUnit{q: quote.Quote{ID: fmt.Sprint(i)}, items: []item{&block{h: h}}})
		}
		units = append(units[:2], append([]flowUnit{{q: quote.Quote{ID: "empty"}}}, units[2:]...)...)
		if err := b.paginate(units); err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, pl := range b.bk.Units {
			top := fmt.Sprintf("%.3f", pl.Y-area.Y)
			if top == "0.000" || top == "-0.000" {
				top = "0"
			}
			got = append(got, fmt.Sprintf("%d:%s", pl.Page+1, top))
			// The unit is drawn in its own page's text area.
			want := c.contentBox(pl.Page + 1)
			drawn := false
			for _, it := range b.bk.Pages[pl.Page].Frame.Items {
				if r, ok := it.(*frame.Rect); ok && r.X == want.X && r.Y == pl.Y && r.H == pl.H {
					drawn = true
				}
			}
			if !drawn {
				t.Errorf("perPage %v: unit %d is not drawn at %v,%v in its page's text area", tc.perPage, i, want.X, pl.Y)
			}
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("perPage %v: pages and tops %s, want %s", tc.perPage, s, tc.want)
		}
		if len(b.bk.Marks) != 1 || b.bk.Marks[0] != (Mark{Title: "Statements"}) {
			t.Errorf("perPage %v: marks %v", tc.perPage, b.bk.Marks)
		}
	}
}

// Headings are grouped before pagination: a unit starts with its
// organisation's heading only when the organisation changes.
func TestGroupUnits(t *testing.T) {
	fl := &Flow{Heading: &Region{Type: "heading"}, Quote: []Region{{Type: "quote"}, {Type: "author"}}}
	qs := []quote.Quote{{Organisation: "A"}, {Organisation: "A"}, {}, {Organisation: "B"}, {Organisation: "A"}}
	var got []string
	for _, u := range groupUnits(qs, fl) {
		got = append(got, fmt.Sprintf("%q/%d", u.heading, len(u.regions)))
	}
	if want := `["A"/3 ""/2 ""/2 "B"/3 "A"/3]`; fmt.Sprint(got) != want {
		t.Errorf("units %v, want %s", got, want)
	}
	fl.Heading = nil
	for _, u := range groupUnits(qs, fl) {
		if u.heading != "" || len(u.regions) != 2 {
			t.Errorf("without a heading style: unit %q with %d regions", u.heading, len(u.regions))
		}
	}
}
