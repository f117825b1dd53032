package frame

// Page is a frame as one page of a document or one card: the frame, and
// what only the top of the picture has. Imposition places a page's frame on
// a sheet (itself a page) in a group; the bleed, boxes and label of the page
// it carries stay behind, since only the outermost page's are written.
type Page struct {
	// Frame is what is on the page; its size is the trim size.
	Frame *Frame
	// Bleed is how far, in points, backgrounds run past each trim edge so a
	// print shop can cut without white slivers. Zero for screen output.
	// Exporters make the page this much larger on every side.
	Bleed float64
	// Boxes, when set, name the trim and bleed boxes of a sheet that is
	// larger than the page it carries (a print-shop sheet with crop marks).
	Boxes *Boxes
	// Label names the page in messages and dumps, e.g. "booklet-a5 page 3".
	Label string
	// Background, when set, says which of the frame's first items are the
	// page's background and that every page with the same key has the
	// same one, so an exporter may draw it once and reuse it (the PNG
	// exporter draws a theme's gradient or photo once for a whole batch of
	// cards). Dumps leave it out: it changes nothing that is drawn.
	Background Background
}

// Background names the first Items items of a page's frame as its
// background. Key must stand for everything those items draw (colours,
// gradient, image, geometry): pages with equal keys have equal
// backgrounds. The zero value names none.
type Background struct {
	Key   string
	Items int
}

// Boxes are PDF page boxes in frame coordinates.
type Boxes struct {
	Trim, Bleed Rect
}

// NewPage returns a page with an empty frame of the given trim size.
func NewPage(w, h float64, label string) *Page {
	return &Page{Frame: New(w, h), Label: label}
}

// W and H are the page's trim size, its frame's.
func (p *Page) W() float64 { return p.Frame.W }
func (p *Page) H() float64 { return p.Frame.H }

// Add appends items to the page's frame.
func (p *Page) Add(items ...Item) { p.Frame.Add(items...) }
