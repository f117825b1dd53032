package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/yamlx"
	"golang.org/x/term"
)

func termCheck(fd int) bool { return term.IsTerminal(fd) }

// Default places, relative to the folder broadside runs in. When the data
// files are absent the built-in copies are used, so broadside works from
// anywhere (see internal/project).
const (
	defaultData     = project.DataFile
	defaultCampaign = project.CampaignFile
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
	fs.StringVar(&o.fonts, "fonts", "", "a `DIR` of extra .ttf fonts (default ./fonts if it holds any)")
	fs.StringVar(&o.layouts, "layouts", "", "a `DIR` of extra layouts and themes/ (default ./layouts if it holds any)")
}

// selection registers --quote and --tag.
func (o *options) selection(fs *flag.FlagSet) {
	fs.StringVar(&o.quotes, "quote", "", "only these quotes: `IDS` separated by commas")
	fs.StringVar(&o.tags, "tag", "", "only quotes with one of these `TAGS`, separated by commas")
}

// env is one command's run: its flags, where it reports, and the campaign
// it works on, which internal/project loads.
type env struct {
	opts           options
	stdout, stderr io.Writer
	p              *project.Project
}

// open loads the campaign the flags name, in the working directory.
func (e *env) open() {
	e.p = project.Open(project.Options{
		Data:    e.opts.data,
		Config:  e.opts.config,
		Fonts:   e.opts.fonts,
		Layouts: e.opts.layouts,
		Warn:    func(msg string) { fmt.Fprintln(e.stderr, "warning: "+msg) },
	})
}

// selected returns the quotes chosen by --quote and --tag.
func (e *env) selected() ([]quote.Quote, error) {
	return e.p.Select(list(e.opts.quotes), list(e.opts.tags))
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

// theme is --theme when given, else the campaign's key (pos and key
// locate it, keyPath names it), else def.
func (e *env) theme(pos yamlx.Pos, keyPath, value, def string) (*layout.Theme, error) {
	return e.p.Theme(project.Pick("--theme", e.opts.theme, pos, "theme", keyPath, value, def))
}

// layoutChoices are --layout when given, else the campaign's, else def;
// with --out, there must be only one.
func (e *env) layoutChoices(pos yamlx.Pos, keyPath string, campaign []string, def, out string) ([]project.Choice, error) {
	cs := project.PickList("--layout", list(e.opts.layout), pos, "layouts", keyPath, campaign, []string{def})
	if out != "" && len(cs) > 1 {
		return nil, usagef("--out names one file; choose one --layout, or leave out --out")
	}
	return cs, nil
}
