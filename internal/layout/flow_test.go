package layout

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"weak"

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
// area is mirrored on verso pages. Gaps are then widened to level pages. With a page for each unit, each is
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
		// Page 1's one gap widens as far as it may (level.go): it has no
		// facing page in the flow.
		{false, fmt.Sprintf("1:0 1:%.3f 2:0 3:0 4:0", 0.4*H+10+maxStretch*10)},
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

// Facing pages end level: the gaps of both pages of a spread widen until
// they end at the same height, as far as the lower one can reach; a page
// facing the flow's last page fills its text area as far as it may, and
// the last page ends where its quotes do.
func TestLevelFacingPages(t *testing.T) {
	e := setup(t)
	l, _ := e.lib.Layout("booklet-a5")
	th, _ := e.lib.Theme("print")
	fl := *l.Flow
	fl.Gap = 10 / l.Scale()
	lc := *l
	lc.Flow = &fl
	b := &bookletPages{c: newComposer(&lc, th, e.reg, false), brand: e.brand, bk: &Booklet{}}
	// A page before the flow, so that it starts on page 2, a left page.
	if _, _, err := b.blank(quote.Quote{}); err != nil {
		t.Fatal(err)
	}
	H := b.c.contentBox(2).H
	// Page 2: three units, two gaps (natural end 0.85H+20, at most
	// 0.85H+60); page 3: two units, one gap (0.9H+10, at most 0.9H+30);
	// page 4 faces page 5, the last.
	heights := []float64{0.3 * H, 0.3 * H, 0.25 * H, 0.45 * H, 0.45 * H, 0.4 * H, 0.4 * H, 0.7 * H}
	var units []flowUnit
	for i, h := range heights {
		units = append(units, flowUnit{q: quote.Quote{ID: fmt.Sprint(i)}, items: []item{&block{h: h}}})
	}
	if err := b.paginate(units); err != nil {
		t.Fatal(err)
	}
	end := map[int]float64{}
	for _, pl := range b.bk.Units {
		box := b.c.contentBox(pl.Page + 1)
		end[pl.Page+1] = math.Max(end[pl.Page+1], pl.Y+pl.H-box.Y)
	}
	want := map[int]float64{2: 0.9*H + 10 + 2*10, 3: 0.9*H + 10 + 2*10, 4: math.Min(H, 0.8*H+10+2*10), 5: 0.7 * H}
	for p, w := range want {
		if math.Abs(end[p]-w) > 0.01 {
			t.Errorf("page %d ends %.2f down its text area, want %.2f (H %.2f)", p, end[p], w, H)
		}
	}
}

// A quote taller than a page flows on over pages: its heading stays with
// its first lines, its author with its last, no page holds fewer than two
// of its lines, every line stays in the text area, and its words come back
// in order.
func TestFlowLongQuote(t *testing.T) {
	e := setup(t)
	words := strings.Fields(strings.Repeat("every word of this long statement is kept as it was written and printed in full across the pages so nobody can say it was cut ", 24))
	long := quote.Quote{ID: "endless", Text: strings.Join(words, " ") + ".", Author: "Long Winded", Role: "Speaker", Organisation: "The Society of Long Statements"}
	qs := []quote.Quote{e.qs[0], long, e.qs[1]}
	for _, name := range e.lib.LayoutNames("booklet") {
		l, _ := e.lib.Layout(name)
		th, _ := e.lib.Theme("print")
		bk, _, err := ComposeBooklet(qs, e.brand, l, th, e.reg, false)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var pages []int
		for _, u := range bk.Units {
			if u.Quote == long.ID {
				pages = append(pages, u.Page)
			}
			top, bottom := l.Margins.Top*l.Scale(), l.H()-l.Margins.Bottom*l.Scale()
			if u.Y < top-0.01 || u.Y+u.H > bottom+0.01 {
				t.Errorf("%s: quote %s at %.1f-%.1f leaves the text area %.1f-%.1f", name, u.Quote, u.Y, u.Y+u.H, top, bottom)
			}
		}
		if len(pages) < 2 {
			t.Fatalf("%s: the long quote is on pages %v, want it to flow over two or more", name, pages)
		}
		for i := 1; i < len(pages); i++ {
			if pages[i] != pages[i-1]+1 {
				t.Errorf("%s: the long quote's pieces are on pages %v, want consecutive pages", name, pages)
			}
		}
		for _, m := range bk.Marks {
			if m.Title == long.Organisation && m.Page != pages[0] {
				t.Errorf("%s: heading on page %d, the quote starts on page %d", name, m.Page+1, pages[0]+1)
			}
		}
		// Its words, in order, and where its lines and author are: its
		// lines are the runs in the font and size of its first.
		var got []string
		var first *frame.Text
		for _, it := range bk.Pages[pages[0]].Frame.Items {
			if run, ok := it.(*frame.Text); ok && strings.Contains(run.Text, "every word") && first == nil {
				first = run
			}
		}
		if first == nil {
			t.Fatalf("%s: the long quote's first line is not on page %d", name, pages[0]+1)
		}
		collecting := false
		for i, p := range pages {
			lines, author := 0, false
			for _, it := range bk.Pages[p].Frame.Items {
				run, ok := it.(*frame.Text)
				if !ok {
					continue
				}
				switch {
				case run == first:
					collecting = true
				case strings.Contains(run.Text, "Long Winded"):
					author, collecting = true, false
				}
				if collecting && run.Font == first.Font && run.Size == first.Size {
					lines++
					got = append(got, strings.Fields(strings.Trim(run.Text, "“”\""))...)
				}
			}
			if lines < 2 {
				t.Errorf("%s: page %d holds %d lines of the long quote, want at least 2", name, p+1, lines)
			}
			if author != (i == len(pages)-1) {
				t.Errorf("%s: author on page %d: %v, want it with the last lines only", name, p+1, author)
			}
		}
		if strings.Join(got, " ") != long.Text {
			t.Errorf("%s: the long quote's words came back as\n%s\nwant\n%s", name, strings.Join(got, " "), long.Text)
		}
	}
}

