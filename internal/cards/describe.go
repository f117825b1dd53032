package cards

import (
	"strings"
	"unicode/utf8"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/text"
	"github.com/go-text/typesetting/segmenter"
)

// Limits that platforms put on alt text and on post text, in characters
// (2025–26). X counts a link as 23 characters; Bluesky counts graphemes.
var (
	AltLimits     = []Limit{{"x", 1000}, {"mastodon", 1500}, {"bluesky", 2000}}
	CaptionLimits = []Limit{{"x", 280}, {"bluesky", 300}, {"mastodon", 500}, {"instagram", 2200}}
)

// Limit is one platform's limit.
type Limit struct {
	Platform string
	Max      int
}

// Shown returns the words a layout shows for q: the excerpt when the layout
// sets excerpts and q has one, else the full text.
func Shown(l *layout.Layout, q quote.Quote) string {
	if q.Excerpt != "" && l.ShowsExcerpt() {
		return q.Excerpt
	}
	return q.Text
}

// AltText describes a card for people who cannot see it: the words on it,
// who said them, and the campaign's line at the foot.
func AltText(l *layout.Layout, q quote.Quote, b layout.Brand) string {
	var s strings.Builder
	s.WriteString("Quote card: ")
	s.WriteString(quoted(Shown(l, q), q.Lang))
	s.WriteString(" — ")
	s.WriteString(layout.Attribution(q))
	if org := layout.Organisation(q); org != "" {
		s.WriteString(" (" + strings.TrimSuffix(org, ".") + ")")
	}
	s.WriteString(".")
	if foot := layout.Expand("{url} {hashtags}", b); foot != "" {
		s.WriteString(" " + foot)
	}
	return s.String()
}

// Caption is a ready post text: the excerpt (or the text), the attribution,
// the hashtags and the link.
func Caption(q quote.Quote, b layout.Brand) string {
	words := q.Excerpt
	if words == "" {
		words = q.Text
	}
	var s strings.Builder
	s.WriteString(quoted(words, q.Lang))
	s.WriteString("\n— " + layout.Attribution(q))
	if tags := layout.Expand("{hashtags}", b); tags != "" {
		s.WriteString("\n\n" + tags)
	}
	if b.URL != "" {
		s.WriteString("\n" + b.URL)
	}
	return s.String()
}

func quoted(s, lang string) string {
	q := text.QuotesFor(lang)
	return q.Open + text.Smarten(s, lang, true) + q.Close
}

// Length counts s as platform counts it.
func Length(platform, s string) int {
	switch platform {
	case "x":
		n := 0
		for _, w := range strings.Fields(s) {
			if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
				n += 23 - utf8.RuneCountInString(w)
			}
		}
		return utf8.RuneCountInString(s) + n
	case "bluesky":
		var seg segmenter.Segmenter
		seg.Init([]rune(s))
		it := seg.GraphemeIterator()
		n := 0
		for it.Next() {
			n++
		}
		return n
	}
	return utf8.RuneCountInString(s)
}

// Fits reports, per platform, whether s is within its limit.
func Fits(limits []Limit, s string) map[string]bool {
	out := make(map[string]bool, len(limits))
	for _, l := range limits {
		out[l.Platform] = Length(l.Platform, s) <= l.Max
	}
	return out
}
