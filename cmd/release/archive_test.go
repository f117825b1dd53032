package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var sample = []file{
	{name: "README.txt", mode: 0o644, body: []byte("read me\n")},
	{name: "broadside", mode: 0o755, body: bytes.Repeat([]byte("program "), 1000)},
	{name: "licenses/a/LICENSE", mode: 0o644, body: []byte("a")},
	{name: "licenses/a/b/LICENSE", mode: 0o644, body: []byte("b")},
	{name: "licenses/c/LICENSE", mode: 0o644, body: []byte("c")},
}

// The same files give the same bytes, whenever and wherever they are
// packed: nothing of the clock, the user or the file system gets in.
func TestArchivesReproducible(t *testing.T) {
	when := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, zipped := range []bool{false, true} {
		pack := func() []byte {
			var b []byte
			var err error
			if zipped {
				b, err = zipArchive(sample, when)
			} else {
				b, err = tarArchive("top", sample, when)
			}
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		a := pack()
		time.Sleep(1100 * time.Millisecond) // a second later: no clock in the bytes
		if b := pack(); !bytes.Equal(a, b) {
			t.Errorf("zip=%v: two packs differ", zipped)
		}
		if !zipped {
			// gzip: FLG without FNAME (no name), MTIME zero.
			if a[3]&0x08 != 0 || !bytes.Equal(a[4:8], []byte{0, 0, 0, 0}) {
				t.Errorf("gzip header has a name or a time: % x", a[:10])
			}
		}
		// A different time must change the bytes, or the test proves nothing.
		var other []byte
		if zipped {
			other, _ = zipArchive(sample, when.Add(time.Hour))
		} else {
			other, _ = tarArchive("top", sample, when.Add(time.Hour))
		}
		if bytes.Equal(a, other) {
			t.Errorf("zip=%v: the file time is not in the archive", zipped)
		}
	}
}

// Every folder comes once, before the first file in it.
func TestWithFolders(t *testing.T) {
	var got []string
	for _, f := range withFolders(sample) {
		n := f.name
		if f.mode.IsDir() {
			n += "/"
		}
		got = append(got, n)
	}
	want := []string{"README.txt", "broadside", "licenses/", "licenses/a/", "licenses/a/LICENSE", "licenses/a/b/", "licenses/a/b/LICENSE", "licenses/c/", "licenses/c/LICENSE"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// The launchers run "broadside start" beside them, from any folder, even
// one with spaces in its name. The .desktop file's Exec line is read as
// the freedesktop.org spec says (string escapes, then quoting, then %k).
func TestLaunchers(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	dir := filepath.Join(t.TempDir(), "My Downloads", "broadside v1 (mac)")
	os.MkdirAll(dir, 0o755)
	// A stand-in program that says where it runs and with what.
	fake := "#!/bin/sh\necho \"$(pwd) | $*\"\n"
	os.WriteFile(filepath.Join(dir, "broadside"), []byte(fake), 0o755)
	want := dir + " | start\n"

	command, _ := fs.ReadFile(embedded, "files/Start broadside.command")
	os.WriteFile(filepath.Join(dir, "Start broadside.command"), command, 0o755)
	cmd := exec.Command(filepath.Join(dir, "Start broadside.command"))
	cmd.Dir = t.TempDir()
	if out, err := cmd.CombinedOutput(); err != nil || string(out) != want {
		t.Errorf(".command: %q %v, want %q", out, err, want)
	}

	desktop, _ := fs.ReadFile(embedded, "files/broadside.desktop")
	path := filepath.Join(dir, "broadside.desktop")
	var argv []string
	for _, line := range strings.Split(string(desktop), "\n") {
		if v, ok := strings.CutPrefix(line, "Exec="); ok {
			argv = execArgs(t, v, path)
		}
	}
	if len(argv) == 0 || argv[0] != "sh" {
		t.Fatalf("Exec gives %q", argv)
	}
	for _, key := range []string{"Type=Application", "Terminal=true", "Name="} {
		if !strings.Contains(string(desktop), "\n"+key) {
			t.Errorf("broadside.desktop lacks %s", key)
		}
	}
	cmd = exec.Command(sh, argv[1:]...)
	cmd.Dir = t.TempDir()
	if out, err := cmd.CombinedOutput(); err != nil || string(out) != want {
		t.Errorf(".desktop: %q %v, want %q (argv %q)", out, err, want, argv)
	}
}

// execArgs reads an Exec value: first the string escapes of every value
// (\\ is a backslash), then the arguments, in double quotes where they
// hold reserved characters, with \" \` \$ \\ escaped inside; %k is the
// desktop file's path.
func execArgs(t *testing.T, v, path string) []string {
	v = strings.NewReplacer(`\\`, `\`, `\s`, " ", `\n`, "\n", `\t`, "\t", `\r`, "\r").Replace(v)
	var args []string
	var cur strings.Builder
	inArg, quoted := false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case quoted && c == '\\' && i+1 < len(v) && strings.IndexByte("\"`$\\", v[i+1]) >= 0:
			cur.WriteByte(v[i+1])
			i++
		case c == '"':
			quoted = !quoted
			inArg = true
		case !quoted && c == ' ':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteByte(c)
			inArg = true
		}
	}
	if quoted {
		t.Fatalf("Exec has an unclosed quote: %s", v)
	}
	if inArg {
		args = append(args, cur.String())
	}
	for i, a := range args {
		if a == "%k" {
			args[i] = path
		}
	}
	return args
}