// The paginator places each spread once both its pages are full and lets
// go of what was fitted for it: after a long flow, only the units on the
// pages not yet placed (the page being filled and a left page waiting for
// it) are still held. Holding every unit until the flow ends was most of a
// 7,500-quote booklet's peak memory (docs/performance.md).
func TestPaginatorLetsGo(t *testing.T) {
	e := setup(t)
	l, _ := e.lib.Layout("booklet-a5")
	th, _ := e.lib.Theme("print")
	fl := *l.Flow
	fl.Gap, fl.PerPage = 10/l.Scale(), 0
	lc := *l
	lc.Flow = &fl
	b := &bookletPages{c: newComposer(&lc, th, e.reg, false), brand: e.brand, bk: &Booklet{}}
	H := b.c.contentBox(1).H
	const n = 200 // three a page: 67 pages
	units := make([]flowUnit, n)
	held := make([]weak.Pointer[block], n)
	for i := range units {
		bl := &block{h: 0.3 * H}
		units[i] = flowUnit{q: quote.Quote{ID: fmt.Sprint(i)}, items: []item{bl}}
		held[i] = weak.Make(bl)
	}
	pg := b.paginator()
	if err := pg.flow(units); err != nil {
		t.Fatal(err)
	}
	for i := range units {
		units[i].items = nil // as flow does after each window
	}
	runtime.GC()
	alive := 0
	for _, w := range held {
		if w.Value() != nil {
			alive++
		}
	}
	if alive > 6 {
		t.Errorf("%d of %d units' items still held before the flow ends, want at most 6 (two pages)", alive, n)
	}
	if placed := len(b.bk.Units); placed < n-6 {
		t.Errorf("%d of %d units placed before the flow ends, want all but the last two pages'", placed, n)
	}
	pg.finish()
	if len(b.bk.Units) != n {
		t.Errorf("%d units placed, want %d", len(b.bk.Units), n)
	}
	for i, pl := range b.bk.Units {
		if pl.Quote != fmt.Sprint(i) || pl.Page != i/3 {
			t.Fatalf("unit %d: quote %s on page %d, want quote %d on page %d", i, pl.Quote, pl.Page+1, i, i/3+1)
		}
	}
}

// TestFlowWindows checks that the windows cover every unit once, in order,
// start small and never exceed flowWindow.
func TestFlowWindows(t *testing.T) {
	for _, tc := range []struct {
		n     int
		sizes []int
	}{
		{0, nil},
		{1, []int{1}},
		{32, []int{32}},
		{33, []int{32, 1}},
		{500, []int{32, 64, 128, 256, 20}},
		{1000, []int{32, 64, 128, 256, 256, 256, 8}},
	} {
		ws := flowWindows(tc.n)
		var sizes []int
		next := 0
		for _, w := range ws {
			if w[0] != next || w[1] <= w[0] || w[1]-w[0] > flowWindow {
				t.Fatalf("n=%d: window %v after %d", tc.n, w, next)
			}
			sizes = append(sizes, w[1]-w[0])
			next = w[1]
		}
		if next != tc.n || fmt.Sprint(sizes) != fmt.Sprint(tc.sizes) {
			t.Errorf("n=%d: windows %v, want sizes %v", tc.n, ws, tc.sizes)
		}
	}
}
