package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Lengths and distances in every unit the help names, and unknown units
// refused by name.
func TestQuantities(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64 // metres
		err  string
	}{
		{"10m", 10, ""}, {"10 m", 10, ""}, {"10", 10, ""}, {"10M", 10, ""},
		{"30ft", 9.144, ""}, {"30 feet", 9.144, ""}, {"0.01km", 10, ""}, {"10yd", 9.144, ""}, {"500cm", 5, ""},
		{"10km", 0, "that is 10000 m"}, {"1000m", 0, "that is 1000 m"}, {"0m", 0, "more than 0"},
		{"10parsec", 0, `"parsec" is not a unit`}, {"far", 0, "write a distance in metres"},
	} {
		got, err := parseMetres(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseMetres(%q): %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("parseMetres(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		in   string
		want float64 // points
	}{{"0.1mm", 0.1 * 72 / 25.4}, {"0.1", 0.1 * 72 / 25.4}, {"1cm", 72 / 2.54}, {"0.3pt", 0.3}, {"0.5in", 36}, {"0", 0}} {
		if got, err := parseMM(tt.in); err != nil || got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("parseMM(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := parseMM("10px"); err == nil || !strings.Contains(err.Error(), `"px" is not a unit`) {
		t.Errorf("px: %v", err)
	}
}

// The options of booklets, posters and tiles, through the command line.
func TestPrintOptions(t *testing.T) {
	tmp := t.TempDir()
	p := func(name string) string { return filepath.Join(tmp, name) }
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"distance in km refused", []string{"placards", "--distance", "10km", "--out", p("a.pdf")}, 2, "", "--distance 10km: that is 10000 m; placards are read from more than 0 and at most 100 m"},
		{"distance in feet", []string{"placards", "--distance", "30ft", "--quote", "nils-melzer", "--out", p("b.pdf")}, 0, "reading from 9.144 m", ""},
		{"unknown distance unit", []string{"placards", "--distance", "10 parsec", "--out", p("c.pdf")}, 2, "", `"parsec" is not a unit broadside knows here; use cm, ft, km, m or yd`},
		{"no overlap", []string{"poster", "--layout", "poster-a2", "--tile", "a4", "--overlap", "0", "--out", p("d.pdf")}, 0, "sheets of A4, edge to edge", ""},
		{"paper in capitals", []string{"poster", "--layout", "poster-a2", "--tile", "A4", "--out", p("e.pdf")}, 0, "sheets of A4, overlapping 10 mm", ""},
		{"sheet in capitals", []string{"booklet", "--impose", "saddle", "--sheet", "LETTER", "--out", p("f.pdf")}, 0, "sheets of Letter", ""},
		{"sheet without saddle", []string{"booklet", "--sheet", "letter", "--out", p("g.pdf")}, 2, "", "--sheet letter applies to the booklet imposed for folding; add --impose saddle"},
		{"creep without saddle", []string{"booklet", "--creep", "0.1mm", "--out", p("h.pdf")}, 2, "", "--creep 0.1mm applies to the booklet imposed for folding"},
		{"creep of a centimetre", []string{"booklet", "--impose", "saddle", "--creep", "1cm", "--out", p("i.pdf")}, 2, "", "that moves pages 10 mm a sheet"},
		{"A4 poster not tiled on A4", []string{"poster", "--layout", "poster-a4", "--tile", "a4", "--out", p("j.pdf")}, 0, "fits on one sheet of A4, so it is not tiled", ""},
		{"US poster tiled on Letter", []string{"poster", "--layout", "poster-tabloid", "--tile", "auto", "--out", p("k.pdf")}, 0, "k-tiled-letter.pdf: the poster on 2 × 2 sheets of Letter", ""},
		{"tile paper in capitals", []string{"tile", p("d.pdf"), "--sheet", "Letter", "--out", p("l.pdf")}, 0, "sheets of Letter", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
		})
	}
	if _, err := os.Stat(p("j-tiled-a4.pdf")); err == nil {
		t.Errorf("an A4 poster was tiled on A4")
	}
}

// build tiles the campaign's posters with tile: auto: an A3 poster on A4,
// a US poster on Letter, and an A4 poster not at all.
func TestBuildTilesByPaper(t *testing.T) {
	dir := t.TempDir()
	conf := write(t, dir, "c.yaml", "name: X\ncards: {layouts: [x]}\nbooklet: {impose: [none]}\nleaflet: {layouts: [flyer-a6]}\nposter: {layouts: [poster-a4, poster-a3, poster-tabloid], tile: auto}\n")
	out := filepath.Join(dir, "out")
	if code, stdout, errs := run(t, "build", "--config", conf, "--out", out); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, errs)
	}
	for f, want := range map[string]bool{"poster-a3-tiled-a4.pdf": true, "poster-tabloid-tiled-letter.pdf": true, "poster-tabloid-tiled-a4.pdf": false, "poster-a4-tiled-a4.pdf": false} {
		if _, err := os.Stat(filepath.Join(out, f)); (err == nil) != want {
			t.Errorf("%s made: %v, want %v", f, err == nil, want)
		}
	}
}
