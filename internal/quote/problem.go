package quote

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/broadside/broadside/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong in a dataset file, worded for the person who
// edits the file: where it is and what to do about it.
type Problem struct {
	// File is the file name as given to Load or Parse.
	File string
	// Line is the 1-based line the problem is on. It is 0 only for
	// problems with the whole file (empty, too large, wrong extension),
	// which have no Field either.
	Line int
	// Field is the field (YAML key or CSV column) concerned, or "" when
	// the problem is not about one field.
	Field string
	// Msg says what is wrong and, where it can, how to fix it.
	Msg string
}

// String formats the problem on one line, like a compiler message, so that
// editors can jump to it: "data/quotes.yaml:12: author: is required". It is
// the form every settings file problem takes (yamlx.Error).
func (p Problem) String() string {
	e := yamlx.Error{File: p.File, Line: p.Line, Key: p.Field, Msg: p.Msg}
	return e.Error()
}

// Problems is every problem found in one file, in line order. Reporting all
// of them at once saves the editor a fix-and-rerun round trip per mistake.
type Problems []Problem

// Error lists the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// collector gathers the problems of one file. It keeps the first
// maxKept and only counts the rest, so that a file broken on every line
// costs neither memory nor time formatting messages no one will read.
type collector struct {
	file     string
	problems Problems
	dropped  int
	// aliased counts the values YAML aliases repeated (see deref).
	aliased   int
	aliasOver bool
	counted   map[*yaml.Node]int // values an anchored node stands for
	counting  map[*yaml.Node]bool
}

// maxKept leaves room for problems found out of line order (the few about
// the file as a whole) to still sort into the ones shown.
const maxKept = 5 * MaxProblems

func (c *collector) add(p Problem) {
	if len(c.problems) >= maxKept {
		c.dropped++
		return
	}
	c.problems = append(c.problems, p)
}

// addf records a problem at line in field.
func (c *collector) addf(line int, field, format string, args ...any) {
	if len(c.problems) >= maxKept {
		c.dropped++
		return
	}
	c.add(Problem{File: c.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// err returns the problems sorted by line, capped at MaxProblems with a
// closing line saying how many more there are, or nil if there are none.
func (c *collector) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	ps := slices.Clone(c.problems)
	slices.SortStableFunc(ps, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	if more := len(ps) - MaxProblems + c.dropped; more > 0 {
		next := ps[min(MaxProblems, len(ps)-1)]
		ps = append(ps[:MaxProblems:MaxProblems], Problem{File: c.file, Line: next.Line, Msg: fmt.Sprintf(
			"stopped after %d problems; %d more not shown: fix these and run again", MaxProblems, more)})
	}
	return ps
}
