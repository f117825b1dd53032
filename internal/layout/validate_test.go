package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each bad layout or theme in testdata produces the error in its .want file
// (every line must appear in the message, in the file's own words).
func TestBadFiles(t *testing.T) {
	for _, dir := range []string{"bad", "badthemes"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
		if len(files) == 0 {
			t.Fatalf("no files in testdata/%s", dir)
		}
		for _, file := range files {
			name := dir + "/" + filepath.Base(file)
			t.Run(name, func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				want, err := os.ReadFile(strings.TrimSuffix(file, ".yaml") + ".want")
				if err != nil {
					t.Fatal(err)
				}
				if dir == "bad" {
					_, err = ParseLayout(name, data)
				} else {
					_, err = ParseTheme(name, data)
				}
				if err == nil {
					t.Fatalf("no error; want %s", want)
				}
				for _, w := range strings.Split(strings.TrimSpace(string(want)), "\n") {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error:\n%v\nlacks:\n%s", err, w)
					}
				}
			})
		}
	}
}

// Every built-in theme meets the contrast it promises, with margin.
func TestBuiltinThemesContrast(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lib.ThemeNames()); n < 3 {
		t.Fatalf("%d themes; want at least 3", n)
	}
	for _, name := range lib.ThemeNames() {
		th, _ := lib.Theme(name)
		for _, role := range []string{"text", "muted"} {
			if r, _ := th.WorstContrast(th.Color(role)); r < 4.5 {
				t.Errorf("theme %s: %s contrast %.2f", name, role, r)
			}
		}
	}
}

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#777777", "#ffffff", 4.48},
		{"#767676", "#ffffff", 4.54},
	}
	for _, tt := range tests {
		a, _ := ParseColor(tt.a)
		b, _ := ParseColor(tt.b)
		if got := Contrast(a, b); got < tt.want-0.01 || got > tt.want+0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

// A theme naming a family no font provides fails at compose time with the
// theme's file, line and role.
func TestUnknownFamily(t *testing.T) {
	e := setup(t)
	th, err := ParseTheme("themes/odd.yaml", []byte(`name: odd
colors: {background: "#ffffff", text: "#111111", muted: "#555555", accent: "#c0262d"}
fonts:
  quote: {family: Comic Sans}
`))
	if err != nil {
		t.Fatal(err)
	}
	l, _ := e.lib.Layout("instagram-square")
	_, _, err = Compose(Input{Quote: e.qs[0], Brand: e.brand}, l, th, e.reg)
	if err == nil || !strings.Contains(err.Error(), `themes/odd.yaml:4: fonts.quote: font family "Comic Sans" is not available`) {
		t.Errorf("err = %v", err)
	}
}
