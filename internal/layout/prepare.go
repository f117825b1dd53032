package layout

import (
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/qr"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/text"
)

// Placards need letters readable from the layout's distance: about 2.5 cm
// of capital height per 10 m.
const capPerMetre = 0.25 / 2.54 * 72 // points of cap height per metre

// prepareAll prepares the items of a stack (regions whose parent is the
// stack, or a lone region), leaving out those with nothing to show. Space
// before the first item is dropped: it would only push the stack off its
// alignment.
func (c *composer) prepareAll(regions []Region, parent *Region, in *Input) ([]item, error) {
	var items []item
	for i := range regions {
		its, err := c.prepare(&regions[i], parent, in)
		if err != nil {
			return nil, err
		}
		items = append(items, its...)
	}
	items, err := c.attachMarks(items)
	if err != nil {
		return nil, err
	}
	if len(items) > 0 {
		items[0].head().before = 0
	}
	return items, nil
}

// attachMarks gives each decorative mark the direction of the text it
// opens (the item after it), and hands a low mark („ ‚) to that text as
// its lead, to be set beside the first line on its baseline: alone above
// the text, a low mark's shape reads as a closing mark (” in English; in
// German, „ is the opening one only because it sits low). The mark's space
// before goes to the text.
//
// A rule takes the direction of the text before it: under a right-to-left
// quote a rule aligned left goes to the right, where the quote starts.
func (c *composer) attachMarks(items []item) ([]item, error) {
	out := items[:0]
	rtl := false
	for i := 0; i < len(items); i++ {
		switch it := items[i].(type) {
		case *textItem:
			rtl = it.para.RTL()
		case *ruleItem:
			it.rtl = rtl
		}
		m, ok := items[i].(*markItem)
		if !ok || i+1 == len(items) {
			out = append(out, items[i])
			continue
		}
		t, ok := items[i+1].(*textItem)
		if !ok {
			out = append(out, m)
			continue
		}
		if t.lang != m.lang {
			// The mark opens text in another language than its quote's:
			// a campaign's name on a cover.
			nm, err := c.newMark(m.r, m.itemHead, t.lang, m.quote)
			if err != nil {
				return nil, err
			}
			if nm == nil {
				continue
			}
			m = nm
		}
		m.rtl = t.para.RTL()
		if !m.low || t.lead != nil {
			out = append(out, m)
			continue
		}
		t.lead = m
		t.before = m.before
	}
	return out, nil
}

// prep is what preparing one region needs besides the composer.
type prep struct {
	t *regionType
	r *Region
	// head is the item's head: the region, its space before, its
	// alignment (the stack's unless it names its own).
	head itemHead
	// q is the quote it shows: the stack's unless it names its own.
	q  quote.Quote
	in *Input
	// parent is the stack the region is an item of, or the region itself.
	parent *Region
}

// prepare turns a region into items with its type's preparer (an intro of
// several paragraphs gives several), or none when it has nothing to show.
func (c *composer) prepare(r, parent *Region, in *Input) ([]item, error) {
	t := typeOf(r.Type)
	if t == nil || t.prepare == nil {
		return nil, nil
	}
	al := r.Align
	if al == "" {
		al = parent.Align
	}
	n := r.Quote
	if n == 0 {
		n = parent.Quote
	}
	return t.prepare(c, prep{t: t, r: r, head: itemHead{r: r, before: r.SpaceBefore * c.scale, align: align(al)}, q: in.quoteN(n), in: in, parent: parent})
}

// prepareContent sets what a text type shows (see regionType.content).
func prepareContent(c *composer, p prep) ([]item, error) {
	it, err := c.contentItem(p)
	if it == nil || err != nil {
		return nil, err
	}
	return []item{it}, nil
}

