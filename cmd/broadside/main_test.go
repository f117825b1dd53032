package main

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
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
// exits 130, and leaves only whole cards and no temporary files: with any
// theme, and with a photo theme also while the photo is being decoded or
// scaled, which nothing interrupts (the run is ended after a grace
// period).
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
	layouts := photoTheme(t, dir)
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
		args []string
		// early signals 300 ms after the start, while a photo theme's
		// photo is decoded (before the output folder is made), instead
		// of once the first card is written.
		early bool
	}{
		{"paper-int", syscall.SIGINT, nil, false},
		{"paper-term", syscall.SIGTERM, nil, false},
		{"dusk", syscall.SIGINT, []string{"--theme", "dusk"}, false},
		{"photo", syscall.SIGINT, []string{"--theme", "photo", "--layouts", layouts}, false},
		{"photo-decoding", syscall.SIGINT, []string{"--theme", "photo", "--layouts", layouts}, true},
	} {
		out := filepath.Join(dir, "out-"+tc.name)
		cmd := exec.Command(bin, append([]string{"cards", "--data", data, "--out", out}, tc.args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Signal once the first card is written (or the folder made),
		// not after a fixed sleep: on a loaded machine the start alone
		// can take longer.
		if tc.early {
			time.Sleep(300 * time.Millisecond)
		} else {
			waitFor(t, out, ".png", 60*time.Second)
		}
		cmd.Process.Signal(tc.sig)
		start := time.Now()
		err := cmd.Wait()
		// The target is a second; the test allows two for a loaded machine.
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s: took %v to stop", tc.name, took)
		}
		code := cmd.ProcessState.ExitCode()
		if code != 130 {
			t.Errorf("%s: exit %d (%v), want 130\n%s", tc.name, code, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("%s: stderr: %s", tc.name, stderr.String())
		}
		n := 0
		filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			if strings.Contains(filepath.Base(p), ".broadside-tmp-") {
				t.Errorf("%s: temporary file left: %s", tc.name, p)
			}
			if strings.HasSuffix(p, ".png") {
				n++
				f, _ := os.Open(p)
				defer f.Close()
				if _, err := png.Decode(f); err != nil {
					t.Errorf("%s: %s is not a whole PNG: %v", tc.name, p, err)
				}
			}
			return nil
		})
		if (n == 0 && !tc.early) || n >= 400 {
			t.Errorf("%s: %d cards written; the test should interrupt mid-run", tc.name, n)
		}
	}
}

// A second Ctrl-C ends the run at once, by the signal, without waiting
// for the first one's grace period.
func TestSecondInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := build(t)
	dir := t.TempDir()
	layouts := photoTheme(t, dir)
	// The first Ctrl-C must land in work that nothing interrupts and that
	// lasts past the second, 30 ms later: the photo's decoding, from a few
	// milliseconds after the start to about 115 ms on the idle machine,
	// then its drawing, to about 195 ms, when the first cards begin (and a
	// Ctrl-C ends the run within a card). 60 ms after the start is in the
	// decoding on a machine twice as fast or as slow, and after the
	// handler is set up (at once). A try where the run ended before the
	// second is retried.
	for try := 0; ; try++ {
		out := filepath.Join(dir, fmt.Sprint("out", try))
		cmd := exec.Command(bin, "cards", "--theme", "photo", "--layouts", layouts, "--out", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(60 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGINT)
		time.Sleep(30 * time.Millisecond) // the first is seen and handled
		cmd.Process.Signal(syscall.SIGINT)
		start := time.Now()
		cmd.Wait()
		took := time.Since(start)
		ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if ws.Signaled() && ws.Signal() == syscall.SIGINT {
			if took > 250*time.Millisecond {
				t.Errorf("took %v to end after the second Ctrl-C", took)
			}
			return
		}
		if cmd.ProcessState.ExitCode() != 130 || try == 4 {
			t.Fatalf("try %d ended with %v, want killed by the second SIGINT\n%s", try, cmd.ProcessState, stderr.String())
		}
	}
}

// photoTheme writes a layouts folder under dir with a theme "photo" on a
// 4000 × 3000 JPEG of noise (slow to decode, as a camera's photo is) and
// returns the folder.
func photoTheme(t *testing.T, dir string) string {
	t.Helper()
	themes := filepath.Join(dir, "photo-layouts", "themes")
	if err := os.MkdirAll(themes, 0o755); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	x := uint32(1)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = uint8(x) | 0x0f // noise; alpha stays near opaque
	}
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(themes, "photo.jpg"), b.Bytes(), 0o644)
	theme := "name: photo\ncolors: {background: \"#222222\", text: \"#ffffff\", muted: \"#eeeeee\", accent: \"#ffd166\"}\nbackground: {image: photo.jpg, overlay: 0.65}\n"
	os.WriteFile(filepath.Join(themes, "photo.yaml"), []byte(theme), 0o644)
	return filepath.Dir(themes)
}

// waitFor waits until a file ending in ext appears under dir (or, for
// ext "", dir itself), so that an interrupt lands mid-run however slow the
// machine is.
func waitFor(t *testing.T, dir, ext string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		found := false
		filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && (ext == "" || strings.HasSuffix(p, ext)) {
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
	t.Fatalf("no %q file under %s within %v", ext, dir, limit)
}
