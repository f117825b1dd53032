package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build compiles broadside once for the process tests.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "broadside")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// A run interrupted with Ctrl-C (SIGINT) or SIGTERM stops within a second,
// exits 130, and leaves only whole cards and no temporary files.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := build(t)
	dir := t.TempDir()
	var ds strings.Builder
	ds.WriteString("quotes:\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&ds, "  - id: q%d\n    text: \"Words number %d, set large on a card for the test.\"\n    author: Person %d\n", i, i, i)
	}
	data := filepath.Join(dir, "quotes.yaml")
	os.WriteFile(data, []byte(ds.String()), 0o644)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		out := filepath.Join(dir, "out-"+sig.String())
		cmd := exec.Command(bin, "cards", "--data", data, "--out", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Signal once the first card is written, not after a fixed
		// sleep: on a loaded machine the start alone can take longer.
		waitForCard(t, out, 60*time.Second)
		cmd.Process.Signal(sig)
		start := time.Now()
		err := cmd.Wait()
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%v: took %v to stop", sig, took)
		}
		code := cmd.ProcessState.ExitCode()
		if code != 130 {
			t.Errorf("%v: exit %d (%v), want 130\n%s", sig, code, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("%v: stderr: %s", sig, stderr.String())
		}
		n := 0
		filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			if strings.Contains(filepath.Base(p), ".broadside-tmp-") {
				t.Errorf("temporary file left: %s", p)
			}
			if strings.HasSuffix(p, ".png") {
				n++
				f, _ := os.Open(p)
				defer f.Close()
				if _, err := png.Decode(f); err != nil {
					t.Errorf("%s is not a whole PNG: %v", p, err)
				}
			}
			return nil
		})
		if n == 0 || n >= 2400 {
			t.Errorf("%v: %d cards written; the test should interrupt mid-run", sig, n)
		}
	}
}

// waitForCard waits until a PNG appears under dir, so that an interrupt
// lands mid-run however slow the machine is.
func waitForCard(t *testing.T, dir string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		found := false
		filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && strings.HasSuffix(p, ".png") {
				found = true
				return filepath.SkipAll
			}
			return nil
		})
		if found {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no card written under %s within %v", dir, limit)
}
