// Package frame is the picture every exporter draws: a page size and the
// items placed on it, in points, with the origin at the top left and y
// growing down. The layout engine measures and places everything; the PNG
// and PDF exporters walk a frame and draw each item where it was put, so a
// card's PNG and PDF agree to the glyph. The package imports nothing of
// broadside's and knows nothing of fpdf or gg.
package frame

import "image"

// Frame is geometry only: a size and what is placed on it. A card, a
// booklet page, a sheet and a poster tile are each a frame; so is the
// content of a group. What only a page of a document has (its bleed, its
// PDF boxes, its name) is in Page.
type Frame struct {
	// W and H are the size in points: for a page, its trim size (what
	// the reader holds).
	W, H float64
	// Items are drawn in order, later over earlier.
	Items []Item
}

// New returns an empty frame of the given size.
func New(w, h float64) *Frame { return &Frame{W: w, H: h} }

// Add appends items.
func (f *Frame) Add(items ...Item) { f.Items = append(f.Items, items...) }

// Item is one thing placed on a frame. The set is closed: Text, Rect, Path,
// Line, Image, Link, PDFPage and Group.
type Item interface{ item() }

// Color is straight (not premultiplied) sRGB with alpha.
type Color struct{ R, G, B, A uint8 }

// Opaque reports whether the colour covers what is under it.
func (c Color) Opaque() bool { return c.A == 255 }

// Text is a run of glyphs in one font, size and colour on one baseline,
// each glyph placed, and the text the run stands for: everything an
// exporter needs to draw it and to make it searchable, and no more. Like
// Typst's TextItem it is ready for shaped text, whose glyphs need not map
// one to one onto characters.
type Text struct {
	// Font is the font the engine set the run in, itself: exporters draw
	// with it, and never look a font up by name.
	Font Font
	// Size is the font size in points.
	Size  float64
	Color Color
	// X, Y is the run's origin on the baseline: glyphs are placed from it.
	X, Y float64
	// Text is the text the run stands for, in reading order, with any
	// typography already applied: what a PDF reader copies and searches.
	Text string
	// Glyphs are the glyphs to draw, in order from left to right.
	Glyphs []Glyph
	// RTL says the text reads right to left: Glyphs are still in visual
	// order, left to right, and Text in reading order. Always false until
	// right-to-left text is set.
	RTL bool
	// Tracking is space added after every glyph, in points, already in
	// the glyphs' positions. The PDF exporter writes it as character
	// spacing rather than as an adjustment between every two glyphs.
	Tracking float64
	// Ink is the box the glyphs may cover (ascent to descent), for tests
	// and clipping checks; it is not drawn.
	Ink Rect
}

// Font is a font as frames carry it. The frame package knows a font only by
// its name (it imports nothing of broadside's); exporters use the font the
// layout engine put in the run (*font.Font) for what they draw with: its
// outlines, the file to embed, its advances.
type Font interface {
	// Name names the font uniquely, e.g. "inter/Inter-Bold".
	Name() string
}

// Glyph is one glyph of a text run.
type Glyph struct {
	// ID is the glyph's index in the run's font. Rune is the character
	// the glyph was chosen for: the exporters draw by rune today (fpdf
	// writes character codes), and will draw by ID once text is shaped.
	ID   uint16
	Rune rune
	// X and Y are the glyph's origin relative to the run's, in points, x
	// to the right and y down: advances, kerning and tracking so far, plus
	// any offset a shaper gives (y is 0 for unshaped text).
	X, Y float64
	// Start and End are the bytes of the run's Text the glyph stands for:
	// its cluster. A ligature stands for several characters; a base and
	// its marks, several glyphs, share one cluster.
	Start, End int32
}

// Rect is a filled and/or stroked rectangle.
type Rect struct {
	X, Y, W, H float64
	// Fill paints the inside; nil for none.
	Fill Paint
	// Stroke outlines the rectangle when StrokeWidth > 0.
	Stroke      Color
	StrokeWidth float64
}

// Paint is a Color or a *Gradient.
type Paint interface{ paint() }

func (Color) paint() {}

// Gradient is a linear gradient between two points, in frame coordinates.
type Gradient struct {
	X0, Y0, X1, Y1 float64
	Stops          []Stop
}

func (*Gradient) paint() {}

// Stop is a gradient colour at an offset from 0 to 1.
type Stop struct {
	Offset float64
	Color  Color
}

// Path is a shape of closed polygons (subpaths) filled together, with the
// nonzero winding rule, in one colour. Shapes that touch, filled as one
// path, show no seam where they meet, which separately filled rectangles
// do once anti-aliased: a QR code's modules are one path.
type Path struct {
	Subpaths [][]Point
	Fill     Color
	// Snap asks raster exporters to put every vertex on a whole pixel:
	// for shapes whose edges are all across or down (a QR code), crisp
	// edges with no grey fringe. Vector exporters ignore it.
	Snap bool
}

// Point is a position in a frame's coordinates.
type Point struct{ X, Y float64 }

// Line is a straight stroke.
type Line struct {
	X0, Y0, X1, Y1 float64
	Width          float64
	Color          Color
}

// Image is a raster placed into a box, stretched to fill it. Layouts keep
// the aspect ratio when they compute the box.
type Image struct {
	X, Y, W, H float64
	Img        image.Image
	// Key identifies the image for exporters that embed each image once
	// (the PDF exporter); equal keys must mean equal pixels.
	Key string
	// Opacity from 0 to 1; 0 is treated as 1.
	Opacity float64
}

// PDFPage places a page of another PDF file, stretched into the box: what
// `broadside tile` cuts up. Only the PDF exporter can draw it.
type PDFPage struct {
	X, Y, W, H float64
	File       string
	// Page is 1-based.
	Page int
}

// Link makes an area open a URL in PDF viewers. PNG exporters ignore it.
type Link struct {
	X, Y, W, H float64
	URL        string
}

// Group draws another frame translated to X, Y and scaled by Scale (0 means
// 1), clipped to Clip when it is set. Imposition places pages on sheets and
// tiles posters with groups, without measuring anything again.
type Group struct {
	X, Y  float64
	Scale float64
	// Clip, in the coordinates of the frame that holds the group; a zero
	// rectangle means no clipping.
	Clip  Rect
	Frame *Frame
}

// Transform maps a frame's coordinates onto what a renderer draws on (an
// image's pixels, a PDF page's points): v becomes DX + S*v across and
// DY + S*v down.
type Transform struct{ DX, DY, S float64 }

// X and Y map a coordinate across and down.
func (t Transform) X(v float64) float64 { return t.DX + t.S*v }
func (t Transform) Y(v float64) float64 { return t.DY + t.S*v }

// Into returns the transform for the items of g's frame.
func (t Transform) Into(g *Group) Transform {
	return Transform{DX: t.X(g.X), DY: t.Y(g.Y), S: t.S * g.Factor()}
}

// Factor is the group's scale: Scale, or 1 when Scale is 0.
func (g *Group) Factor() float64 {
	if g.Scale == 0 {
		return 1
	}
	return g.Scale
}

func (*Text) item()    {}
func (*Rect) item()    {}
func (*Path) item()    {}
func (*Line) item()    {}
func (*Image) item()   {}
func (*Link) item()    {}
func (*PDFPage) item() {}
func (*Group) item()   {}

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }
