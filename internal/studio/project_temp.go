package studio

// TEMPORARY ADAPTER, to be replaced by the shared campaign loader that
// branch `real` moves out of internal/cli (package internal/project): it
// loads a campaign folder with the same cli-free pieces the command line
// uses (quote.Parse, campaign.Parse, font.Builtin, layout.Builtin), and
// nothing else in the studio loads files. When the shared loader lands,
// this file goes and load() calls it.

import (
	"crypto/sha256"
	"encoding/hex"
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

// The campaign folder's files, as the command line finds them.
const (
	quotesFile   = "data/quotes.yaml"
	campaignFile = "data/campaign.yaml"
	fontsDir     = "fonts"
	layoutsDir   = "layouts"
	outputDir    = "output"
)

// source is one editable file as the studio read it: its bytes (the
// built-in copy when the folder has none yet) and their hash, which the
// page sends back so that a save never overwrites a change made elsewhere.
type source struct {
	path    string // absolute
	src     []byte
	rev     string
	builtin bool
}

func readSource(path string, builtin []byte) (source, error) {
	b, err := os.ReadFile(path)
	s := source{path: path, src: b}
	if errors.Is(err, fs.ErrNotExist) {
		s.src, s.builtin = builtin, true
	} else if err != nil {
		return s, fmt.Errorf("read %s: %w", path, err)
	}
	s.rev = revOf(s.src, s.builtin)
	return s, nil
}

func revOf(b []byte, builtin bool) string {
	if builtin {
		return "builtin"
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// project is one load of a campaign folder. A load that finds problems in
// the quotes or settings still gives a project: the page shows them.
type project struct {
	dir      string
	quotes   source
	settings source

	ds      *quote.Dataset
	dsErr   error
	conf    *campaign.Config
	confErr error
	reg     *font.Registry
	lib     *layout.Library
	brand   layout.Brand
	// lang is the quotes file's own lang:, for quotes being typed.
	lang string
	// renderers holds PNG renderers for reuse (engine.go).
	renderers sync.Pool
	// warnings are problems that do not stop the studio (a missing logo,
	// a broken user layout), shown on every page.
	warnings []string
}

// load reads the campaign folder dir.
func load(dir string) (*project, error) {
	p := &project{dir: dir}
	var err error
	if p.quotes, err = readSource(filepath.Join(dir, quotesFile), data.QuotesYAML); err != nil {
		return nil, err
	}
	if p.settings, err = readSource(filepath.Join(dir, campaignFile), data.CampaignYAML); err != nil {
		return nil, err
	}
	p.ds, p.dsErr = quote.Parse(quotesFile, p.quotes.src, quote.YAML)
	if doc, err := parseYAML(p.quotes.src); err == nil {
		if l := doc.Get(Path{"lang"}); l != nil {
			p.lang = l.Value
		}
	}
	p.conf, p.confErr = campaign.Parse(campaignFile, p.settings.src)
	if p.confErr != nil {
		p.conf = campaign.Default()
	}
	p.conf.Dir = filepath.Join(dir, "data")
	if p.reg, err = font.Builtin(); err != nil {
		return nil, err
	}
	if isDir(filepath.Join(dir, fontsDir)) {
		if err := p.reg.AddDir(filepath.Join(dir, fontsDir)); err != nil {
			p.warnings = append(p.warnings, err.Error())
		}
	}
	if p.lib, err = layout.Builtin(); err != nil {
		return nil, err
	}
	if isDir(filepath.Join(dir, layoutsDir)) {
		if err := p.lib.AddDir(filepath.Join(dir, layoutsDir)); err != nil {
			p.warnings = append(p.warnings, err.Error())
		}
	}
	c := p.conf
	p.brand = layout.Brand{
		Campaign: c.Name, Tagline: c.Tagline, Handle: c.Handle, Hashtags: c.Hashtags,
		URL: c.URL, Lang: c.Lang, CallToAction: c.CallToAction, Intro: c.Intro,
	}
	if p.ds != nil {
		p.brand.Title = p.ds.Title
	}
	if lp := c.LogoPath(); lp != "" {
		// Read fresh every time: a logo replaced in the studio keeps its name.
		b, err := os.ReadFile(lp)
		if err == nil {
			var im *imageio.Image
			if im, err = imageio.Decode(lp, b); err == nil {
				p.brand.Logo, p.brand.LogoKey = im.Img, im.Key
			}
		}
		if err != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("%s:%d: logo: %v", campaignFile, c.Pos.Of("logo"), err))
		}
	}
	return p, nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
