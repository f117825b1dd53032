package layout

import (
	"context"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/quote"
)

// A booklet's quotes flow over its pages in three passes:
//
//	group     quotes → units: each quote's stack (the flow's quote
//	          items), led by its organisation's heading when the quote
//	          starts a group
//	prepare   units → stack items, on every core: breaking each quote
//	          into words and measuring them does not depend on the page
//	paginate  units, in order → pages: the paginator fits each unit to a
//	          page's text area and adds it in the room left, or on a new
//	          page; once both pages of a spread are full, it levels them
//	          (level.go) and places what they hold
//
// A unit that fits a page is never split, so a heading always stands on
// the page of the quote it introduces. A unit taller than a page's text
// area even at its smallest flows on over pages (flowlong.go): set to the
// text area's width alone, its quote's lines are shared out among pages,
// the heading with the first of them and the author with the last.
// A unit that cannot be set at all is recorded, and the flow goes on.

// flowUnit is one quote of a flow, with its heading when it starts a group.
type flowUnit struct {
	q       quote.Quote
	heading string // the organisation it introduces; "" for none
	regions []Region
	items   []item // prepared
	err     error  // from preparing
}

// flow sets the quotes over pages after the booklet's pages so far. A
// quote that fails is recorded in b.errs and left out, and the flow goes
// on, so that one run finds every quote that fails.
//
// The units are prepared and laid out a window at a time, and a window's
// prepared items are let go once it is laid out; the paginator places each
// spread as soon as both its pages are full (levelling needs only that
// spread). A booklet of 7,500 quotes then holds a window of broken,
// measured paragraphs and the spread being filled instead of all of them,
// which was most of its peak memory (docs/performance.md).
func (b *bookletPages) flow(qs []quote.Quote) {
	units := groupUnits(qs, b.c.l.Flow)
	// {page} in a flow item shows the number of the page before the flow:
	// a quote's own page is not known until it is placed.
	base := &Input{Brand: b.brand, Page: len(b.bk.Pages)}
	pg := b.paginator()
	defer pg.finish()
	ws := flowWindows(len(units))
	// The next window is prepared while the paginator lays out this one:
	// paginating is one goroutine's work, and preparing keeps the other
	// cores busy meanwhile. The composer and base change for neither.
	prepare := func(k int) <-chan struct{} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			b.c.prepareUnits(units[ws[k][0]:ws[k][1]], base)
		}()
		return done
	}
	next := prepare(0)
	for k, bounds := range ws {
		<-next
		if k+1 < len(ws) {
			next = prepare(k + 1)
		} else {
			next = nil
		}
		w := units[bounds[0]:bounds[1]]
		err := pg.flow(w)
		for i := range w {
			// The paginator keeps only a unit's quote and heading.
			w[i].items, w[i].regions = nil, nil
		}
		if err != nil {
			if next != nil {
				<-next
			}
			b.errs = append(b.errs, err)
			return
		}
	}
}

// flowWindow is how many units are prepared at once: enough to keep every
// core busy between two paginations, few enough to hold little memory.
// The first windows are smaller (see flowWindows) so that the paginator
// starts early.
const flowWindow = 256

// flowWindows splits n units into windows, [start, end) each: 32, 64,
// 128 units, then flowWindow at a time. While the paginator lays out one
// window the next is prepared, so at most two windows' prepared items are
// held at once.
func flowWindows(n int) [][2]int {
	var ws [][2]int
	size := min(32, flowWindow)
	for start := 0; start < n; start += size {
		if len(ws) > 0 {
			size = min(2*size, flowWindow)
		}
		ws = append(ws, [2]int{start, min(start+size, n)})
	}
	return ws
}

// paginate lays prepared units out, in order, on pages it adds (see
// paginator.flow), and places them (see paginator.finish).
func (b *bookletPages) paginate(units []flowUnit) error {
	pg := b.paginator()
	defer pg.finish()
	return pg.flow(units)
}

