// Package userdir finds the person's Documents folder, where a campaign
// started by double-click is kept: the folder they see in their file
// manager, not a hidden one, so they can find their quotes and cards.
package userdir

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// Documents returns the Documents folder: on Windows the known folder
// (which follows OneDrive and a moved Documents), on Linux the XDG
// documents folder, elsewhere ~/Documents; the home folder when none
// exists.
func Documents() (string, error) {
	if d, ok := knownDocuments(); ok {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return documentsIn(home, xdgConfig(home), isDir), nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func xdgConfig(home string) string {
	if c := os.Getenv("XDG_CONFIG_HOME"); c != "" {
		return c
	}
	return filepath.Join(home, ".config")
}

// documentsIn picks the Documents folder under home: the one named in
// user-dirs.dirs (freedesktop.org's xdg-user-dirs, which translates the
// name: ~/Dokumente, ~/Documents), else ~/Documents, else home itself.
func documentsIn(home, config string, isDir func(string) bool) string {
	if d := xdgDocuments(home, config); d != "" && isDir(d) {
		return d
	}
	if d := filepath.Join(home, "Documents"); isDir(d) {
		return d
	}
	return home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from user-dirs.dirs. Its values are
// "$HOME/Dir" or an absolute path, in double quotes.
func xdgDocuments(home, config string) string {
	b, err := os.ReadFile(filepath.Join(config, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if !filepath.IsAbs(v) {
			return ""
		}
		return filepath.Clean(v)
	}
	return ""
}
