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

// brandText is what the brand adds to alt text and captions. It is the same
// for every card, so a manifest expands it once, not once a card.
type brandText struct {
	foot string // the alt text's last line: the link and hashtags
	tags string // a caption's hashtags
	url  string
}

func textOf(b layout.Brand) brandText {
	return brandText{foot: layout.Expand("{url} {hashtags}", b), tags: layout.Expand("{hashtags}", b), url: b.URL}
}

// AltText describes a card for people who cannot see it: the words on it,
// who said them, and the campaign's line at the foot.
func AltText(l *layout.Layout, q quote.Quote, b layout.Brand) string { return textOf(b).alt(l, q) }

// Caption is a ready post text: the excerpt (or the text), the attribution,
// the hashtags and the link.
func Caption(q quote.Quote, b layout.Brand) string { return textOf(b).caption(q) }

func (bt brandText) alt(l *layout.Layout, q quote.Quote) string {
	var s strings.Builder
	s.WriteString("Quote card: ")
	s.WriteString(quoted(Shown(l, q), q.Lang))
	s.WriteString(" — ")
	s.WriteString(text.Fold(layout.Attribution(q)))
	if org := text.Fold(layout.Organisation(q)); org != "" {
		s.WriteString(" (" + strings.TrimSuffix(org, ".") + ")")
	}
	s.WriteString(".")
	if bt.foot != "" {
		s.WriteString(" " + bt.foot)
	}
	return s.String()
}

func (bt brandText) caption(q quote.Quote) string {
	words := q.Excerpt
	if words == "" {
		words = q.Text
	}
	var s strings.Builder
	s.WriteString(quoted(words, q.Lang))
	s.WriteString("\n— " + text.Fold(layout.Attribution(q)))
	if bt.tags != "" {
		s.WriteString("\n\n" + bt.tags)
	}
	if bt.url != "" {
		s.WriteString("\n" + bt.url)
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
