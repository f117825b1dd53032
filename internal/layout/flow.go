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
//	          page's text area and places it in the room left, or on a
//	          new page
//
// A unit is never split, so a heading always stands on the page of the
// quote it introduces, and a quote taller than a page's text area at its
// smallest size is a FitError.
//
// Flowing a long quote over pages (the next step) needs no new pass: fit
// the unit to the text area's width alone, and where it does not fit the
// room left, split its quote's text item between two lines into the lines
// that fit and the rest (a setting keeps its lines, so the two halves are
// the same item with fewer lines), place the first, start a page, and
// carry on with the rest. fits, place and newPage are the paginator's
// whole vocabulary for that.

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
func (b *bookletPages) flow(qs []quote.Quote) {
	fl := b.c.l.Flow
	units := groupUnits(qs, fl)
	// {page} in a flow item shows the number of the page before the flow:
	// a quote's own page is not known until it is placed.
	b.c.prepareUnits(units, &Input{Brand: b.brand, Page: len(b.bk.Pages)})
	if err := b.paginate(units); err != nil {
		b.errs = append(b.errs, err)
	}
}

// paginate lays prepared units out, in order, on pages it adds; units with
// nothing to show are left out. A unit that cannot be prepared or fitted is
// recorded in b.errs and skipped; only a page that cannot be made (its
// background) stops it. The first page of the flow gets the bookmark
// "Statements".
func (b *bookletPages) paginate(units []flowUnit) error {
	fl := b.c.l.Flow
	pg := &paginator{b: b, gap: fl.Gap * b.c.scale, perPage: fl.PerPage == 1}
	stack := &Region{Type: "stack", Name: "text area of a page", Pos: fl.Pos}
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
		s, warns, err := b.c.fit(stack, u.items, pg.box)
		b.warns.add(warns...)
		if err != nil {
			b.errs = append(b.errs, err)
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
		pg.place(u, s)
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
	par.Each(context.Background(), len(units), 0, func() func(int) {
		return func(i int) {
			in := *base
			in.Quote = units[i].q
			units[i].items, units[i].err = c.prepareAll(units[i].regions, parent, &in)
		}
	})
}

// paginator lays units out on pages one after another, as Typst's flow
// distributor does: it knows the current page, its text area and the room
// left in it, and for each unit the flow asks whether it fits, places it,
// or starts a new page.
type paginator struct {
	b       *bookletPages
	gap     float64 // points between two units on a page
	perPage bool    // a page for each unit, centred in the text area

	page *frame.Page // nil before the first
	n    int         // the page's number, 1-based
	box  frame.Rect  // its text area
	y    float64     // the top of the room left
}

// newPage starts a page for the flow, which q is about to go on.
func (p *paginator) newPage(q quote.Quote) error {
	page, n, err := p.b.blank(q)
	if err != nil {
		return err
	}
	p.page, p.n = page, n
	p.box = p.b.c.contentBox(n)
	p.y = p.box.Y
	return nil
}

// empty reports whether nothing is placed on the current page yet.
func (p *paginator) empty() bool { return p.y == p.box.Y }

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

// place puts a fitted unit on the current page: under the units before it
// after the gap, or centred when each unit has a page. The unit is placed
// in this page's text area, whichever page's area it was fitted to: facing
// pages' areas have the same size and differ only in their margins. Its
// heading gets a bookmark, and the unit a record of where it went.
func (p *paginator) place(u *flowUnit, s *fitted) {
	top := p.y
	if !p.empty() {
		top += p.gap
	}
	if p.perPage {
		top = p.box.Y + (p.box.H-s.h)/2
	}
	s.box = p.box
	p.page.Add(s.place(nil, top)...)
	bk := p.b.bk
	if u.heading != "" {
		bk.Marks = append(bk.Marks, Mark{Title: u.heading, Page: p.n - 1, Level: 1, Y: top})
	}
	bk.Units = append(bk.Units, Placed{Quote: u.q.ID, Page: p.n - 1, Y: top, H: s.h})
	p.y = top + s.h
}
