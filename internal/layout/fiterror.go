package layout

import (
	"fmt"
	"math"
	"strings"
)

// FitError reports text that does not fit its region even at the smallest
// sizes the layout allows. Nothing is ever clipped or shrunk further. It
// names the region that failed, the thing that made it fail (the quote's
// text or excerpt, its role, a setting) and the change that would fix it
// in this layout.
type FitError struct {
	// Quote is the quote that does not fit; "" when what failed is not a
	// quote's (a booklet's introduction, say).
	Quote, Layout string
	// File and Line are where the failing region (or its max-lines) is
	// written; Region is what messages call it ("the quote").
	File   string
	Line   int
	Region string
	// Cause is what made it fail, as a phrase ("its excerpt"); "" when no
	// one thing did.
	Cause string
	// Over is how much taller than its box the text is, in canvas units.
	// Word, when set, is a word wider than the box on its own; MaxLines,
	// when set, the line limit the text needs more lines than.
	Over     float64
	Unit     string
	Word     string
	MaxLines int
	// Advice is what would fix it for this layout.
	Advice string
}

func (e *FitError) Error() string {
	head := "layout " + e.Layout
	if e.Quote != "" {
		head = fmt.Sprintf("quote %s does not fit layout %s", e.Quote, e.Layout)
	}
	where := fmt.Sprintf("%s (%s:%d)", e.Region, e.File, e.Line)
	cause := e.Cause
	if cause == "" {
		cause = "what it holds"
	}
	var what string
	switch {
	case e.Word != "":
		word := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(e.Word)
		// The marks around a one-word quote are not part of the word.
		word = strings.Trim(word, "“”‘’„‚«»‹›\"'「」『』 ")
		what = fmt.Sprintf("“%s” in %s is wider than %s even at the smallest size", word, cause, where)
	case e.MaxLines > 0:
		what = fmt.Sprintf("%s needs more than the %d line%s (max-lines) of %s even at the smallest size", cause, e.MaxLines, plural(e.MaxLines), where)
	case e.Cause == "":
		what = fmt.Sprintf("%s is %s %s too small for what it holds even at the smallest size", where, trim(math.Ceil(e.Over*10)/10), e.Unit)
	default:
		what = fmt.Sprintf("%s is %s %s too tall for %s even at the smallest size", cause, trim(math.Ceil(e.Over*10)/10), e.Unit, where)
	}
	return head + ": " + what + "; " + e.Advice
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// fitError explains why items do not fit r's box even at their smallest
// (fail, from fitting at t = 0): the item that failed, or the tallest
// text when the stack is only too tall and that text alone is taller than
// the overflow; and what to change.
func (c *composer) fitError(r *Region, items []item, a area, fail failure) error {
	e := &FitError{Layout: c.l.Name, File: c.l.File, Line: r.Pos.Line, Region: c.regionName(r), Unit: c.l.Size.Unit, Word: fail.word}
	for _, it := range items {
		if t, ok := it.(*textItem); ok && t.quote != "" {
			e.Quote = t.quote
			break
		}
	}
	cause := -1
	if fail.item >= 0 {
		cause = fail.item
		it := items[cause]
		if t, ok := it.(*textItem); ok && fail.word == "" && t.maxLines > 0 {
			e.MaxLines = t.maxLines
			e.Line = t.r.Pos.Of("max-lines")
		}
		if h := it.head().r; h != nil && h.Name != "" {
			e.Region = c.regionName(h)
		}
	} else {
		e.Over = fail.over / c.scale
		tallest := 0.0
		for i, it := range items {
			if _, ok := it.(*textItem); !ok {
				continue
			}
			h, _, ok := it.height(0, a)
			if ok && h > tallest {
				tallest, cause = h, i
			}
		}
		if tallest < fail.over {
			cause = -1 // no one text would fit by itself giving way
		}
	}
	if cause >= 0 {
		e.Cause, e.Advice = c.blame(items[cause])
		if t, ok := items[cause].(*textItem); ok && t.quote != "" {
			e.Quote = t.quote
			// A word too wide goes only by leaving it out.
			switch {
			case e.Word != "" && t.field == "excerpt":
				e.Advice = "choose an excerpt without it"
			case e.Word != "" && t.field == "text" && t.r.Type != "quote":
				e.Advice = "add an excerpt to the quote without it"
			}
		}
	}
	if e.Advice == "" {
		e.Advice = "give the region more room in the layout"
	}
	if c.l.Distance > 0 {
		e.Advice = c.readableAdvice(e.Advice)
	}
	return e
}

// blame names an item that made a stack fail, as a phrase for FitError,
// and the change that would fix it.
func (c *composer) blame(it item) (cause, advice string) {
	switch it := it.(type) {
	case *markItem:
		return "the quotation mark", ""
	case *qrItem:
		return "the QR code", ""
	case *ruleItem:
		return "the rule", ""
	case *textItem:
		switch it.field {
		case "text":
			if it.r.Type == "quote" {
				return "its text", "this layout sets the full text, which is never shortened: leave this quote out of this layout, or give its region more room"
			}
			return "its text (it has no excerpt)", "add an excerpt to the quote (a shorter passage of its text, which layouts like this one set instead)"
		case "excerpt":
			return "its excerpt", "shorten its excerpt"
		case "attribution":
			return "its author and role", "shorten its role"
		case "":
		default:
			return "its " + it.field, "shorten its " + it.field
		}
		if it.source != "" {
			return it.source, "shorten it to fit its page"
		}
		return "the text of " + c.regionName(it.r), ""
	}
	return "", ""
}

// readableAdvice adds to advice what posters and placards can also do:
// their letters stay large enough to read from the layout's distance.
func (c *composer) readableAdvice(advice string) string {
	what := "a larger poster"
	if c.l.Kind == "placard" {
		what = "a larger placard or a shorter --distance"
	}
	return fmt.Sprintf("%s, or use %s (letters stay large enough to read from %s m)", advice, what, trim(c.l.Distance))
}

// regionName is what messages call a region: "the footer" when the
// layout names it so; else, for a region of its own in the bottom or top
// fifth of the canvas that does not show the quote, "the footer" or "the
// header"; else what it shows.
func (c *composer) regionName(r *Region) string {
	if r.Name != "" {
		return "the " + r.Name
	}
	if r.Box != nil && !showsTheQuote(r) && !(r.Type == "stack" && stackShowsTheQuote(r)) {
		h := c.l.Size.Height
		switch {
		case r.Box.Y >= h*0.8:
			return "the footer"
		case r.Box.Y+r.Box.H <= h*0.2:
			return "the header"
		}
	}
	switch {
	case r.Type == "stack":
		if stackShowsTheQuote(r) {
			return "the quote"
		}
		for i := range r.Items {
			if r.Items[i].Type == "intro" {
				return "the introduction's box"
			}
		}
		return "the stack"
	case r.Type == "text":
		return "the " + strings.TrimSpace(r.Text) + " text"
	case showsTheQuote(r):
		return "the quote"
	}
	return "the " + r.Type
}

// stackShowsTheQuote reports whether an item of stack r shows the quote.
func stackShowsTheQuote(r *Region) bool {
	for i := range r.Items {
		if showsTheQuote(&r.Items[i]) {
			return true
		}
	}
	return false
}
