package studio

// engine.go is the studio's only door into the layout engine and the
// renderers (layout, render/png, cards, press): the same calls the command
// line makes, so a preview is the CLI's card. When their signatures change
// (issue 10), this file is what changes.

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/broadside/broadside/internal/cards"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/impose"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/press"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/quote"
	bpng "github.com/broadside/broadside/internal/render/png"
)

// cardLayouts are the card layouts, in the order `broadside list` gives.
func (p *snapshot) cardLayouts() []*layout.Layout {
	var out []*layout.Layout
	for _, n := range p.lib.LayoutNames("card") {
		if l, err := p.lib.Layout(n); err == nil {
			out = append(out, l)
		}
	}
	return out
}

// layoutsOf lists the names of layouts of the kinds.
func (p *snapshot) layoutsOf(kinds ...string) []string {
	var out []string
	for _, k := range kinds {
		out = append(out, p.lib.LayoutNames(k)...)
	}
	return out
}

// layoutOf finds a layout of one of kinds, as the commands do.
func (p *snapshot) layoutOf(name string, kinds ...string) (*layout.Layout, error) {
	return p.pp.Layout(project.Choice{Value: name}, "a "+strings.Join(kinds, " or "), kinds...)
}

// cardTheme is the theme cards are drawn in: name, else the campaign's,
// else paper, with the campaign's colours, as `broadside cards` resolves it.
func (p *snapshot) cardTheme(name string) (*layout.Theme, error) {
	plan, err := p.pp.CardPlan(project.CardArgs{Theme: name, Layouts: []string{"all"}})
	if err != nil {
		return nil, err
	}
	return plan.Theme, nil
}

// printTheme is the theme of a print document: the campaign's choice for
// it, else print.
func (p *snapshot) printTheme(campaignChoice string) (*layout.Theme, error) {
	return p.pp.Theme(project.Choice{Value: firstOf(campaignChoice, "print")})
}

// renderer lends a PNG renderer (font faces are not safe to share).
func (p *snapshot) renderer() *bpng.Renderer {
	if r, ok := p.renderers.Get().(*bpng.Renderer); ok {
		return r
	}
	return bpng.New()
}

// compose lays q out in l and th, as every command does; the engine's
// warnings go to the campaign's list, which the pages show.
func (p *snapshot) compose(l *layout.Layout, th *layout.Theme, q quote.Quote) (*frame.Page, error) {
	f, warns, err := layout.Compose(layout.Input{Quote: q, Brand: p.brand}, l, th, p.reg)
	p.warn(warns)
	return f, err
}

// warn records the engine's warnings with the campaign's.
func (p *snapshot) warn(warns []string) {
	for _, w := range warns {
		p.pp.Warn(w)
	}
}