// contentItem is the text item of what a text type shows, or nil when it
// shows nothing. An item of the quote's knows which field it shows, for
// messages; an item of the campaign's settings knows how to give way.
func (c *composer) contentItem(p prep) (*textItem, error) {
	s, lang := p.t.content(p.r, p.q, p.in)
	if s == "" {
		return nil, nil
	}
	it, err := c.prepareText(p, p.head, s, lang)
	if err != nil {
		return nil, err
	}
	if p.r.Type == "text" && strings.TrimSpace(p.r.Text) == "{url}" {
		it.link = p.in.Brand.URL
	}
	if f := p.t.field; f != "" {
		it.quote, it.field = p.q.ID, f
		if f == "excerpt" && p.q.Excerpt == "" {
			it.field = "text" // a quote without an excerpt shows its text
		}
	}
	if p.t.settings {
		fields := []string{"campaign"}
		if p.r.Type == "text" {
			_, fields = expandFields(p.r.Text, p.in.Brand, p.in.Page)
		}
		st := &settingText{p: p, full: s, fields: fields, region: c.regionName(p.r)}
		if p.r.Name == "" && p.parent != nil {
			st.region = c.regionName(p.parent)
		}
		if slices.Contains(fields, "hashtags") {
			st.tags = len(p.in.Brand.Hashtags)
		}
		// {page} is not a setting: a page number does not give way.
		if !slices.Contains(fields, "page") {
			it.settings = st
		}
	}
	return it, nil
}

