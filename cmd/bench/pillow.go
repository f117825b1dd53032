package main

import (
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
)

//go:embed pillow_cards.py
var pillowScript []byte

// pillow returns the card workload done by pillow_cards.py, or nil when no
// python3 with PIL is installed. Debian's python3-pil is for
// /usr/bin/python3, which need not be the python3 first on PATH.
func pillow(dir string, qs []map[string]any) (*workload, error) {
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import PIL").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		return nil, nil
	}
	script := filepath.Join(dir, "pillow_cards.py")
	if err := os.WriteFile(script, pillowScript, 0o644); err != nil {
		return nil, err
	}
	quotes := filepath.Join(dir, "pillow190.json")
	if err := writeJSON(quotes, qs); err != nil {
		return nil, err
	}
	fonts, err := writeFonts(dir)
	if err != nil {
		return nil, err
	}
	return &workload{name: "pillow: the same 190 cards (one process)", items: len(qs), unit: "cards", cmd: func(out string) *exec.Cmd {
		return exec.Command(python, script, quotes, fonts, out)
	}}, nil
}
