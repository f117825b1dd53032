package layout

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

const photoTheme = `name: mine
colors:
  background: "#000000"
  text: "#ffffff"
  muted: "#eeeeee"
  accent: "#ffcc00"
background: {image: photo.png, overlay: 0.6}
`

// writeThemeDir makes dir/themes/mine.yaml, a theme whose background photo
// sits beside it.
func writeThemeDir(t *testing.T, dir string) {
	t.Helper()
	themes := filepath.Join(dir, "themes")
	if err := os.MkdirAll(themes, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(themes, "mine.yaml"), []byte(photoTheme), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(themes, "photo.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
}

// A user's theme finds its photo however the folder is written, "./mine"
// included.
func TestAddDirThemeDir(t *testing.T) {
	t.Chdir(t.TempDir())
	writeThemeDir(t, "mine")
	for _, dir := range []string{"mine", "./mine", "mine/"} {
		lib, err := Builtin()
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.AddDir(dir); err != nil {
			t.Fatalf("AddDir(%q): %v", dir, err)
		}
		th, err := lib.Theme("mine")
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join("mine", "themes"); th.Dir != want {
			t.Errorf("AddDir(%q): theme Dir = %q, want %q", dir, th.Dir, want)
		}
		if _, _, err := loadThemeImage(th); err != nil {
			t.Errorf("AddDir(%q): %v", dir, err)
		}
	}
}

// Adding a folder whose name begins the built-in themes' path leaves the
// built-in themes, shared by every library of the process, as they are.
func TestAddDirLeavesBuiltinThemes(t *testing.T) {
	t.Chdir(t.TempDir())
	writeThemeDir(t, "lay")
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.AddDir("lay"); err != nil {
		t.Fatal(err)
	}
	fresh, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fresh.ThemeNames() {
		if th, _ := fresh.Theme(name); th.Dir != "" {
			t.Errorf("built-in theme %s has Dir %q after AddDir(\"lay\"), want none", name, th.Dir)
		}
	}
}

// A folder with no layouts and no themes is refused.
func TestAddDirEmpty(t *testing.T) {
	dir := t.TempDir()
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	want := "layouts folder " + dir + " holds no .yaml layouts and no themes/*.yaml themes"
	if err := lib.AddDir(dir); err == nil || err.Error() != want {
		t.Errorf("AddDir(empty) = %v, want %q", err, want)
	}
}
