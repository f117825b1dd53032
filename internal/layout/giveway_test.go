package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/frame"
)

// Warnings that a setting was left out merge across layouts into one line
// per setting and region, where the first stood; others stay as they are.
func TestMergeWarnings(t *testing.T) {
	for _, c := range []struct {
		name     string
		in, want []string
	}{
		{"none", nil, nil},
		{"other warnings kept", []string{"a", "b"}, []string{"a", "b"}},
		{"two layouts", []string{
			`c.yaml:8: hashtags: "#P" does not fit the footer of instagram-square; left out`,
			"the logo is small",
			`c.yaml:8: hashtags: "#P" does not fit the footer of instagram-portrait; left out`,
			`c.yaml:8: hashtags: "#P" does not fit the footer of instagram-square; left out`,
		}, []string{
			`c.yaml:8: hashtags: "#P" does not fit the footer of instagram-square, instagram-portrait; left out`,
			"the logo is small",
		}},
		{"different regions and values apart", []string{
			`c.yaml:8: hashtags: "#P" does not fit the footer of x; left out`,
			`c.yaml:8: hashtags: "#Q #P" do not fit the footer of y; left out`,
			`c.yaml:8: hashtags: "#P" does not fit the header of z; left out`,
			`c.yaml:3: tagline: "Voice of the people" does not fit the header of z; left out`,
		}, []string{
			`c.yaml:8: hashtags: "#P" does not fit the footer of x; left out`,
			`c.yaml:8: hashtags: "#Q #P" do not fit the footer of y; left out`,
			`c.yaml:8: hashtags: "#P" does not fit the header of z; left out`,
			`c.yaml:3: tagline: "Voice of the people" does not fit the header of z; left out`,
		}},
	} {
		if got := MergeWarnings(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// A footer of hashtags gives way from the end, hashtag by hashtag, and
// says what it left out; a hashtag too wide for the footer on its own
// leaves the footer empty. The quote never fails for it.
func TestFooterGivesWay(t *testing.T) {
	e := setup(t)
	l, _ := e.lib.Layout("instagram-square")
	th, _ := e.lib.Theme("paper")
	for _, c := range []struct {
		tags  []string
		shown string // the footer's text, "" for none
		warn  string
	}{
		{[]string{"FreeAssange", "JournalismIsNotACrime"}, "#FreeAssange #JournalismIsNotACrime", ""},
		{[]string{"FreeAssange", "JournalismIsNotACrime", "PressFreedom"}, "#FreeAssange #JournalismIsNotACrime",
			`hashtags: "#PressFreedom" does not fit the footer of instagram-square; left out`},
		{[]string{"FreeAssange", "JournalismIsNotACrime", "PressFreedom", "Free"}, "#FreeAssange #JournalismIsNotACrime",
			`hashtags: "#PressFreedom #Free" do not fit the footer of instagram-square; left out`},
		{[]string{strings.Repeat("Long", 30)}, "",
			`hashtags: "#` + strings.Repeat("Long", 30) + `" does not fit the footer of instagram-square; left out`},
	} {
		b := e.brand
		b.Hashtags = c.tags
		p, warns, err := Compose(Input{Quote: e.qs[0], Brand: b}, l, th, e.reg)
		if err != nil {
			t.Errorf("%v: %v", c.tags, err)
			continue
		}
		shown := ""
		for _, it := range p.Frame.Items {
			if run, ok := it.(*frame.Text); ok && strings.HasPrefix(run.Text, "#") {
				shown = run.Text
			}
		}
		if shown != c.shown {
			t.Errorf("%v: the footer shows %q, want %q", c.tags, shown, c.shown)
		}
		want := []string(nil)
		if c.warn != "" {
			want = []string{c.warn}
		}
		if !slices.Equal(warns, want) {
			t.Errorf("%v: warnings %q, want %q", c.tags, warns, want)
		}
	}
}
