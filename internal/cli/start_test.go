package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// A folder made by init builds with no further step, and build makes every
// output the campaign asks for, from the folder's own quotes.
func TestInitThenBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "save-the-river")
	code, out, errs := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "data/quotes.yaml") || !strings.Contains(out, "broadside build") {
		t.Errorf("init does not say what it made and what comes next:\n%s", out)
	}
	t.Chdir(dir)
	code, out, errs = run(t, "build")
	if code != 0 {
		t.Fatalf("build in the new folder: exit %d\n%s%s", code, out, errs)
	}
	if errs != "" && strings.Contains(errs, "warning") {
		t.Errorf("build warns in a fresh folder:\n%s", errs)
	}
	want := []string{"booklet.pdf", "booklet-saddle.pdf", "leaflet-trifold-a4.pdf", "leaflet-flyer-a5.pdf",
		"poster-a3.pdf", "poster-a3.png", "poster-a3-tiled-a4.pdf", "placards-a3.pdf", "cards/cards.json", "cards/cards.csv"}
	layouts := []string{"facebook", "instagram-portrait", "instagram-square", "linkedin", "story", "x"}
	ids := []string{"first-example", "second-example", "alex-example"}
	for _, l := range layouts {
		for _, id := range ids {
			want = append(want, "cards/"+l+"/"+id+".png")
		}
	}
	var got []string
	filepath.WalkDir("output", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel("output", p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("build made\n  %v\nwant\n  %v", got, want)
	}
	for _, f := range want {
		b, err := os.ReadFile(filepath.Join("output", f))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: empty or unreadable: %v", f, err)
			continue
		}
		switch filepath.Ext(f) {
		case ".pdf":
			if !strings.HasPrefix(string(b), "%PDF-") {
				t.Errorf("%s is not a PDF", f)
			}
		case ".png":
			if _, err := png.Decode(strings.NewReader(string(b))); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
	// The cards say the folder's campaign, not the built-in one.
	var manifest struct {
		Cards []struct {
			Caption string `json:"caption"`
		} `json:"cards"`
	}
	b, _ := os.ReadFile("output/cards/cards.json")
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Fatal(err)
	}
	if len(manifest.Cards) != len(layouts)*len(ids) || strings.Contains(string(b), "Assange") {
		t.Errorf("cards.json has %d cards, or the built-in campaign", len(manifest.Cards))
	}
}

// init refuses a folder with files in it unless --force, and never
// replaces a file.
func TestInitRefuses(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "notes.txt", "mine")
	code, _, errs := run(t, "init", dir)
	if code != ExitFailure || !strings.Contains(errs, "already has files") || !strings.Contains(errs, "--force") {
		t.Errorf("init in a folder with a file: exit %d, %s", code, errs)
	}
	mine := write(t, dir, "data/quotes.yaml", "quotes:\n  - text: Mine.\n    author: Me\n")
	code, out, errs := run(t, "init", "--force", dir)
	if code != 0 || !strings.Contains(out, "kept as it was") {
		t.Errorf("init --force: exit %d\n%s%s", code, out, errs)
	}
	if b, _ := os.ReadFile(mine); string(b) != "quotes:\n  - text: Mine.\n    author: Me\n" {
		t.Errorf("init --force replaced data/quotes.yaml")
	}
	if code, _, errs := run(t, "init", "a", "b"); code != ExitUsage {
		t.Errorf("two folders: exit %d %s", code, errs)
	}
}

// fakeLaunch replaces what the no-argument decision sees, and the command
// registry's serve, for one test.
func fakeLaunch(t *testing.T, doubleClicked, interactive bool, serve *command) string {
	t.Helper()
	docs := t.TempDir()
	saved, savedCmds := launch, commands
	t.Cleanup(func() { launch, commands = saved, savedCmds })
	launch.doubleClicked = func() bool { return doubleClicked }
	launch.interactive = func() bool { return interactive }
	launch.documents = func() (string, error) { return docs, nil }
	launch.stdin = strings.NewReader("\n")
	commands = slices.DeleteFunc(slices.Clone(commands), func(c *command) bool { return c.name == "serve" })
	if serve != nil {
		commands = append(commands, serve)
	}
	return docs
}

// fakeServe records how start calls the studio.
func fakeServe(got *[]string, dir *string, open *bool) *command {
	return &command{
		name:     "serve",
		ownFlags: true,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(dir, "dir", "", "")
			fs.BoolVar(open, "open", false, "")
			fs.Bool("quit-when-closed", false, "")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			*got = append(*got, "serve")
			return nil
		},
	}
}

