package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

var releaseFlag = flag.Bool("release", false, "build the release for every platform, twice (CI sets BROADSIDE_RELEASE_TEST=1)")

// The release for every platform, built twice: the two runs give the same
// bytes, and each archive holds the program for its platform, its README,
// its launcher and every licence the program ships.
//
// It cross-compiles five programs (minutes with a cold build cache), so it
// runs only when asked: -release, or BROADSIDE_RELEASE_TEST=1, which .ci/run
// sets for its own step.
func TestRelease(t *testing.T) {
	if !*releaseFlag && os.Getenv("BROADSIDE_RELEASE_TEST") == "" {
		t.Skip("builds every platform; run with -release or BROADSIDE_RELEASE_TEST=1 (CI does)")
	}
	const version = "v0.0.0-test"
	dirs := []string{t.TempDir(), t.TempDir()}
	var made []Archive
	for i, dir := range dirs {
		start := time.Now()
		var log bytes.Buffer
		a, err := Build(Config{Out: dir, Version: version, Log: &log})
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i+1, err, log.String())
		}
		t.Logf("run %d in %s:\n%s", i+1, time.Since(start).Round(time.Second), log.String())
		made = a
	}

	// Two runs, the same bytes.
	names := func(dir string) []string {
		entries, _ := os.ReadDir(dir)
		var n []string
		for _, e := range entries {
			n = append(n, e.Name())
		}
		return n
	}
	if a, b := names(dirs[0]), names(dirs[1]); !slices.Equal(a, b) || len(a) != len(platforms)+1 {
		t.Fatalf("the runs made %v and %v; want %d archives and SHA256SUMS", a, b, len(platforms))
	}
	for _, n := range names(dirs[0]) {
		a, _ := os.ReadFile(filepath.Join(dirs[0], n))
		b, _ := os.ReadFile(filepath.Join(dirs[1], n))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", n)
		}
	}

	checkSums(t, dirs[0], made)
	for _, a := range made {
		t.Run(a.Platform.Label, func(t *testing.T) { checkArchive(t, a, version) })
	}
}

// checkSums reads SHA256SUMS as sha256sum -c would.
func checkSums(t *testing.T, dir string, made []Archive) {
	f, err := os.Open(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Errorf("SHA256SUMS: bad line %q", sc.Text())
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("SHA256SUMS names %s: %v", name, err)
			continue
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("SHA256SUMS: %s does not match", name)
		}
		n++
	}
	if n != len(made) {
		t.Errorf("SHA256SUMS lists %d archives, want %d", n, len(made))
	}
}

// entry is a file read back from an archive.
type entry struct {
	mode fs.FileMode
	time time.Time
	body []byte
}

func readArchive(t *testing.T, a Archive) map[string]entry {
	t.Helper()
	b, err := os.ReadFile(a.Path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]entry{}
	if a.Platform.Zip() {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			out[f.Name] = entry{f.Mode(), f.Modified, body}
		}
		return out
	}
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("the gzip header has a name %q or a time %v", gz.Name, gz.ModTime)
	}
	top := strings.TrimSuffix(filepath.Base(a.Path), ".tar.gz") + "/"
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name, ok := strings.CutPrefix(h.Name, top)
		if !ok && h.Name != top {
			t.Errorf("%s is outside the top folder %s", h.Name, top)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s has an owner: %d/%d %q/%q", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		body, _ := io.ReadAll(tr)
		out[name] = entry{h.FileInfo().Mode(), h.ModTime, body}
	}
	return out
}

func checkArchive(t *testing.T, a Archive, version string) {
	p := a.Platform
	files := readArchive(t, a)

	// Every file has the same time; folders and files their fixed modes.
	var when time.Time
	for name, e := range files {
		if when.IsZero() {
			when = e.time
		}
		if !e.time.Equal(when) {
			t.Errorf("%s: time %v, others %v", name, e.time, when)
		}
		want := fs.FileMode(0o644)
		switch {
		case strings.HasSuffix(name, "/") || name == "":
			want = fs.ModeDir | 0o755
		case name == p.Program() || name == p.Launcher():
			want = 0o755
		}
		if e.mode != want && !(p.Zip() && e.mode.Perm() == want.Perm()) {
			t.Errorf("%s: mode %v, want %v", name, e.mode, want)
		}
		if !strings.HasSuffix(name, "/") && name != "" && name != p.Program() && name != "README.txt" && name != p.Launcher() && !strings.HasPrefix(name, "licenses/") {
			t.Errorf("unexpected file %s", name)
		}
	}

	// The program, for this platform, with the version stamped in.
	prog := files[p.Program()].body
	if len(prog) == 0 || len(prog) > maxProgram {
		t.Fatalf("%s: %d bytes", p.Program(), len(prog))
	}
	info, err := buildinfo.Read(bytes.NewReader(prog))
	if err != nil {
		t.Fatalf("%s: %v", p.Program(), err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["GOOS"] != p.OS || settings["GOARCH"] != p.Arch || settings["CGO_ENABLED"] != "0" || settings["-trimpath"] != "true" {
		t.Errorf("%s built with %v", p.Program(), settings)
	}
	if !bytes.Contains(prog, []byte(version)) {
		t.Errorf("%s does not carry the version %s", p.Program(), version)
	}
	if p.OS == runtime.GOOS && p.Arch == runtime.GOARCH {
		bin := filepath.Join(t.TempDir(), p.Program())
		os.WriteFile(bin, prog, 0o755)
		out, err := exec.Command(bin, "version").Output()
		if err != nil || string(out) != "broadside "+version+"\n" {
			t.Errorf("%s version: %q %v", p.Program(), out, err)
		}
	}

	// A licence for every module the program links, the fonts' and Go's.
	index := string(files["licenses/README.txt"].body)
	for _, d := range info.Deps {
		found := false
		for name := range files {
			if strings.HasPrefix(name, "licenses/"+d.Path+"/") && !strings.HasSuffix(name, "/") {
				found = true
			}
		}
		if !found {
			t.Errorf("no licence for %s", d.Path)
		}
		if !strings.Contains(index, d.Path+" "+d.Version) {
			t.Errorf("licenses/README.txt does not list %s %s", d.Path, d.Version)
		}
	}
	ofl, _ := filepath.Glob("../../fonts/*/OFL.txt")
	if len(ofl) == 0 {
		t.Fatal("no fonts/*/OFL.txt in the repository")
	}
	for _, f := range ofl {
		want, _ := os.ReadFile(f)
		name := "licenses/fonts/" + filepath.Base(filepath.Dir(f)) + "/OFL.txt"
		if !bytes.Equal(files[name].body, want) {
			t.Errorf("%s is missing or not %s", name, f)
		}
	}
	for _, n := range []string{"licenses/go/LICENSE", "licenses/go/PATENTS"} {
		if len(files[n].body) == 0 {
			t.Errorf("%s is missing", n)
		}
	}

	// The README speaks to this platform; the launcher starts the studio.
	readme := string(files["README.txt"].body)
	want := map[string][]string{
		"windows": {"Run anyway", "SmartScreen", "broadside.exe", "\r\n"},
		"darwin":  {"Open Anyway", "Privacy & Security", "Start broadside.command"},
		"linux":   {"Allow Launching", "broadside.desktop", "./broadside start"},
	}[p.OS]
	for _, w := range append(want, version, p.Name) {
		if !strings.Contains(readme, w) {
			t.Errorf("README.txt does not say %q", w)
		}
	}
	if l := p.Launcher(); l != "" && !strings.Contains(string(files[l].body), "broadside start") {
		t.Errorf("%s does not run broadside start", l)
	}
}