// prepareIntro sets the campaign's introduction, a text item for each of
// its paragraphs.
func prepareIntro(c *composer, p prep) ([]item, error) {
	var out []item
	for i, par := range paragraphs(p.in.Brand.Intro) {
		h := p.head
		if i > 0 {
			h.before = p.r.ParagraphSpace * c.scale
		}
		it, err := c.prepareText(p, h, par, brandLang(p.in.Brand))
		if err != nil {
			return nil, err
		}
		it.source = "the introduction (" + p.in.Brand.Where("intro") + ")"
		out = append(out, it)
	}
	return out, nil
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

// prepareText sets s (plain text, before typography) in the region's
// style: typography for the language, quotation marks around the quote's
// words (the opening one hanging when the text is left aligned), the font
// and colour roles through the theme, and for placards the smallest size
// whose capitals read from the layout's distance. It refuses characters no
// font has (*GlyphError, naming p's quote) and text in a colour that would
// not read.
func (c *composer) prepareText(p prep, h itemHead, s, lang string) (*textItem, error) {
	t, r := p.t, p.r
	marks := t.quote && (r.Marks == nil || *r.Marks)
	s = text.Smarten(s, lang, marks)
	if marks {
		q := text.QuotesFor(lang)
		s = q.Open + s + q.Close
	}
	fnt, err := c.font(r.Font, t.role)
	if err != nil {
		return nil, err
	}
	style := text.Style{
		Chain:    c.reg.ChainFor(fnt, font.CJKLang(lang, s)),
		Lang:     lang,
		Tracking: r.Tracking,
		Upper:    r.Uppercase,
		HangOpen: marks && h.align == text.Left,
	}
	para, err := text.NewPara(s, style)
	if err != nil {
		return nil, glyphError(err, p.q.ID)
	}
	it := &textItem{itemHead: h, setting: setting{para: para, min: r.Size.Min, max: r.Size.Max, mode: text.Ragged, maxLines: r.MaxLines}, lang: lang}
	if c.l.Distance > 0 && t.quote {
		it.min, it.max = c.readableFrom(para, it.min, it.max)
	}
	it.lineHeight = r.LineHeight
	if it.lineHeight == 0 {
		it.lineHeight = 1.2
	}
	if r.Wrap == "balanced" {
		it.mode = text.Balanced
	}
	if it.color, err = c.textColor(r); err != nil {
		return nil, err
	}
	return it, nil
}

// readableFrom raises a size range [lo, hi] so that the paragraph's
// capitals reach the height the layout's reading distance needs.
func (c *composer) readableFrom(para *text.Para, lo, hi float64) (float64, float64) {
	need := capPerMetre * c.l.Distance / para.CapHeight
	if need > lo {
		lo = need
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// textColor is the colour of a region's text: its colour role through the
// theme. Text in the accent colour (which needs only 3:1 as a graphic) is
// refused where it would not read as text.
func (c *composer) textColor(r *Region) (frame.Color, error) {
	role := colorOr(r.Color, "text")
	col := c.th.Color(role)
	if role == "accent" {
		if ratio, against := c.th.WorstContrast(col); ratio < minText {
			return col, r.Pos.Errorf("color", "text in the accent colour %s on %s of theme %s has contrast %.2f:1, below the 4.5:1 text needs; use text or muted here",
				col, against, c.th.Name, ratio)
		}
	}
	return col, nil
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

// prepareRule is a rule in a stack (a rule with a box of its own is drawn
// by drawRule).
func prepareRule(c *composer, p prep) ([]item, error) {
	r := p.r
	return []item{&ruleItem{itemHead: p.head, width: r.Width * c.scale, thickness: r.Thickness * c.scale, color: c.th.Color(colorOr(r.Color, "accent"))}}, nil
}

// prepareQR encodes the campaign's URL as a square as wide as the region
// allows (a stack item) or its box (a region of its own), or nothing when
// the campaign has no URL. It refuses a code too small to scan from its
// distance, or in print, at all.
func prepareQR(c *composer, p prep) ([]item, error) {
	r, url := p.r, p.in.Brand.URL
	if url == "" {
		return nil, nil
	}
	code, err := qr.Encode(url)
	if err != nil {
		return nil, err
	}
	side := r.Width * c.scale
	room := side
	if r.Box != nil {
		room = math.Min(r.Box.W, r.Box.H) * c.scale
		side = room
	}
	if r.Distance > 0 {
		// A code is read from about ten times its width.
		side = math.Max(qr.MinSize, r.Distance*100/10/2.54*72)
		if side > room+1e-6 {
			return nil, r.Pos.Errorf("distance", "to be read from %g m the QR code must be %.0f mm wide, but its box is %.0f mm", r.Distance, side/72*25.4, room/72*25.4)
		}
	}
	if !c.l.IsScreen() && side < qr.MinSize-1e-6 {
		return nil, r.Pos.Errorf("width", "the QR code would be %.1f mm wide; phones need at least 20 mm to read it", side/72*25.4)
	}
	dark, light := qrColors(c.th.Color(colorOr(r.Color, "text")), c.th.Color("background"))
	return []item{&qrItem{itemHead: p.head, code: code, side: side, url: url, color: dark, background: light}}, nil
}

// qrContrast is the least contrast between a QR code's modules and its
// plate: codes in brand colours scan when they are this far apart.
const qrContrast = 7

// qrColors are the colours of a QR code given its region's colour and
// the theme's background: dark modules on a light plate whatever the
// theme, since many phone scanners do not read a light code on dark. The
// darker of the two draws the modules and the lighter the plate (on a
// dark theme, a light square with the code in the background's colour);
// two colours too close to scan reliably give black on white.
func qrColors(a, b frame.Color) (dark, light frame.Color) {
	a.A, b.A = 255, 255
	dark, light = a, b
	if luminance(a) > luminance(b) {
		dark, light = b, a
	}
	if Contrast(dark, light) < qrContrast {
		return frame.Color{A: 255}, frame.Color{R: 255, G: 255, B: 255, A: 255}
	}
	return dark, light
}

// prepareMark sets the opening quotation mark of the quote's language, or
// nothing when its glyph has no outline. attachMarks sets it again in the
// language of the text it opens when that is not the quote's (a campaign
// name on a cover).
func prepareMark(c *composer, p prep) ([]item, error) {
	m, err := c.newMark(p.r, p.head, p.q.Lang, p.in.Quote.ID)
	if m == nil || err != nil {
		return nil, err
	}
	return []item{m}, nil
}

// newMark sets the opening quotation mark of language lang in region r's
// style, measured by its ink as the shaper draws it: in right-to-left
// text a guillemet is mirrored. It is nil when the glyph has no outline.
func (c *composer) newMark(r *Region, head itemHead, lang, quoteID string) (*markItem, error) {
	mark := strings.Trim(text.QuotesFor(lang).Open, "\u202f\u00a0 ")
	fnt, err := c.font(r.Font, "mark")
	if err != nil {
		return nil, err
	}
	para, err := text.NewPara(mark, text.Style{Chain: c.reg.ChainFor(fnt, font.CJKLang(lang, "")), Lang: lang})
	if err != nil {
		return nil, glyphError(err, quoteID)
	}
	f, id, ok := para.FirstGlyph()
	if !ok {
		return nil, nil
	}
	x0, y0, x1, y1, ok := f.GlyphInk(id)
	if !ok {
		return nil, nil
	}
	em := 1 / float64(f.UnitsPerEm)
	return &markItem{itemHead: head, setting: setting{para: para, min: r.Size.Min, max: r.Size.Max},
		color: c.th.Color(colorOr(r.Color, "accent")),
		inkL:  x0 * em, inkB: y0 * em, inkR: x1 * em, inkT: y1 * em,
		rtl: para.RTL(), low: mark == "„" || mark == "‚", lang: lang, quote: quoteID}, nil
}
