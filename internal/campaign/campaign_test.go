package campaign

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	c := Default()
	if c.Name != "Global Support" || c.URL == "" || len(c.Hashtags) == 0 || c.Cards.Format != "png" {
		t.Errorf("default settings: %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"url: example.org\n", `c.yaml:1: url: "example.org" is not a web address`},
		{"hashtags: [free assange]\n", `c.yaml:1: hashtags: "free assange" is not a hashtag`},
		{"handle: campaign\n", `c.yaml:1: handle: "campaign" is not a handle`},
		{"lang: english!\n", `c.yaml:1: lang: "english!" is not a language tag`},
		{"cards:\n  format: gif\n", `c.yaml:2: format: "gif" is not an image format`},
		{"cards:\n  layuots: [x]\n", `c.yaml:2: cards.layuots: "layuots" is not a known key; did you mean "layouts"?`},
	}
	for _, tt := range tests {
		_, err := Parse("c.yaml", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestLoadResolvesLogo(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "campaign.yaml")
	os.WriteFile(p, []byte("name: X\nlogo: logo.png\nhashtags: ['#Free']\n"), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.LogoPath() != filepath.Join(dir, "logo.png") || c.Hashtags[0] != "Free" {
		t.Errorf("logo %s, hashtags %v", c.LogoPath(), c.Hashtags)
	}
	if _, err := Load(filepath.Join(dir, "nope.yaml")); err == nil || !strings.Contains(err.Error(), "do not exist") {
		t.Errorf("missing file: %v", err)
	}
}
