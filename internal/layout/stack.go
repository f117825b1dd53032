package layout

import (
	"errors"
	"math"
	"strings"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/qr"
	"github.com/broadside/broadside/internal/text"
)

// block is one item of a stack, prepared for fitting.
type block struct {
	r           *Region
	para        *text.Para // nil for a rule
	min, max    float64    // font size range in points
	lineHeight  float64
	mode        text.Mode
	maxLines    int
	spaceBefore float64 // points
	align       text.Align
	color       frame.Color
	ruleW       float64 // points, for a rule
	ruleT       float64
	// mark is the ink box of a decorative quotation mark in em: its
	// glyph is placed by its ink, not its advance, so it lines up with the
	// text edge and sits exactly on the space above the quote.
	mark                   bool
	inkL, inkB, inkR, inkT float64
	// qr is a QR code of side ruleW.
	qr *qr.Code
	// indent narrows the first line when the margin has no room for the
	// whole hanging mark (set by measure); hangRoom is that room.
	indent, hangRoom float64
	// link makes the text a live link in PDFs.
	link string
	// quote is the quote the block shows, for messages.
	quote string

	// set by measure
	size  float64
	lines []text.Line
	// broken memoises line breaks within one fit: sizes round to half
	// points, so many of the fitter's tries set a paragraph at a size it
	// has already broken it at.
	broken map[breakKey]brokenLines
}

// breakKey is everything LinesIndent depends on that can vary for a block:
// its paragraph, mode and max lines are fixed.
type breakKey struct{ size, width, indent float64 }

// brokenLines is a paragraph broken at one size, and whether it fitted.
type brokenLines struct {
	lines []text.Line
	good  bool
}

// Placards need letters readable from the layout's distance: about 2.5 cm
// of capital height per 10 m.
const capPerMetre = 0.25 / 2.54 * 72 // points of cap height per metre

// stack sets items one under another in the box of r, all at sizes chosen
// together: one number t from 0 to 1 places every item between its smallest
// and largest size, and the largest t at which everything fits wins. Items
// keep their proportions, and the quote is as large as the box allows.
func (c *composer) stack(r *Region, items []Region) error {
	box := c.box(*r.Box)
	blocks, err := c.prepareAll(items, r)
	if err != nil || len(blocks) == 0 {
		return err
	}
	h, err := c.fit(r, blocks, box)
	if err != nil {
		return err
	}
	y := box.Y
	valign := r.VAlign
	if valign == "" && r.Type == "stack" {
		valign = "middle" // a stack centres; a lone region starts at its top
	}
	switch valign {
	case "middle":
		y += (box.H - h) / 2
	case "bottom":
		y += box.H - h
	}
	c.draw(blocks, box, y)
	return nil
}

// prepareAll prepares the items of a stack, leaving out those with nothing
// to show. Space before the first item is dropped: it would only push the
// stack off its alignment.
func (c *composer) prepareAll(items []Region, parent *Region) ([]*block, error) {
	var blocks []*block
	for i := range items {
		bs, err := c.prepare(&items[i], parent)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, bs...)
	}
	if len(blocks) > 0 {
		blocks[0].spaceBefore = 0
	}
	return blocks, nil
}

// fit chooses the sizes of blocks so they fit box, and returns their height.
func (c *composer) fit(r *Region, blocks []*block, box frame.Rect) (float64, error) {
	// A hanging mark may use the margin up to the safe area, no further.
	room := math.Max(0, box.X-c.l.Safe.Left*c.scale)
	for _, b := range blocks {
		b.hangRoom = room
		b.broken = nil
	}
	// The last try is remembered: the search usually ends on it, and then
	// the blocks are already set at the chosen t.
	lastT, lastH, lastWord := math.NaN(), 0.0, ""
	fits := func(t float64) bool {
		h, word, ok := measure(blocks, t, box)
		lastT, lastH, lastWord = t, h, word
		return ok && h <= box.H+1e-6
	}
	t, ok := text.Fit(fits, 16)
	h, word := lastH, lastWord
	if t != lastT {
		h, word, _ = measure(blocks, t, box)
	}
	if !ok {
		return h, c.fitError(r, blocks, h-box.H, word)
	}
	return h, nil
}

