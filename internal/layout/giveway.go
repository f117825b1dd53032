package layout

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Text from the campaign's settings (a footer's hashtags, a link, a call
// to action, a wordmark) never makes a quote fail. The fitter first
// shrinks it within its size range and wraps it where its max-lines
// allows, as any text; when its stack still does not fit at the smallest
// sizes, it gives way: its trailing hashtags go one by one, then the
// whole line, each time the stack is fitted again. What was left out is
// said once, as a warning that names the setting and the region, the same
// for every quote so that a run says it once.

// settingText is what a text item of the settings needs to give way: how
// it was prepared (to set it again with fewer hashtags), and what it has
// given up so far.
type settingText struct {
	p prep
	// full is the text as first set; fields the template fields that
	// showed something in it, in order.
	full   string
	fields []string
	// tags is how many of the campaign's hashtags it shows now.
	tags int
	// region names where it stands, for the warning.
	region string
}

// gaveWay records what items gave up, to say it once they are fitted.
type gaveWay struct {
	c *composer
	// tags are the hashtags each item left out, by its first setting.
	tags  map[*settingText][]string
	order []*settingText
	// dropped are the items left out whole.
	dropped []*settingText
}

// giveWay makes items give way where they do not fit: the item that
// failed when it is text of the settings (too wide, or more lines than
// its max-lines), else, when the stack is only too tall, the last item of
// the settings in it. It returns the items to fit again, or false when no
// item can give way.
func (g *gaveWay) giveWay(items []item, failed int) ([]item, bool, error) {
	i := -1
	switch {
	case failed >= 0:
		if t, ok := items[failed].(*textItem); ok && t.settings != nil {
			i = failed
		}
	default:
		for j := len(items) - 1; j >= 0; j-- {
			if t, ok := items[j].(*textItem); ok && t.settings != nil {
				i = j
				break
			}
		}
	}
	if i < 0 {
		return nil, false, nil
	}
	it := items[i].(*textItem)
	st := it.settings
	out := append([]item(nil), items...)
	if st.tags > 0 {
		// One hashtag fewer, from the end.
		g.noteTag(st, "#"+strings.TrimPrefix(st.p.in.Brand.Hashtags[st.tags-1], "#"))
		less, err := g.c.withTags(st, st.tags-1)
		if err != nil {
			return nil, false, err
		}
		if less != nil {
			less.before = it.before
			out[i] = less
			return out, true, nil
		}
		// Nothing is left of the line without its hashtags.
		return append(out[:i], out[i+1:]...), true, nil
	}
	g.dropped = append(g.dropped, st)
	return append(out[:i], out[i+1:]...), true, nil
}

// noteTag records a hashtag st left out.
func (g *gaveWay) noteTag(st *settingText, tag string) {
	if g.tags == nil {
		g.tags = map[*settingText][]string{}
	}
	if _, ok := g.tags[st]; !ok {
		g.order = append(g.order, st)
	}
	g.tags[st] = append(g.tags[st], tag)
}

// warnings says what was left out: the hashtags an item gave up, in the
// order the campaign lists them, or the whole text of an item dropped.
func (g *gaveWay) warnings() []string {
	var out []string
	layout := g.c.l.Name
	for _, st := range g.order {
		if dropped(g.dropped, st) {
			continue
		}
		tags := g.tags[st]
		for a, b := 0, len(tags)-1; a < b; a, b = a+1, b-1 {
			tags[a], tags[b] = tags[b], tags[a]
		}
		verb := "does"
		if len(tags) > 1 {
			verb = "do"
		}
		out = append(out, leftOut(fmt.Sprintf("%s: %q %s not fit %s", st.p.in.Brand.Where("hashtags"), strings.Join(tags, " "), verb, st.region), layout))
	}
	for _, st := range g.dropped {
		field := "campaign"
		if len(st.fields) > 0 {
			field = st.fields[0]
		}
		out = append(out, leftOut(fmt.Sprintf("%s: %q does not fit %s", st.p.in.Brand.Where(field), st.full, st.region), layout))
	}
	return out
}

// dropped reports whether st is among the items left out whole.
func dropped(list []*settingText, st *settingText) bool {
	for _, d := range list {
		if d == st {
			return true
		}
	}
	return false
}

// withTags prepares the item of st again showing only the first n of the
// campaign's hashtags; nil when it then shows nothing.
func (c *composer) withTags(st *settingText, n int) (*textItem, error) {
	in := *st.p.in
	in.Brand.Hashtags = in.Brand.Hashtags[:n]
	p := st.p
	p.in = &in
	it, err := c.contentItem(p)
	if it == nil || err != nil {
		return nil, err
	}
	// The item is the same line giving way: it keeps its record, which
	// the warnings read.
	st.tags = n
	it.settings = st
	return it, nil
}

// leftOut is the warning that what (a setting's value not fitting a
// region) was left out of the given layouts.
func leftOut(what string, layouts ...string) string {
	return what + " of " + strings.Join(layouts, ", ") + "; left out"
}

// leftOutRe takes a warning of leftOut apart: what, and the layouts.
var leftOutRe = regexp.MustCompile(`^(.+) of ([^ ;,]+(?:, [^ ;,]+)*); left out$`)

// IsLeftOut reports whether msg says that text of the settings was left
// out of a layout; MergeWarnings merges such warnings.
func IsLeftOut(msg string) bool { return leftOutRe.MatchString(msg) }

// MergeWarnings merges the warnings that say the same setting was left out
// of the same region in several layouts into one naming every layout, so
// that a run says once what a setting lost ("hashtags: "#PressFreedom"
// does not fit the footer of instagram-square, instagram-portrait; left
// out"). The merged warning stands where the first of them stood; other
// warnings are kept as they are, in order.
func MergeWarnings(msgs []string) []string {
	var out []string
	at := map[string]int{}
	layouts := map[string][]string{}
	for _, m := range msgs {
		sub := leftOutRe.FindStringSubmatch(m)
		if sub == nil {
			out = append(out, m)
			continue
		}
		what := sub[1]
		if _, ok := at[what]; !ok {
			at[what] = len(out)
			out = append(out, "")
		}
		for _, l := range strings.Split(sub[2], ", ") {
			if !slices.Contains(layouts[what], l) {
				layouts[what] = append(layouts[what], l)
			}
		}
	}
	for what, i := range at {
		out[i] = leftOut(what, layouts[what]...)
	}
	return out
}
