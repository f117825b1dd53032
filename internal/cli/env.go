package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/imageio"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"golang.org/x/term"
)

func termCheck(fd int) bool { return term.IsTerminal(fd) }

// Default places, relative to the folder broadside runs in. When they are
// absent the built-in copies are used, so broadside works from anywhere.
const (
	defaultData     = "data/quotes.yaml"
	defaultCampaign = "data/campaign.yaml"
	defaultOut      = "output"
)

// options are every command's flags; each command registers the ones it
// uses.
type options struct {
	data, fonts, layouts, config string

	out     string
	layout  string
	theme   string
	quotes  string
	tags    string
	format  string
	workers int

	impose     string
	sheet      string
	printShop  bool
	onePerPage bool
	creep      string

	landscape                         bool
	eventTitle, eventDate, eventPlace string
	url, tile, overlap, distance      string
	page                              int
}

// common registers the flags every command shares.
func (o *options) common(fs *flag.FlagSet) {
	fs.StringVar(&o.data, "data", "", "the quotes, a .yaml, .yml or .csv `FILE` (default ./"+defaultData+" if present, else the built-in Global Support quotes)")
	fs.StringVar(&o.config, "config", "", "campaign settings `FILE` (default ./"+defaultCampaign+" if present, else built in)")
	fs.StringVar(&o.fonts, "fonts", "", "a `DIR` of extra .ttf fonts")
	fs.StringVar(&o.layouts, "layouts", "", "a `DIR` of extra layouts (and themes in its themes/ folder)")
}

// selection registers --quote and --tag.
func (o *options) selection(fs *flag.FlagSet) {
	fs.StringVar(&o.quotes, "quote", "", "only these quotes: `IDS` separated by commas")
	fs.StringVar(&o.tags, "tag", "", "only quotes with one of these `TAGS`, separated by commas")
}

// env loads what a command needs, once, and reports where from.
type env struct {
	opts           options
	stdout, stderr io.Writer

	ds   *quote.Dataset
	reg  *font.Registry
	lib  *layout.Library
	conf *campaign.Config
	// brandv is the campaign's brand with its logo decoded, kept because
	// build asks for it once per kind of output.
	brandv *layout.Brand

	warnMu sync.Mutex
	warned map[string]bool
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// dataset loads the quotes: --data, else ./data/quotes.yaml, else built in.
func (e *env) dataset() (*quote.Dataset, error) {
	if e.ds != nil {
		return e.ds, nil
	}
	var err error
	switch {
	case e.opts.data != "":
		e.ds, err = quote.Load(e.opts.data)
	case exists(defaultData):
		e.ds, err = quote.Load(defaultData)
	default:
		e.ds, err = quote.Parse(data.QuotesName, data.QuotesYAML, quote.YAML)
	}
	return e.ds, err
}

// fonts loads the bundled fonts and the user's folder.
func (e *env) fonts() (*font.Registry, error) {
	if e.reg != nil {
		return e.reg, nil
	}
	reg, err := font.Builtin()
	if err != nil {
		return nil, err
	}
	if e.opts.fonts != "" {
		if err := reg.AddDir(e.opts.fonts); err != nil {
			return nil, err
		}
	}
	e.reg = reg
	return reg, nil
}

// library loads the built-in layouts and themes and the user's folder.
func (e *env) library() (*layout.Library, error) {
	if e.lib != nil {
		return e.lib, nil
	}
	lib, err := layout.Builtin()
	if err != nil {
		return nil, err
	}
	if e.opts.layouts != "" {
		if err := lib.AddDir(e.opts.layouts); err != nil {
			return nil, err
		}
	}
	e.lib = lib
	return lib, nil
}

// campaign loads the settings: --config, else ./data/campaign.yaml, else
// built in.
func (e *env) campaign() (*campaign.Config, error) {
	if e.conf != nil {
		return e.conf, nil
	}
	var err error
	switch {
	case e.opts.config != "":
		e.conf, err = campaign.Load(e.opts.config)
	case exists(defaultCampaign):
		e.conf, err = campaign.Load(defaultCampaign)
	default:
		e.conf = campaign.Default()
	}
	return e.conf, err
}

// warn prints a warning once, whichever goroutine it comes from.
func (e *env) warn(msg string) {
	e.warnMu.Lock()
	defer e.warnMu.Unlock()
	if e.warned == nil {
		e.warned = map[string]bool{}
	}
	if !e.warned[msg] {
		e.warned[msg] = true
		fmt.Fprintln(e.stderr, "warning: "+msg)
	}
}

// brand builds what layouts print around a quote.
func (e *env) brand() (layout.Brand, error) {
	if e.brandv != nil {
		return *e.brandv, nil
	}
	c, err := e.campaign()
	if err != nil {
		return layout.Brand{}, err
	}
	ds, err := e.dataset()
	if err != nil {
		return layout.Brand{}, err
	}
	b := layout.Brand{
		Campaign: c.Name,
		Tagline:  c.Tagline,
		Title:    ds.Title,
		Handle:   c.Handle,
		Hashtags: c.Hashtags,
		URL:      c.URL,
		Lang:     c.Lang,

		CallToAction: c.CallToAction,
		Intro:        c.Intro,
	}
	if p := c.LogoPath(); p != "" {
		im, err := imageio.Load(p)
		if err != nil {
			return b, fmt.Errorf("%s:%d: logo: %w", c.File, c.Pos.Of("logo"), err)
		}
		b.Logo, b.LogoKey = im.Img, im.Key
	}
	e.brandv = &b
	return b, nil
}

// fontsAndBrand are what every renderer is given together.
func (e *env) fontsAndBrand() (*font.Registry, layout.Brand, error) {
	reg, err := e.fonts()
	if err != nil {
		return nil, layout.Brand{}, err
	}
	b, err := e.brand()
	return reg, b, err
}

// selected returns the quotes chosen by --quote and --tag.
func (e *env) selected() ([]quote.Quote, error) {
	ds, err := e.dataset()
	if err != nil {
		return nil, err
	}
	qs, err := ds.Select(list(e.opts.quotes), list(e.opts.tags))
	if err != nil {
		return nil, usagef("%v", err)
	}
	return qs, nil
}

// list splits a comma-separated flag value.
func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// settings loads the campaign settings and the layouts, which most
// commands need together.
func (e *env) settings() (*campaign.Config, *layout.Library, error) {
	conf, err := e.campaign()
	if err != nil {
		return nil, nil, err
	}
	lib, err := e.library()
	if err != nil {
		return nil, nil, err
	}
	return conf, lib, nil
}

// layoutOf finds a layout and checks that it is one of kinds; what names
// them for the message, e.g. "a leaflet or flyer".
func layoutOf(lib *layout.Library, name, what string, kinds ...string) (*layout.Layout, error) {
	l, err := lib.Layout(name)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if !slices.Contains(kinds, l.Kind) {
		return nil, usagef("layout %s is a %s layout, not %s; see 'broadside list layouts'", name, l.Kind, what)
	}
	return l, nil
}

// theme is --theme when given, else the campaign's choice for this output,
// else def.
func (e *env) theme(lib *layout.Library, campaign, def string) (*layout.Theme, error) {
	th, err := lib.Theme(firstOf(e.opts.theme, campaign, def))
	if err != nil {
		return nil, usagef("%v", err)
	}
	return th, nil
}
