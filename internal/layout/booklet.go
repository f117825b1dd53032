package layout

import (
	"context"
	"fmt"

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
// page of the quote it introduces.
//
// With bleed, pages carry the layout's bleed (for print shops); without,
// they are exactly the trim size (for home printers).
func ComposeBooklet(qs []quote.Quote, brand Brand, l *Layout, th *Theme, reg *font.Registry, bleed bool) (*Booklet, error) {
	if l.Kind != "booklet" {
		return nil, fmt.Errorf("layout %s is a %s layout, not a booklet", l.Name, l.Kind)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("a booklet needs at least one quote")
	}
	c := &composer{in: Input{Quote: qs[0], Brand: brand}, l: l, th: th, reg: reg, scale: l.Scale(), noBleed: !bleed}
	bk := &Booklet{}
	page := func(regions []Region, title string) error {
		n := len(bk.Pages) + 1
		c.in.Page = n
		f, err := c.page(regions, fmt.Sprintf("%s page %d", l.Name, n))
		if err != nil {
			return err
		}
		bk.Marks = append(bk.Marks, Mark{Title: title, Page: n - 1})
		bk.Pages = append(bk.Pages, f)
		return nil
	}
	if err := page(l.Cover, "Cover"); err != nil {
		return nil, err
	}
	if brand.Intro != "" && len(l.Intro) > 0 {
		if err := page(l.Intro, "Introduction"); err != nil {
			return nil, err
		}
		c.folio()
	}
	if err := c.flow(qs, bk); err != nil {
		return nil, err
	}
	if err := page(l.Back, "Back cover"); err != nil {
		return nil, err
	}
	return bk, nil
}

// page composes one fixed page from regions.
func (c *composer) page(regions []Region, label string) (*frame.Page, error) {
	p := c.newPage(label)
	if err := c.background(); err != nil {
		return nil, err
	}
	for i := range regions {
		if err := c.region(&regions[i]); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// newPage starts an empty page of the layout's size, and makes it the one
// the composer draws on.
func (c *composer) newPage(label string) *frame.Page {
	p := frame.NewPage(c.l.W(), c.l.H(), label)
	if !c.noBleed {
		p.Bleed = c.l.Bleed * c.scale
	}
	c.f, c.bleed = p.Frame, p.Bleed
	return p
}

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

// folio adds the page number to the current page, mirrored on verso pages.
func (c *composer) folio() {
	if c.l.Folio == nil {
		return
	}
	r := *c.l.Folio
	if c.in.Page%2 == 0 {
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
	// A page number cannot fail to fit its own box in a valid layout, and
	// a missing page number is better than no booklet.
	_ = c.region(&r)
}

// flow sets the quotes over pages.
func (c *composer) flow(qs []quote.Quote, bk *Booklet) error {
	fl := c.l.Flow
	gap := fl.Gap * c.scale
	var y, bottom float64
	var box frame.Rect
	newPage := func() error {
		n := len(bk.Pages) + 1
		c.in.Page = n
		p := c.newPage(fmt.Sprintf("%s page %d", c.l.Name, n))
		if err := c.background(); err != nil {
			return err
		}
		c.folio()
		bk.Pages = append(bk.Pages, p)
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
	c.prepareUnits(units, parent)
	started := false
	for i := range units {
		u := &units[i]
		q, heading, blocks, err := u.q, u.heading, u.blocks, u.err
		c.in.Quote = q
		if err != nil {
			return err
		}
		if len(blocks) == 0 {
			continue
		}
		if !started {
			if err := newPage(); err != nil {
				return err
			}
			bk.Marks = append(bk.Marks, Mark{Title: "Statements", Page: len(bk.Pages) - 1})
			started = true
		}
		s, err := c.fit(&Region{Type: "stack", Pos: fl.Pos}, blocks, box)
		if err != nil {
			return err
		}
		h := s.h
		space := gap
		if fl.PerPage == 1 || y == box.Y {
			space = 0
		}
		if fl.PerPage == 1 && i > 0 || y > box.Y && y+space+h > bottom+1e-6 {
			if err := newPage(); err != nil {
				return err
			}
			space = 0
		}
		top := y + space
		if fl.PerPage == 1 {
			top = box.Y + (box.H-h)/2
		}
		s.box = box // the new page's, when it moved
		c.f.Add(s.place(nil, top)...)
		if heading != "" {
			bk.Marks = append(bk.Marks, Mark{Title: heading, Page: len(bk.Pages) - 1, Level: 1, Y: top})
		}
		bk.Units = append(bk.Units, Placed{Quote: q.ID, Page: len(bk.Pages) - 1, Y: top, H: h})
		y = top + h
	}
	return nil
}

// ComposeSides sets the sides of a leaflet or flyer: the first quote of in
// and the further ones in in.More go where the regions ask for them.
func ComposeSides(in Input, l *Layout, th *Theme, reg *font.Registry) ([]*frame.Page, error) {
	if len(l.Sides) == 0 {
		return nil, fmt.Errorf("layout %s is a %s layout, not a leaflet or flyer", l.Name, l.Kind)
	}
	c := &composer{in: in, l: l, th: th, reg: reg, scale: l.Scale(), noBleed: true}
	var out []*frame.Page
	for i, side := range l.Sides {
		name := side.Name
		if name == "" {
			name = fmt.Sprintf("side %d", i+1)
		}
		f, err := c.page(side.Regions, l.Name+" "+name)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// flowUnit is one quote of a flow, with its heading when it starts a group.
type flowUnit struct {
	q       quote.Quote
	heading string
	items   []Region
	blocks  []item
	err     error
}

// prepareUnits prepares the units' blocks on every core. Preparing reads
// the composer but never writes it, so each goroutine uses a copy.
func (c *composer) prepareUnits(units []flowUnit, parent *Region) {
	par.Each(context.Background(), len(units), 0, func() func(int) {
		cc := *c
		return func(i int) {
			cc.in.Quote = units[i].q
			units[i].blocks, units[i].err = cc.prepareAll(units[i].items, parent)
		}
	})
}