// cardPNG draws q in l and th, width pixels wide (0: the card's own size,
// which is exactly the CLI's card), and encodes it as the CLI does.
func (p *snapshot) cardPNG(l *layout.Layout, th *layout.Theme, q quote.Quote, width int) ([]byte, error) {
	f, err := p.compose(l, th, q)
	if err != nil {
		return nil, err
	}
	// A card is its layout's size in whole pixels (cards.worker does the same).
	wpx, hpx := int(l.Size.Width+0.5), int(l.Size.Height+0.5)
	if width > 0 && width < wpx {
		hpx = int(math.Round(float64(hpx) * float64(width) / float64(wpx)))
		wpx = width
	}
	r := p.renderer()
	defer p.renderers.Put(r)
	img, err := r.RenderInto(nil, f, wpx, hpx)
	if err != nil {
		return nil, err
	}
	if wpx != int(l.Size.Width+0.5) {
		// Scaled, the card's last row or column may be partly covered;
		// flattened over its background, the picture stays opaque, which
		// the fast encoder needs (a transparent one takes several times
		// longer).
		flatten(img, th.Color("background"))
	}
	var buf bytes.Buffer
	if err := bpng.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// flatten lays img over an opaque colour.
func flatten(img *image.RGBA, bg frame.Color) {
	for i := 0; i+3 < len(img.Pix); i += 4 {
		a := img.Pix[i+3]
		if a == 255 {
			continue
		}
		k := 255 - uint32(a)
		img.Pix[i] += uint8((uint32(bg.R)*k + 127) / 255)
		img.Pix[i+1] += uint8((uint32(bg.G)*k + 127) / 255)
		img.Pix[i+2] += uint8((uint32(bg.B)*k + 127) / 255)
		img.Pix[i+3] = 255
	}
}

// cardText is what goes beside a card: its alt text and caption, and
// whether each is within every platform's limit.
type cardText struct {
	Alt, Caption     string
	AltLen, CapLen   []limitUse
	AltOK, CaptionOK bool
}

type limitUse struct {
	Platform string
	Len, Max int
	OK       bool
}

func (p *snapshot) cardText(l *layout.Layout, q quote.Quote) cardText {
	t := cardText{Alt: cards.AltText(l, q, p.brand), Caption: cards.Caption(q, p.brand), AltOK: true, CaptionOK: true}
	for _, lim := range cards.AltLimits {
		n := cards.Length(lim.Platform, t.Alt)
		t.AltLen = append(t.AltLen, limitUse{lim.Platform, n, lim.Max, n <= lim.Max})
		t.AltOK = t.AltOK && n <= lim.Max
	}
	for _, lim := range cards.CaptionLimits {
		n := cards.Length(lim.Platform, t.Caption)
		t.CapLen = append(t.CapLen, limitUse{lim.Platform, n, lim.Max, n <= lim.Max})
		t.CaptionOK = t.CaptionOK && n <= lim.Max
	}
	return t
}

// writeCardsZip renders every quote in every layout with cards.Batch, the
// CLI's own batch, into a temporary folder with its manifest, and writes
// them as a ZIP to w. It returns how many cards were made and the
// problems of those that could not be.
func (p *snapshot) writeCardsZip(ctx context.Context, w io.Writer, ls []*layout.Layout, qs []quote.Quote, th *layout.Theme) (int, []string, error) {
	tmp, err := os.MkdirTemp("", "broadside-studio-zip-")
	if err != nil {
		return 0, nil, err
	}
	defer os.RemoveAll(tmp)
	var jobs []cards.Job
	for _, l := range ls {
		for _, q := range qs {
			jobs = append(jobs, cards.Job{Layout: l, Quote: q, Path: filepath.Join(tmp, l.Name, q.ID+".png")})
		}
	}
	th.Preload(p.reg, ls...)
	b := &cards.Batch{Theme: th, Brand: p.brand, Fonts: p.reg, Format: "png"}
	results := b.Run(ctx, jobs)
	if ctx.Err() != nil {
		return 0, nil, ctx.Err()
	}
	var failed []string
	for _, r := range results {
		if r.Err != nil {
			failed = append(failed, fmt.Sprintf("%s/%s: %v", r.Job.Layout.Name, r.Job.Quote.ID, r.Err))
		}
	}
	made, err := cards.WriteManifest(tmp, results, p.brand)
	if err != nil {
		return 0, nil, err
	}
	zw := zip.NewWriter(w)
	var files []string
	filepath.WalkDir(tmp, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return err
	})
	sort.Strings(files)
	for _, f := range files {
		rel, _ := filepath.Rel(tmp, f)
		if err := zipFile(zw, filepath.ToSlash(rel), f); err != nil {
			return 0, nil, err
		}
	}
	return made, failed, zw.Close()
}

// printed is a print document: its PDF, the frames it was written from,
// and what to tell the person.
type printed struct {
	Name         string // file name, e.g. booklet-saddle.pdf
	PDF          []byte
	Pages        []*frame.Page
	Summary      string
	Instructions string
	Problems     []string
}

