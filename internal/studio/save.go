package studio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/broadside/broadside/data"
)

// errConflict: the file changed on disk since the page read it.
var errConflict = errors.New("changed elsewhere")

// saveYAML applies edit to the file rel (data/quotes.yaml or
// data/campaign.yaml) as it is on disk, keeping its comments and order,
// checks the result with check, and writes it atomically. It refuses when
// the file is no longer what the page read (rev), so that a change made
// by another program is never overwritten. Saves are serialised.
// check's error is returned as it is and nothing is written.
func (s *Server) saveYAML(rel, rev string, edit func(*yamlDoc) error, check func([]byte) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := os.Stat(filepath.Join(s.dir, quotesFile))
	quotesBuiltin := errors.Is(err, fs.ErrNotExist)
	builtin := data.QuotesYAML
	if rel == campaignFile {
		builtin = settingsBase(quotesBuiltin)
	}
	cur, err := readSource(filepath.Join(s.dir, rel), builtin)
	if err != nil {
		return err
	}
	if rev != cur.rev {
		return errConflict
	}
	doc, err := parseYAML(cur.src)
	if err != nil {
		return fmt.Errorf("%s cannot be read as YAML (%v); fix it in a text editor first", rel, firstLine(err.Error()))
	}
	if err := edit(doc); err != nil {
		return err
	}
	out := doc.Bytes()
	if err := check(out); err != nil {
		return err
	}
	if err := s.writeFile(rel, out); err != nil {
		return err
	}
	// The first save of the built-in quotes makes them the campaign's own;
	// their settings come along, or the loader would give them neutral
	// ones and the cards would lose the campaign's name and link.
	if rel == quotesFile && quotesBuiltin {
		if _, err := os.Stat(filepath.Join(s.dir, campaignFile)); errors.Is(err, fs.ErrNotExist) {
			if err := s.writeFile(campaignFile, data.CampaignYAML); err != nil {
				return err
			}
		}
	}
	s.opts.Logf("saved %s", rel)
	return s.reload()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
