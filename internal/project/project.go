// Package project loads a campaign — its quotes, settings, fonts, layouts,
// themes and brand — for both of broadside's front doors: the command line
// and the studio. Neither front door loads anything itself, so both see the
// same campaign, with the same errors in the same words.
//
// What it promises:
//
//   - A Project is one snapshot of a campaign folder. Each part is read on
//     first use and kept; a part that failed keeps its error. To see edits,
//     Open the folder again (or call Reload): the old snapshot stays valid for
//     whoever still holds it.
//   - Paths are resolved against the folder given in Options.Dir, never
//     against the process's working directory unless Dir is empty. Nothing
//     here writes a file.
//   - No global state: two projects (two folders, or two snapshots of one)
//     can be used at once, and one project from many goroutines. The values
//     it returns are shared between callers; treat them as read-only.
//   - Nothing is printed. Warnings are collected (Warnings), and passed to
//     Options.Warn as they happen, each once.
//
// A campaign folder holds data/quotes.yaml (or the file Options.Data names),
// data/campaign.yaml (or Options.Config), and optionally the folders fonts/
// (extra .ttf files) and layouts/ (extra layouts, themes in layouts/themes).
// What is missing comes built in: with no quotes of its own a folder gets the
// Global Support quotes and their campaign settings; its own quotes without
// settings get neutral ones (no name, link or hashtags) and a warning.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/imageio"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
)

// Default places inside a campaign folder.
const (
	DataFile     = "data/quotes.yaml"
	CampaignFile = "data/campaign.yaml"
	FontsDir     = "fonts"
	LayoutsDir   = "layouts"
)

// Options say which campaign to load. Every path that is not absolute is
// taken relative to Dir.
type Options struct {
	// Dir is the campaign folder; empty means the working directory.
	Dir string
	// Data is the quotes file (.yaml, .yml or .csv); empty means
	// data/quotes.yaml when it exists, else the built-in quotes.
	Data string
	// Config is the campaign settings file; empty means data/campaign.yaml
	// when it exists, else the built-in settings.
	Config string
	// Fonts and Layouts are extra folders of fonts and of layouts (with
	// their themes in a themes/ folder inside); empty means the folder's
	// fonts/ and layouts/ when they hold such files (see folders.go).
	Fonts, Layouts string
	// Warn, when set, hears each warning once, as it happens, possibly from
	// several goroutines at once. Warnings returns them all in any case.
	Warn func(msg string)
}

// Project is one loaded snapshot of a campaign. Its methods are safe for
// concurrent use.
type Project struct {
	opts Options

	dataset  func() (*quote.Dataset, error)
	campaign func() (*campaign.Config, error)
	fonts    func() (*font.Registry, error)
	library  func() (*layout.Library, error)
	brand    func() (layout.Brand, error)

	themeMu     sync.Mutex
	themeChecks map[*layout.Theme]func() error

	warnMu   sync.Mutex
	warned   map[string]bool
	warnings []string
	// held are the warnings of settings left out, merged when flushed.
	held []string
}

// Open returns the campaign described by opts. It reads nothing yet: each
// part is loaded when first asked for, so a command that needs only the
// layouts never fails on a broken quotes file.
func Open(opts Options) *Project {
	p := &Project{opts: opts, warned: map[string]bool{}, themeChecks: map[*layout.Theme]func() error{}}
	p.dataset = sync.OnceValues(p.loadDataset)
	p.campaign = sync.OnceValues(p.loadCampaign)
	p.fonts = sync.OnceValues(p.loadFonts)
	p.library = sync.OnceValues(p.loadLibrary)
	p.brand = sync.OnceValues(p.loadBrand)
	return p
}

// Reload returns a fresh snapshot of the same campaign, for after its
// files changed. Warnings start afresh.
func (p *Project) Reload() *Project { return Open(p.opts) }

// Options returns the options the project was opened with.
func (p *Project) Options() Options { return p.opts }

