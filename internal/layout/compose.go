package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/text"
)

// FitError reports text that does not fit its region even at the smallest
// sizes the layout allows. Nothing is ever clipped or shrunk further.
type FitError struct {
	Quote, Layout string
	File          string
	Line          int
	// Over is how much taller than its box the text is, in canvas units;
	// Word, when set, is a word wider than the box on its own.
	Over float64
	Unit string
	Word string
	// Why adds a hint, e.g. that placards need a minimum letter height.
	Why string
}

func (e *FitError) Error() string {
	where := fmt.Sprintf("layout %s (%s:%d)", e.Layout, e.File, e.Line)
	if e.Word != "" {
		word := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(e.Word)
		return fmt.Sprintf("quote %s does not fit %s: “%s” is wider than its box even at the smallest size%s", e.Quote, where, word, e.Why)
	}
	return fmt.Sprintf("quote %s does not fit %s: even at the smallest size it is %s %s too tall for its box%s; add a shorter excerpt, or give the region more room",
		e.Quote, where, trim(math.Ceil(e.Over*10)/10), e.Unit, e.Why)
}

// GlyphError reports characters that no bundled or added font can draw.
type GlyphError struct {
	Quote string
	Err   *text.MissingError
}

func (e *GlyphError) Error() string {
	if e.Err.Reason != "" {
		return fmt.Sprintf("quote %s: %v", e.Quote, e.Err)
	}
	return fmt.Sprintf("quote %s: %v; remove them from the text, or add a font that has them (--fonts DIR)", e.Quote, e.Err)
}

// Compose sets one input in a layout and theme and returns the page.
func Compose(in Input, l *Layout, th *Theme, reg *font.Registry) (*frame.Page, error) {
	p, _, err := compose(in, l, th, reg)
	return p, err
}

func compose(in Input, l *Layout, th *Theme, reg *font.Registry) (*frame.Page, *composer, error) {
	if len(l.Regions) == 0 {
		return nil, nil, fmt.Errorf("layout %s is a %s layout with no single page to compose", l.Name, l.Kind)
	}
	c := &composer{in: in, l: l, th: th, reg: reg, scale: l.Scale()}
	p := frame.NewPage(l.W(), l.H(), l.Name+"/"+in.Quote.ID)
	p.Bleed = l.Bleed * c.scale
	c.f, c.bleed = p.Frame, p.Bleed
	if err := c.background(); err != nil {
		return nil, nil, err
	}
	for i := range l.Regions {
		if err := c.region(&l.Regions[i]); err != nil {
			return nil, nil, err
		}
	}
	return p, c, nil
}

type composer struct {
	in    Input
	l     *Layout
	th    *Theme
	reg   *font.Registry
	f     *frame.Frame
	bleed float64 // of the page f is on
	scale float64 // points per canvas unit
	// noBleed leaves the bleed out: pages for home printers.
	noBleed bool
}

func (c *composer) box(b Box) frame.Rect {
	return frame.Rect{X: b.X * c.scale, Y: b.Y * c.scale, W: b.W * c.scale, H: b.H * c.scale}
}

func (c *composer) background() error {
	f, bg, bleed := c.f, c.th.Background, c.bleed
	r := &frame.Rect{X: -bleed, Y: -bleed, W: f.W + 2*bleed, H: f.H + 2*bleed}
	switch {
	case bg.Gradient != nil:
		g := bg.Gradient
		a := g.Angle * math.Pi / 180
		// The gradient line runs through the centre at the angle, long
		// enough that its ends touch the corners.
		cx, cy := f.W/2, f.H/2
		dx, dy := math.Cos(a), math.Sin(a)
		half := (math.Abs(dx)*r.W + math.Abs(dy)*r.H) / 2
		r.Fill = &frame.Gradient{
			X0: cx - dx*half, Y0: cy - dy*half, X1: cx + dx*half, Y1: cy + dy*half,
			Stops: []frame.Stop{{Offset: 0, Color: frame.Color(g.From)}, {Offset: 1, Color: frame.Color(g.To)}},
		}
	default:
		r.Fill = c.th.Color("background")
	}
	f.Add(r)
	if bg.Image != "" {
		img, key, err := loadThemeImage(c.th)
		if err != nil {
			return err
		}
		f.Add(coverImage(img, key, *r))
		w, _ := coverSize(img, *r)
		c.checkResolution(img, w, "the background image of theme "+c.th.Name)
		if bg.Overlay > 0 {
			oc := frame.Color{A: 255}
			if bg.OverlayColor != nil {
				oc = frame.Color(*bg.OverlayColor)
			}
			oc.A = uint8(bg.Overlay*255 + 0.5)
			f.Add(&frame.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H, Fill: oc})
		}
	}
	return nil
}

// region draws a region with a box of its own onto the current frame: by
// its type's draw function, or as a stack (of its items, or of itself).
func (c *composer) region(r *Region) error {
	t := typeOf(r.Type)
	if t == nil {
		return nil
	}
	if t.draw != nil {
		items, done, err := t.draw(c, r)
		if err != nil {
			return err
		}
		if done {
			c.f.Add(items...)
			return nil
		}
	}
	stacked := []Region{*r}
	if t.stacks {
		stacked = r.Items
	}
	items, err := c.stack(r, stacked)
	if err != nil {
		return err
	}
	c.f.Add(items...)
	return nil
}

// drawRule draws a rule across its box, centred in it vertically.
func drawRule(c *composer, r *Region) ([]frame.Item, bool, error) {
	b := c.box(*r.Box)
	t := r.Thickness * c.scale
	return []frame.Item{&frame.Rect{X: b.X, Y: b.Y + (b.H-t)/2, W: b.W, H: t, Fill: c.th.Color(colorOr(r.Color, "accent"))}}, true, nil
}

// drawLogo draws the campaign's logo in its box; without one, the region
// is the campaign's name as a wordmark, or nothing when the layout says so.
func drawLogo(c *composer, r *Region) ([]frame.Item, bool, error) {
	if c.in.Brand.Logo != nil {
		b := c.box(*r.Box)
		im := containImage(c.in.Brand.Logo, c.in.Brand.LogoKey, b, r.Align, r.VAlign)
		c.checkResolution(c.in.Brand.Logo, im.W, "the logo")
		return []frame.Item{im}, true, nil
	}
	return nil, r.Wordmark != nil && !*r.Wordmark, nil
}

func colorOr(role, def string) string {
	if role == "" {
		return def
	}
	return role
}

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
