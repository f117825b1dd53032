package main

import (
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/broadside/broadside/fonts"
)

// licenceName matches the files that carry a licence or the notices a
// licence asks to keep: LICENSE, LICENSE.md, COPYING, NOTICE, PATENTS,
// AUTHORS (which BSD-style notices refer to).
var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents|authors)([._-][^/]*)?$`)

// credits are notices a licence asks for in the documentation, by module.
var credits = map[string]string{
	// The FreeType License (Freetype-Go is offered under it or the GPL;
	// broadside takes the FTL) asks for this line.
	"github.com/golang/freetype": "Portions of this software are copyright © 2010 The FreeType Project (www.freetype.org). All rights reserved.",
}

// module is a Go module linked into the program.
type module struct {
	Path, Version, Dir string
	// pkgDirs are the folders of its packages that are linked in.
	pkgDirs []string
}

// file is one file of an archive.
type file struct {
	name string // slash-separated, relative to the archive's top
	mode fs.FileMode
	body []byte
}

// licences gathers every licence the program for p ships: the Go
// toolchain's (its runtime and standard library are in every program), the
// fonts' and each linked module's. Only modules whose packages are built
// into the program count, as go list -deps sees them for p; that list must
// match the modules the program itself records, or the release stops.
func licences(root string, p Platform, prog []byte, goroot, goVersion string) ([]file, error) {
	mods, err := linked(root, p)
	if err != nil {
		return nil, err
	}
	if err := sameModules(prog, mods); err != nil {
		return nil, err
	}
	var files []file
	var index strings.Builder
	fmt.Fprintf(&index, "What broadside is made of, and the licences\n")
	fmt.Fprintf(&index, "===========================================\n\n")
	fmt.Fprintf(&index, "Each folder here holds the licence files of one part of the program.\n\n")

	fmt.Fprintf(&index, "Fonts, under the SIL Open Font License 1.1:\n")
	err = fs.WalkDir(fonts.Licences, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fonts.Licences, name)
		if err != nil {
			return err
		}
		files = append(files, file{name: "licenses/fonts/" + name, mode: 0o644, body: b})
		fmt.Fprintf(&index, "  %-16s fonts/%s\n", path.Dir(name), name)
		return nil
	})
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(&index, "\nGo %s, whose runtime and standard library are in every Go program:\n", strings.TrimPrefix(goVersion, "go"))
	for _, n := range []string{"LICENSE", "PATENTS"} {
		b, err := os.ReadFile(filepath.Join(goroot, n))
		if err != nil {
			return nil, fmt.Errorf("the Go toolchain's %s: %w", n, err)
		}
		files = append(files, file{name: "licenses/go/" + n, mode: 0o644, body: b})
		fmt.Fprintf(&index, "    go/%s\n", n)
	}

	fmt.Fprintf(&index, "\nGo libraries:\n")
	var notes []string
	for _, m := range mods {
		names, err := licenceFiles(m)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("module %s %s has no licence file in %s; it cannot be shipped without one", m.Path, m.Version, m.Dir)
		}
		fmt.Fprintf(&index, "  %s %s\n", m.Path, m.Version)
		for _, n := range names {
			b, err := os.ReadFile(filepath.Join(m.Dir, filepath.FromSlash(n)))
			if err != nil {
				return nil, err
			}
			files = append(files, file{name: "licenses/" + m.Path + "/" + n, mode: 0o644, body: b})
			fmt.Fprintf(&index, "    %s/%s\n", m.Path, n)
		}
		if c := credits[m.Path]; c != "" {
			notes = append(notes, c)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(&index, "\n%s\n", strings.Join(notes, "\n"))
	}
	files = append(files, file{name: "licenses/README.txt", mode: 0o644, body: []byte(index.String())})
	return files, nil
}

// linked lists the modules whose packages go into the program for p, with
// the folders of those packages, sorted by path.
func linked(root string, p Platform) ([]module, error) {
	env := []string{"CGO_ENABLED=0", "GOOS=" + p.OS, "GOARCH=" + p.Arch, "GOFLAGS="}
	out, err := goOutput(root, env, "list", "-deps", "-json=ImportPath,Dir,Standard,Module", "./cmd/broadside")
	if err != nil {
		return nil, err
	}
	byPath := map[string]*module{}
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var pkg struct {
			ImportPath, Dir string
			Standard        bool
			Module          *struct {
				Path, Version, Dir string
				Main               bool
				Replace            *struct{ Path, Version, Dir string }
			}
		}
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list: %w", err)
		}
		if pkg.Standard || pkg.Module == nil || pkg.Module.Main {
			continue
		}
		if pkg.Module.Replace != nil {
			return nil, fmt.Errorf("module %s is replaced; a release ships only published modules", pkg.Module.Path)
		}
		m := byPath[pkg.Module.Path]
		if m == nil {
			m = &module{Path: pkg.Module.Path, Version: pkg.Module.Version, Dir: pkg.Module.Dir}
			byPath[m.Path] = m
		}
		m.pkgDirs = append(m.pkgDirs, pkg.Dir)
	}
	var mods []module
	for _, m := range byPath {
		mods = append(mods, *m)
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

// sameModules checks go list's modules against those the program records.
func sameModules(prog []byte, mods []module) error {
	info, err := buildinfo.Read(bytes.NewReader(prog))
	if err != nil {
		return fmt.Errorf("read the program's build information: %w", err)
	}
	var inProg, listed []string
	for _, d := range info.Deps {
		inProg = append(inProg, d.Path+" "+d.Version)
	}
	for _, m := range mods {
		listed = append(listed, m.Path+" "+m.Version)
	}
	slices.Sort(inProg)
	if !slices.Equal(inProg, listed) {
		return fmt.Errorf("the program links %v but go list -deps gives %v", inProg, listed)
	}
	return nil
}

// licenceFiles finds a module's licence files, as slash paths relative to
// its folder: at its root, in a licenses folder there, and in the folders
// of its linked packages and those between them and the root (a vendored
// or derived package may carry its own).
func licenceFiles(m module) ([]string, error) {
	dirs := map[string]bool{".": true}
	for _, d := range []string{"licenses", "LICENSES"} {
		if st, err := os.Stat(filepath.Join(m.Dir, d)); err == nil && st.IsDir() {
			dirs[d] = true
		}
	}
	for _, d := range m.pkgDirs {
		rel, err := filepath.Rel(m.Dir, d)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		for rel = filepath.ToSlash(rel); rel != "."; rel = path.Dir(rel) {
			dirs[rel] = true
		}
	}
	var names []string
	for d := range dirs {
		entries, err := os.ReadDir(filepath.Join(m.Dir, filepath.FromSlash(d)))
		if err != nil {
			return nil, err
		}
		whole := d == "licenses" || d == "LICENSES"
		for _, e := range entries {
			if !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".go") {
				continue
			}
			if whole || licenceName.MatchString(e.Name()) {
				names = append(names, path.Join(d, e.Name()))
			}
		}
	}
	slices.Sort(names)
	return names, nil
}