// Path resolves a path of the campaign folder: unchanged when absolute or
// when the folder is the working directory, else joined to the folder.
func (p *Project) Path(rel string) string {
	if p.opts.Dir == "" || rel == "" || filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(p.opts.Dir, rel)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// Dataset returns the quotes: Options.Data, else data/quotes.yaml, else the
// built-in quotes. Problems in the file come back as quote.Problems.
func (p *Project) Dataset() (*quote.Dataset, error) { return p.dataset() }

func (p *Project) loadDataset() (*quote.Dataset, error) {
	switch {
	case p.opts.Data != "":
		return quote.Load(p.Path(p.opts.Data))
	case exists(p.Path(DataFile)):
		return quote.Load(p.Path(DataFile))
	}
	return quote.Parse(data.QuotesName, data.QuotesYAML, quote.YAML)
}

// Campaign returns the settings: Options.Config, else data/campaign.yaml,
// else the built-in settings when the quotes are the built-in ones too,
// else neutral settings (no name, link or hashtags), with a warning that
// says where to add them.
func (p *Project) Campaign() (*campaign.Config, error) { return p.campaign() }

func (p *Project) loadCampaign() (*campaign.Config, error) {
	switch {
	case p.opts.Config != "":
		return campaign.Load(p.Path(p.opts.Config))
	case exists(p.Path(CampaignFile)):
		return campaign.Load(p.Path(CampaignFile))
	case p.builtinData():
		return campaign.Default(), nil
	}
	// The built-in settings belong to the built-in quotes: a campaign's
	// own quotes never go out under another campaign's link and hashtags.
	p.Warn(fmt.Sprintf("no campaign settings (%s), so nothing carries a campaign name, link or hashtags; add them there, see docs/campaign.md", p.Path(CampaignFile)))
	return campaign.Neutral(), nil
}

// builtinData reports whether the quotes are the built-in ones.
func (p *Project) builtinData() bool {
	return p.opts.Data == "" && !exists(p.Path(DataFile))
}

// Fonts returns the bundled fonts and the campaign's own.
func (p *Project) Fonts() (*font.Registry, error) { return p.fonts() }

func (p *Project) loadFonts() (*font.Registry, error) {
	reg, err := font.Builtin()
	if err != nil {
		return nil, err
	}
	if dir := p.fontsDir(); dir != "" {
		if err := reg.AddDir(dir); err != nil {
			return nil, err
		}
	}
	return reg, nil
}

// Library returns the built-in layouts and themes and the campaign's own.
func (p *Project) Library() (*layout.Library, error) { return p.library() }

func (p *Project) loadLibrary() (*layout.Library, error) {
	lib, err := layout.Builtin()
	if err != nil {
		return nil, err
	}
	if dir := p.layoutsDir(); dir != "" {
		if err := lib.AddDir(dir); err != nil {
			return nil, err
		}
	}
	return lib, nil
}

// Brand returns what layouts print around a quote, from the settings and
// the dataset, with the logo decoded. Its Warn reports to the project.
func (p *Project) Brand() (layout.Brand, error) { return p.brand() }

func (p *Project) loadBrand() (layout.Brand, error) {
	c, err := p.Campaign()
	if err != nil {
		return layout.Brand{}, err
	}
	ds, err := p.Dataset()
	if err != nil {
		return layout.Brand{}, err
	}
	// A campaign without a name is known by its quotes' title, so covers
	// and wordmarks are never blank.
	name := c.Name
	if name == "" {
		name = ds.Title
	}
	b := layout.Brand{
		Campaign: name,
		Tagline:  c.Tagline,
		Title:    ds.Title,
		Handle:   c.Handle,
		Hashtags: c.Hashtags,
		URL:      c.URL,
		Lang:     c.Lang,

		CallToAction: c.CallToAction,
		Intro:        c.Intro,
		Settings:     c.Pos,
	}
	if lp := c.LogoPath(); lp != "" {
		im, err := imageio.Load(lp)
		if err != nil {
			return b, fmt.Errorf("%s:%d: logo: %w", c.File, c.Pos.Of("logo"), err)
		}
		b.Logo, b.LogoKey = im.Img, im.Key
	}
	return b, nil
}

// FontsAndBrand returns the two things every renderer is given together.
func (p *Project) FontsAndBrand() (*font.Registry, layout.Brand, error) {
	reg, err := p.Fonts()
	if err != nil {
		return nil, layout.Brand{}, err
	}
	b, err := p.Brand()
	return reg, b, err
}

// Warn records a warning: something worth a look that does not stop the
// work. Each distinct message is kept, and passed on, once. A warning that
// a setting was left out of a layout (layout.IsLeftOut) is held until
// FlushWarnings, which merges those of every layout into one line per
// setting: a run says once what the hashtags lost, not once per layout.
func (p *Project) Warn(msg string) {
	p.warnMu.Lock()
	defer p.warnMu.Unlock()
	if p.warned[msg] {
		return
	}
	p.warned[msg] = true
	if layout.IsLeftOut(msg) {
		p.held = append(p.held, msg)
		return
	}
	p.warnings = append(p.warnings, msg)
	if p.opts.Warn != nil {
		p.opts.Warn(msg)
	}
}

// FlushWarnings passes on the warnings Warn held, merged; a command calls
// it when it has composed everything it will.
func (p *Project) FlushWarnings() {
	p.warnMu.Lock()
	defer p.warnMu.Unlock()
	for _, msg := range layout.MergeWarnings(p.held) {
		p.warnings = append(p.warnings, msg)
		if p.opts.Warn != nil {
			p.opts.Warn(msg)
		}
	}
	p.held = nil
}

// Warnings returns the warnings so far, in the order they came, those
// still held merged at the end.
func (p *Project) Warnings() []string {
	p.warnMu.Lock()
	defer p.warnMu.Unlock()
	return append(append([]string(nil), p.warnings...), layout.MergeWarnings(p.held)...)
}

// Problems loads every part of the campaign and returns what is wrong
// with it, each problem once, in the order a person would fix them: the
// quotes, the fonts, the layouts, the settings, the themes (every theme
// against the fonts), the logo. Fit is not checked here: that needs
// composing, which the caller does with the plan it has in mind.
func (p *Project) Problems() []error {
	var errs []error
	ds, dsErr := p.Dataset()
	reg, fontErr := p.Fonts()
	lib, libErr := p.Library()
	_, confErr := p.Campaign()
	for _, err := range []error{dsErr, fontErr, libErr, confErr} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if lib != nil && reg != nil {
		for _, name := range lib.ThemeNames() {
			if _, err := p.Theme(Choice{Value: name}); err != nil {
				errs = append(errs, err)
			}
		}
	}
	// The brand adds only the logo's problems to the settings' own.
	if ds != nil && confErr == nil {
		if _, err := p.Brand(); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}
