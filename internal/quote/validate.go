package quote

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/text"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// rawValue is one value as read from the file, before any checks.
type rawValue struct {
	s    string
	line int
}

// rawQuote is one quote as read from the file: the fields that were given
// (possibly empty), with the line of each.
type rawQuote struct {
	line   int
	fields map[string]rawValue
	tags   []rawValue
	// tagsLine is the line of the tags field, 0 when it was not given.
	tagsLine int
	// reported holds fields given in a form already reported (a list for
	// text, a misspelt name), so they are not also called missing.
	reported map[string]bool
}

// rawDataset is a file as read, in either format; validate turns it into a
// Dataset. The readers report problems of syntax and shape, validate those
// of content, so both formats share one set of rules and messages.
type rawDataset struct {
	title, lang *rawValue
	quotes      []rawQuote
}

// Quote fields in the order they are documented; suggestions prefer earlier
// ones on a tie.
var quoteFields = []string{"id", "text", "author", "role", "organisation", "excerpt", "source", "date", "url", "lang", "tags"}

// safeName is the shape of ids and tags: lowercase words joined by single
// hyphens, safe as a file name on every system and in a URL.
var safeName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var dateShape = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

func validate(c *collector, raw *rawDataset) *Dataset {
	d := &Dataset{Name: c.file, Title: defaultTitle(c.file)}
	if raw.title != nil {
		if t, ok := clean(c, *raw.title, "title", MaxFieldChars); ok && t != "" {
			d.Title = t
		}
	}
	lang := DefaultLang
	if raw.lang != nil {
		if l, ok := checkLang(c, *raw.lang); ok && l != "" {
			lang = l
		}
	}
	// Each quote's fields are checked on its own, on every core (950
	// quotes took 22 ms on one, while the booklet waited); the ids, which
	// depend on the quotes before, are then given in order, and the
	// problems collected in the order checking them one by one gave.
	d.Quotes = make([]Quote, len(raw.quotes))
	own := make([]Problems, len(raw.quotes))
	eachQuote(len(raw.quotes), func(i int) {
		qc := &collector{file: c.file}
		d.Quotes[i] = validateQuote(qc, raw.quotes[i], lang)
		own[i] = qc.problems
	})
	ids := make(map[string]int, len(raw.quotes)) // id -> line of the quote using it
	for i, rq := range raw.quotes {
		for _, p := range own[i] {
			c.add(p)
		}
		d.Quotes[i].ID = checkID(c, rq, d.Quotes[i].Author, ids)
	}
	return d
}

// eachQuote calls check for 0 … n-1, on every core (par.Each) when there
// are enough to share.
func eachQuote(n int, check func(i int)) {
	if n < 256 {
		for i := range n {
			check(i)
		}
		return
	}
	par.Each(context.Background(), n, 0, func() func(int) { return check })
}

// validateQuote checks and cleans one quote's fields, all but its id (see
// validate), reporting what is wrong to c.
func validateQuote(c *collector, rq rawQuote, defaultLang string) Quote {
	q := Quote{Line: rq.line}
	// get cleans an optional field; "" when absent, empty or broken.
	get := func(field string, limit int) string {
		v, given := rq.fields[field]
		if !given {
			return ""
		}
		s, ok := clean(c, v, field, limit)
		if !ok {
			return ""
		}
		return s
	}

	// required cleans a field every quote needs; what names what goes in
	// it. It reports the field missing (unless already reported) or empty.
	required := func(field string, limit int, what string) (string, bool) {
		v, given := rq.fields[field]
		if !given {
			if !rq.reported[field] {
				c.addf(rq.line, field, "is required (every quote needs %s)", what)
			}
			return "", false
		}
		s, ok := clean(c, v, field, limit)
		if !ok {
			return "", false
		}
		if s == "" {
			c.addf(v.line, field, "is empty; write %s", what)
			return "", false
		}
		return s, true
	}

	var textOK bool
	q.Text, textOK = required("text", MaxTextChars, "the words said, word for word")
	q.Author, _ = required("author", MaxFieldChars, "the person or group who said it")
	q.Role = get("role", MaxFieldChars)
	q.Organisation = get("organisation", MaxFieldChars)
	q.Source = get("source", MaxFieldChars)

	if q.Excerpt = get("excerpt", MaxTextChars); q.Excerpt != "" && textOK {
		if err := CheckExcerpt(q.Text, q.Excerpt); err != nil {
			c.addf(rq.fields["excerpt"].line, "excerpt", "%v", err)
		}
	}
	if s := get("date", MaxFieldChars); s != "" && checkDate(c, s, rq.fields["date"].line) {
		q.Date = s
	}
	if s := get("url", MaxFieldChars); s != "" && checkURL(c, s, rq.fields["url"].line) {
		q.URL = s
	}
	q.Lang = defaultLang
	if v, given := rq.fields["lang"]; given {
		if l, ok := checkLang(c, v); ok && l != "" {
			q.Lang = l
		}
	}
	q.Tags = checkTags(c, rq)
	return q
}

// clean NFC-normalises and trims a value and checks it for control
// characters and length. Nothing else about the text is changed: tabs,
// runs of spaces and line breaks inside it are kept as written (they are
// set as single spaces when rendering, see text.Smarten).
func clean(c *collector, v rawValue, field string, limit int) (string, bool) {
	s := strings.TrimSpace(norm.NFC.String(v.s))
	ok := true
	if msg := controlProblem(s); msg != "" {
		c.addf(v.line, field, "%s", msg)
		ok = false
	}
	if n := utf8.RuneCountInString(s); n > limit {
		c.addf(v.line, field, "is %d characters long; the limit is %d", n, limit)
		ok = false
	}
	return s, ok
}

