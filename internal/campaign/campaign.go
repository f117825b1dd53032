// Package campaign reads a campaign's settings: its name, links and logo,
// and which outputs `broadside build` makes. The embedded default is the
// Global Support campaign, so broadside works with no settings at all.
package campaign

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/yamlx"
	"golang.org/x/text/language"
)

// Config is one campaign file.
type Config struct {
	Name     string   `yaml:"name"`
	Tagline  string   `yaml:"tagline"`
	URL      string   `yaml:"url"`
	Handle   string   `yaml:"handle"`
	Hashtags []string `yaml:"hashtags"`
	Logo     string   `yaml:"logo"`
	Lang     string   `yaml:"lang"`
	// Colors are the campaign's own colours by role (background, text,
	// muted, accent, each "#rrggbb"); they replace the theme's on cards.
	Colors map[string]string `yaml:"colors"`
	// Intro opens booklets (paragraphs separated by blank lines);
	// CallToAction closes them, and leaflets and flyers.
	Intro        string   `yaml:"intro"`
	CallToAction string   `yaml:"call-to-action"`
	Cards        Cards    `yaml:"cards"`
	Booklet      Booklet  `yaml:"booklet"`
	Leaflet      Leaflet  `yaml:"leaflet"`
	Event        Event    `yaml:"event"`
	Poster       Poster   `yaml:"poster"`
	Placards     Placards `yaml:"placards"`

	Pos yamlx.Pos `yaml:"-"`
	// File is where the settings came from; Dir resolves relative paths
	// (empty for the built-in settings).
	File string `yaml:"-"`
	Dir  string `yaml:"-"`
}

// Cards says which quote cards build makes.
type Cards struct {
	Layouts []string  `yaml:"layouts"`
	Theme   string    `yaml:"theme"`
	Format  string    `yaml:"format"`
	Pos     yamlx.Pos `yaml:"-"`
}

// Booklet says which booklets build makes.
type Booklet struct {
	// Layout is booklet-a5 or booklet-half-letter (or one of yours).
	Layout string `yaml:"layout"`
	Theme  string `yaml:"theme"`
	// Impose lists the versions to make: none (pages in reading order)
	// and saddle (imposed for folding and stapling).
	Impose []string `yaml:"impose"`
	// PrintShop also makes a version with bleed and crop marks.
	PrintShop bool      `yaml:"print-shop"`
	Pos       yamlx.Pos `yaml:"-"`
}

// Leaflet says which leaflets and flyers build makes.
type Leaflet struct {
	Layouts []string  `yaml:"layouts"`
	Theme   string    `yaml:"theme"`
	Quotes  []string  `yaml:"quotes"`
	Pos     yamlx.Pos `yaml:"-"`
}

// Event is what posters announce.
type Event struct {
	Title string `yaml:"title"`
	Date  string `yaml:"date"`
	Place string `yaml:"place"`
}

// Poster says which posters build makes.
type Poster struct {
	Layouts   []string `yaml:"layouts"`
	Landscape bool     `yaml:"landscape"`
	Quote     string   `yaml:"quote"`
	Theme     string   `yaml:"theme"`
	// Tile, when a4 or letter, also splits each poster larger than such a
	// sheet over such sheets; auto takes Letter for US sizes, else A4.
	Tile string    `yaml:"tile"`
	Pos  yamlx.Pos `yaml:"-"`
}

// Placards says which placards build makes.
type Placards struct {
	Layout string `yaml:"layout"`
	Theme  string `yaml:"theme"`
	// Distance overrides the layout's reading distance, in metres.
	Distance float64   `yaml:"distance"`
	Pos      yamlx.Pos `yaml:"-"`
}

// Default returns the built-in settings.
func Default() *Config {
	c, err := Parse(data.CampaignName, data.CampaignYAML)
	if err != nil {
		panic("built-in campaign settings are broken: " + err.Error())
	}
	return c
}

// NeutralName names the neutral settings in messages.
const NeutralName = "neutral settings (built in)"

// neutralYAML makes the same outputs as the built-in campaign, with
// nothing of any campaign on them: no name, link, hashtags or texts.
const neutralYAML = `
cards: {layouts: [all], theme: paper, format: png}
booklet: {layout: booklet-a5, theme: print, impose: [none, saddle]}
leaflet: {layouts: [trifold-a4, flyer-a5], theme: print}
poster: {layouts: [poster-a3], theme: print, tile: auto}
placards: {layout: placard-a3, theme: print, distance: 10}
`

