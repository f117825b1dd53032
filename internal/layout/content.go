package layout

import (
	"fmt"
	"image"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/yamlx"
)

// Brand is what a campaign puts on everything it prints: its name, where to
// find it, and its logo.
type Brand struct {
	Campaign string
	Tagline  string
	Title    string
	Handle   string
	Hashtags []string
	URL      string
	// Logo, when set, is drawn in logo regions; otherwise they show the
	// campaign name as a wordmark.
	Logo    image.Image
	LogoKey string
	// Lang is the language of the campaign's own texts.
	Lang string
	// CallToAction is what the campaign asks readers to do; Intro is the
	// introduction of booklets, paragraphs separated by blank lines.
	CallToAction string
	Intro        string
	// Event is what posters announce.
	Event Event
	// Settings is where the campaign's settings came from (the file and
	// the line of each key), and Flags the command-line options that
	// replaced some of them (poster --url), by template field: messages
	// about a setting name the place to change it.
	Settings yamlx.Pos
	Flags    map[string]string
}

// settingKeys are the keys of the campaign's settings that template
// fields show.
var settingKeys = map[string]string{
	"campaign": "name", "tagline": "tagline", "handle": "handle", "hashtags": "hashtags",
	"url": "url", "cta": "call-to-action", "event-title": "event.title", "event-date": "event.date",
	"event-place": "event.place", "intro": "intro",
}

// Where names the place a template field's value was set, for messages:
// "data/campaign.yaml:8: hashtags", or the flag that replaced it ("--url"),
// or the setting's key alone when the settings have no file.
func (b Brand) Where(field string) string {
	if f := b.Flags[field]; f != "" {
		return f
	}
	if field == "title" {
		return "the quotes' title"
	}
	key := settingKeys[field]
	if key == "" {
		key = field
	}
	p := b.Settings
	if p.File == "" {
		return key
	}
	line := p.Of(key)
	if _, ok := p.Keys[key]; !ok && strings.Contains(key, ".") {
		line = p.Of(key[:strings.Index(key, ".")])
	}
	if line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, line, key)
	}
	return p.File + ": " + key
}

// Event is a date and place for posters.
type Event struct {
	Title, Date, Place string
}

// Input is one thing to compose: a quote (or several, for leaflets) and the
// campaign around it.
type Input struct {
	Quote quote.Quote
	// More are further quotes, shown by regions with quote: 2, 3 and so on.
	More  []quote.Quote
	Brand Brand
	// Page is the page number for {page}, 0 when there is none.
	Page int
}

// quoteN returns quote n of the input (1, or 0 for none named, is the
// first). A region naming a quote that was not given shows nothing.
func (in *Input) quoteN(n int) quote.Quote {
	if n <= 1 {
		return in.Quote
	}
	if n-2 < len(in.More) {
		return in.More[n-2]
	}
	return quote.Quote{}
}

// brandLang is the language of the campaign's own texts.
func brandLang(b Brand) string {
	if b.Lang == "" {
		return "en"
	}
	return b.Lang
}

// Attribution is the author and role on one line: "Nils Melzer, UN Special
// Rapporteur on Torture".
func Attribution(q quote.Quote) string {
	if q.Role == "" {
		return q.Author
	}
	return q.Author + ", " + q.Role
}

// Organisation returns the quote's organisation when it adds something to
// the author and role: a heading that repeats the author's name ("Noam
// Chomsky") or that the role already names ("Amnesty International’s Deputy
// Europe Director") would only say it twice.
func Organisation(q quote.Quote) string {
	org := strings.TrimSpace(q.Organisation)
	if org == "" {
		return ""
	}
	lo := strings.ToLower(org)
	for _, s := range []string{q.Author, q.Role} {
		ls := strings.ToLower(strings.TrimSpace(s))
		if ls == "" {
			continue
		}
		if strings.Contains(ls, lo) || strings.Contains(lo, ls) {
			return ""
		}
	}
	return org
}

// Expand fills a template's fields: {campaign}, {tagline}, {title},
// {handle}, {hashtags}, {url}, {cta}, {event-title}, {event-date} and
// {event-place}; {a|b} takes b when a is empty. A template whose fields are
// all empty expands to "".
func Expand(tmpl string, b Brand) string { return expand(tmpl, b, 0) }

// TemplateFields are the names a template may use.
var TemplateFields = []string{"campaign", "tagline", "title", "handle", "hashtags", "url", "cta", "page", "event-title", "event-date", "event-place"}

var fieldRe = regexp.MustCompile(`\{([a-z-]+(?:\|[a-z-]+)*)\}`)

func expand(tmpl string, b Brand, page int) string {
	s, _ := expandFields(tmpl, b, page)
	return s
}

// expandFields expands a template as expand does, and says which fields
// showed something, in order.
func expandFields(tmpl string, b Brand, page int) (string, []string) {
	var tags []string
	for _, h := range b.Hashtags {
		tags = append(tags, "#"+strings.TrimPrefix(h, "#"))
	}
	fields := map[string]string{
		"campaign":    b.Campaign,
		"tagline":     b.Tagline,
		"title":       b.Title,
		"handle":      b.Handle,
		"hashtags":    strings.Join(tags, " "),
		"url":         DisplayURL(b.URL),
		"cta":         b.CallToAction,
		"event-title": b.Event.Title,
		"event-date":  b.Event.Date,
		"event-place": b.Event.Place,
	}
	if page > 0 {
		fields["page"] = strconv.Itoa(page)
	}
	var shown []string
	out := fieldRe.ReplaceAllStringFunc(tmpl, func(m string) string {
		for _, name := range strings.Split(m[1:len(m)-1], "|") {
			if v := fields[name]; v != "" {
				shown = append(shown, name)
				return v
			}
		}
		return ""
	})
	if len(shown) == 0 && fieldRe.MatchString(tmpl) {
		return "", nil
	}
	return strings.Join(strings.Fields(out), " "), shown
}

// unknownFields lists the field names of a template that do not exist.
func unknownFields(tmpl string) []string {
	var out []string
	for _, m := range fieldRe.FindAllStringSubmatch(tmpl, -1) {
		for _, name := range strings.Split(m[1], "|") {
			if !slices.Contains(TemplateFields, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// DisplayURL shortens a URL for print: no scheme, no "www.", no trailing
// slash. People type what they see.
func DisplayURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	s := strings.TrimPrefix(u.Host, "www.") + u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return strings.TrimSuffix(s, "/")
}

// ShowsExcerpt reports whether the layout sets a quote's excerpt rather than
// its full text.
func (l *Layout) ShowsExcerpt() bool {
	for _, r := range l.Regions {
		if r.Type == "excerpt" {
			return true
		}
		for _, it := range r.Items {
			if it.Type == "excerpt" {
				return true
			}
		}
	}
	return false
}

// QuoteSlots is how many quotes the layout shows: the highest quote number
// its regions name (1 when they name none), so that a leaflet is given as
// many quotes as it has places for.
func (l *Layout) QuoteSlots() int {
	n := 1
	count := func(regions []Region) {
		for _, r := range regions {
			n = max(n, r.Quote)
		}
	}
	count(l.Regions)
	for _, s := range l.Sides {
		count(s.Regions)
	}
	return n
}