// makePrint makes the document o asks for, as its command would.
func (p *snapshot) makePrint(o printOptions) (*printed, error) {
	if p.ds == nil {
		return nil, fmt.Errorf("the quotes have problems; fix them on the Quotes page first")
	}
	qs := p.ds.Quotes
	switch o.Kind {
	case "booklet":
		l, err := p.layoutOf(o.Layout, "booklet")
		if err != nil {
			return nil, err
		}
		th, err := p.printTheme(p.conf.Booklet.Theme)
		if err != nil {
			return nil, err
		}
		b := &press.Booklet{Layout: l, Theme: th, Fonts: p.reg, Brand: p.brand, Quotes: qs, Meta: project.Meta(p.brand, qs), Previews: true}
		made, warns, err := b.Make(o.Impose, o.Sheet, 0)
		p.warn(warns)
		if err != nil {
			return nil, err
		}
		pr := &printed{PDF: made.PDF, Pages: made.Drawn}
		switch o.Impose {
		case press.Saddle:
			pr.Name = "booklet-saddle.pdf"
			pr.Summary = fmt.Sprintf("A booklet of %d pages on %d sheets of %s.", made.Pages, made.Sheets/2, strings.ToUpper(firstOf(o.Sheet, l.Sheet, "a4")))
			pr.Instructions = press.SaddleInstructions
			if made.Scale < 1 {
				pr.Summary += fmt.Sprintf(" The pages were scaled to %.0f%% to fit the sheet.", made.Scale*100)
			}
		case press.PrintShop:
			pr.Name = "booklet-print-shop.pdf"
			pr.Summary = fmt.Sprintf("%d pages of %s with 3 mm bleed and crop marks.", made.Pages, l.SizeLabel())
			pr.Instructions = press.PrintShopInstructions
		default:
			pr.Name = "booklet.pdf"
			pr.Summary = fmt.Sprintf("%d pages of %s in reading order.", made.Pages, l.SizeLabel())
			pr.Instructions = press.ReadingInstructions
		}
		return pr, nil
	case "leaflet":
		l, err := p.layoutOf(o.Layout, "leaflet", "flyer")
		if err != nil {
			return nil, err
		}
		th, err := p.printTheme(p.conf.Leaflet.Theme)
		if err != nil {
			return nil, err
		}
		lqs, err := p.pp.LeafletQuotes(nil, nil, max(l.QuoteSlots(), 1))
		if err != nil {
			return nil, err
		}
		lf := &press.Leaflet{Layout: l, Theme: th, Fonts: p.reg, Brand: p.brand, Quotes: lqs, Meta: project.Meta(p.brand, lqs)}
		made, warns, err := lf.Make()
		p.warn(warns)
		if err != nil {
			return nil, err
		}
		return &printed{Name: "leaflet-" + l.Name + ".pdf", PDF: made.PDF, Pages: made.Drawn,
			Summary:      fmt.Sprintf("A %s of %s, two sides.", l.Kind, l.SizeLabel()),
			Instructions: press.Instructions(l)}, nil
	case "poster":
		name := o.Layout
		if o.Landscape && !strings.HasSuffix(name, "-landscape") {
			name += "-landscape"
		}
		l, err := p.layoutOf(name, "poster")
		if err != nil {
			return nil, err
		}
		th, err := p.printTheme(p.conf.Poster.Theme)
		if err != nil {
			return nil, err
		}
		q := qs[0]
		for _, c := range qs {
			if c.ID == o.Quote {
				q = c
			}
		}
		brand := p.brand
		brand.Event = layout.Event{Title: o.EventTitle, Date: o.EventDate, Place: o.EventPlace}
		meta := project.Meta(brand, []quote.Quote{q})
		ps := &press.Poster{Layout: l, Theme: th, Fonts: p.reg, Brand: brand, Quote: q, Meta: meta}
		f, warns, err := ps.Compose()
		p.warn(warns)
		if err != nil {
			return nil, err
		}
		pages := []*frame.Page{f}
		pr := &printed{Name: l.Name + ".pdf", Summary: fmt.Sprintf("A poster of %s, quote %s.", l.SizeLabel(), q.ID),
			Instructions: "To print: at a print shop, or on a large-format printer at actual size (100%)."}
		if o.Tile != "" {
			w, h, paper, err := press.SheetPortrait(o.Tile)
			if err != nil {
				return nil, err
			}
			sheets, g, err := press.TileFrame(f, impose.TileOptions{SheetW: w, SheetH: h, Overlap: 10 * 72 / 25.4, Paper: paper}, p.reg)
			if err != nil {
				return nil, err
			}
			pages = sheets
			pr.Name = l.Name + "-tiled-" + o.Tile + ".pdf"
			pr.Instructions = fmt.Sprintf("%d × %d sheets of %s, overlapping 10 mm; page 1 maps how they go together. Print single-sided at actual size (100%%), trim at the cut marks and glue.", g.Rows, g.Cols, paper)
		}
		if pr.PDF, err = press.PDF(pages, meta); err != nil {
			return nil, err
		}
		pr.Pages = pages
		return pr, nil
	case "placards":
		l, err := p.layoutOf(o.Layout, "placard")
		if err != nil {
			return nil, err
		}
		if o.Distance > 0 {
			c := *l
			c.Distance = o.Distance
			l = &c
		}
		th, err := p.printTheme(p.conf.Placards.Theme)
		if err != nil {
			return nil, err
		}
		pr := &printed{Name: "placards-" + strings.TrimPrefix(l.Name, "placard-") + ".pdf", Instructions: press.PlacardInstructions}
		for _, q := range qs {
			f, err := p.compose(l, th, q)
			if err != nil {
				pr.Problems = append(pr.Problems, err.Error())
				continue
			}
			pr.Pages = append(pr.Pages, f)
		}
		if len(pr.Pages) == 0 {
			return nil, fmt.Errorf("no quote could be set large enough for reading from %g m; give quotes shorter excerpts, or choose a bigger placard or a shorter distance", l.Distance)
		}
		if pr.PDF, err = press.PDF(pr.Pages, project.Meta(p.brand, qs)); err != nil {
			return nil, err
		}
		pr.Summary = fmt.Sprintf("%d placards of %s, capitals at least %.1f cm tall for reading from %g m.", len(pr.Pages), l.SizeLabel(), l.Distance*0.25, l.Distance)
		return pr, nil
	}
	return nil, fmt.Errorf("there is no print document %q", o.Kind)
}

// thumbPNG draws a page frame width pixels wide: a print thumbnail, from
// the frame the PDF was written from.
func (p *snapshot) thumbPNG(pg *frame.Page, width int) ([]byte, error) {
	r := p.renderer()
	defer p.renderers.Put(r)
	img, err := r.Render(pg, float64(width)/pg.W())
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = bpng.Encode(&buf, img)
	return buf.Bytes(), err
}

// fitHint reads a compose error for the page: what is wrong and what would
// fix it.
func fitHint(err error) string {
	return err.Error()
}

// contrast is the WCAG ratio the engine checks themes with.
func contrast(a, b string) (float64, bool) {
	ca, err1 := layout.ParseColor(a)
	cb, err2 := layout.ParseColor(b)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return layout.Contrast(ca, cb), true
}
