package layout

import (
	"context"
	"fmt"
	"slices"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/quote"
)

// Booklet is a booklet's pages in reading order, and its outline.
type Booklet struct {
	Pages []*frame.Page
	Marks []Mark
	// Units says where each quote went: its page (zero-based) and y.
	Units []Placed
}

// Mark is a bookmark: a title, the zero-based page and how far down it is.
type Mark struct {
	Title string
	Page  int
	Level int
	Y     float64
}

// Placed records where a quote was set.
type Placed struct {
	Quote string
	Page  int
	Y, H  float64
}

// ComposeBooklet sets a cover, an introduction (when the campaign has one
// and the layout a page for it), the quotes flowing over as many pages as
// they need, grouped under their organisation headings, and a back cover.
// A quote never splits across pages, and a heading always stands on the
// page of the quote it introduces. The cover and introduction show the
// first quote where a region asks for one, the back cover the last.
//
// With bleed, pages carry the layout's bleed (for print shops); without,
// they are exactly the trim size (for home printers). Warnings come once
// each, in the order they arose.
func ComposeBooklet(qs []quote.Quote, brand Brand, l *Layout, th *Theme, reg *font.Registry, bleed bool) (*Booklet, []string, error) {
	if l.Kind != "booklet" {
		return nil, nil, fmt.Errorf("layout %s is a %s layout, not a booklet", l.Name, l.Kind)
	}
	if len(qs) == 0 {
		return nil, nil, fmt.Errorf("a booklet needs at least one quote")
	}
	c := newComposer(l, th, reg, bleed)
	bk := &Booklet{}
	var warns warnings
	page := func(regions []Region, title string, q quote.Quote) (*frame.Page, *Input, error) {
		n := len(bk.Pages) + 1
		in := &Input{Quote: q, Brand: brand, Page: n}
		p, w, err := c.page(regions, c.pageLabel(n), in)
		warns.add(w...)
		if err != nil {
			return nil, nil, err
		}
		bk.Marks = append(bk.Marks, Mark{Title: title, Page: n - 1})
		bk.Pages = append(bk.Pages, p)
		return p, in, nil
	}
	if _, _, err := page(l.Cover, "Cover", qs[0]); err != nil {
		return nil, warns, err
	}
	if brand.Intro != "" && len(l.Intro) > 0 {
		p, in, err := page(l.Intro, "Introduction", qs[0])
		if err != nil {
			return nil, warns, err
		}
		warns.add(c.folio(p, in)...)
	}
	if err := c.flow(qs, brand, bk, &warns); err != nil {
		return nil, warns, err
	}
	if _, _, err := page(l.Back, "Back cover", qs[len(qs)-1]); err != nil {
		return nil, warns, err
	}
	return bk, warns, nil
}

// warnings collects messages once each, in the order they first arose.
type warnings []string

func (w *warnings) add(msgs ...string) {
	for _, m := range msgs {
		if !slices.Contains(*w, m) {
			*w = append(*w, m)
		}
	}
}

// pageLabel names page n (1-based) of a booklet in messages and dumps.
func (c *composer) pageLabel(n int) string { return fmt.Sprintf("%s page %d", c.l.Name, n) }

// contentBox returns the text area of page n (1-based): recto pages (odd) have
// the inside margin on the left, verso pages on the right.
func (c *composer) contentBox(n int) frame.Rect {
	m, s := c.l.Margins, c.scale
	// Margins are written [top, outside, bottom, inside].
	inside, outside := m.Left, m.Right
	left, right := inside, outside
	if n%2 == 0 {
		left, right = outside, inside
	}
	return frame.Rect{X: left * s, Y: m.Top * s, W: c.l.W() - (left+right)*s, H: c.l.H() - (m.Top+m.Bottom)*s}
}

// folio adds the page number to page p (in.Page), mirrored on verso pages.
// A page number that cannot be set is a warning, not an error: a missing
// page number is better than no booklet.
func (c *composer) folio(p *frame.Page, in *Input) []string {
	if c.l.Folio == nil {
		return nil
	}
	r := *c.l.Folio
	if in.Page%2 == 0 {
		b := *r.Box
		b.X = c.l.Size.Width - b.X - b.W
		r.Box = &b
		switch r.Align {
		case "left", "":
			r.Align = "right"
		case "right":
			r.Align = "left"
		}
	}
	items, warns, err := c.region(&r, in)
	if err != nil {
		return append(warns, fmt.Sprintf("page %d has no page number: %v", in.Page, err))
	}
	p.Add(items...)
	return warns
}

