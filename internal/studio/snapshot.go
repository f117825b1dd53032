package studio

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
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/quote"
)

// The campaign folder's files, as the command line finds them.
const (
	quotesFile   = project.DataFile
	campaignFile = project.CampaignFile
	fontsDir     = project.FontsDir
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

// snapshot is one snapshot of the campaign folder, loaded by the loader the
// command line uses (internal/project), with the files' bytes the page
// edits. A campaign with problems in its quotes or settings still gives a
// snapshot: the page shows them.
type snapshot struct {
	pp       *project.Project
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
	// no settings yet), shown on every page.
	warnings []string
}

// settingsBase is what a campaign's first data/campaign.yaml starts from:
// the built-in settings while the quotes are the built-in ones, neutral
// settings for a campaign's own quotes (as the loader reads a folder
// without settings).
func settingsBase(quotesBuiltin bool) []byte {
	if quotesBuiltin {
		return data.CampaignYAML
	}
	return campaign.NeutralSource()
}

// load reads the campaign folder dir.
func load(dir string) (*snapshot, error) {
	p := &snapshot{dir: dir}
	var err error
	if p.quotes, err = readSource(filepath.Join(dir, quotesFile), data.QuotesYAML); err != nil {
		return nil, err
	}
	if p.settings, err = readSource(filepath.Join(dir, campaignFile), settingsBase(p.quotes.builtin)); err != nil {
		return nil, err
	}
	p.pp = project.Open(project.Options{Dir: dir})
	p.ds, p.dsErr = p.pp.Dataset()
	p.conf, p.confErr = p.pp.Campaign()
	if p.confErr != nil {
		p.conf = campaign.Neutral()
	}
	if p.reg, err = p.pp.Fonts(); err != nil {
		p.warnings = append(p.warnings, err.Error())
		if p.reg, err = font.Builtin(); err != nil {
			return nil, err
		}
	}
	if p.lib, err = p.pp.Library(); err != nil {
		p.warnings = append(p.warnings, err.Error())
		if p.lib, err = layout.Builtin(); err != nil {
			return nil, err
		}
	}
	if doc, err := parseYAML(p.quotes.src); err == nil {
		if l := doc.Get(Path{"lang"}); l != nil {
			p.lang = l.Value
		}
	}
	if p.ds != nil && p.confErr == nil {
		if p.brand, err = p.pp.Brand(); err != nil {
			p.warnings = append(p.warnings, err.Error())
		}
	} else {
		c := p.conf
		p.brand = layout.Brand{Campaign: c.Name, Tagline: c.Tagline, Handle: c.Handle, Hashtags: c.Hashtags, URL: c.URL, Lang: c.Lang}
	}
	p.warnings = append(p.warnings, p.pp.Warnings()...)
	return p, nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
