// Package layout reads layouts and themes and composes frames from them:
// it measures, breaks, fits and places every piece of text, so that the
// exporters only draw. A layout says where things go on a canvas; a theme
// says in which colours and typefaces; any theme works with any layout.
package layout

import (
	"fmt"
	"math"

	"github.com/broadside/broadside/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// Layout is one layout file.
type Layout struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	// Kind groups layouts for commands: card, poster, placard, booklet,
	// leaflet (a folded sheet) or flyer.
	Kind string `yaml:"kind"`
	// Size is the canvas: px for screens, mm, pt or in for print.
	Size Canvas `yaml:"size"`
	// Safe is the margin no text may cross, in canvas units: the area that
	// platforms crop or overlay, or that home printers cannot print.
	Safe Insets `yaml:"safe"`
	// Bleed, in canvas units, for print-shop output (backgrounds run into it).
	Bleed float64 `yaml:"bleed"`
	// Distance is the reading distance in metres for placards and posters:
	// the fitter keeps capitals at least 2.5 cm tall per 10 m.
	Distance float64 `yaml:"distance"`
	// Regions are drawn in order (cards, posters, placards).
	Regions []Region `yaml:"regions"`

	// Booklets: page margins (top, outside, bottom, inside: mirrored on
	// facing pages), the sheet two pages are imposed on, the fixed pages,
	// the page number, and how the quotes flow over the pages between.
	Margins Insets   `yaml:"margins"`
	Sheet   string   `yaml:"sheet"`
	Cover   []Region `yaml:"cover"`
	Intro   []Region `yaml:"intro"`
	Back    []Region `yaml:"back"`
	Folio   *Region  `yaml:"folio"`
	Flow    *Flow    `yaml:"flow"`

	// Leaflets and flyers: the regions of each side of the sheet. A
	// tri-fold's panels are boxes on its sides; see docs/layouts.md.
	Sides []Side `yaml:"sides"`
	// Fold says how to fold a leaflet, for the printing instructions:
	// roll (a tri-fold) or none.
	Fold string `yaml:"fold"`

	// Variants are this layout at other sizes of the same shape, each a
	// layout of its own: everything scales with the width, font sizes and
	// reading distance included.
	Variants []Variant `yaml:"variants"`

	Pos yamlx.Pos `yaml:"-"`
	// File is where the layout came from, for messages.
	File string `yaml:"-"`
}

// Variant names a size of a layout.
type Variant struct {
	Name   string    `yaml:"name"`
	Width  float64   `yaml:"width"`
	Height float64   `yaml:"height"`
	Pos    yamlx.Pos `yaml:"-"`
}

// Flow says how a booklet sets its quotes: each quote (with the heading it
// is grouped under, when that changes) is a stack kept on one page.
type Flow struct {
	// Heading is the style of the organisation headings.
	Heading *Region `yaml:"heading"`
	// Quote is the stack set for each quote: quote, author, role...
	Quote []Region `yaml:"quote"`
	// Gap is the space between quotes, in canvas units.
	Gap float64 `yaml:"gap"`
	// PerPage, when 1, gives each quote a page of its own, centred.
	PerPage int       `yaml:"per-page"`
	Pos     yamlx.Pos `yaml:"-"`
}

// Side is one side of a leaflet or flyer.
type Side struct {
	Name    string    `yaml:"name"`
	Regions []Region  `yaml:"regions"`
	Pos     yamlx.Pos `yaml:"-"`
}

// Canvas is a layout's size.
type Canvas struct {
	Width  float64   `yaml:"width"`
	Height float64   `yaml:"height"`
	Unit   string    `yaml:"unit"`
	Pos    yamlx.Pos `yaml:"-"`
}

