package project

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/broadside/broadside/layouts"
)

// fontsDir is the folder of the campaign's own fonts: Options.Fonts, else
// fonts/ when it holds font files. An empty fonts/ (a new campaign's
// placeholder) adds nothing, and neither does broadside's own source tree,
// whose bundled fonts sit in subfolders of fonts/.
func (p *Project) fontsDir() string {
	if p.opts.Fonts != "" {
		return p.Path(p.opts.Fonts)
	}
	dir := p.Path(FontsDir)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2":
			if !e.IsDir() {
				return dir // AddDir reports the kinds it cannot use
			}
		}
	}
	return ""
}

// layoutsDir is the folder of the campaign's own layouts and themes:
// Options.Layouts, else layouts/ when it holds a layout or theme that is
// not a copy of a built-in one. So an empty layouts/ adds nothing, and
// broadside's own source tree (whose layouts/ holds the built-in files) is
// not read twice.
func (p *Project) layoutsDir() string {
	if p.opts.Layouts != "" {
		return p.Path(p.opts.Layouts)
	}
	dir := p.Path(LayoutsDir)
	fsys := os.DirFS(dir)
	files, _ := fs.Glob(fsys, "*.yaml")
	themes, _ := fs.Glob(fsys, "themes/*.yaml")
	for _, name := range append(files, themes...) {
		mine, err := fs.ReadFile(fsys, name)
		if err != nil {
			return dir // AddDir says what is wrong with it
		}
		if builtin, err := fs.ReadFile(layouts.FS, name); err != nil || !bytes.Equal(mine, builtin) {
			return dir
		}
	}
	return ""
}
