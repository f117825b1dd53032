package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs broadside with args and returns the exit code and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The commands, end to end, with the exit code and a line each must print.
func TestCommands(t *testing.T) {
	tmp := t.TempDir()
	bad := write(t, tmp, "bad.yaml", "title: x\nquotes:\n  - text: Hello\n    auther: Someone\n")
	long := write(t, tmp, "long.yaml", "quotes:\n  - id: short\n    text: Short and sweet words.\n    author: A Person\n  - id: endless\n    text: \""+strings.Repeat("words that go on and on ", 120)+"\"\n    author: B Person\n")
	emoji := write(t, tmp, "emoji.yaml", "quotes:\n  - id: smile\n    text: \"Free the press 😀\"\n    author: A Person\n")
	// No CJK font is bundled: without one in a fonts folder, Han
	// characters cannot be drawn.
	han := write(t, tmp, "han.yaml", "quotes:\n  - id: han\n    text: \"Free the press 新聞\"\n    author: A Person\n")
	aFile := write(t, tmp, "afile", "x")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"help", []string{"help"}, 0, "Commands:", ""},
		{"no args is help", nil, 0, "broadside build", ""},
		{"command help", []string{"cards", "--help"}, 0, "Examples:", ""},
		{"unknown command", []string{"cardz"}, 2, "", `did you mean "cards"?`},
		{"unknown option", []string{"cards", "--layuot", "x"}, 2, "", "there is no option --layuot"},
		{"check default", []string{"check"}, 0, "ok: 19 quotes", ""},
		{"check bad dataset", []string{"check", "--data", bad}, 1, "", `bad.yaml:4: field "auther" is not known; did you mean "author"?`},
		{"list quotes", []string{"list", "quotes"}, 0, "nils-melzer", ""},
		{"list flag after", []string{"list", "quotes", "--data", long}, 0, "endless", ""},
		{"list nothing", []string{"list"}, 2, "", "say what to list"},
		{"list layouts", []string{"list", "layouts"}, 0, "1080 × 1920 px", ""},
		{"unknown quote", []string{"cards", "--quote", "nils-melzr", "--out", filepath.Join(tmp, "o1")}, 2, "", `did you mean "nils-melzer"?`},
		{"unknown layout", []string{"cards", "--layout", "storyy", "--out", filepath.Join(tmp, "o2")}, 2, "", `did you mean "story"?`},
		{"unknown theme", []string{"cards", "--theme", "papper", "--out", filepath.Join(tmp, "o3")}, 2, "", `did you mean "paper"?`},
		{"bad format", []string{"cards", "--format", "gif", "--out", filepath.Join(tmp, "o4")}, 2, "", "use png or jpeg"},
		{"out is a file", []string{"cards", "--quote", "nils-melzer", "--out", aFile}, 1, "", "is a file"},
		{"one too long", []string{"cards", "--data", long, "--layout", "instagram-square", "--out", filepath.Join(tmp, "o5")}, 1, "1 card in", "endless: quote endless does not fit layout instagram-square"},
		{"emoji drawn", []string{"cards", "--data", emoji, "--layout", "story", "--out", filepath.Join(tmp, "o6")}, 0, "1 card in", ""},
		{"no glyph", []string{"cards", "--data", han, "--layout", "story", "--out", filepath.Join(tmp, "o8")}, 1, "", `quote han: no bundled font can draw "新" (U+65B0), "聞" (U+805E); Chinese, Japanese and Korean need a font`},
		{"check finds no glyph", []string{"check", "--data", han}, 1, "", `U+65B0`},
		{"missing data file", []string{"check", "--data", filepath.Join(tmp, "nope.yaml")}, 1, "", "nope.yaml"},
		{"missing fonts dir", []string{"check", "--fonts", filepath.Join(tmp, "nofonts")}, 1, "", "font folder"},
		{"missing layouts dir", []string{"check", "--layouts", filepath.Join(tmp, "nolayouts")}, 1, "", "layouts folder"},
		{"booklet saddle", []string{"booklet", "--impose", "saddle", "--out", filepath.Join(tmp, "b.pdf")}, 0, "flip on short edge", ""},
		{"booklet bad impose", []string{"booklet", "--impose", "fold", "--out", filepath.Join(tmp, "b2.pdf")}, 2, "", "use none or saddle"},
		{"booklet both", []string{"booklet", "--impose", "saddle", "--print-shop", "--out", filepath.Join(tmp, "b3.pdf")}, 2, "", "print shops impose themselves"},
		{"booklet card layout", []string{"booklet", "--layout", "story", "--out", filepath.Join(tmp, "b4.pdf")}, 2, "", "not a booklet"},
		{"booklet bad creep", []string{"booklet", "--impose", "saddle", "--creep", "lots", "--out", filepath.Join(tmp, "b5.pdf")}, 2, "", "write a length such as 0.1mm"},
		{"booklet on letter", []string{"booklet", "--impose", "saddle", "--sheet", "letter", "--out", filepath.Join(tmp, "b6.pdf")}, 0, "scaled to 94%", ""},
		{"leaflet flyer", []string{"leaflet", "--layout", "flyer-a6", "--quote", "noam-chomsky", "--out", filepath.Join(tmp, "f.pdf")}, 0, "flip on long edge", ""},
		{"leaflet trifold", []string{"leaflet", "--layout", "trifold-letter", "--out", filepath.Join(tmp, "t.pdf")}, 0, "fold the narrow right-hand panel in", ""},
		{"leaflet two outs", []string{"leaflet", "--layout", "flyer-a5,flyer-a6", "--out", filepath.Join(tmp, "x.pdf")}, 2, "", "--out names one file"},
		{"poster", []string{"poster", "--layout", "poster-a2", "--quote", "jameel-jaffer", "--event-title", "Vigil", "--out", filepath.Join(tmp, "p.pdf")}, 0, "a poster of 420 × 594 mm", ""},
		{"poster tiled", []string{"poster", "--layout", "poster-a2", "--tile", "letter", "--out", filepath.Join(tmp, "p2.pdf")}, 0, "sheets of Letter", ""},
		{"poster landscape", []string{"poster", "--layout", "poster-tabloid", "--landscape", "--out", filepath.Join(tmp, "p3.pdf")}, 0, "431.8 × 279.4 mm", ""},
		{"poster two quotes", []string{"poster", "--quote", "nils-melzer,noam-chomsky", "--out", filepath.Join(tmp, "p4.pdf")}, 2, "", "a poster shows one quote"},
		{"poster bad url", []string{"poster", "--url", "example.org", "--out", filepath.Join(tmp, "p5.pdf")}, 2, "", "write the address in full"},
		{"poster bad tile", []string{"poster", "--tile", "a3", "--out", filepath.Join(tmp, "p6.pdf")}, 2, "", "not a sheet"},
		{"placards", []string{"placards", "--tag", "journalists", "--out", filepath.Join(tmp, "pl.pdf")}, 0, "placards of 297 × 420 mm", ""},
		{"placards too far", []string{"placards", "--layout", "placard-a4", "--distance", "10m", "--quote", "anthony-bellanger,open-letter-boris-johnson", "--out", filepath.Join(tmp, "pl2.pdf")}, 1, "1 placard of", "even at the smallest size; shorten its excerpt, or use a larger placard or a shorter --distance"},
		{"placards bad distance", []string{"placards", "--distance", "far", "--out", filepath.Join(tmp, "pl3.pdf")}, 2, "", "write a distance in metres"},
		{"tile not a pdf", []string{"tile", write(t, tmp, "notes.txt", "hello")}, 1, "", "is not a PDF file"},
		{"tile missing", []string{"tile", filepath.Join(tmp, "nope.pdf")}, 1, "", "does not exist"},
		{"tile no file", []string{"tile"}, 2, "", "name the PDF to tile"},
		{"cards with a booklet layout", []string{"cards", "--layout", "booklet-a5", "--out", filepath.Join(tmp, "o7")}, 2, "", "not a card"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errs)
			}
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
				t.Errorf("stderr shows a panic:\n%s", errs)
			}
		})
	}
	// The card that fits was still made despite the one that did not.
	if _, err := os.Stat(filepath.Join(tmp, "o5", "instagram-square", "short.png")); err != nil {
		t.Errorf("the fitting card was not written: %v", err)
	}
}