// draw adds fitted blocks to the frame, the first at y.
func (c *composer) draw(blocks []*block, box frame.Rect, y float64) {
	for _, b := range blocks {
		y += b.spaceBefore
		switch {
		case b.qr != nil:
			side := b.ruleW
			x := alignX(box, side, b.align)
			c.f.Add(b.qr.Draw(x, y, side, b.color, c.th.Color("background"))...)
			if c.in.Brand.URL != "" {
				c.f.Add(&frame.Link{X: x, Y: y, W: side, H: side, URL: c.in.Brand.URL})
			}
			y += side
			continue
		case b.para == nil: // a rule
			x := alignX(box, b.ruleW, b.align)
			c.f.Add(&frame.Rect{X: x, Y: y, W: b.ruleW, H: b.ruleT, Fill: b.color})
			y += b.ruleT
			continue
		case b.mark:
			x := box.X - b.inkL*b.size
			switch b.align {
			case text.Center:
				x = box.X + (box.W-(b.inkR-b.inkL)*b.size)/2 - b.inkL*b.size
			case text.Right:
				x = box.X + box.W - b.inkR*b.size
			}
			for _, run := range b.para.Set(b.lines[0], b.size, x, y+b.inkT*b.size, math.Inf(1), text.Left, b.color) {
				run.Ink = frame.Rect{X: x + b.inkL*b.size, Y: y, W: (b.inkR - b.inkL) * b.size, H: (b.inkT - b.inkB) * b.size}
				c.f.Add(run)
			}
			y += blockHeight(b)
			continue
		}
		lh := b.lineHeight * b.size
		base := y + b.para.Ascent*b.size
		pl := placed{region: b.r, box: box, size: b.size, hang: b.para.Hang*b.size - b.indent}
		var ink frame.Rect
		for i, ln := range b.lines {
			x, w := box.X, box.W
			if i == 0 {
				x, w = x+b.indent, w-b.indent
			}
			runs := b.para.Set(ln, b.size, x, base+float64(i)*lh, w, b.align, b.color)
			for _, run := range runs {
				c.f.Add(run)
				ink = frame.Union(ink, run.Ink)
			}
			pl.lines = append(pl.lines, placedLine{text: string(b.para.Runes[ln.Start:ln.End]), runs: runs})
		}
		if b.link != "" && !ink.Empty() {
			c.f.Add(&frame.Link{X: ink.X, Y: ink.Y, W: ink.W, H: ink.H, URL: b.link})
		}
		c.placed = append(c.placed, pl)
		y += blockHeight(b)
	}
}

// alignX is the x at which something w wide sits in box with alignment a.
func alignX(box frame.Rect, w float64, a text.Align) float64 {
	x := box.X
	switch a {
	case text.Center:
		x += (box.W - w) / 2
	case text.Right:
		x += box.W - w
	}
	return x
}

// measure sets every block at parameter t and returns the stack's height.
// ok is false when some text cannot be set in the width or its max lines;
// word then names a word too wide for the box.
func measure(blocks []*block, t float64, box frame.Rect) (h float64, word string, ok bool) {
	for _, b := range blocks {
		h += b.spaceBefore
		if b.qr != nil {
			h += b.ruleW
			continue
		}
		if b.para == nil {
			h += b.ruleT
			continue
		}
		b.size = math.Floor((b.min+t*(b.max-b.min))*2) / 2
		if b.size < b.min {
			b.size = b.min
		}
		b.indent = math.Max(0, b.para.Hang*b.size-b.hangRoom)
		good := b.breakLines(box.W)
		if good && t > 0 && !b.mark && text.Widow(b.lines) {
			// A size at which the last word must stand alone does not
			// fit; a smaller one will.
			return math.Inf(1), "", false
		}
		if !good {
			if w := widest(b, box.W); w != "" {
				return 0, w, false
			}
			return math.Inf(1), "", false
		}
		h += blockHeight(b)
	}
	return h, "", true
}

// breakLines breaks b's paragraph at its current size and indent for a
// measure of width, reusing an earlier break at the same size.
func (b *block) breakLines(width float64) bool {
	k := breakKey{b.size, width, b.indent}
	if bl, ok := b.broken[k]; ok {
		b.lines = bl.lines
		return bl.good
	}
	lines, good := b.para.LinesIndent(b.size, width, b.mode, b.maxLines, b.indent)
	if b.broken == nil {
		b.broken = map[breakKey]brokenLines{}
	}
	b.broken[k] = brokenLines{lines, good}
	b.lines = lines
	return good
}

