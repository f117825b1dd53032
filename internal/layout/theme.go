package layout

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/suggest"
	"github.com/broadside/broadside/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// Theme is one theme file: colours and typefaces by role, and a background.
type Theme struct {
	Name        string              `yaml:"name"`
	Description string              `yaml:"description"`
	Colors      map[string]Color    `yaml:"colors"`
	Fonts       map[string]FontSpec `yaml:"fonts"`
	Background  Background          `yaml:"background"`

	Pos  yamlx.Pos `yaml:"-"`
	File string    `yaml:"-"`
	// Dir resolves a background image; empty for built-in themes.
	Dir string `yaml:"-"`
}

// FontSpec picks a face by family, weight and slant.
type FontSpec struct {
	Family string `yaml:"family"`
	Weight int    `yaml:"weight"`
	Italic bool   `yaml:"italic"`
}

// Background fills the canvas (and the bleed) behind everything.
type Background struct {
	// Gradient runs from one colour to another at an angle in degrees
	// (0 = left to right, 90 = top to bottom).
	Gradient *GradientSpec `yaml:"gradient"`
	// Image is a photo behind the text, relative to the theme file; Overlay
	// (0 to 1) darkens it with OverlayColor (default black) so text reads.
	Image        string  `yaml:"image"`
	Overlay      float64 `yaml:"overlay"`
	OverlayColor *Color  `yaml:"overlay-color"`
}

// GradientSpec is a two-colour linear gradient.
type GradientSpec struct {
	From  Color   `yaml:"from"`
	To    Color   `yaml:"to"`
	Angle float64 `yaml:"angle"`
}

// Color is a theme colour written "#rrggbb" or "#rgb".
type Color frame.Color

// UnmarshalYAML reads a hex colour.
func (c *Color) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseColor(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return &yamlx.Error{Line: n.Line, Msg: fmt.Sprintf("%q is not a colour; write it as \"#rrggbb\", e.g. \"#1a1a1a\"", n.Value)}
	}
	*c = Color(v)
	return nil
}

// ParseColor reads "#rrggbb" or "#rgb".
func ParseColor(s string) (frame.Color, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return frame.Color{}, fmt.Errorf("bad colour")
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return frame.Color{}, err
	}
	return frame.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

// Colour roles every theme defines. Text roles must read against the
// background at WCAG 4.5:1; accent, used for marks and rules, at 3:1 (the
// WCAG level for large text and graphics). A layout that sets text in the
// accent colour gets the 4.5:1 check at compose time.
var (
	colorRoles  = []string{"background", "text", "muted", "accent"}
	textRoles   = []string{"text", "muted"}
	minText     = 4.5
	minGraphics = 3.0
)

// FontRoles and the faces they default to when a theme does not name them.
var FontRoles = map[string]FontSpec{
	"quote":   {Family: "Source Serif 4", Weight: 400},
	"mark":    {Family: "Source Serif 4", Weight: 700},
	"author":  {Family: "Inter", Weight: 700},
	"detail":  {Family: "Inter", Weight: 400},
	"footer":  {Family: "Inter", Weight: 400},
	"display": {Family: "Oswald", Weight: 700},
	"heading": {Family: "Inter", Weight: 900},
	"body":    {Family: "Source Serif 4", Weight: 400},
}

// fontRoleNames lists the font roles, sorted.
var fontRoleNames = sortedKeys(FontRoles)

// Font returns the face spec for a role, with the default filled in.
func (t *Theme) Font(role string) FontSpec {
	def := FontRoles[role]
	fs, ok := t.Fonts[role]
	if !ok {
		return def
	}
	if fs.Family == "" {
		fs.Family = def.Family
	}
	if fs.Weight == 0 {
		fs.Weight = 400
	}
	return fs
}

// Color returns the colour of a role.
func (t *Theme) Color(role string) frame.Color { return frame.Color(t.Colors[role]) }