// cards writes one PNG per layout and quote, of the promised size, and a
// manifest whose alt text and captions carry the quote and fit the limits.
func TestCardsOutput(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, "cards", "--quote", "nils-melzer,jameel-jaffer", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	sizes := map[string][2]int{"instagram-square": {1080, 1080}, "instagram-portrait": {1080, 1350}, "story": {1080, 1920},
		"x": {1600, 900}, "facebook": {1200, 630}, "linkedin": {1200, 627}}
	for l, wh := range sizes {
		for _, id := range []string{"nils-melzer", "jameel-jaffer"} {
			f, err := os.Open(filepath.Join(dir, l, id+".png"))
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil || cfg.Width != wh[0] || cfg.Height != wh[1] {
				t.Errorf("%s/%s: %v %dx%d, want %dx%d", l, id, err, cfg.Width, cfg.Height, wh[0], wh[1])
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "cards.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Cards []struct {
			File, Layout, Quote, Alt, Caption string
			Width, Height                     int
			AltFits                           map[string]bool `json:"alt_fits"`
		}
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Cards) != 12 {
		t.Fatalf("%d cards in the manifest, want 12", len(m.Cards))
	}
	for _, c := range m.Cards {
		if c.Quote == "jameel-jaffer" && !strings.Contains(c.Alt, "Julian Assange is still in prison. And America’s democratic principles are still at stake.") {
			t.Errorf("alt text lacks the quote: %s", c.Alt)
		}
		if !strings.Contains(c.Caption, "#FreeAssange") || !strings.Contains(c.Caption, "https://dontextraditeassange.com") {
			t.Errorf("caption lacks hashtags or link: %s", c.Caption)
		}
		for _, p := range []string{"x", "mastodon", "bluesky"} {
			if !c.AltFits[p] {
				t.Errorf("%s: alt text does not fit %s", c.File, p)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, c.File)); err != nil {
			t.Errorf("manifest names a missing file: %v", err)
		}
	}
	if csv, err := os.ReadFile(filepath.Join(dir, "cards.csv")); err != nil || !bytes.HasPrefix(csv, []byte("file,layout,quote,width,height,alt,caption,alt_fits_x")) {
		t.Errorf("cards.csv: %v %.80s", err, csv)
	}
	// No temporary files are left behind.
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if strings.Contains(filepath.Base(p), ".broadside-tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// tile cuts up a PDF made elsewhere (here, by poster).
func TestTileCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "poster.pdf")
	if code, out, errs := run(t, "poster", "--layout", "poster-a2", "--out", in); code != 0 {
		t.Fatalf("poster: %s %s", out, errs)
	}
	code, out, errs := run(t, "tile", in, "--sheet", "letter", "--overlap", "15mm")
	if code != 0 || !strings.Contains(out, "sheets of Letter, overlapping 15 mm") {
		t.Fatalf("tile: exit %d\n%s\n%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "poster-tiled-letter.pdf")); err != nil {
		t.Error(err)
	}
}

// A cancelled run (Ctrl-C) stops, exits 130, and leaves only whole files.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := Main(ctx, []string{"cards", "--out", dir}, &out, &errb)
	if code != ExitInterrupted {
		t.Errorf("exit %d, want %d: %s", code, ExitInterrupted, errb.String())
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr: %s", errb.String())
	}
}

// A user's own layout, theme (with a background photo) and campaign (with a
// logo) work end to end.
func TestUserLayoutThemeLogo(t *testing.T) {
	dir := t.TempDir()
	photo := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			photo.Set(x, y, color.RGBA{uint8(x * 255 / 400), uint8(y * 255 / 300), 160, 255})
		}
	}
	logo := image.NewRGBA(image.Rect(0, 0, 200, 80))
	draw.Draw(logo, image.Rect(10, 10, 190, 70), image.NewUniform(color.RGBA{255, 200, 0, 255}), image.Point{}, draw.Src)
	savePNG(t, filepath.Join(dir, "my", "themes", "crowd.png"), photo)
	savePNG(t, filepath.Join(dir, "logo.png"), logo)
	write(t, dir, "my/themes/photo.yaml", `name: photo
description: A photo under a dark overlay
colors: {background: "#000000", text: "#ffffff", muted: "#e0e0e0", accent: "#ffcc00"}
background: {image: crowd.png, overlay: 0.7}
`)
	write(t, dir, "my/poster-card.yaml", `name: poster-card
kind: card
size: {width: 800, height: 1000, unit: px}
safe: 40
regions:
  - type: logo
    box: [60, 60, 300, 100]
    align: left
  - type: stack
    box: [60, 200, 680, 740]
    items:
      - type: quote
        size: [30, 60]
        wrap: balanced
      - type: attribution
        space-before: 24
        size: [18, 24]
        color: muted
`)
	conf := write(t, dir, "campaign.yaml", "name: Test Campaign\nlogo: logo.png\nurl: https://example.org\n")
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "cards", "--layouts", filepath.Join(dir, "my"), "--layout", "poster-card", "--theme", "photo",
		"--config", conf, "--quote", "nils-melzer", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	f, err := os.Open(filepath.Join(out, "poster-card", "nils-melzer.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The logo's yellow is there, and the photo shows through the overlay.
	if c := color.RGBAModel.Convert(img.At(150, 110)).(color.RGBA); c.R < 200 || c.G < 150 || c.B > 60 {
		t.Errorf("logo pixel %v, want yellow", c)
	}
	if c := color.RGBAModel.Convert(img.At(790, 990)).(color.RGBA); c == (color.RGBA{0, 0, 0, 255}) {
		t.Errorf("corner pixel is flat black: the photo is missing")
	}
	// A missing logo is named with the settings file and line.
	bad := write(t, dir, "bad.yaml", "name: X\nlogo: nope.png\n")
	code, _, stderr = run(t, "cards", "--config", bad, "--quote", "nils-melzer", "--out", out)
	if code != 1 || !strings.Contains(stderr, "bad.yaml:2: logo: image") || !strings.Contains(stderr, "nope.png does not exist") {
		t.Errorf("missing logo: exit %d, %s", code, stderr)
	}
}

func savePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// build with no settings makes cards, booklets and leaflets.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, "build", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, f := range []string{"cards/cards.json", "cards/story/nils-melzer.png", "booklet.pdf", "booklet-saddle.pdf", "leaflet-trifold-a4.pdf", "leaflet-flyer-a5.pdf",
		"poster-a3.pdf", "poster-a3.png", "poster-a3-tiled-a4.pdf", "placards-a3.pdf"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("build did not make %s: %v", f, err)
		}
	}
}