// Neutral returns the settings of a campaign that has no settings file:
// its own quotes must not go out under another campaign's link and
// hashtags, so there are none.
func Neutral() *Config {
	c, err := Parse(NeutralName, []byte(neutralYAML))
	if err != nil {
		panic("neutral campaign settings are broken: " + err.Error())
	}
	return c
}

// NeutralSource is the neutral settings as a file: where the studio starts
// a campaign's own data/campaign.yaml.
func NeutralSource() []byte { return []byte(neutralYAML) }

// Load reads settings from a file.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("campaign settings %s do not exist", path)
		}
		return nil, fmt.Errorf("campaign settings %s: %w", path, err)
	}
	c, err := Parse(path, b)
	if err != nil {
		return nil, err
	}
	c.Dir = filepath.Dir(path)
	return c, nil
}

// ColorRoles are the colours a campaign may set, as a theme names them.
var ColorRoles = []string{"background", "text", "muted", "accent"}

var colorRe = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

func sortedRoles(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var (
	hashtagRe = regexp.MustCompile(`^#?[\p{L}\p{N}_]+$`)
	handleRe  = regexp.MustCompile(`^@[\p{L}\p{N}_.@-]+$`)
)

// Parse reads and checks settings.
func Parse(file string, b []byte) (*Config, error) {
	var c Config
	read, err := yamlx.DecodeAll(file, b, &c)
	if !read {
		return nil, err
	}
	c.File = file
	// Every problem names the file and line: the values that could be
	// read are checked even when others could not, so that one misspelt
	// key does not hide the rest.
	errs := []error{err}
	if c.URL != "" {
		u, err := url.Parse(c.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, c.Pos.Errorf("url", "%q is not a web address; write it in full, e.g. https://example.org", c.URL))
		}
	}
	for _, h := range c.Hashtags {
		if !hashtagRe.MatchString(h) {
			errs = append(errs, c.Pos.Errorf("hashtags", "%q is not a hashtag; use letters, digits and _ only, e.g. FreeAssange", h))
		}
	}
	if c.Handle != "" && !handleRe.MatchString(c.Handle) {
		errs = append(errs, c.Pos.Errorf("handle", "%q is not a handle; write it with its @, e.g. @campaign", c.Handle))
	}
	if c.Lang == "" {
		c.Lang = "en"
	} else if _, err := language.Parse(c.Lang); err != nil {
		errs = append(errs, c.Pos.Errorf("lang", "%q is not a language tag; use e.g. en, de or fr", c.Lang))
	}
	switch c.Cards.Format {
	case "":
		c.Cards.Format = "png"
	case "png", "jpeg":
	default:
		errs = append(errs, c.Cards.Pos.Errorf("format", "%q is not an image format; use png or jpeg", c.Cards.Format))
	}
	c.Poster.Tile = strings.ToLower(c.Poster.Tile)
	if t := c.Poster.Tile; t != "" && t != "a4" && t != "letter" && t != "auto" {
		errs = append(errs, c.Poster.Pos.Errorf("tile", "%q is not a sheet; use a4, letter, or auto (Letter for US sizes, else A4)", t))
	}
	if d := c.Placards.Distance; d < 0 || d > 100 {
		errs = append(errs, c.Placards.Pos.Errorf("distance", "%g m is out of range (0 to 100)", d))
	}
	for _, im := range c.Booklet.Impose {
		if im != "none" && im != "saddle" {
			errs = append(errs, c.Booklet.Pos.Errorf("impose", "%q is not an imposition; use none or saddle", im))
		}
	}
	for _, role := range sortedRoles(c.Colors) {
		if !slices.Contains(ColorRoles, role) {
			errs = append(errs, c.Pos.Errorf("colors", "%q is not a colour role; use %s", role, strings.Join(ColorRoles, ", ")))
		} else if !colorRe.MatchString(c.Colors[role]) {
			errs = append(errs, c.Pos.Errorf("colors", "%s: %q is not a colour; write it as \"#rrggbb\", e.g. \"#c0262d\"", role, c.Colors[role]))
		}
	}
	for i, tag := range c.Hashtags {
		c.Hashtags[i] = strings.TrimPrefix(tag, "#")
	}
	if err := yamlx.Sorted(errs...); err != nil {
		return nil, err
	}
	return &c, nil
}

// LogoPath resolves the logo relative to the settings file.
func (c *Config) LogoPath() string {
	if c.Logo == "" || filepath.IsAbs(c.Logo) || c.Dir == "" {
		return c.Logo
	}
	return filepath.Join(c.Dir, c.Logo)
}
