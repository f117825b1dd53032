package layout

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/broadside/broadside/internal/suggest"
	"github.com/broadside/broadside/internal/yamlx"
)

// Limits on canvases: beyond these a size is a typo (a 10-metre card), and
// would only exhaust memory when rasterised.
const (
	maxPixels = 8000   // px per side
	maxPoints = 5000.0 // about 1.76 m per side, beyond A0 and Arch E
)

var (
	kinds = []string{"card", "poster", "placard", "booklet", "leaflet", "flyer"}
	units = []string{"px", "pt", "mm", "cm", "in"}
)

// ParseLayout reads and checks a layout file. Its errors already name the
// file, line and key of each problem, one per line, so they are returned
// as they are rather than wrapped again.
func ParseLayout(file string, data []byte) (*Layout, error) {
	var l Layout
	if err := yamlx.Decode(file, data, &l); err != nil {
		return nil, err
	}
	l.File = file
	if err := l.validate(); err != nil {
		return nil, err
	}
	return &l, nil
}

func (l *Layout) validate() error {
	var errs []error
	add := func(err error) { errs = append(errs, err) }
	p := l.Pos
	if l.Name == "" {
		l.Name = strings.TrimSuffix(filepath.Base(l.File), filepath.Ext(l.File))
	}
	if !validName(l.Name) {
		add(p.Errorf("name", "%q is not a usable name; use lowercase letters, digits and dashes", l.Name))
	}
	if l.Kind == "" {
		l.Kind = "card"
	}
	if !slices.Contains(kinds, l.Kind) {
		add(p.Errorf("kind", "%q is not a kind of layout (%s)", l.Kind, strings.Join(kinds, ", ")))
	}
	sz := l.Size
	if _, ok := p.Keys["size"]; !ok {
		add(p.Errorf("size", "the canvas size is missing; write e.g. size: {width: 1080, height: 1080, unit: px}"))
		return errors.Join(errs...)
	}
	if !slices.Contains(units, sz.Unit) {
		add(sz.Pos.Errorf("unit", "%q is not a unit; use px for screens, or mm, cm, pt or in for print", sz.Unit))
		return errors.Join(errs...)
	}
	if sz.Width <= 0 || sz.Height <= 0 {
		add(sz.Pos.Errorf("width", "the canvas must have a positive width and height, not %g × %g", sz.Width, sz.Height))
		return errors.Join(errs...)
	}
	if l.IsScreen() && (sz.Width > maxPixels || sz.Height > maxPixels) {
		add(sz.Pos.Errorf("width", "%g × %g px is larger than any screen needs; the limit is %d px a side", sz.Width, sz.Height, maxPixels))
	}
	if !l.IsScreen() && (l.W() > maxPoints || l.H() > maxPoints) {
		add(sz.Pos.Errorf("width", "%g × %g %s is larger than any printer takes; the limit is %.0f mm a side", sz.Width, sz.Height, sz.Unit, maxPoints/72*25.4))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	s := l.Safe
	if s.Top < 0 || s.Right < 0 || s.Bottom < 0 || s.Left < 0 || s.Left+s.Right >= sz.Width || s.Top+s.Bottom >= sz.Height {
		add(p.Errorf("safe", "the safe margins must be positive and leave room on the canvas"))
	}
	if l.Bleed < 0 || l.Bleed > 20*unitsPerMM(sz.Unit) {
		add(p.Errorf("bleed", "bleed %g %s is out of range; print shops ask for about 3 mm", l.Bleed, sz.Unit))
	}
	if l.Distance < 0 || l.Distance > 100 {
		add(p.Errorf("distance", "reading distance %g m is out of range (0 to 100 m)", l.Distance))
	}
	switch l.Kind {
	case "booklet":
		l.validateBooklet(&errs)
	case "leaflet", "flyer":
		l.validateSides(&errs)
	default:
		l.validateRegions(l.Regions, p, "regions", true, &errs)
		for _, k := range []string{"margins", "sheet", "cover", "intro", "back", "folio", "flow", "sides", "fold"} {
			if _, ok := p.Keys[k]; ok {
				add(p.Errorf(k, "does not apply to a %s layout", l.Kind))
			}
		}
	}
	return errors.Join(errs...)
}

// validateRegions checks one page's regions: each region, that text boxes
// do not overlap, and (for cards, posters, placards) that one shows the quote.
func (l *Layout) validateRegions(regions []Region, p yamlx.Pos, key string, needQuote bool, errs *[]error) {
	add := func(err error) { *errs = append(*errs, err) }
	if len(regions) == 0 {
		add(p.Errorf(key, "there are no regions, so nothing would be drawn"))
		return
	}
	showsQuote := false
	var textBoxes []namedBox
	for i := range regions {
		r := &regions[i]
		l.checkRegion(r, false, errs)
		if showsTheQuote(r) {
			showsQuote = true
		}
		for j := range r.Items {
			if showsTheQuote(&r.Items[j]) {
				showsQuote = true
			}
		}
		if t := typeOf(r.Type); r.Box != nil && t != nil && (t.text || t.name == "stack") {
			textBoxes = append(textBoxes, namedBox{r, i})
		}
	}
	if needQuote && !showsQuote {
		add(p.Errorf(key, "no region shows the quote; add one of type quote or excerpt"))
	}
	// Text boxes must not overlap: the fitter keeps text in its box, so
	// overlapping boxes could still set text over text.
	for a := 0; a < len(textBoxes); a++ {
		for b := a + 1; b < len(textBoxes); b++ {
			if overlap(*textBoxes[a].r.Box, *textBoxes[b].r.Box) {
				add(textBoxes[b].r.Pos.Errorf("box", "this %s box overlaps the %s box of region %d; text boxes must not overlap",
					textBoxes[b].r.Type, textBoxes[a].r.Type, textBoxes[a].i+1))
			}
		}
	}
}

// validateBooklet checks margins, the fixed pages and the flow.
func (l *Layout) validateBooklet(errs *[]error) {
	add := func(err error) { *errs = append(*errs, err) }
	p := l.Pos
	if _, ok := p.Keys["regions"]; ok {
		add(p.Errorf("regions", "a booklet has cover, intro, back and flow instead of regions"))
	}
	m := l.Margins
	if m.Top < 0 || m.Right < 0 || m.Bottom < 0 || m.Left < 0 || m.Left+m.Right >= l.Size.Width*0.8 || m.Top+m.Bottom >= l.Size.Height*0.8 {
		add(p.Errorf("margins", "the margins must be positive and leave room for text"))
	}
	switch l.Sheet {
	case "":
		l.Sheet = "a4"
	case "a4", "letter":
	default:
		add(p.Errorf("sheet", "%q is not a sheet; use a4 or letter", l.Sheet))
	}
	l.validateRegions(l.Cover, p, "cover", false, errs)
	l.validateRegions(l.Back, p, "back", false, errs)
	if len(l.Intro) > 0 {
		l.validateRegions(l.Intro, p, "intro", false, errs)
	}
	if l.Folio != nil {
		l.checkRegion(l.Folio, false, errs)
	}
	f := l.Flow
	if f == nil {
		add(p.Errorf("flow", "a booklet needs a flow: the stack set for each quote"))
		return
	}
	if f.Heading != nil {
		l.checkRegion(f.Heading, true, errs)
	}
	quote := false
	for i := range f.Quote {
		l.checkRegion(&f.Quote[i], true, errs)
		if showsTheQuote(&f.Quote[i]) {
			quote = true
		}
	}
	if !quote {
		add(f.Pos.Errorf("quote", "the flow's quote stack needs an item of type quote or excerpt"))
	}
	if f.Gap < 0 || f.Gap > l.Size.Height/2 {
		add(f.Pos.Errorf("gap", "%g is out of range", f.Gap))
	}
	if f.PerPage < 0 || f.PerPage > 1 {
		add(f.Pos.Errorf("per-page", "use 0 (quotes flow) or 1 (a page for each quote)"))
	}
}

// validateSides checks a leaflet's or flyer's two sides and its panels.
func (l *Layout) validateSides(errs *[]error) {
	add := func(err error) { *errs = append(*errs, err) }
	p := l.Pos
	if _, ok := p.Keys["regions"]; ok {
		add(p.Errorf("regions", "a %s has sides, each with its regions, instead of regions", l.Kind))
	}
	if len(l.Sides) != 2 {
		add(p.Errorf("sides", "a %s has two sides (front and back); found %d", l.Kind, len(l.Sides)))
	}
	for i := range l.Sides {
		l.validateRegions(l.Sides[i].Regions, l.Sides[i].Pos, "regions", false, errs)
	}
	switch l.Fold {
	case "", "none", "roll":
	default:
		add(p.Errorf("fold", "%q is not a fold; use roll (a tri-fold) or none", l.Fold))
	}
}

type namedBox struct {
	r *Region
	i int
}

func overlap(a, b Box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func unitsPerMM(unit string) float64 { return (72 / 25.4) / unitPoints[unit] }

// showsTheQuote reports a region of a type that shows the quote's words.
func showsTheQuote(r *Region) bool {
	t := typeOf(r.Type)
	return t != nil && t.quote
}

// checkRegion checks one region (inStack: an item of a stack) and the
// items of a stack, adding every problem to errs: that its type exists and
// takes its keys, then its box, its style, its text, and what its type
// needs.
func (l *Layout) checkRegion(r *Region, inStack bool, errs *[]error) {
	add := func(err error) { *errs = append(*errs, err) }
	p := r.Pos
	t := typeOf(r.Type)
	if t == nil {
		msg := fmt.Sprintf("%q is not a region type", r.Type) + suggest.Hint(r.Type, regionTypeNames, "types")
		add(p.Errorf("type", "%s", msg))
		return
	}
	for _, k := range sortedKeys(p.Keys) {
		if k != "type" && k != "name" && !slices.Contains(t.keys, k) {
			add(p.Errorf(k, "does not apply to a %s region (it takes %s)", r.Type, strings.Join(t.keys, ", ")))
		}
	}
	l.checkBox(r, t, inStack, add)
	l.checkStyle(r, add)
	checkText(r, t, add)
	l.checkParts(r, inStack, add, errs)
}

// checkBox checks that a region has a box when it should, and that the box
// is on the canvas and, for what must stay readable, inside the safe area.
func (l *Layout) checkBox(r *Region, t *regionType, inStack bool, add func(error)) {
	p := r.Pos
	if inStack && r.Box != nil {
		add(p.Errorf("box", "items of a stack have no box of their own; they are set one under another in the stack's box"))
	}
	if !inStack && r.Box == nil {
		add(p.Errorf("type", "a %s region needs a box: [x, y, width, height]", r.Type))
	}
	if !inStack {
		if _, ok := p.Keys["space-before"]; ok {
			add(p.Errorf("space-before", "only items of a stack have space before them"))
		}
	}
	if b := r.Box; b != nil {
		if b.W <= 0 || b.H <= 0 {
			add(p.Errorf("box", "the box must have a positive width and height, not %g × %g", b.W, b.H))
		} else if b.X < 0 || b.Y < 0 || b.X+b.W > l.Size.Width+1e-9 || b.Y+b.H > l.Size.Height+1e-9 {
			add(p.Errorf("box", "[%g, %g, %g, %g] reaches outside the %s canvas", b.X, b.Y, b.W, b.H, l.SizeLabel()))
		} else if t.safe && !l.insideSafe(*b) {
			s := l.Safe
			add(p.Errorf("box", "[%g, %g, %g, %g] crosses the safe margins (%g, %g, %g, %g); text kept there may be cropped or covered",
				b.X, b.Y, b.W, b.H, s.Top, s.Right, s.Bottom, s.Left))
		}
	}
}

// checkStyle checks the keys that say how a region looks: alignment, font
// and colour roles, sizes, line height, wrap, line limit, spacing and
// tracking.
func (l *Layout) checkStyle(r *Region, add func(error)) {
	p := r.Pos
	if !slices.Contains([]string{"left", "center", "right", ""}, r.Align) {
		add(p.Errorf("align", "%q is not an alignment; use left, center or right", r.Align))
	}
	if !slices.Contains([]string{"top", "middle", "bottom", ""}, r.VAlign) {
		add(p.Errorf("valign", "%q is not a vertical alignment; use top, middle or bottom", r.VAlign))
	}
	if r.Font != "" {
		if _, ok := FontRoles[r.Font]; !ok {
			msg := fmt.Sprintf("%q is not a font role", r.Font) + suggest.Hint(r.Font, fontRoleNames, "roles")
			add(p.Errorf("font", "%s", msg))
		}
	}
	if r.Color != "" && !slices.Contains(colorRoles[1:], r.Color) {
		// colorRoles[1:] is text, muted, accent: text has no background.
		msg := fmt.Sprintf("%q is not a colour role", r.Color) + suggest.Hint(r.Color, colorRoles[1:], "roles")
		add(p.Errorf("color", "%s", msg))
	}
	if s := r.Size; s != nil {
		switch {
		case s.Min <= 0 || s.Max <= 0:
			add(p.Errorf("size", "font sizes must be positive, not [%g, %g]", s.Min, s.Max))
		case s.Min > s.Max:
			add(p.Errorf("size", "the smallest size %g is above the largest %g; write [min, max]", s.Min, s.Max))
		case s.Max > 2000:
			add(p.Errorf("size", "%g is larger than any text needs; the limit is 2000", s.Max))
		}
	}
	if r.LineHeight != 0 && (r.LineHeight < 0.7 || r.LineHeight > 3) {
		add(p.Errorf("line-height", "%g is out of range; use 0.7 to 3 (1.2 is usual)", r.LineHeight))
	}
	if !slices.Contains([]string{"balanced", "ragged", ""}, r.Wrap) {
		add(p.Errorf("wrap", "%q is not a wrap; use balanced (even lines, for display) or ragged (running text)", r.Wrap))
	}
	if r.MaxLines < 0 || r.MaxLines > 1000 {
		add(p.Errorf("max-lines", "%d is out of range", r.MaxLines))
	}
	if r.SpaceBefore < 0 || r.SpaceBefore > l.Size.Height {
		add(p.Errorf("space-before", "%g is out of range", r.SpaceBefore))
	}
	if r.Tracking < -0.1 || r.Tracking > 1 {
		add(p.Errorf("tracking", "%g is out of range; use -0.1 to 1 em (0.05 is usual for capitals)", r.Tracking))
	}
}

// checkText checks a text region's template and its fields, and that a
// type that sets text has a size to set it at.
func checkText(r *Region, t *regionType, add func(error)) {
	p := r.Pos
	if r.Type == "text" && strings.TrimSpace(r.Text) == "" {
		add(p.Errorf("text", "a text region needs its text, e.g. text: \"{url}\""))
	}
	for _, f := range unknownFields(r.Text) {
		msg := fmt.Sprintf("{%s} is not a field", f)
		if s := suggest.Nearest(f, TemplateFields); s != "" {
			msg += fmt.Sprintf("; did you mean {%s}?", s)
		} else {
			msg += " (fields: " + strings.Join(TemplateFields, ", ") + ")"
		}
		add(p.Errorf("text", "%s", msg))
	}
	if t.text && r.Size == nil {
		add(p.Errorf("size", "a %s region needs a font size, e.g. size: [24, 40]", r.Type))
	}
}

// checkParts checks what particular types need: a mark's size, a QR code's
// width and distance, the quote a region shows, a rule's dimensions, and a
// stack's items (checked as items in turn).
func (l *Layout) checkParts(r *Region, inStack bool, add func(error), errs *[]error) {
	p := r.Pos
	if r.Type == "mark" && r.Size == nil {
		add(p.Errorf("size", "a mark needs a font size, e.g. size: 240"))
	}
	if r.Type == "qr" && inStack && r.Width <= 0 {
		add(p.Errorf("width", "a QR code in a stack needs a positive width"))
	}
	if r.Distance < 0 || r.Distance > 20 {
		add(p.Errorf("distance", "%g m is out of range for scanning a QR code (0 to 20 m)", r.Distance))
	}
	if r.Quote < 0 || r.Quote > 50 {
		add(p.Errorf("quote", "%d is out of range; 1 is the first quote", r.Quote))
	}
	if r.Type == "rule" {
		if r.Thickness <= 0 {
			add(p.Errorf("thickness", "a rule needs a positive thickness"))
		}
		if inStack && r.Width <= 0 {
			add(p.Errorf("width", "a rule in a stack needs a positive width"))
		}
	}
	if r.Type == "stack" {
		if inStack {
			add(p.Errorf("type", "a stack cannot hold another stack"))
			return
		}
		if len(r.Items) == 0 {
			add(p.Errorf("items", "a stack needs items to set"))
		}
		for i := range r.Items {
			l.checkRegion(&r.Items[i], true, errs)
		}
	}
}

func (l *Layout) insideSafe(b Box) bool {
	s := l.Safe
	const eps = 1e-9
	return b.X >= s.Left-eps && b.Y >= s.Top-eps && b.X+b.W <= l.Size.Width-s.Right+eps && b.Y+b.H <= l.Size.Height-s.Bottom+eps
}
