package layout

import (
	"errors"
	"fmt"
	"math"
	"unicode"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/text"
)

// GlyphError reports characters that no bundled or added font can draw.
type GlyphError struct {
	Quote string
	Err   *text.MissingError
}

func (e *GlyphError) Error() string {
	for _, r := range e.Err.Runes {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) {
			// No CJK font is bundled (4-5 MB each): say which to add.
			return fmt.Sprintf("quote %s: %v; Chinese, Japanese and Korean need a font in a fonts folder (--fonts DIR), such as Debian's fonts-droid-fallback, fonts-morisawa-bizud-gothic or fonts-nanum: see docs/languages.md", e.Quote, e.Err)
		}
	}
	return fmt.Sprintf("quote %s: %v; remove them from the text, or add a font that has them (--fonts DIR)", e.Quote, e.Err)
}

// Compose sets one input in a layout and theme and returns the page, with
// warnings about things worth a look that did not stop it (an image too
// small for its print size, say). The page carries the layout's bleed.
func Compose(in Input, l *Layout, th *Theme, reg *font.Registry) (*frame.Page, []string, error) {
	if len(l.Regions) == 0 {
		return nil, nil, fmt.Errorf("layout %s is a %s layout with no single page to compose", l.Name, l.Kind)
	}
	return newComposer(l, th, reg, true).page(l.Regions, l.Name+"/"+in.Quote.ID, &in)
}

// composer is the unchanging context of a composition: the layout, theme
// and fonts, the scale from canvas units to points, and the bleed pages
// get. Nothing in it changes while pages are composed, so goroutines share
// one; what varies from page to page (the quote, the page number) comes in
// an Input, which composing never changes either. Every step takes what it
// needs and returns what it made.
type composer struct {
	l     *Layout
	th    *Theme
	reg   *font.Registry
	scale float64 // points per canvas unit
	bleed float64 // points of bleed on every page; 0 for home printers
}

// newComposer returns the context for composing layout l in theme th; with
// bleed, pages get the layout's bleed (screens and home printers: none).
func newComposer(l *Layout, th *Theme, reg *font.Registry, bleed bool) *composer {
	c := &composer{l: l, th: th, reg: reg, scale: l.Scale()}
	if bleed {
		c.bleed = l.Bleed * c.scale
	}
	return c
}

// box converts a box in canvas units to points.
func (c *composer) box(b Box) frame.Rect {
	return frame.Rect{X: b.X * c.scale, Y: b.Y * c.scale, W: b.W * c.scale, H: b.H * c.scale}
}

// page composes a page labelled label: its background, then each region in
// order, later over earlier. It returns the page and the warnings of its
// images. A region that fails does not stop the others: the error names
// every region that failed (errors.Join), so a run reports them at once.
func (c *composer) page(regions []Region, label string, in *Input) (*frame.Page, []string, error) {
	p, warns, err := c.newPage(label)
	if err != nil {
		return nil, warns, err
	}
	var errs []error
	for i := range regions {
		items, w, err := c.region(&regions[i], in)
		warns = append(warns, w...)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.Add(items...)
	}
	if len(errs) > 0 {
		return nil, warns, errors.Join(errs...)
	}
	return p, warns, nil
}

// newPage returns a page of the layout's size and the composer's bleed
// with nothing on it but the theme's background.
func (c *composer) newPage(label string) (*frame.Page, []string, error) {
	p := frame.NewPage(c.l.W(), c.l.H(), label)
	p.Bleed = c.bleed
	items, key, warns, err := c.background()
	if err != nil {
		return nil, warns, err
	}
	p.Add(items...)
	p.Background = frame.Background{Key: key, Items: len(items)}
	return p, warns, nil
}

