package studio

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// errConflict: the file changed on disk since the page read it.
var errConflict = errors.New("changed elsewhere")

// saveYAML applies edit to the file rel (data/quotes.yaml or
// data/campaign.yaml) as it is on disk, keeping its comments and order,
// checks the result with check, and writes it atomically. It refuses when
// the file is no longer what the page read (rev), so that a change made
// by another program is never overwritten. Saves are serialised.
// check's error is returned as it is and nothing is written.
func (s *Server) saveYAML(rel, rev string, builtin []byte, edit func(*yamlDoc) error, check func([]byte) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
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
	s.opts.Logf("saved %s", rel)
	return s.reload()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