// Region is one thing on the canvas. Which keys apply depends on Type; see
// docs/layouts.md.
type Region struct {
	// Type is what the region shows: quote, excerpt, author, role,
	// attribution, organisation, heading, text, intro, mark, rule, logo,
	// qr or stack.
	Type string `yaml:"type"`
	// Name is what messages call the region ("footer", "quote"); without
	// one they say what it shows.
	Name string `yaml:"name"`
	// Box is x, y, width, height in canvas units. Stack items have none:
	// they are set one under another in the stack's box.
	Box *Box `yaml:"box"`
	// Align is left, center or right; VAlign is top, middle or bottom.
	Align  string `yaml:"align"`
	VAlign string `yaml:"valign"`
	// Font is a font role from the theme: quote, mark, author, detail,
	// footer, display, heading or body.
	Font string `yaml:"font"`
	// Size is the font size in points (pixels on px canvases): one number,
	// or [min, max] for the fitter to choose from.
	Size *SizeRange `yaml:"size"`
	// LineHeight is the baseline distance as a multiple of the size.
	LineHeight float64 `yaml:"line-height"`
	// Color is a colour role from the theme: text, muted or accent.
	Color string `yaml:"color"`
	// Wrap is balanced (display text: even lines) or ragged (running text).
	Wrap string `yaml:"wrap"`
	// MaxLines bounds the lines of this text; 0 means as many as fit.
	MaxLines int `yaml:"max-lines"`
	// SpaceBefore is the gap above a stack item, in canvas units.
	SpaceBefore float64 `yaml:"space-before"`
	// Marks wraps quote text in the language's quotation marks, the
	// opening one hanging into the margin; default true.
	Marks *bool `yaml:"marks"`
	// Uppercase sets labels in capitals; Tracking spaces them (em).
	Uppercase bool    `yaml:"uppercase"`
	Tracking  float64 `yaml:"tracking"`
	// Text is the template of a text region: {campaign}, {tagline},
	// {handle}, {hashtags}, {url}, {title}.
	Text string `yaml:"text"`
	// Prefix goes before the content, e.g. "— " before an author.
	Prefix string `yaml:"prefix"`
	// Width of a rule or a QR code in a stack, and Thickness of a rule, in
	// canvas units.
	Width     float64 `yaml:"width"`
	Thickness float64 `yaml:"thickness"`
	// Items of a stack.
	Items []Region `yaml:"items"`
	// Quote picks which of several quotes the region shows (leaflets):
	// 1 for the first, the default.
	Quote int `yaml:"quote"`
	// Distance, for a QR code, is how far away people scan it from, in
	// metres: the code is drawn a tenth of that wide (and never under 2 cm).
	Distance float64 `yaml:"distance"`
	// Wordmark, for a logo region: without a logo, set the campaign's
	// name instead (true, the default) or leave the region empty (false).
	Wordmark *bool `yaml:"wordmark"`
	// ParagraphSpace is the gap between the paragraphs of an intro.
	ParagraphSpace float64 `yaml:"paragraph-space"`

	Pos yamlx.Pos `yaml:"-"`
}

// Box is a rectangle in canvas units, written [x, y, width, height].
type Box struct{ X, Y, W, H float64 }

// UnmarshalYAML reads [x, y, width, height].
func (b *Box) UnmarshalYAML(n *yaml.Node) error {
	v, err := numbers(n, 4, 4, "a box [x, y, width, height]")
	if err != nil {
		return err
	}
	*b = Box{v[0], v[1], v[2], v[3]}
	return nil
}

// SizeRange is a font size or a range for the fitter.
type SizeRange struct{ Min, Max float64 }

// UnmarshalYAML reads 24 or [18, 32].
func (s *SizeRange) UnmarshalYAML(n *yaml.Node) error {
	v, err := numbers(n, 1, 2, "a size (24) or a range [min, max]")
	if err != nil {
		return err
	}
	if len(v) == 1 {
		*s = SizeRange{v[0], v[0]}
	} else {
		*s = SizeRange{v[0], v[1]}
	}
	return nil
}

// Insets are margins: one number for all sides, [vertical, horizontal], or
// [top, right, bottom, left].
type Insets struct{ Top, Right, Bottom, Left float64 }

// UnmarshalYAML reads 10, [10, 20] or [10, 20, 10, 20].
func (in *Insets) UnmarshalYAML(n *yaml.Node) error {
	v, err := numbers(n, 1, 4, "a margin (10), [top-bottom, sides] or [top, right, bottom, left]")
	if err != nil {
		return err
	}
	switch len(v) {
	case 1:
		*in = Insets{v[0], v[0], v[0], v[0]}
	case 2:
		*in = Insets{v[0], v[1], v[0], v[1]}
	case 4:
		*in = Insets{v[0], v[1], v[2], v[3]}
	default:
		return &yamlx.Error{Line: n.Line, Msg: "expected 1, 2 or 4 numbers for a margin"}
	}
	return nil
}

// numbers reads a number or a list of between lo and hi numbers.
func numbers(n *yaml.Node, lo, hi int, what string) ([]float64, error) {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		return nil, &yamlx.Error{Line: n.Line, Msg: "expected " + what}
	}
	if len(nodes) < lo || len(nodes) > hi {
		return nil, &yamlx.Error{Line: n.Line, Msg: fmt.Sprintf("expected %s, found %d numbers", what, len(nodes))}
	}
	out := make([]float64, len(nodes))
	for i, c := range nodes {
		var f float64
		if c.Kind != yaml.ScalarNode || c.Decode(&f) != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, &yamlx.Error{Line: c.Line, Msg: fmt.Sprintf("expected %s; %q is not a number", what, c.Value)}
		}
		out[i] = f
	}
	return out, nil
}