// paginator returns a paginator for the booklet's flow, before its first
// page.
func (b *bookletPages) paginator() *paginator {
	fl := b.c.l.Flow
	return &paginator{
		b: b, gap: fl.Gap * b.c.scale, perPage: fl.PerPage == 1,
		stack: &Region{Type: "stack", Name: "text area of a page", Pos: fl.Pos},
	}
}

// flow lays prepared units out, in order, after those it laid out before,
// on pages it adds; units with nothing to show are left out. A unit that
// cannot be prepared or fitted is recorded in b.errs and skipped; only a
// page that cannot be made (its background) stops it. A unit taller than
// a page's text area flows on over pages (flowlong.go). Each spread is
// levelled (level.go) and placed once both its pages are full, the rest
// when the flow is finished. The first page of the flow gets the bookmark
// "Statements".
func (pg *paginator) flow(units []flowUnit) error {
	b := pg.b
	for i := range units {
		u := &units[i]
		if u.err != nil {
			b.errs = append(b.errs, u.err)
			continue
		}
		if len(u.items) == 0 {
			continue
		}
		if pg.page == nil {
			if err := pg.newPage(u.q); err != nil {
				return err
			}
			b.bk.Marks = append(b.bk.Marks, Mark{Title: "Statements", Page: len(b.bk.Pages) - 1})
		}
		s, warns, err := b.c.fit(pg.stack, u.items, pg.box)
		b.warns.add(warns...)
		if err != nil {
			// Taller than a page even at its smallest: it flows on.
			long, k, lw := b.c.fitLong(pg.stack, u.items, pg.box)
			b.warns.add(lw...)
			if long == nil {
				b.errs = append(b.errs, err)
				continue
			}
			if err := pg.flowLong(u, long, k); err != nil {
				return err
			}
			continue
		}
		if s == nil {
			continue
		}
		if !pg.fits(s.h) {
			if err := pg.newPage(u.q); err != nil {
				return err
			}
		}
		pg.add(u, s, true)
	}
	return nil
}

// groupUnits makes a unit of each quote: the flow's quote items, led by the
// heading when the quote's organisation differs from the one before.
func groupUnits(qs []quote.Quote, fl *Flow) []flowUnit {
	units := make([]flowUnit, len(qs))
	lastOrg := ""
	for i, q := range qs {
		units[i].q = q
		if q.Organisation != "" && q.Organisation != lastOrg && fl.Heading != nil {
			units[i].regions = append(units[i].regions, *fl.Heading)
			units[i].heading = q.Organisation
		}
		lastOrg = q.Organisation
		units[i].regions = append(units[i].regions, fl.Quote...)
	}
	return units
}

// prepareUnits prepares the units' items on every core, each with its quote
// in base. The composer and base are shared, and nothing changes them.
func (c *composer) prepareUnits(units []flowUnit, base *Input) {
	parent := &Region{Type: "stack", Align: "left"}
	// A few units at a hand-off: each hand-off wakes a goroutine, which
	// costs about as much as preparing a short quote.
	const chunk = 4
	par.Each(context.Background(), (len(units)+chunk-1)/chunk, 0, func() func(int) {
		return func(k int) {
			for i := k * chunk; i < min((k+1)*chunk, len(units)); i++ {
				in := *base
				in.Quote = units[i].q
				units[i].items, units[i].err = c.prepareAll(units[i].regions, parent, &in)
			}
		}
	})
}

// paginator lays units out on pages one after another, as Typst's flow
// distributor does: it knows the current page, its text area and the room
// left in it, and for each unit the flow asks whether it fits, adds it, or
// starts a new page. What a page holds is placed once the page facing it
// is full too and the spread has been levelled (level.go).
type paginator struct {
	b       *bookletPages
	gap     float64 // points between two units on a page
	perPage bool    // a page for each unit, centred in the text area
	stack   *Region // the text area, as the region units are fitted to

	page  *frame.Page // nil before the first
	n     int         // the page's number, 1-based
	box   frame.Rect  // its text area
	y     float64     // the top of the room left
	slots []slot      // what the page holds so far

	// done are the pages before it not placed yet: at most a left page
	// waiting for the page facing it (see flush).
	done []flowPage
}

