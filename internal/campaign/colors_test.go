package campaign

import (
	"strings"
	"testing"
)

func TestColors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"colors: {accent: \"#1a4fa0\", text: \"#111\"}\n", ""},
		{"colors: {brand: \"#1a4fa0\"}\n", `"brand" is not a colour role`},
		{"colors: {accent: red}\n", `accent: "red" is not a colour`},
	} {
		c, err := Parse("campaign.yaml", []byte(tc.yaml))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.yaml, err)
		case tc.want == "" && c.Colors["accent"] != "#1a4fa0":
			t.Errorf("%q: colours %v", tc.yaml, c.Colors)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
