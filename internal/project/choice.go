package project

import (
	"fmt"
	"slices"
	"sync"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/yamlx"
)

// ArgError is a problem with a value the caller gave (a command-line
// option, a control of the studio) rather than with the campaign's files.
// The command line exits 2 on it; the studio shows it beside the control.
type ArgError struct{ Err error }

func (e *ArgError) Error() string { return e.Err.Error() }
func (e *ArgError) Unwrap() error { return e.Err }

// Argf makes an ArgError.
func Argf(format string, args ...any) error {
	return &ArgError{fmt.Errorf(format, args...)}
}

// Choice is a setting's value and what chose it: an argument (Arg names
// it, e.g. "--theme"), a key of the campaign file (File, Line and Key
// locate it), or, when both are empty, the built-in default. A problem
// with the value is then reported against whatever chose it.
type Choice struct {
	Value string
	Arg   string
	File  string
	Line  int
	Key   string
}

// Pick chooses a setting: argValue when given (arg names it), else the
// campaign file's value of key (pos locates the mapping that holds it,
// keyPath is the key's full path for messages, e.g. "cards.theme"), else
// def.
func Pick(arg, argValue string, pos yamlx.Pos, key, keyPath, fileValue, def string) Choice {
	switch {
	case argValue != "":
		return Choice{Value: argValue, Arg: arg}
	case fileValue != "":
		return Choice{Value: fileValue, File: pos.File, Line: pos.Of(key), Key: keyPath}
	}
	return Choice{Value: def}
}

// Blame returns err as a problem of whatever made the choice: an
// ArgError for an argument, a file:line: key: error for the campaign file.
func (c Choice) Blame(err error) error {
	switch {
	case err == nil:
		return nil
	case c.Arg != "":
		return &ArgError{err}
	case c.File != "":
		return &yamlx.Error{File: c.File, Line: c.Line, Key: c.Key, Msg: err.Error()}
	}
	return err
}

// Theme returns the chosen theme, or an error against what chose it. The
// theme is checked against the fonts, and its background image read, once
// per project, before anything is rendered with it: a missing font is one
// problem naming the theme's file and key, not one per card.
func (p *Project) Theme(c Choice) (*layout.Theme, error) {
	lib, err := p.Library()
	if err != nil {
		return nil, err
	}
	th, err := lib.Theme(c.Value)
	if err != nil {
		return nil, c.Blame(err)
	}
	reg, err := p.Fonts()
	if err != nil {
		return nil, err
	}
	p.themeMu.Lock()
	check, ok := p.themeChecks[th]
	if !ok {
		check = sync.OnceValue(func() error { return th.Check(reg) })
		p.themeChecks[th] = check
	}
	p.themeMu.Unlock()
	if err := check(); err != nil {
		return nil, err
	}
	return th, nil
}

// Layout returns the chosen layout and checks that it is one of kinds;
// what names them for the message, e.g. "a leaflet or flyer".
func (p *Project) Layout(c Choice, what string, kinds ...string) (*layout.Layout, error) {
	lib, err := p.Library()
	if err != nil {
		return nil, err
	}
	l, err := lib.Layout(c.Value)
	if err != nil {
		return nil, c.Blame(err)
	}
	if !slices.Contains(kinds, l.Kind) {
		return nil, c.Blame(fmt.Errorf("layout %s is a %s layout, not %s; see 'broadside list layouts'", c.Value, l.Kind, what))
	}
	return l, nil
}
