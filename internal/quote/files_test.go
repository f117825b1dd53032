package quote

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*.want from the current messages (review the diff!)")

// TestBadFiles parses every file under testdata/bad and compares the whole
// report with the file's .want: the exact messages a campaign team sees.
func TestBadFiles(t *testing.T) {
	files := badFiles(t)
	if len(files) < 40 {
		t.Fatalf("found only %d bad files; is testdata missing?", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, _ := FormatOf(name)
			d, err := Parse(name, data, f)
			if err == nil {
				t.Fatalf("Parse succeeded with %d quotes; want problems", len(d.Quotes))
			}
			if d != nil {
				t.Errorf("Parse returned a dataset alongside the error")
			}
			checkProblems(t, name, err, data)
			wantPath := strings.TrimSuffix(path, filepath.Ext(path)) + filepath.Ext(path) + ".want"
			if *update {
				if err := os.WriteFile(wantPath, []byte(err.Error()+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, rerr := os.ReadFile(wantPath)
			if rerr != nil {
				t.Fatalf("no expected messages: %v (run go test -update, then review)", rerr)
			}
			if got := err.Error(); got != strings.TrimSuffix(string(want), "\n") {
				t.Errorf("messages differ\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestWantFilesHaveInputs catches a .want left behind by a renamed input,
// which would otherwise check nothing.
func TestWantFilesHaveInputs(t *testing.T) {
	wants, _ := filepath.Glob("testdata/bad/*.want")
	for _, w := range wants {
		if _, err := os.Stat(strings.TrimSuffix(w, ".want")); err != nil {
			t.Errorf("%s has no input file", w)
		}
	}
}

func badFiles(t *testing.T) []string {
	t.Helper()
	yaml, _ := filepath.Glob("testdata/bad/*.yaml")
	csv, _ := filepath.Glob("testdata/bad/*.csv")
	return append(yaml, csv...)
}

func goodFiles(t *testing.T) []string {
	t.Helper()
	yaml, _ := filepath.Glob("testdata/good/*.yaml")
	csv, _ := filepath.Glob("testdata/good/*.csv")
	return append(yaml, csv...)
}

// checkProblems asserts the contract of every error from Parse: it is
// Problems, not empty, each naming the file, with a line unless it is about
// the whole file, and each one line.
// Text the input itself contains cannot count as a leak.
func checkProblems(t testing.TB, name string, err error, input []byte) {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T, not Problems: %v", err, err)
	}
	if len(ps) == 0 {
		t.Fatalf("empty Problems returned as an error")
	}
	for _, p := range ps {
		if p.File != name {
			t.Errorf("problem %q names file %q, want %q", p, p.File, name)
		}
		if p.Line < 0 || p.Line == 0 && (p.Field != "" || !wholeFile(p.Msg)) {
			t.Errorf("problem %q has line %d; only whole-file problems may have line 0", p, p.Line)
		}
		if p.Msg == "" || strings.ContainsAny(p.String(), "\n\r") {
			t.Errorf("problem %q is empty or not one line", p)
		}
		for _, leak := range []string{"yaml.Node", "*csv.", "panic", "runtime error", "%!", "MISSING"} {
			if strings.Contains(p.Msg, leak) && !bytes.Contains(input, []byte(leak)) {
				t.Errorf("problem %q leaks %q", p, leak)
			}
		}
	}
}

// wholeFile reports the messages that may come without a line: the file as
// a whole is empty or too big.
func wholeFile(msg string) bool {
	return strings.HasPrefix(msg, "the file is empty") ||
		strings.HasPrefix(msg, "the file is larger than the limit") ||
		strings.HasPrefix(msg, "the file has too many separate values")
}

func TestGoodFiles(t *testing.T) {
	files := goodFiles(t)
	if len(files) < 5 {
		t.Fatalf("found only %d good files", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			d, err := Load(path)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(d.Quotes) == 0 || d.Title == "" || d.Name != path {
				t.Errorf("got %d quotes, title %q, name %q", len(d.Quotes), d.Title, d.Name)
			}
		})
	}
}
