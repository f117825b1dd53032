package layout

import (
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/yamlx"
)

func TestWithColors(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	paper, _ := lib.Theme("paper")
	at := yamlx.Pos{File: "campaign.yaml", Line: 1, Keys: map[string]int{"colors.text": 4}}
	for _, tc := range []struct {
		name   string
		colors map[string]string
		want   string // "" for no error
	}{
		{"none", nil, ""},
		{"accent", map[string]string{"accent": "#0033aa"}, ""},
		{"low contrast", map[string]string{"text": "#eeeeee"}, "campaign.yaml:4: colors.text: text #eeeeee on #f6f1e7 has contrast 1.03:1"},
		{"bad role", map[string]string{"brand": "#000000"}, "brand:"},
		{"bad hex", map[string]string{"accent": "red"}, `"red"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			th, err := paper.WithColors(tc.colors, at)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				for role, hex := range tc.colors {
					want, _ := ParseColor(hex)
					if th.Color(role) != want {
						t.Errorf("%s = %v, want %v", role, th.Color(role), want)
					}
				}
				if paper.Color("accent").String() != "#c0262d" {
					t.Errorf("the theme itself changed: accent %v", paper.Color("accent"))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
