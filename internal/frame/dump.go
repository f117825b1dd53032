package frame

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump writes the frame as text, one item per line, with numbers rounded to
// hundredths of a point. Layout tests compare dumps with golden files: they
// read like a list of what is where, and a diff says what moved.
func (f *Frame) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "frame %s x %s\n", num(f.W), num(f.H))
	f.dump(&b, "  ")
	return b.String()
}

// Dump writes the page as Frame.Dump does, its bleed and label on the
// first line.
func (p *Page) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "frame %s x %s", num(p.Frame.W), num(p.Frame.H))
	if p.Bleed > 0 {
		fmt.Fprintf(&b, " bleed %s", num(p.Bleed))
	}
	if p.Label != "" {
		fmt.Fprintf(&b, " %q", p.Label)
	}
	b.WriteString("\n")
	p.Frame.dump(&b, "  ")
	return b.String()
}

// dump writes the items of f, each line starting with indent.
func (f *Frame) dump(b *strings.Builder, indent string) {
	for _, it := range f.Items {
		switch it := it.(type) {
		case *Text:
			name := "?"
			if it.Font != nil {
				name = it.Font.Name()
			}
			fmt.Fprintf(b, "%stext %s %s %s at %s,%s %q\n", indent, name, num(it.Size), it.Color, num(it.X), num(it.Y), it.Text)
		case *Rect:
			fmt.Fprintf(b, "%srect %s,%s %sx%s", indent, num(it.X), num(it.Y), num(it.W), num(it.H))
			switch p := it.Fill.(type) {
			case Color:
				fmt.Fprintf(b, " fill %s", p)
			case *Gradient:
				fmt.Fprintf(b, " gradient %s,%s-%s,%s", num(p.X0), num(p.Y0), num(p.X1), num(p.Y1))
				for _, s := range p.Stops {
					fmt.Fprintf(b, " %s@%s", s.Color, num(s.Offset))
				}
			}
			if it.StrokeWidth > 0 {
				fmt.Fprintf(b, " stroke %s %s", it.Stroke, num(it.StrokeWidth))
			}
			b.WriteString("\n")
		case *Path:
			fmt.Fprintf(b, "%spath %d subpaths fill %s", indent, len(it.Subpaths), it.Fill)
			if it.Snap {
				b.WriteString(" snap")
			}
			b.WriteString("\n")
		case *Line:
			fmt.Fprintf(b, "%sline %s,%s-%s,%s %s %s\n", indent, num(it.X0), num(it.Y0), num(it.X1), num(it.Y1), num(it.Width), it.Color)
		case *Image:
			fmt.Fprintf(b, "%simage %s at %s,%s %sx%s\n", indent, it.Key, num(it.X), num(it.Y), num(it.W), num(it.H))
		case *PDFPage:
			fmt.Fprintf(b, "%spdfpage %s page %d at %s,%s %sx%s\n", indent, it.File, it.Page, num(it.X), num(it.Y), num(it.W), num(it.H))
		case *Link:
			fmt.Fprintf(b, "%slink %s at %s,%s %sx%s\n", indent, it.URL, num(it.X), num(it.Y), num(it.W), num(it.H))
		case *Group:
			fmt.Fprintf(b, "%sgroup at %s,%s", indent, num(it.X), num(it.Y))
			if it.Factor() != 1 {
				fmt.Fprintf(b, " scale %s", num(it.Scale))
			}
			if !it.Clip.Empty() {
				fmt.Fprintf(b, " clip %s,%s %sx%s", num(it.Clip.X), num(it.Clip.Y), num(it.Clip.W), num(it.Clip.H))
			}
			b.WriteString("\n")
			fmt.Fprintf(b, "%s  frame %s x %s\n", indent, num(it.Frame.W), num(it.Frame.H))
			it.Frame.dump(b, indent+"    ")
		}
	}
}

// String spells the colour as #rrggbb, or #rrggbbaa when not opaque.
func (c Color) String() string {
	if c.A == 255 {
		return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", c.R, c.G, c.B, c.A)
}

func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
