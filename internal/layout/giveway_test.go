package layout

import (
	"slices"
	"testing"
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