// slot is a fitted unit, or a piece of one that flows over pages, at its
// natural top (gaps not yet levelled).
type slot struct {
	u   *flowUnit
	s   *fitted
	top float64
	// gap says a gap stands above it, which levelling may widen; first
	// that it is the unit's first piece (its heading's bookmark and its
	// record go with it).
	gap, first bool
}

// flowPage is a page of the flow and what it holds.
type flowPage struct {
	page  *frame.Page
	n     int
	box   frame.Rect
	slots []slot
}

// newPage starts a page for the flow, which q is about to go on.
func (p *paginator) newPage(q quote.Quote) error {
	p.endPage()
	page, n, err := p.b.blank(q)
	if err != nil {
		return err
	}
	p.page, p.n = page, n
	p.box = p.b.c.contentBox(n)
	p.y = p.box.Y
	p.flush()
	return nil
}

// endPage puts the current page, if any, with the pages done.
func (p *paginator) endPage() {
	if p.page != nil {
		p.done = append(p.done, flowPage{page: p.page, n: p.n, box: p.box, slots: p.slots})
	}
	p.page, p.slots = nil, nil
}

// empty reports whether nothing is placed on the current page yet.
func (p *paginator) empty() bool { return len(p.slots) == 0 }

// fits reports whether a unit h points tall fits the room left on the
// current page, after the gap. An empty page takes any unit (fitting it to
// the text area made sure it is not too tall); with a page for each unit,
// a page that has one takes no other.
func (p *paginator) fits(h float64) bool {
	switch {
	case p.empty():
		return true
	case p.perPage:
		return false
	}
	return p.y+p.gap+h <= p.box.Y+p.box.H+1e-6
}

// add puts a fitted unit (or its piece) on the current page: under the
// units before it after the gap, or centred when each unit has a page.
func (p *paginator) add(u *flowUnit, s *fitted, first bool) {
	top, gap := p.y, !p.empty()
	if gap {
		top += p.gap
	}
	if p.perPage && first {
		top = p.box.Y + (p.box.H-s.h)/2
	}
	p.slots = append(p.slots, slot{u: u, s: s, top: top, gap: gap, first: first})
	p.y = top + s.h
}

// flush places the pages done up to the last right (odd) page among
// them: every spread they make is full, and since a page follows them none
// is the flow's last, so levelling them needs no page after them.
func (p *paginator) flush() {
	k := len(p.done) - 1
	for k >= 0 && p.done[k].n%2 == 0 {
		k--
	}
	if k < 0 {
		return
	}
	p.place(p.done[:k+1], false)
	p.done = append(p.done[:0], p.done[k+1:]...)
}

// finish levels and places the pages not placed yet: the last of them ends
// the flow.
func (p *paginator) finish() {
	p.endPage()
	p.place(p.done, true)
	p.done = nil
}

// place levels pages, whole spreads of the flow in order (the last of them
// the flow's last page when ends), and places every unit on its page.
// Each unit is placed in its page's text area, whichever page's area it
// was fitted to: facing pages' areas have the same size and differ only in
// their margins. Its heading gets a bookmark, and each of its pieces a
// record of where it went. The pages let go of their slots, so what was
// fitted for them can be collected.
func (p *paginator) place(pages []flowPage, ends bool) {
	extra := p.level(pages, ends)
	bk := p.b.bk
	for i := range pages {
		fp := &pages[i]
		shift := 0.0
		for _, sl := range fp.slots {
			if sl.gap {
				shift += extra[i]
			}
			top := sl.top + shift
			sl.s.box = fp.box
			fp.page.Add(sl.s.place(nil, top)...)
			if sl.first && sl.u.heading != "" {
				bk.Marks = append(bk.Marks, Mark{Title: sl.u.heading, Page: fp.n - 1, Level: 1, Y: top})
			}
			bk.Units = append(bk.Units, Placed{Quote: sl.u.q.ID, Page: fp.n - 1, Y: top, H: sl.s.h})
		}
		*fp = flowPage{}
	}
}