// The same inputs give byte-identical files: build runs twice and every
// file it wrote is compared. PDF dates come from SOURCE_DATE_EPOCH.
func TestBuildReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("renders everything twice")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, out, errs := run(t, "build", "--out", dir); code != 0 {
			t.Fatalf("build: %s %s", out, errs)
		}
	}
	n := 0
	filepath.Walk(a, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		n++
		return nil
	})
	if n < 120 {
		t.Errorf("only %d files compared", n)
	}
	pdf, _ := os.ReadFile(filepath.Join(a, "booklet.pdf"))
	if !bytes.Contains(pdf, []byte("D:20231114")) {
		t.Errorf("the booklet's date is not SOURCE_DATE_EPOCH's (2023-11-14)")
	}
}

// An image too small for its print size is a warning, not an error.
func TestLowResolutionWarning(t *testing.T) {
	dir := t.TempDir()
	savePNG(t, filepath.Join(dir, "logo.png"), image.NewRGBA(image.Rect(0, 0, 120, 40)))
	conf := write(t, dir, "campaign.yaml", "name: Test\nlogo: logo.png\n")
	code, out, errs := run(t, "booklet", "--config", conf, "--out", filepath.Join(dir, "b.pdf"))
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if !strings.Contains(errs, "warning: the logo is 120 pixels wide, which prints at") || strings.Count(errs, "warning:") != 1 {
		t.Errorf("stderr: %s", errs)
	}
}

// --format jpeg writes JPEG cards of the promised size.
func TestCardsJPEG(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := run(t, "cards", "--format", "jpeg", "--layout", "x", "--quote", "nils-melzer", "--out", dir); code != 0 {
		t.Fatalf("%s %s", out, errs)
	}
	f, err := os.Open(filepath.Join(dir, "x", "nils-melzer.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil || format != "jpeg" || cfg.Width != 1600 || cfg.Height != 900 {
		t.Errorf("%v %s %dx%d", err, format, cfg.Width, cfg.Height)
	}
}