// flow sets the quotes over pages.
func (c *composer) flow(qs []quote.Quote, brand Brand, bk *Booklet, warns *warnings) error {
	fl := c.l.Flow
	gap := fl.Gap * c.scale
	var y, bottom float64
	var box frame.Rect
	var page *frame.Page
	newPage := func(q quote.Quote) error {
		n := len(bk.Pages) + 1
		p, w, err := c.newPage(c.pageLabel(n))
		warns.add(w...)
		if err != nil {
			return err
		}
		warns.add(c.folio(p, &Input{Quote: q, Brand: brand, Page: n})...)
		bk.Pages = append(bk.Pages, p)
		page = p
		box = c.contentBox(n)
		y, bottom = box.Y, box.Y+box.H
		return nil
	}
	parent := &Region{Type: "stack", Align: "left"}
	// Headings depend on the quote before; the rest of each quote's
	// preparation (breaking it into words and measuring them) does not,
	// so it runs on every core before the quotes are placed in order.
	units := make([]flowUnit, len(qs))
	lastOrg := ""
	for i, q := range qs {
		units[i].q = q
		if q.Organisation != "" && q.Organisation != lastOrg && fl.Heading != nil {
			units[i].items = append(units[i].items, *fl.Heading)
			units[i].heading = q.Organisation
		}
		lastOrg = q.Organisation
		units[i].items = append(units[i].items, fl.Quote...)
	}
	// {page} in a flow item shows the number of the page before the flow:
	// a quote's own page is not known until it is placed.
	c.prepareUnits(units, parent, &Input{Brand: brand, Page: len(bk.Pages)})
	started := false
	for i := range units {
		u := &units[i]
		q, heading, blocks, err := u.q, u.heading, u.blocks, u.err
		if err != nil {
			return err
		}
		if len(blocks) == 0 {
			continue
		}
		if !started {
			if err := newPage(q); err != nil {
				return err
			}
			bk.Marks = append(bk.Marks, Mark{Title: "Statements", Page: len(bk.Pages) - 1})
			started = true
		}
		s, err := c.fit(&Region{Type: "stack", Pos: fl.Pos}, blocks, box, q.ID)
		if err != nil {
			return err
		}
		h := s.h
		space := gap
		if fl.PerPage == 1 || y == box.Y {
			space = 0
		}
		if fl.PerPage == 1 && i > 0 || y > box.Y && y+space+h > bottom+1e-6 {
			if err := newPage(q); err != nil {
				return err
			}
			space = 0
		}
		top := y + space
		if fl.PerPage == 1 {
			top = box.Y + (box.H-h)/2
		}
		s.box = box // the new page's, when it moved
		page.Add(s.place(nil, top)...)
		if heading != "" {
			bk.Marks = append(bk.Marks, Mark{Title: heading, Page: len(bk.Pages) - 1, Level: 1, Y: top})
		}
		bk.Units = append(bk.Units, Placed{Quote: q.ID, Page: len(bk.Pages) - 1, Y: top, H: h})
		y = top + h
	}
	return nil
}

// ComposeSides sets the sides of a leaflet or flyer: the first quote of in
// and the further ones in in.More go where the regions ask for them. Pages
// have no bleed. Warnings come once each.
func ComposeSides(in Input, l *Layout, th *Theme, reg *font.Registry) ([]*frame.Page, []string, error) {
	if len(l.Sides) == 0 {
		return nil, nil, fmt.Errorf("layout %s is a %s layout, not a leaflet or flyer", l.Name, l.Kind)
	}
	c := newComposer(l, th, reg, false)
	var out []*frame.Page
	var warns warnings
	for i, side := range l.Sides {
		name := side.Name
		if name == "" {
			name = fmt.Sprintf("side %d", i+1)
		}
		p, w, err := c.page(side.Regions, l.Name+" "+name, &in)
		warns.add(w...)
		if err != nil {
			return nil, warns, err
		}
		out = append(out, p)
	}
	return out, warns, nil
}

// flowUnit is one quote of a flow, with its heading when it starts a group.
type flowUnit struct {
	q       quote.Quote
	heading string
	items   []Region
	blocks  []item
	err     error
}

// prepareUnits prepares the units' blocks on every core, each with its
// quote in base; the composer and base are shared, and nothing changes
// them.
func (c *composer) prepareUnits(units []flowUnit, parent *Region, base *Input) {
	par.Each(context.Background(), len(units), 0, func() func(int) {
		return func(i int) {
			in := *base
			in.Quote = units[i].q
			units[i].blocks, units[i].err = c.prepareAll(units[i].items, parent, &in)
		}
	})
}
