package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a", "b", "card.png")
	if err := Write(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("content %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A folder in the way, a file in the way.
	if err := Write(filepath.Join(dir, "a"), []byte("x")); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder in the way: %v", err)
	}
	if err := Write(filepath.Join(p, "x.png"), []byte("x")); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("file in the way: %v", err)
	}
}

func TestUnwritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if err := Write(filepath.Join(dir, "x.png"), []byte("x")); err == nil {
		t.Error("no error writing into a read-only folder")
	}
}

func TestInside(t *testing.T) {
	for name, want := range map[string]bool{
		"story/a.png": true, "a.png": true, "../a.png": false, "a/../../b": false,
		"/etc/passwd": false, "": false, "a\x00b": false, "..": false, `a\b`: false,
	} {
		if got := Inside("out", name); got != want {
			t.Errorf("Inside(%q) = %v, want %v", name, got, want)
		}
	}
}
