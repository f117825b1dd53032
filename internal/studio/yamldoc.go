package studio

import "github.com/broadside/broadside/internal/yamledit"

// Every save edits the file's bytes through internal/yamledit, which
// changes only the values asked for and keeps the rest of the file (its
// comments, blank lines, order and quoting) as the person wrote it.
type (
	yamlDoc = yamledit.Doc
	Path    = yamledit.Path
	KV      = yamledit.KV
)

func parseYAML(src []byte) (*yamlDoc, error) { return yamledit.Parse(src) }
