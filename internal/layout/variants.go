package layout

import (
	"fmt"
	"math"
)

// variants returns the layout's variants as layouts of their own, checked
// like the layout itself.
func (l *Layout) variants() ([]*Layout, error) {
	var out []*Layout
	for _, v := range l.Variants {
		if !validName(v.Name) {
			return nil, v.Pos.Errorf("name", "%q is not a usable name; use lowercase letters, digits and dashes", v.Name)
		}
		if v.Width <= 0 || v.Height <= 0 {
			return nil, v.Pos.Errorf("width", "a variant needs a positive width and height")
		}
		s := v.Width / l.Size.Width
		if math.Abs(v.Height/l.Size.Height-s) > 0.01*s {
			return nil, v.Pos.Errorf("height", "%g × %g is not the shape of %g × %g; a variant scales the layout, so it must keep its proportions",
				v.Width, v.Height, l.Size.Width, l.Size.Height)
		}
		sl := l.Scaled(s)
		sl.Name, sl.Size.Width, sl.Size.Height = v.Name, v.Width, v.Height
		sl.Description = fmt.Sprintf("%s, %s", l.Description, sl.SizeLabel())
		if err := sl.validate(); err != nil {
			return nil, fmt.Errorf("variant %s: %w", v.Name, err)
		}
		out = append(out, sl)
	}
	return out, nil
}

// Scaled returns a copy of the layout with every length, font size and the
// reading distance multiplied by s. The bleed stays as it is: print shops
// ask for the same 3 mm whatever the size.
func (l *Layout) Scaled(s float64) *Layout {
	c := *l
	c.Variants = nil
	c.Size.Width *= s
	c.Size.Height *= s
	c.Safe = Insets{l.Safe.Top * s, l.Safe.Right * s, l.Safe.Bottom * s, l.Safe.Left * s}
	c.Margins = Insets{l.Margins.Top * s, l.Margins.Right * s, l.Margins.Bottom * s, l.Margins.Left * s}
	c.Distance *= s
	c.Regions = scaleRegions(l.Regions, s)
	c.Cover, c.Intro, c.Back = scaleRegions(l.Cover, s), scaleRegions(l.Intro, s), scaleRegions(l.Back, s)
	if l.Folio != nil {
		f := scaleRegion(*l.Folio, s)
		c.Folio = &f
	}
	if l.Flow != nil {
		fl := *l.Flow
		fl.Gap *= s
		fl.Quote = scaleRegions(l.Flow.Quote, s)
		if fl.Heading != nil {
			h := scaleRegion(*fl.Heading, s)
			fl.Heading = &h
		}
		c.Flow = &fl
	}
	c.Sides = nil
	for _, side := range l.Sides {
		side.Regions = scaleRegions(side.Regions, s)
		c.Sides = append(c.Sides, side)
	}
	return &c
}

func scaleRegions(rs []Region, s float64) []Region {
	if rs == nil {
		return nil
	}
	out := make([]Region, len(rs))
	for i, r := range rs {
		out[i] = scaleRegion(r, s)
	}
	return out
}

func scaleRegion(r Region, s float64) Region {
	if r.Box != nil {
		b := Box{r.Box.X * s, r.Box.Y * s, r.Box.W * s, r.Box.H * s}
		r.Box = &b
	}
	if r.Size != nil {
		z := SizeRange{r.Size.Min * s, r.Size.Max * s}
		r.Size = &z
	}
	r.SpaceBefore *= s
	r.Width *= s
	r.Thickness *= s
	r.ParagraphSpace *= s
	r.Distance *= s
	r.Items = scaleRegions(r.Items, s)
	return r
}
