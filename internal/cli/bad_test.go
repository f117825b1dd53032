package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every bad input in testdata/bad goes through the real command line: each
// case folder holds the arguments (cmd), the files they name, and what must
// come of it (want: the exit code, then lines the error output must
// contain). Nothing may panic or leave a temporary file behind.
func TestBadInputs(t *testing.T) {
	root, err := filepath.Abs("../../testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := os.ReadDir(root)
	if err != nil || len(cases) < 30 {
		t.Fatalf("testdata/bad: %v, %d cases", err, len(cases))
	}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			src := filepath.Join(root, c.Name())
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			cmd, _ := os.ReadFile(filepath.Join(dir, "cmd"))
			want, _ := os.ReadFile(filepath.Join(dir, "want"))
			lines := strings.Split(strings.TrimSpace(string(want)), "\n")
			code, err := strconv.Atoi(strings.TrimPrefix(lines[0], "exit "))
			if err != nil {
				t.Fatalf("want must start with 'exit N': %q", lines[0])
			}
			t.Chdir(dir)
			got, stdout, stderr := run(t, strings.Fields(string(cmd))...)
			if got != code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", got, code, stdout, stderr)
			}
			for _, w := range lines[1:] {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("a panic:\n%s", stderr)
			}
			filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
				if err == nil && strings.Contains(filepath.Base(p), ".broadside-tmp-") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
		})
	}
}
