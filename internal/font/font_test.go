package font

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/broadside/broadside/fonts"
)

func mustBuiltin(t testing.TB) *Registry {
	t.Helper()
	r, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBuiltinFamilies(t *testing.T) {
	r := mustBuiltin(t)
	got := strings.Join(r.Families(), ", ")
	want := "Inter, Noto Emoji, Noto Naskh Arabic, Noto Sans, Noto Sans Devanagari, Noto Sans Hebrew, Noto Sans Thai, Oswald, Source Serif 4"
	if got != want {
		t.Fatalf("families = %s, want %s", got, want)
	}
	for _, lazy := range r.Fonts() {
		f := r.Get(lazy.Key) // parses it
		if f.UnitsPerEm == 0 || f.Ascent <= 0 || f.Descent <= 0 || f.CapHeight <= 0 || f.CapHeight >= f.Ascent && f.Family != EmojiFamily {
			t.Errorf("%s: implausible metrics: upem %d ascent %v descent %v cap %v", f.Key, f.UnitsPerEm, f.Ascent, f.Descent, f.CapHeight)
		}
		if f.Family != lazy.Family || f.Weight != lazy.Weight {
			t.Errorf("%s: the cheap reading of its name (%s %d) differs from the full one", f.Key, f.Family, f.Weight)
		}
	}
}

func TestLookup(t *testing.T) {
	r := mustBuiltin(t)
	tests := []struct {
		family string
		weight int
		italic bool
		want   string
	}{
		{"Source Serif 4", 400, false, "source-serif-4/SourceSerif4-Regular"},
		{"source serif 4", 400, true, "source-serif-4/SourceSerif4-Italic"},
		{"Source Serif 4", 700, false, "source-serif-4/SourceSerif4-Bold"},
		{"Source Serif 4", 600, false, "source-serif-4/SourceSerif4-SemiBold"},
		{"Source Serif 4", 700, true, "source-serif-4/SourceSerif4-Italic"}, // slant beats weight
		{"Inter", 800, false, "inter/Inter-Black"},                          // heavier on a tie for bold
		{"Inter", 500, false, "inter/Inter-Regular"},                        // CSS: 500 falls back to lighter first
		{"Inter", 600, false, "inter/Inter-Bold"},
		{"Inter", 300, false, "inter/Inter-Regular"},
		{"Oswald", 900, false, "oswald/Oswald-Bold"},
		{"NotoSans", 400, false, "noto-sans/NotoSans-Regular"},
	}
	for _, tt := range tests {
		f, err := r.Lookup(tt.family, tt.weight, tt.italic)
		if err != nil {
			t.Errorf("Lookup(%q, %d, %v): %v", tt.family, tt.weight, tt.italic, err)
			continue
		}
		if f.Key != tt.want {
			t.Errorf("Lookup(%q, %d, %v) = %s, want %s", tt.family, tt.weight, tt.italic, f.Key, tt.want)
		}
	}
	if _, err := r.Lookup("Comic Sans", 400, false); err == nil || !strings.Contains(err.Error(), "Inter, Noto Emoji, Noto Naskh Arabic, Noto Sans,") {
		t.Errorf("unknown family: err = %v, want one listing the available families", err)
	}
}

// The seed's own characters, and Greek and Cyrillic samples: every bundled
// font must draw them itself or through the fallback chain, and the fallback
// must draw all of them alone.
func TestCoverage(t *testing.T) {
	r := mustBuiltin(t)
	seed := "ćé’–…“”‘«»„ Gutiérrez Mijatović"
	greek := "Ελευθερία του Τύπου"
	cyrillic := "Свобода прессы, Їжак"
	for _, f := range r.Fonts() {
		for _, s := range []string{seed, greek, cyrillic} {
			if m := r.With(f).Missing(s); len(m) > 0 {
				t.Errorf("%s with fallback lacks %q", f.Key, string(m))
			}
		}
		// Oswald has no Greek, and the script and emoji fonts are only
		// fallbacks: the chain covers them.
		if f.Family != "Oswald" && f.Family != EmojiFamily && !slices.Contains(ScriptFamilies, f.Family) {
			if m := (Chain{f}).Missing(seed + greek + cyrillic); len(m) > 0 {
				t.Errorf("%s alone lacks %q", f.Key, string(m))
			}
		}
	}
	for _, fb := range r.Fallback() {
		if m := (Chain{fb}).Missing(seed + greek + cyrillic); len(m) > 0 {
			t.Errorf("fallback %s lacks %q", fb.Key, string(m))
		}
	}
	// What nothing covers is reported, once each, in order.
	got := string(r.With(r.Get("inter/Inter-Regular")).Missing("ok 😀 漢字 😀 \u200d"))
	if got != "😀漢字" {
		t.Errorf("Missing = %q, want %q", got, "😀漢字")
	}
}

func TestAdvancesKern(t *testing.T) {
	r := mustBuiltin(t)
	for _, key := range []string{"source-serif-4/SourceSerif4-Regular", "inter/Inter-Regular", "noto-sans/NotoSans-Regular"} {
		f := r.Get(key)
		adv := f.Advances([]rune("AV"))
		if adv[0] >= f.Nominal('A') {
			t.Errorf("%s: A before V advances %v, nominal %v: no kerning", key, adv[0], f.Nominal('A'))
		}
		if adv[1] != f.Nominal('V') {
			t.Errorf("%s: V advances %v, nominal %v", key, adv[1], f.Nominal('V'))
		}
	}
}

func TestAddDirErrors(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../fonts/inter/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Good.ttf", good)
	write("Broken.ttf", good[:2000])
	write("Cff.otf", append([]byte("OTTO"), make([]byte, 100)...))
	write("Fake.ttf", append([]byte("OTTO"), make([]byte, 100)...))
	write("notes.txt", []byte("not a font"))
	r := mustBuiltin(t)
	err = r.AddDir(dir)
	if err == nil {
		t.Fatal("AddDir: no error for broken fonts")
	}
	msg := err.Error()
	for _, want := range []string{"Broken.ttf: not a readable TrueType font", "Cff.otf: .otf fonts", "Fake.ttf: has PostScript (CFF) outlines"} {
		if !strings.Contains(msg, want) {
			t.Errorf("AddDir error lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "notes.txt") {
		t.Errorf("AddDir complained about a file that is not a font:\n%s", msg)
	}
	if r.Get("user/Good") == nil {
		t.Errorf("the good font was not added despite the bad ones")
	}
	for _, tt := range []struct{ dir, want string }{
		{filepath.Join(dir, "missing"), "does not exist"},
		{filepath.Join(dir, "Good.ttf"), "is a file"},
		{t.TempDir(), "holds no .ttf files"},
	} {
		if err := mustBuiltin(t).AddDir(tt.dir); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("AddDir(%s) = %v, want %q", tt.dir, err, tt.want)
		}
	}
}

func BenchmarkAdvances(b *testing.B) {
	r := mustBuiltin(b)
	f := r.Get("source-serif-4/SourceSerif4-Regular")
	text := []rune("This is not only about protecting Assange, but about preventing a precedent")
	for i := 0; i < b.N; i++ {
		f.shape(text)
	}
}

// Every .ttf file shipped in fonts/ is registered in fonts.TTF (and so
// embedded), and every family folder has its licence.
func TestEveryShippedFontIsEmbedded(t *testing.T) {
	files, _ := filepath.Glob("../../fonts/*/*.ttf")
	if len(files) == 0 {
		t.Fatal("no fonts found")
	}
	for _, f := range files {
		rel, _ := filepath.Rel("../../fonts", f)
		if _, ok := fonts.TTF[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s is not in fonts.TTF", rel)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(f), "OFL.txt")); err != nil {
			t.Errorf("%s has no licence beside it", rel)
		}
	}
	if len(files) != len(fonts.TTF) {
		t.Errorf("%d font files, %d embedded", len(files), len(fonts.TTF))
	}
}

// A second font file of the same name is refused, naming it.
func TestAddFileDuplicate(t *testing.T) {
	good, err := os.ReadFile("../../fonts/inter/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	r := mustBuiltin(t)
	var files []string
	for range 2 {
		f := filepath.Join(t.TempDir(), "Good.ttf")
		if err := os.WriteFile(f, good, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if err := r.AddFile(files[0]); err != nil {
		t.Fatal(err)
	}
	want := "font " + files[1] + ": another font file is already named Good.ttf"
	if err := r.AddFile(files[1]); err == nil || err.Error() != want {
		t.Errorf("AddFile(duplicate) = %v, want %q", err, want)
	}
}