// background fills the page and its bleed with the theme's background: a
// colour, a gradient, or a photo cropped to cover it under its overlay. It
// returns the items and a key that stands for everything they draw (see
// frame.Background), so exporters can draw it once for many pages.
func (c *composer) background() ([]frame.Item, string, []string, error) {
	bg, bleed := c.th.Background, c.bleed
	w, h := c.l.W(), c.l.H()
	r := &frame.Rect{X: -bleed, Y: -bleed, W: w + 2*bleed, H: h + 2*bleed}
	key := fmt.Sprintf("%v %v %v", w, h, bleed)
	switch {
	case bg.Gradient != nil:
		g := bg.Gradient
		a := g.Angle * math.Pi / 180
		// The gradient line runs through the centre at the angle, long
		// enough that its ends touch the corners.
		cx, cy := w/2, h/2
		dx, dy := math.Cos(a), math.Sin(a)
		half := (math.Abs(dx)*r.W + math.Abs(dy)*r.H) / 2
		r.Fill = &frame.Gradient{
			X0: cx - dx*half, Y0: cy - dy*half, X1: cx + dx*half, Y1: cy + dy*half,
			Stops: []frame.Stop{{Offset: 0, Color: frame.Color(g.From)}, {Offset: 1, Color: frame.Color(g.To)}},
		}
		key += fmt.Sprintf(" gradient %v %v %v", frame.Color(g.From), frame.Color(g.To), g.Angle)
	default:
		r.Fill = c.th.Color("background")
		key += " " + c.th.Color("background").String()
	}
	items := []frame.Item{r}
	if bg.Image == "" {
		return items, key, nil, nil
	}
	img, imgKey, err := loadThemeImage(c.th)
	if err != nil {
		return nil, "", nil, err
	}
	items = append(items, coverImage(img, imgKey, *r))
	key += " image " + imgKey
	iw, _ := coverSize(img, *r)
	warns := c.checkResolution(img, iw, "the background image of theme "+c.th.Name)
	if bg.Overlay > 0 {
		oc := frame.Color{A: 255}
		if bg.OverlayColor != nil {
			oc = frame.Color(*bg.OverlayColor)
		}
		oc.A = uint8(bg.Overlay*255 + 0.5)
		items = append(items, &frame.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H, Fill: oc})
		key += " overlay " + oc.String()
	}
	return items, key, warns, nil
}

// region composes a region with a box of its own: by its type's draw
// function, or as a stack (of its items, or of itself).
func (c *composer) region(r *Region, in *Input) ([]frame.Item, []string, error) {
	t := typeOf(r.Type)
	switch {
	case t == nil:
		return nil, nil, nil
	case t.draw != nil:
		return t.draw(c, r, in)
	case t.stacks:
		return c.stack(r, r.Items, in)
	}
	return c.stack(r, []Region{*r}, in)
}

// drawRule draws a rule across its box, centred in it vertically.
func drawRule(c *composer, r *Region, _ *Input) ([]frame.Item, []string, error) {
	b := c.box(*r.Box)
	t := r.Thickness * c.scale
	return []frame.Item{&frame.Rect{X: b.X, Y: b.Y + (b.H-t)/2, W: b.W, H: t, Fill: c.th.Color(colorOr(r.Color, "accent"))}}, nil, nil
}

// drawLogo draws the campaign's logo in its box; without one, the region
// is the campaign's name as a wordmark, or nothing when the layout says so.
func drawLogo(c *composer, r *Region, in *Input) ([]frame.Item, []string, error) {
	if logo := in.Brand.Logo; logo != nil {
		im := containImage(logo, in.Brand.LogoKey, c.box(*r.Box), r.Align, r.VAlign)
		return []frame.Item{im}, c.checkResolution(logo, im.W, "the logo"), nil
	}
	if r.Wordmark != nil && !*r.Wordmark {
		return nil, nil, nil
	}
	return c.stack(r, []Region{*r}, in)
}

// colorOr is a region's colour role, or def when it names none.
func colorOr(role, def string) string {
	if role == "" {
		return def
	}
	return role
}

// align reads a layout's alignment; "" is left.
func align(s string) text.Align {
	switch s {
	case "center":
		return text.Center
	case "right":
		return text.Right
	}
	return text.Left
}

// font resolves a region's font role through the theme.
func (c *composer) font(role, def string) (*font.Font, error) {
	if role == "" {
		role = def
	}
	spec := c.th.Font(role)
	f, err := c.reg.Lookup(spec.Family, spec.Weight, spec.Italic)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: fonts.%s: %w", c.th.File, c.th.Pos.Of("fonts."+role), role, err)
	}
	return f, nil
}
