package userdir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDocumentsIn(t *testing.T) {
	home := filepath.FromSlash("/home/ana")
	tests := []struct {
		name     string
		userDirs string // user-dirs.dirs, or "" for none
		dirs     []string
		want     string
	}{
		{"xdg translated", `XDG_DESKTOP_DIR="$HOME/Schreibtisch"` + "\n" + `XDG_DOCUMENTS_DIR="$HOME/Dokumente"` + "\n", []string{"/home/ana/Dokumente", "/home/ana/Documents"}, "/home/ana/Dokumente"},
		{"xdg absolute", `XDG_DOCUMENTS_DIR="/data/docs"`, []string{"/data/docs"}, "/data/docs"},
		{"xdg missing folder", `XDG_DOCUMENTS_DIR="$HOME/Gone"`, []string{"/home/ana/Documents"}, "/home/ana/Documents"},
		{"xdg relative is ignored", `XDG_DOCUMENTS_DIR="Docs"`, []string{"/home/ana/Documents"}, "/home/ana/Documents"},
		{"no xdg", "", []string{"/home/ana/Documents"}, "/home/ana/Documents"},
		{"nothing", "", nil, "/home/ana"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := t.TempDir()
			if tt.userDirs != "" {
				os.WriteFile(filepath.Join(config, "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\n"+tt.userDirs), 0o644)
			}
			isDir := func(p string) bool {
				for _, d := range tt.dirs {
					if filepath.FromSlash(d) == p {
						return true
					}
				}
				return false
			}
			if got := documentsIn(home, config, isDir); got != filepath.FromSlash(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// Documents gives an existing folder on this machine.
func TestDocuments(t *testing.T) {
	d, err := Documents()
	if err != nil {
		t.Skipf("no home folder: %v", err)
	}
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		t.Errorf("Documents() = %s, not a folder: %v", d, err)
	}
}