func blockHeight(b *block) float64 {
	if len(b.lines) == 0 {
		return 0
	}
	if b.mark {
		return (b.inkT - b.inkB) * b.size
	}
	return (b.para.Ascent+b.para.Descent)*b.size + float64(len(b.lines)-1)*b.lineHeight*b.size
}

// widest returns a word of b wider than width at its current size, or "".
func widest(b *block, width float64) string {
	p := b.para
	for i, it := range p.Items {
		if it.W*b.size > width {
			return string(p.Runes[p.ItemStart(i):p.ItemEnd(i)])
		}
	}
	return ""
}

func (c *composer) fitError(r *Region, blocks []*block, over float64, word string) error {
	id := c.in.Quote.ID
	for _, b := range blocks {
		if b.quote != "" {
			id = b.quote
			break
		}
	}
	e := &FitError{Quote: id, Layout: c.l.Name, File: c.l.File, Line: r.Pos.Line, Over: over / c.scale, Unit: c.l.Size.Unit, Word: word}
	if math.IsInf(over, 0) || over <= 0 && word == "" {
		// More lines than max-lines allows: say so rather than "0 too tall".
		e.Over = 0
		e.Why = " (it needs more lines than the layout's max-lines)"
		for _, b := range blocks {
			if b.para != nil && b.maxLines > 0 {
				e.Line = b.r.Pos.Of("max-lines")
			}
		}
	}
	if c.l.Distance > 0 {
		e.Why += "; placards keep letters large enough to read from " + trim(c.l.Distance) + " m"
		if e.Word != "" {
			e.Why += ", so add a shorter excerpt or choose a larger placard"
		}
	}
	return e
}

// prepare turns a stack item into blocks (an intro of several paragraphs
// gives several), or none when it has nothing to show.
func (c *composer) prepare(it, parent *Region) ([]*block, error) {
	b := &block{r: it, spaceBefore: it.SpaceBefore * c.scale}
	al := it.Align
	if al == "" {
		al = parent.Align
	}
	b.align = align(al)
	n := it.Quote
	if n == 0 {
		n = parent.Quote // items show their stack's quote
	}
	q := c.quoteN(n)
	switch it.Type {
	case "rule":
		// Only stack items come here: region draws a rule on its own.
		b.ruleW, b.ruleT = it.Width*c.scale, it.Thickness*c.scale
		b.color = c.th.Color(colorOr(it.Color, "accent"))
		return []*block{b}, nil
	case "mark":
		b, err := c.prepareMark(it, b, q.Lang)
		if b == nil || err != nil {
			return nil, err
		}
		return []*block{b}, nil
	case "qr":
		return c.prepareQR(it, b)
	case "intro":
		var out []*block
		for i, par := range paragraphs(c.in.Brand.Intro) {
			pb := *b
			if i > 0 {
				pb.spaceBefore = it.ParagraphSpace * c.scale
			}
			bb, err := c.prepareText(it, &pb, par, brandLang(c.in.Brand), q.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, bb)
		}
		return out, nil
	}
	s, lang := content(it, q, &c.in)
	if s == "" {
		return nil, nil
	}
	if it.Type == "text" && strings.TrimSpace(it.Text) == "{url}" {
		b.link = c.in.Brand.URL
	}
	bb, err := c.prepareText(it, b, s, lang, q.ID)
	if err != nil {
		return nil, err
	}
	if it.Type == "quote" || it.Type == "excerpt" {
		bb.quote = q.ID
	}
	return []*block{bb}, nil
}

// paragraphs splits text at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Join(strings.Fields(p), " "))
		}
	}
	return out
}

