package layout

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"

	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/suggest"
	"github.com/broadside/broadside/layouts"
)

// Library holds the layouts and themes a run can use: the built-in ones and
// any from the user's --layouts folder, which override built-ins of the same
// name.
type Library struct {
	layouts map[string]*Layout
	themes  map[string]*Theme
}

var (
	builtinOnce sync.Once
	builtinLib  *Library
	builtinErr  error
)

// Builtin returns a library of the built-in layouts and themes, parsed once
// per process. The result is a copy the caller may add to.
func Builtin() (*Library, error) {
	builtinOnce.Do(func() {
		lib := &Library{layouts: map[string]*Layout{}, themes: map[string]*Theme{}}
		_, builtinErr = lib.addFS(layouts.FS, "layouts", "")
		builtinLib = lib
	})
	if builtinErr != nil {
		return nil, builtinErr
	}
	out := &Library{layouts: map[string]*Layout{}, themes: map[string]*Theme{}}
	for k, v := range builtinLib.layouts {
		out.layouts[k] = v
	}
	for k, v := range builtinLib.themes {
		out.themes[k] = v
	}
	return out, nil
}

// addFS adds the layouts and themes of fsys, naming files label/name in
// messages. osDir is the folder fsys reads on disk ("" for the built-in
// files): themes resolve their background photos there. It returns how
// many files it found.
func (lib *Library) addFS(fsys fs.FS, label, osDir string) (int, error) {
	files, _ := fs.Glob(fsys, "*.yaml")
	themes, _ := fs.Glob(fsys, "themes/*.yaml")
	sort.Strings(files)
	sort.Strings(themes)
	// Files are parsed on every core (start-up is a fifth of a quick run)
	// and registered in name order, so results do not depend on timing.
	all := append(append([]string{}, files...), themes...)
	out := make([]parsedFile, len(all))
	par.Each(context.Background(), len(all), 0, func() func(int) {
		return func(i int) { out[i] = parseFile(fsys, label, osDir, all[i], i >= len(files)) }
	})
	var errs []error
	for _, p := range out {
		if p.err != nil {
			errs = append(errs, p.err)
		}
		for _, l := range p.layouts {
			lib.layouts[l.Name] = l
		}
		if p.theme != nil {
			lib.themes[p.theme.Name] = p.theme
		}
	}
	return len(all), errors.Join(errs...)
}

// parsedFile is a layout file's layouts (itself and its variants) or a
// theme file's theme, and what was wrong with it.
type parsedFile struct {
	layouts []*Layout
	theme   *Theme
	err     error
}

// parseFile reads one layout (with its variants) or theme; osDir is as for
// addFS.
func parseFile(fsys fs.FS, label, osDir, name string, theme bool) (p parsedFile) {
	what := "layout"
	if theme {
		what = "theme"
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		p.err = fmt.Errorf("load %s %s: %w", what, path.Join(label, name), err)
		return p
	}
	if theme {
		p.theme, p.err = ParseTheme(path.Join(label, name), data) // errors name the file
		if p.theme != nil && osDir != "" {
			p.theme.Dir = filepath.Join(osDir, "themes")
		}
		return p
	}
	l, err := ParseLayout(path.Join(label, name), data)
	if err != nil {
		p.err = err
		return p
	}
	vs, err := l.variants()
	p.layouts, p.err = append([]*Layout{l}, vs...), err
	return p
}

// AddDir adds the layouts in dir and the themes in dir/themes. Every
// problem in every file is reported.
func (lib *Library) AddDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("layouts folder %s does not exist", dir)
		}
		return fmt.Errorf("layouts folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("layouts folder %s is a file; name the folder that holds your layout files", dir)
	}
	n, err := lib.addFS(os.DirFS(dir), dir, dir)
	if err == nil && n == 0 {
		return fmt.Errorf("layouts folder %s holds no .yaml layouts and no themes/*.yaml themes", dir)
	}
	return err
}

// Layout returns the named layout, or an error suggesting a near name.
func (lib *Library) Layout(name string) (*Layout, error) {
	if l, ok := lib.layouts[name]; ok {
		return l, nil
	}
	return nil, unknown("layout", name, lib.LayoutNames(""))
}

// Theme returns the named theme, or an error suggesting a near name.
func (lib *Library) Theme(name string) (*Theme, error) {
	if t, ok := lib.themes[name]; ok {
		return t, nil
	}
	return nil, unknown("theme", name, lib.ThemeNames())
}

func unknown(what, name string, names []string) error {
	return fmt.Errorf("there is no %s %q%s", what, name, suggest.Hint(name, names, what+"s"))
}

// LayoutNames lists layouts of a kind ("" for all), in a stable order: by
// kind, then as listed in kindOrder, then by name.
func (lib *Library) LayoutNames(kind string) []string {
	var out []string
	for name, l := range lib.layouts {
		if kind == "" || l.Kind == kind {
			out = append(out, name)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := lib.layouts[out[i]], lib.layouts[out[j]]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if ra, rb := rank(a.Name), rank(b.Name); ra != rb {
			return ra < rb
		}
		return a.Name < b.Name
	})
	return out
}

// rank orders the built-in cards the way platforms are usually listed.
func rank(name string) int {
	for i, n := range []string{"instagram-square", "instagram-portrait", "story", "x", "facebook", "linkedin"} {
		if n == name {
			return i
		}
	}
	return 100
}

// ThemeNames lists themes by name.
func (lib *Library) ThemeNames() []string {
	var out []string
	for name := range lib.themes {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