// ParseTheme reads and checks a theme. dir resolves a background image.
func ParseTheme(file string, data []byte) (*Theme, error) {
	var t Theme
	if err := yamlx.Decode(file, data, &t); err != nil {
		return nil, err
	}
	t.File = file
	if err := t.validate(); err != nil {
		return nil, err
	}
	return &t, nil
}

func (t *Theme) validate() error {
	var errs []error
	p := t.Pos
	if t.Name == "" {
		t.Name = strings.TrimSuffix(filepath.Base(t.File), filepath.Ext(t.File))
	}
	if !validName(t.Name) {
		errs = append(errs, p.Errorf("name", "%q is not a usable name; use lowercase letters, digits and dashes", t.Name))
	}
	for _, role := range colorRoles {
		if _, ok := t.Colors[role]; !ok {
			errs = append(errs, p.Errorf("colors", "the %q colour is missing; every theme defines %s", role, strings.Join(colorRoles, ", ")))
		}
	}
	for _, role := range sortedKeys(t.Colors) {
		if !slices.Contains(colorRoles, role) {
			msg := fmt.Sprintf("%q is not a colour role", role) + suggest.Hint(role, colorRoles, "roles")
			errs = append(errs, p.Errorf("colors."+role, "%s", msg))
		}
	}
	for _, role := range sortedKeys(t.Fonts) {
		fs := t.Fonts[role]
		if _, ok := FontRoles[role]; !ok {
			msg := fmt.Sprintf("%q is not a font role", role) + suggest.Hint(role, fontRoleNames, "roles")
			errs = append(errs, p.Errorf("fonts."+role, "%s", msg))
		}
		if fs.Weight != 0 && (fs.Weight < 100 || fs.Weight > 1000) {
			errs = append(errs, p.Errorf("fonts."+role, "%s: weight %d is out of range; use 100 (thin) to 900 (black)", role, fs.Weight))
		}
	}
	bg := t.Background
	if bg.Image == "" && (bg.Overlay != 0 || bg.OverlayColor != nil) {
		errs = append(errs, p.Errorf("background", "overlay needs an image"))
	}
	if bg.Image != "" && bg.Gradient != nil {
		errs = append(errs, p.Errorf("background", "choose an image or a gradient, not both"))
	}
	if bg.Overlay < 0 || bg.Overlay > 1 {
		errs = append(errs, p.Errorf("background", "overlay %g is out of range; use 0 (none) to 1 (solid)", bg.Overlay))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return t.checkContrast()
}

// checkContrast refuses a theme whose text would not read: each text colour
// against every colour the background can take.
func (t *Theme) checkContrast() error {
	var errs []error
	for _, role := range append(append([]string{}, textRoles...), "accent") {
		min := minText
		if role == "accent" {
			min = minGraphics
		}
		ratio, against := t.WorstContrast(t.Color(role))
		if ratio < min {
			errs = append(errs, t.Pos.Errorf("colors."+role, "%s %s on %s has contrast %.2f:1; text needs at least %.1f:1 (WCAG), so darken or lighten one of them",
				role, t.Color(role), against, ratio, min))
		}
	}
	return errors.Join(errs...)
}

// WorstContrast returns the lowest contrast of c against the background and
// the background colour where it occurs. For an image the worst case is an
// all-white or all-black photo under the overlay.
func (t *Theme) WorstContrast(c frame.Color) (float64, string) {
	var bgs []frame.Color
	bg := t.Background
	switch {
	case bg.Gradient != nil:
		from, to := frame.Color(bg.Gradient.From), frame.Color(bg.Gradient.To)
		bgs = []frame.Color{from, to, mix(from, to, 0.5)}
	case bg.Image != "":
		oc := frame.Color{A: 255}
		if bg.OverlayColor != nil {
			oc = frame.Color(*bg.OverlayColor)
		}
		white, black := frame.Color{R: 255, G: 255, B: 255, A: 255}, frame.Color{A: 255}
		bgs = []frame.Color{mix(white, oc, bg.Overlay), mix(black, oc, bg.Overlay)}
	default:
		bgs = []frame.Color{t.Color("background")}
	}
	worst, at := 100.0, ""
	for _, b := range bgs {
		if r := Contrast(c, b); r < worst {
			worst, at = r, b.String()
		}
	}
	if bg.Image != "" {
		at = "the photo under its overlay (" + at + " at worst)"
	}
	return worst, at
}

// Contrast is the WCAG 2 contrast ratio of two opaque colours.
func Contrast(a, b frame.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c frame.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// mix returns a*(1-t) + b*t.
func mix(a, b frame.Color, t float64) frame.Color {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return frame.Color{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 255}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Preload parses, in parallel, the fonts the layouts use in this theme, so
// a run's first frames do not wait for them one by one.
func (t *Theme) Preload(reg *font.Registry, layouts ...*Layout) {
	font.Preload(t.fontsOf(reg, layouts)...)
}

// fontsOf returns the fonts the layouts use in this theme: their regions',
// a booklet's pages' and a leaflet's sides'.
func (t *Theme) fontsOf(reg *font.Registry, layouts []*Layout) []*font.Font {
	roles := map[string]bool{}
	var walk func(rs []Region)
	walk = func(rs []Region) {
		for _, r := range rs {
			if r.Font != "" {
				roles[r.Font] = true
			} else if def := defaultRole(r.Type); def != "" {
				roles[def] = true
			}
			walk(r.Items)
		}
	}
	for _, l := range layouts {
		walk(l.Regions)
		// A booklet's pages, a leaflet's sides.
		walk(l.Cover)
		walk(l.Intro)
		walk(l.Back)
		if l.Folio != nil {
			walk([]Region{*l.Folio})
		}
		if l.Flow != nil {
			if l.Flow.Heading != nil {
				walk([]Region{*l.Flow.Heading})
			}
			walk(l.Flow.Quote)
		}
		for _, sd := range l.Sides {
			walk(sd.Regions)
		}
	}
	var fonts []*font.Font
	seen := map[*font.Font]bool{}
	for role := range roles {
		spec := t.Font(role)
		if f, err := reg.Find(spec.Family, spec.Weight, spec.Italic); err == nil && !seen[f] {
			seen[f] = true
			fonts = append(fonts, f)
		}
	}
	return fonts
}

// WithColors returns the theme with some colours replaced (by role, as
// "#rrggbb"), checked for contrast as a theme file is: a campaign's own
// colours on its cards. Problems are reported at at (the campaign file's
// position). No colours give the theme itself.
func (t *Theme) WithColors(colors map[string]string, at yamlx.Pos) (*Theme, error) {
	if len(colors) == 0 {
		return t, nil
	}
	c := *t
	c.Colors = make(map[string]Color, len(t.Colors))
	for k, v := range t.Colors {
		c.Colors[k] = v
	}
	var errs []error
	for _, role := range sortedKeys(colors) {
		v, err := ParseColor(colors[role])
		if err != nil || !slices.Contains(colorRoles, role) {
			errs = append(errs, at.Errorf("colors", "%s: %q is not a colour of a known role", role, colors[role]))
			continue
		}
		c.Colors[role] = Color(v)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c.Pos = at
	if err := c.checkContrast(); err != nil {
		return nil, err
	}
	c.Pos = t.Pos
	return &c, nil
}

// Check finds what only the run can: font families that no font provides
// and a background image that cannot be read. Every problem is reported.
func (t *Theme) Check(reg *font.Registry) error {
	var errs []error
	for _, role := range fontRoleNames {
		spec := t.Font(role)
		if _, err := reg.Find(spec.Family, spec.Weight, spec.Italic); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: fonts.%s: %w", t.File, t.Pos.Of("fonts."+role), role, err))
		}
	}
	if t.Background.Image != "" {
		if _, _, err := loadThemeImage(t); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
