package layout

import (
	"errors"
	"fmt"
	"slices"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
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
// they need, grouped under their organisation headings (flow.go), and a
// back cover. The cover and introduction show the first quote where a
// region asks for one, the back cover the last.
//
// With bleed, pages carry the layout's bleed (for print shops); without,
// they are exactly the trim size (for home printers). Warnings come once
// each, in the order they arose, with the booklet or its error.
func ComposeBooklet(qs []quote.Quote, brand Brand, l *Layout, th *Theme, reg *font.Registry, bleed bool) (*Booklet, []string, error) {
	if l.Kind != "booklet" {
		return nil, nil, fmt.Errorf("layout %s is a %s layout, not a booklet", l.Name, l.Kind)
	}
	if len(qs) == 0 {
		return nil, nil, fmt.Errorf("a booklet needs at least one quote")
	}
	b := &bookletPages{c: newComposer(l, th, reg, bleed), brand: brand, bk: &Booklet{}}
	err := b.compose(qs)
	if err != nil {
		return nil, b.warns, err
	}
	return b.bk, b.warns, nil
}

// bookletPages adds a booklet's pages in order: the fixed ones, and the
// flow's as its paginator asks for them.
type bookletPages struct {
	c     *composer
	brand Brand
	bk    *Booklet
	warns warnings
	// errs are the problems found so far; composing goes on past them.
	errs []error
}

// compose makes the booklet's pages from first to last. A page or quote
// that fails does not stop the others: every problem of the booklet is
// found in one run and returned together (errors.Join), in page order.
func (b *bookletPages) compose(qs []quote.Quote) error {
	l := b.c.l
	if _, _, err := b.fixed(l.Cover, "Cover", qs[0]); err != nil {
		b.errs = append(b.errs, err)
	}
	if b.brand.Intro != "" && len(l.Intro) > 0 {
		p, in, err := b.fixed(l.Intro, "Introduction", qs[0])
		if err != nil {
			b.errs = append(b.errs, err)
		} else {
			b.warns.add(b.c.folio(p, in)...)
		}
	}
	b.flow(qs)
	if _, _, err := b.fixed(l.Back, "Back cover", qs[len(qs)-1]); err != nil {
		b.errs = append(b.errs, err)
	}
	return joinOnce(b.errs)
}

// joinOnce joins errs (errors.Join), each distinct message once: a
// background image that cannot be loaded fails every page, and needs
// fixing once.
func joinOnce(errs []error) error {
	var out []error
	seen := map[string]bool{}
	for _, err := range errs {
		if m := err.Error(); !seen[m] {
			seen[m] = true
			out = append(out, err)
		}
	}
	return errors.Join(out...)
}

// fixed adds a page composed from regions, showing quote q, with a bookmark
// titled title. It returns the page and the input it was composed with.
func (b *bookletPages) fixed(regions []Region, title string, q quote.Quote) (*frame.Page, *Input, error) {
	n := len(b.bk.Pages) + 1
	in := &Input{Quote: q, Brand: b.brand, Page: n}
	p, w, err := b.c.page(regions, b.c.pageLabel(n), in)
	b.warns.add(w...)
	if err != nil {
		return nil, nil, err
	}
	b.bk.Marks = append(b.bk.Marks, Mark{Title: title, Page: n - 1})
	b.bk.Pages = append(b.bk.Pages, p)
	return p, in, nil
}

// blank adds a page with only its background and page number, for the
// flow, and returns it and its number; q is the quote about to go on it.
func (b *bookletPages) blank(q quote.Quote) (*frame.Page, int, error) {
	n := len(b.bk.Pages) + 1
	p, w, err := b.c.newPage(b.c.pageLabel(n))
	b.warns.add(w...)
	if err != nil {
		return nil, 0, err
	}
	b.warns.add(b.c.folio(p, &Input{Quote: q, Brand: b.brand, Page: n})...)
	b.bk.Pages = append(b.bk.Pages, p)
	return p, n, nil
}

// warnings collects messages once each, in the order they first arose.
type warnings []string

// add appends the messages not yet in w.
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

// ComposeSides sets the sides of a leaflet or flyer: the first quote of in
// and the further ones in in.More go where the regions ask for them. Pages
// have no bleed. Warnings come once each; the error, when there is one,
// names every region of every side that failed.
func ComposeSides(in Input, l *Layout, th *Theme, reg *font.Registry) ([]*frame.Page, []string, error) {
	if len(l.Sides) == 0 {
		return nil, nil, fmt.Errorf("layout %s is a %s layout, not a leaflet or flyer", l.Name, l.Kind)
	}
	c := newComposer(l, th, reg, false)
	var out []*frame.Page
	var warns warnings
	var errs []error
	for i, side := range l.Sides {
		name := side.Name
		if name == "" {
			name = fmt.Sprintf("side %d", i+1)
		}
		p, w, err := c.page(side.Regions, l.Name+" "+name, &in)
		warns.add(w...)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, warns, errors.Join(errs...)
	}
	return out, warns, nil
}
