package main

import (
	"bytes"
	"embed"
	"io/fs"
	"slices"
	"strings"
	"text/template"
	"unicode/utf8"
)

// files/ holds the README for people who do not program and the launchers.
//
//go:embed files
var embedded embed.FS

// contents lists an archive's files, sorted by name: the program, its
// README, the launcher for p, and the licences.
func contents(cfg Config, p Platform, prog []byte, lic []file) ([]file, error) {
	readme, err := readme(cfg.Version, p)
	if err != nil {
		return nil, err
	}
	files := []file{
		{name: p.Program(), mode: 0o755, body: prog},
		{name: "README.txt", mode: 0o644, body: readme},
	}
	if l := p.Launcher(); l != "" {
		b, err := fs.ReadFile(embedded, "files/"+l)
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: l, mode: 0o755, body: b})
	}
	files = append(files, lic...)
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	return files, nil
}

// readme fills in the README for p. Windows gets CRLF line ends, which
// every Windows editor shows as lines.
func readme(version string, p Platform) ([]byte, error) {
	sep := "/"
	if p.OS == "windows" {
		sep = `\`
	}
	t, err := template.New("README.txt").Funcs(template.FuncMap{
		"path": func(parts ...string) string { return strings.Join(parts, sep) },
	}).ParseFS(embedded, "files/README.txt")
	if err != nil {
		return nil, err
	}
	title := "broadside " + version
	var b bytes.Buffer
	err = t.Execute(&b, map[string]any{
		"Version":      version,
		"Underline":    strings.Repeat("=", utf8.RuneCountInString(title)),
		"OS":           p.OS,
		"PlatformName": p.Name,
		"Program":      p.Program(),
	})
	if err != nil {
		return nil, err
	}
	out := b.Bytes()
	if p.OS == "windows" {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}