// prepareText sets s (plain text, before typography) in the region's style.
func (c *composer) prepareText(it *Region, b *block, s, lang, quoteID string) (*block, error) {
	marks := (it.Type == "quote" || it.Type == "excerpt") && (it.Marks == nil || *it.Marks)
	s = text.Smarten(s, lang, marks)
	if marks {
		q := text.QuotesFor(lang)
		s = q.Open + s + q.Close
	}
	fnt, err := c.font(it.Font, defaultRole(it.Type))
	if err != nil {
		return nil, err
	}
	style := text.Style{
		Chain:    c.reg.With(fnt),
		Tracking: it.Tracking,
		Upper:    it.Uppercase,
		HangOpen: marks && b.align == text.Left,
	}
	p, err := text.NewPara(s, style)
	if err != nil {
		return nil, glyphError(err, quoteID)
	}
	b.para = p
	b.min, b.max = it.Size.Min, it.Size.Max
	if c.l.Distance > 0 && (it.Type == "quote" || it.Type == "excerpt") {
		// The smallest size whose capitals reach the height the reading
		// distance needs.
		need := capPerMetre * c.l.Distance / p.CapHeight
		if need > b.min {
			b.min = need
		}
		if b.max < b.min {
			b.max = b.min
		}
	}
	b.lineHeight = it.LineHeight
	if b.lineHeight == 0 {
		b.lineHeight = 1.2
	}
	b.mode = text.Ragged
	if it.Wrap == "balanced" {
		b.mode = text.Balanced
	}
	b.maxLines = it.MaxLines
	colorRole := colorOr(it.Color, "text")
	b.color = c.th.Color(colorRole)
	if colorRole == "accent" {
		if ratio, against := c.th.WorstContrast(b.color); ratio < minText {
			return nil, it.Pos.Errorf("color", "text in the accent colour %s on %s of theme %s has contrast %.2f:1, below the 4.5:1 text needs; use text or muted here",
				b.color, against, c.th.Name, ratio)
		}
	}
	return b, nil
}

// glyphError turns the characters NewPara could not set into a GlyphError
// naming the quote; other errors pass as they are.
func glyphError(err error, quoteID string) error {
	var me *text.MissingError
	if errors.As(err, &me) {
		return &GlyphError{Quote: quoteID, Err: me}
	}
	return err
}

// prepareQR encodes the campaign's URL as a square as wide as the region
// allows (a stack item) or its box (a region of its own).
func (c *composer) prepareQR(it *Region, b *block) ([]*block, error) {
	url := c.in.Brand.URL
	if url == "" {
		return nil, nil
	}
	code, err := qr.Encode(url)
	if err != nil {
		return nil, err
	}
	side := it.Width * c.scale
	room := side
	if it.Box != nil {
		room = math.Min(it.Box.W, it.Box.H) * c.scale
		side = room
	}
	if it.Distance > 0 {
		// A code is read from about ten times its width.
		side = math.Max(qr.MinSize, it.Distance*100/10/2.54*72)
		if side > room+1e-6 {
			return nil, it.Pos.Errorf("distance", "to be read from %g m the QR code must be %.0f mm wide, but its box is %.0f mm", it.Distance, side/72*25.4, room/72*25.4)
		}
	}
	if !c.l.IsScreen() && side < qr.MinSize-1e-6 {
		return nil, it.Pos.Errorf("width", "the QR code would be %.1f mm wide; phones need at least 20 mm to read it", side/72*25.4)
	}
	b.qr, b.ruleW = code, side
	b.color = c.th.Color(colorOr(it.Color, "text"))
	return []*block{b}, nil
}

// prepareMark sets the opening quotation mark of the quote's language.
func (c *composer) prepareMark(it *Region, b *block, lang string) (*block, error) {
	mark := []rune(strings.Trim(text.QuotesFor(lang).Open, "\u202f\u00a0 "))
	fnt, err := c.font(it.Font, "mark")
	if err != nil {
		return nil, err
	}
	chain := c.reg.With(fnt)
	p, err := text.NewPara(string(mark), text.Style{Chain: chain})
	if err != nil {
		return nil, glyphError(err, c.in.Quote.ID)
	}
	f := chain.Pick(mark[0])
	x0, y0, x1, y1, ok := f.Extents(mark[0])
	if !ok {
		return nil, nil
	}
	em := 1 / float64(f.UnitsPerEm)
	b.para, b.mark = p, true
	b.inkL, b.inkB, b.inkR, b.inkT = x0*em, y0*em, x1*em, y1*em
	b.min, b.max = it.Size.Min, it.Size.Max
	b.lineHeight = 1
	b.color = c.th.Color(colorOr(it.Color, "accent"))
	return b, nil
}

// placed records a text block as set, so tests can check each line against
// its region without parsing the frame.
type placed struct {
	region *Region
	box    frame.Rect
	size   float64
	// hang is how far the opening mark of the first line hangs left of
	// the box, by design.
	hang  float64
	lines []placedLine
}

type placedLine struct {
	text string
	runs []*frame.Text
}