// controlProblem describes the first character in s that would print as
// garbage, or returns "": an invisible control character, or U+FFFD, the
// mark a program leaves where it could not read a character. Whitespace
// (tabs, line breaks, Word's manual line break U+000B) is data a
// spreadsheet or export left in, and prints as a space. An invisible
// character cannot be quietly dropped, because text is kept verbatim: the
// editor has to decide.
func controlProblem(s string) string {
	for i, r := range s {
		if r != utf8.RuneError && (!unicode.IsControl(r) || text.IsFoldSpace(r)) {
			continue
		}
		var what string
		switch r {
		case utf8.RuneError:
			what = "a replacement character (U+FFFD, \"\uFFFD\"), which a program leaves where it could not read a character; retype the character that was meant"
		case 0:
			what = "a NUL character (an invisible control character, U+0000); remove it"
		default:
			what = fmt.Sprintf("an invisible control character (U+%04X); remove it", r)
		}
		if before := lastRunes(s[:i], 20); before != "" {
			return fmt.Sprintf("has %s (it comes after %q)", what, before)
		}
		return "has " + what
	}
	return ""
}

// lastRunes returns the last n runes of s, after its last line break.
func lastRunes(s string, n int) string {
	s = s[strings.LastIndexByte(s, '\n')+1:]
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n:])
}

func checkDate(c *collector, s string, line int) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if !dateShape.MatchString(s) {
		c.addf(line, "date", "%q is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD (for example 2020-02-20)", s)
		return false
	}
	if _, err := time.Parse(layout, s); err != nil {
		c.addf(line, "date", "%q is not a real date (check the month and the day)", s)
		return false
	}
	return true
}

func checkURL(c *collector, s string, line int) bool {
	const want = "a full web address starting with https:// or http://, for example https://example.org/statement"
	if strings.ContainsFunc(s, unicode.IsSpace) {
		c.addf(line, "url", "%q has a space in it; a web address cannot (copy it again from the browser's address bar)", s)
		return false
	}
	u, err := url.Parse(s)
	if err != nil || !(strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "http")) || u.Host == "" {
		c.addf(line, "url", "%q is not %s", s, want)
		return false
	}
	return true
}

// checkLang validates a BCP 47 tag and returns its canonical form, so that
// "EN" and "en_us" reach the renderer as "en" and "en-US".
func checkLang(c *collector, v rawValue) (string, bool) {
	s, ok := clean(c, v, "lang", MaxFieldChars)
	if !ok || s == "" {
		return "", ok
	}
	tag, err := language.Parse(s)
	if err != nil {
		c.addf(v.line, "lang", "%q is not a language code; use a code such as en, fr, de, pt-BR or es-419", s)
		return "", false
	}
	return tag.String(), true
}

func checkTags(c *collector, rq rawQuote) []string {
	if len(rq.tags) > MaxTagsPerQuote {
		c.addf(rq.tagsLine, "tags", "has %d tags; the limit is %d", len(rq.tags), MaxTagsPerQuote)
		return nil
	}
	var tags []string
	for _, v := range rq.tags {
		t, ok := clean(c, v, "tags", MaxFieldChars)
		if !ok || t == "" {
			continue // empty entries (a stray ";" in CSV) are ignored
		}
		if !safeName.MatchString(t) {
			c.addf(v.line, "tags", "%q is not a valid tag: %s", t, shapeRule(t))
			continue
		}
		if slices.Contains(tags, t) {
			c.addf(v.line, "tags", "%q is listed twice", t)
			continue
		}
		tags = append(tags, t)
	}
	return tags
}

// checkID returns the quote's id, given or made from the author, and
// records it in ids to catch duplicates.
func checkID(c *collector, rq rawQuote, author string, ids map[string]int) string {
	v, given := rq.fields["id"]
	var id string
	if given {
		s, ok := clean(c, v, "id", MaxFieldChars)
		if !ok {
			return ""
		}
		id = s
	}
	derived := id == ""
	line := rq.line
	switch {
	case !derived:
		line = v.line
		if !safeName.MatchString(id) {
			c.addf(line, "id", "%q is not a valid id: %s (ids become file names)", id, shapeRule(id))
			return ""
		}
		if n := len(id); n > MaxIDChars {
			c.addf(line, "id", "is %d characters long; the limit is %d (ids become file names)", n, MaxIDChars)
			return ""
		}
	case author == "":
		return "" // the missing author is already reported
	default:
		if id = DeriveID(author); id == "" {
			c.addf(line, "id", "cannot be made from the author %q (an id uses only the letters a-z, digits and hyphens); add an id: field", author)
			return ""
		}
	}
	if first, dup := ids[id]; dup {
		if derived {
			c.addf(line, "id", "%q (made from the author) is already used by the quote at line %d; give this quote its own id", id, first)
		} else {
			c.addf(line, "id", "%q is already used by the quote at line %d; every quote needs its own id", id, first)
		}
		return ""
	}
	ids[id] = rq.line
	return id
}

// shapeRule explains the id and tag rule, with a corrected example when one
// can be made from what was written.
func shapeRule(s string) string {
	rule := "use only lowercase letters a-z, digits and single hyphens between them"
	if fixed := DeriveID(s); fixed != "" && fixed != s {
		return fmt.Sprintf("%s, like %q", rule, fixed)
	}
	return rule
}
