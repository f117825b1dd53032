package layout

import (
	"strings"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/quote"
)

// regionType describes one type of region: what a layout may write for
// it, and how the engine sets it. Each question about a type is answered
// here, once; the checker, the preparer and the composer look it up.
type regionType struct {
	name string
	// keys are the keys the type takes besides type, in the order
	// messages list them.
	keys []string
	// role is the theme's font role the region is set in when it names
	// none; "" for types that set no text.
	role string
	// text says the type sets text from content: it needs a font size,
	// and its box may not overlap another text box.
	text bool
	// quote says the type shows the quote's own words: they get quotation
	// marks, placards keep them readable from afar, and messages about
	// them name the quote.
	quote bool
	// safe says a box of this type must stay inside the safe margins.
	safe bool
	// field is the field of the quote the type shows, for messages that
	// say what made a quote fail ("" for text that is not the quote's).
	field string
	// settings says the type's text comes from the campaign's settings
	// (a text region's template, a wordmark): it gives way when its stack
	// does not fit rather than make the quote fail (giveway.go).
	settings bool
	// content returns the plain text a text type shows, before
	// typography, and the language to set it in; nil for types whose
	// text comes from elsewhere (intro) or that set none.
	content func(r *Region, q quote.Quote, in *Input) (s, lang string)
	// prepare turns a region of the type, in a stack or alone, into stack
	// items (prepare.go); nil for a type that is never an item (stack).
	prepare func(c *composer, p prep) ([]item, error)
	// draw composes a region of the type that has a box of its own; nil
	// for types set as a stack of the region alone.
	draw func(c *composer, r *Region, in *Input) ([]frame.Item, []string, error)
	// stacks says the region is a stack: its items are set, not itself.
	stacks bool
}

// The keys shared by every type that sets text.
var textKeys = []string{"box", "align", "valign", "font", "size", "line-height", "color", "wrap", "max-lines", "space-before", "uppercase", "tracking", "prefix", "quote"}

// regionTypes lists every type of region, in the order messages list them.
var regionTypes = []*regionType{
	{name: "quote", keys: with(textKeys, "marks"), role: "quote", text: true, quote: true, safe: true, field: "text",
		content: quoteText(func(q quote.Quote) string { return q.Text }),
		prepare: prepareContent},
	{name: "excerpt", keys: with(textKeys, "marks"), role: "quote", text: true, quote: true, safe: true, field: "excerpt",
		content: quoteText(func(q quote.Quote) string {
			if q.Excerpt == "" {
				return q.Text
			}
			return q.Excerpt
		}),
		prepare: prepareContent},
	{name: "author", keys: textKeys, role: "author", text: true, safe: true, field: "author",
		content: quoteText(func(q quote.Quote) string { return q.Author }),
		prepare: prepareContent},
	{name: "role", keys: textKeys, role: "detail", text: true, safe: true, field: "role",
		content: quoteText(func(q quote.Quote) string { return q.Role }),
		prepare: prepareContent},
	{name: "attribution", keys: textKeys, role: "author", text: true, safe: true, field: "attribution",
		content: quoteText(Attribution),
		prepare: prepareContent},
	{name: "organisation", keys: textKeys, role: "detail", text: true, safe: true, field: "organisation",
		content: quoteText(Organisation),
		prepare: prepareContent},
	{name: "heading", keys: textKeys, role: "detail", text: true, safe: true, field: "organisation",
		content: quoteText(func(q quote.Quote) string { return q.Organisation }),
		prepare: prepareContent},
	{name: "text", keys: with(textKeys, "text"), role: "detail", text: true, safe: true, settings: true,
		content: func(r *Region, _ quote.Quote, in *Input) (string, string) {
			return withPrefix(r, expand(r.Text, in.Brand, in.Page)), brandLang(in.Brand)
		},
		prepare: prepareContent},
	{name: "intro", keys: with(textKeys, "paragraph-space"), role: "body", text: true, safe: true,
		prepare: prepareIntro},
	{name: "mark", keys: []string{"box", "align", "font", "size", "color", "space-before", "quote"}, role: "mark",
		prepare: prepareMark},
	{name: "rule", keys: []string{"box", "align", "width", "thickness", "color", "space-before"},
		prepare: prepareRule, draw: drawRule},
	{name: "logo", keys: []string{"box", "align", "valign", "font", "size", "color", "space-before", "uppercase", "tracking", "wordmark"}, role: "heading", safe: true, settings: true,
		content: func(r *Region, _ quote.Quote, in *Input) (string, string) {
			return withPrefix(r, in.Brand.Campaign), brandLang(in.Brand)
		},
		prepare: prepareContent, draw: drawLogo},
	{name: "qr", keys: []string{"box", "align", "valign", "width", "color", "space-before", "distance"}, safe: true,
		prepare: prepareQR},
	{name: "stack", keys: []string{"box", "align", "valign", "items", "quote"}, safe: true,
		stacks: true},
}

// regionTypeNames are the names of regionTypes, for messages.
var regionTypeNames = func() []string {
	var out []string
	for _, t := range regionTypes {
		out = append(out, t.name)
	}
	return out
}()

// typeOf returns the description of a region type, nil for a name that is
// not one.
func typeOf(name string) *regionType { return regionTypeByName[name] }

// regionTypeByName indexes regionTypes. It is filled in init, not by an
// initializer: the table's functions look types up themselves (a logo's
// wordmark is a stack), which an initializer would make a cycle.
var regionTypeByName map[string]*regionType

// init indexes the region types by name.
func init() {
	regionTypeByName = map[string]*regionType{}
	for _, t := range regionTypes {
		regionTypeByName[t.name] = t
	}
}

// with returns keys followed by more, in a slice of its own.
func with(keys []string, more ...string) []string {
	return append(append([]string(nil), keys...), more...)
}

// quoteText makes a content function from a field of the quote, set in
// the quote's language.
func quoteText(field func(quote.Quote) string) func(*Region, quote.Quote, *Input) (string, string) {
	return func(r *Region, q quote.Quote, _ *Input) (string, string) {
		lang := q.Lang
		if lang == "" {
			lang = "en"
		}
		return withPrefix(r, field(q)), lang
	}
}

// withPrefix trims s and puts the region's prefix before it, when there is
// anything to put it before.
func withPrefix(r *Region, s string) string {
	s = strings.TrimSpace(s)
	if s != "" && r.Prefix != "" {
		s = r.Prefix + s
	}
	return s
}

// defaultRole is the font role of a region that names none.
func defaultRole(typ string) string {
	if t := typeOf(typ); t != nil {
		return t.role
	}
	return "detail"
}
