package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/broadside/broadside/internal/par"
)

// versionVar is where -ldflags -X stamps the version.
const versionVar = "github.com/broadside/broadside/internal/cli.Version"

// maxProgram is the largest program a release may ship.
const maxProgram = 30 << 20

// Config says what to build.
type Config struct {
	// Out is the folder for the archives and SHA256SUMS.
	Out string
	// Version is stamped into the programs; empty means git describe.
	Version string
	// Platforms to build; empty means all.
	Platforms []Platform
	// Time is every file's time in the archives; zero means
	// SOURCE_DATE_EPOCH, else the time of the commit, else 2000-01-01.
	Time time.Time
	// Root is the module's folder; empty means the one the current
	// folder is in.
	Root string
	// Log receives a line per archive; nil is quiet.
	Log io.Writer
}

// Archive is one archive made.
type Archive struct {
	Platform Platform
	// Path is the archive's file; Program the size of the program in it.
	Path    string
	Size    int64
	Program int64
	SHA256  string
}

// Build cross-compiles broadside for each platform and packs the archives
// and SHA256SUMS into cfg.Out.
func Build(cfg Config) ([]Archive, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	cfg.Log = &lockedWriter{w: cfg.Log}
	if len(cfg.Platforms) == 0 {
		cfg.Platforms = platforms
	}
	if cfg.Root == "" {
		root, err := moduleRoot()
		if err != nil {
			return nil, err
		}
		cfg.Root = root
	}
	if cfg.Version == "" {
		cfg.Version = describe(cfg.Root)
	}
	if cfg.Time.IsZero() {
		t, err := sourceTime(cfg.Root)
		if err != nil {
			return nil, err
		}
		cfg.Time = t
	}
	goVersion, err := goOutput(cfg.Root, nil, "env", "GOVERSION")
	if err != nil {
		return nil, err
	}
	goroot, err := goOutput(cfg.Root, nil, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	goroot = strings.TrimSpace(goroot)
	tmp, err := os.MkdirTemp("", "broadside-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	if err := removeOld(cfg.Out); err != nil {
		return nil, err
	}

	// Platforms are built side by side: compiling is parallel already, but
	// linking and compressing are not.
	made := make([]Archive, len(cfg.Platforms))
	errs := make([]error, len(cfg.Platforms))
	par.Each(context.Background(), len(cfg.Platforms), 0, func() func(int) {
		return func(i int) {
			made[i], errs[i] = pack(cfg, cfg.Platforms[i], tmp, goroot, strings.TrimSpace(goVersion))
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var sums bytes.Buffer
	sorted := slices.Clone(made)
	slices.SortFunc(sorted, func(a, b Archive) int { return strings.Compare(filepath.Base(a.Path), filepath.Base(b.Path)) })
	for _, a := range sorted {
		fmt.Fprintf(&sums, "%s  %s\n", a.SHA256, filepath.Base(a.Path))
	}
	if err := writeFile(filepath.Join(cfg.Out, "SHA256SUMS"), sums.Bytes()); err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.Log, "%s: %d archives and SHA256SUMS (version %s)\n", cfg.Out, len(made), cfg.Version)
	return made, nil
}

// pack builds the program for p and writes its archive into cfg.Out.
func pack(cfg Config, p Platform, tmp, goroot, goVersion string) (Archive, error) {
	start := time.Now()
	prog, err := compile(cfg, p, filepath.Join(tmp, p.Label))
	if err != nil {
		return Archive{}, err
	}
	if len(prog) > maxProgram {
		return Archive{}, fmt.Errorf("%s: the program is %.1f MB, over the %d MB limit", p.Label, mb(len(prog)), maxProgram>>20)
	}
	lic, err := licences(cfg.Root, p, prog, goroot, goVersion)
	if err != nil {
		return Archive{}, fmt.Errorf("%s: %w", p.Label, err)
	}
	files, err := contents(cfg, p, prog, lic)
	if err != nil {
		return Archive{}, err
	}
	name := fmt.Sprintf("broadside-%s-%s", cfg.Version, p.Label)
	var b []byte
	if p.Zip() {
		name += ".zip"
		b, err = zipArchive(files, cfg.Time)
	} else {
		b, err = tarArchive(name, files, cfg.Time)
		name += ".tar.gz"
	}
	if err != nil {
		return Archive{}, fmt.Errorf("%s: %w", name, err)
	}
	path := filepath.Join(cfg.Out, name)
	if err := writeFile(path, b); err != nil {
		return Archive{}, err
	}
	sum := sha256.Sum256(b)
	fmt.Fprintf(cfg.Log, "%-14s %-48s %4.1f MB (program %4.1f MB)  %s\n", p.OS+"/"+p.Arch, name, mb(len(b)), mb(len(prog)), time.Since(start).Round(100*time.Millisecond))
	return Archive{Platform: p, Path: path, Size: int64(len(b)), Program: int64(len(prog)), SHA256: hex.EncodeToString(sum[:])}, nil
}

func mb(n int) float64 { return float64(n) / (1 << 20) }

// compile builds the program for p in dir and returns it. Everything that
// could differ between two machines or two runs is pinned: no cgo, no
// paths (-trimpath), no VCS stamp, an empty build ID, the architecture
// levels, and GOFLAGS from the environment ignored.
func compile(cfg Config, p Platform, dir string) ([]byte, error) {
	out := filepath.Join(dir, p.Program())
	ldflags := fmt.Sprintf("-s -w -buildid= -X %s=%s", versionVar, cfg.Version)
	env := []string{"CGO_ENABLED=0", "GOOS=" + p.OS, "GOARCH=" + p.Arch, "GOFLAGS=", "GOAMD64=v1", "GOARM64=v8.0", "GOEXPERIMENT="}
	_, err := goOutput(cfg.Root, env, "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", out, "./cmd/broadside")
	if err != nil {
		return nil, fmt.Errorf("build for %s/%s: %w", p.OS, p.Arch, err)
	}
	return os.ReadFile(out)
}

// goOutput runs the go command in dir with extra environment.
func goOutput(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

// moduleRoot is the folder of the go.mod the current folder is in.
func moduleRoot() (string, error) {
	gomod, err := goOutput(".", nil, "env", "GOMOD")
	if err != nil {
		return "", err
	}
	gomod = strings.TrimSpace(gomod)
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run this inside the broadside module (go run ./cmd/release)")
	}
	return filepath.Dir(gomod), nil
}

// describe is `git describe --tags --always --dirty`, or "dev" outside a
// git checkout.
func describe(root string) string {
	cmd := exec.Command("git", "describe", "--tags", "--always", "--dirty")
	cmd.Dir = root
	out, err := cmd.Output()
	if v := strings.TrimSpace(string(out)); err == nil && v != "" {
		return v
	}
	return "dev"
}

// sourceTime is the time every archived file gets: SOURCE_DATE_EPOCH (the
// reproducible-builds convention), else the commit's time, else the start
// of 2000 as the PDFs use.
func sourceTime(root string) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	cmd := exec.Command("git", "log", "-1", "--format=%ct")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), nil
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), nil
}

// removeOld deletes archives and sums a previous run left in out, so the
// folder holds one release.
func removeOld(out string) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if n == "SHA256SUMS" || strings.HasPrefix(n, "broadside-") && (strings.HasSuffix(n, ".zip") || strings.HasSuffix(n, ".tar.gz")) {
			if err := os.Remove(filepath.Join(out, n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeFile writes atomically: a temporary file renamed into place.
func writeFile(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// lockedWriter lets the platforms' builds log side by side.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