// failingServe is a studio that cannot start (its port taken, say).
func failingServe() *command {
	return &command{
		name:     "serve",
		ownFlags: true,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.String("dir", "", "")
			fs.Bool("open", false, "")
			fs.Bool("quit-when-closed", false, "")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			return errors.New("the studio could not start")
		},
	}
}

// With no arguments, a start from a terminal prints help; a start from a
// file manager makes the campaign in Documents and opens the studio on it.
func TestNoArguments(t *testing.T) {
	t.Run("terminal", func(t *testing.T) {
		var calls []string
		var dir string
		var open bool
		docs := fakeLaunch(t, false, true, fakeServe(&calls, &dir, &open))
		code, out, _ := run(t)
		if code != 0 || !strings.Contains(out, "Commands:") || len(calls) != 0 {
			t.Errorf("exit %d, studio calls %v\n%s", code, calls, out)
		}
		if entries, _ := os.ReadDir(docs); len(entries) != 0 {
			t.Errorf("help made files in Documents: %v", entries)
		}
	})
	t.Run("double-click", func(t *testing.T) {
		var calls []string
		var dir string
		var open bool
		docs := fakeLaunch(t, true, true, fakeServe(&calls, &dir, &open))
		code, out, errs := run(t)
		want := filepath.Join(docs, "broadside")
		if code != 0 || len(calls) != 1 || dir != want || !open {
			t.Fatalf("exit %d, serve called %v with --dir %q --open=%v (want %q)\n%s%s", code, calls, dir, open, want, out, errs)
		}
		b, err := os.ReadFile(filepath.Join(want, "data", "quotes.yaml"))
		if err != nil || !strings.Contains(string(b), "nils-melzer") {
			t.Errorf("the campaign in Documents is not the Global Support example: %v", err)
		}
		if !strings.Contains(out, "Global Support quotes as an example") {
			t.Errorf("start does not say it made the folder:\n%s", out)
		}
		// The second time, the folder is used as it is.
		os.WriteFile(filepath.Join(want, "data", "quotes.yaml"), []byte("quotes:\n  - text: Mine.\n    author: Me\n"), 0o644)
		code, out, _ = run(t)
		if b, _ := os.ReadFile(filepath.Join(want, "data", "quotes.yaml")); code != 0 || !strings.Contains(string(b), "Mine.") || strings.Contains(out, "Made") {
			t.Errorf("a second start touched the campaign: exit %d\n%s", code, out)
		}
	})
	t.Run("studio fails", func(t *testing.T) {
		docs := fakeLaunch(t, true, true, failingServe())
		code, out, errs := run(t)
		if code != ExitFailure || !strings.Contains(errs, "could not start") || !strings.Contains(errs, "Press Enter to close this window") {
			t.Errorf("exit %d\n%s%s", code, out, errs)
		}
		if _, err := os.Stat(filepath.Join(docs, "broadside", "data", "campaign.yaml")); err != nil {
			t.Errorf("the campaign was not made: %v", err)
		}
	})
	t.Run("studio fails, not interactive", func(t *testing.T) {
		fakeLaunch(t, false, false, failingServe())
		code, _, errs := run(t, "start", "--dir", filepath.Join(t.TempDir(), "c"))
		if code != ExitFailure || !strings.Contains(errs, "could not start") || strings.Contains(errs, "Press Enter") {
			t.Errorf("exit %d\n%s", code, errs)
		}
	})
}

func TestVersion(t *testing.T) {
	saved := Version
	t.Cleanup(func() { Version = saved })
	Version = "v1.2.3-4-gabcdef0"
	if code, out, _ := run(t, "--version"); code != 0 || out != "broadside v1.2.3-4-gabcdef0\n" {
		t.Errorf("--version: %d %q", code, out)
	}
	if _, out, _ := run(t, "version"); out != "broadside v1.2.3-4-gabcdef0\n" {
		t.Errorf("version: %q", out)
	}
	for _, tt := range []struct {
		main     string
		settings map[string]string
		want     string
	}{
		{"(devel)", nil, "dev"},
		{"v0.3.0", nil, "v0.3.0"},
		{"(devel)", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "false"}, "dev-0123456789ab"},
		{"(devel)", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "true"}, "dev-0123456789ab-dirty"},
	} {
		info := &debug.BuildInfo{Main: debug.Module{Version: tt.main}}
		for k, v := range tt.settings {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: k, Value: v})
		}
		if got := versionFrom(info); got != tt.want {
			t.Errorf("versionFrom(%s, %v) = %q, want %q", tt.main, tt.settings, got, tt.want)
		}
	}
}
