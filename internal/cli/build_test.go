package cli

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One card that fails does not stop build: every other output is made,
// the summary says what failed and why, and the exit status is 1.
func TestBuildGoesOn(t *testing.T) {
	dir := t.TempDir()
	data := write(t, dir, "q.csv", "id,text,author\nok,\"We act now, together.\",Ana Lima\nlong,\""+strings.Repeat("words that go on and on ", 60)+"\",Ben Okoro\n")
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "build", "--data", data, "--out", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, f := range []string{"cards/x/ok.png", "booklet.pdf", "booklet-saddle.pdf", "leaflet-flyer-a5.pdf", "poster-a3.pdf", "placards-a3.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("build did not make %s after a card failed", f)
		}
	}
	// (How the leaflets and placards fare with the long quote is the
	// engine's business; the cards' failure is certain.)
	for _, w := range []string{"outputs failed, everything else was made:", "  cards: 6 of 12 cards failed\n", "x/long: quote long does not fit layout x"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if !strings.Contains(stdout, "built 6 cards, 2 booklets, ") {
		t.Errorf("stdout: %s", stdout)
	}
}

// A campaign of its own, as a new user makes one: quotes from a
// spreadsheet with the mess spreadsheets leave, settings with a logo and
// three hashtags, a photo theme in layouts/themes and a font in fonts/.
// build, run in the folder with only --data, makes every output.
func TestOwnCampaignBuilds(t *testing.T) {
	ttf, err := os.ReadFile("../../fonts/noto-sans/NotoSans-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	photo := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for y := 0; y < 400; y++ {
		for x := 0; x < 600; x++ {
			photo.Set(x, y, color.RGBA{uint8(20 + x/10), uint8(80 + y/5), 60, 255})
		}
	}
	savePNG(t, filepath.Join(dir, "layouts", "themes", "forest.png"), photo)
	savePNG(t, filepath.Join(dir, "data", "logo.png"), image.NewRGBA(image.Rect(0, 0, 900, 300)))
	write(t, dir, "fonts/Coalition-Bold.ttf", string(ttf))
	write(t, dir, "layouts/themes/forest.yaml", "name: forest\ndescription: A forest photo under a dark overlay\ncolors: {background: \"#0b2e1f\", text: \"#ffffff\", muted: \"#e6e6e6\", accent: \"#ffd166\"}\nbackground: {image: forest.png, overlay: 0.75}\n")
	write(t, dir, "data/campaign.yaml", "name: Climate Coalition\nurl: https://example.org/climate\nhashtags: [ClimateJustice, ActNow, NoPlanetB]\nhandle: \"@coalition\"\nlogo: logo.png\ncards: {theme: forest}\nposter: {quote: ana-lima}\n")
	write(t, dir, "signers.csv", "id,text,author,role,tags\n"+
		"ana-lima,\"We act now,\ttogether,  for the climate we share.\",Ana Lima,\"Youth\nOrganiser\",climate\n"+
		"ben-okoro,\"No planet B. Every tonne counts.\",Ben Okoro,Scientist,climate\n"+
		"chen-wei,\"The future is decided by what we do this decade.\",Chen Wei,,climate\n")
	code, stdout, stderr := run(t, "build", "--data", "signers.csv")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, f := range []string{"cards/cards.json", "cards/story/ana-lima.png", "cards/x/chen-wei.png", "booklet.pdf", "booklet-saddle.pdf",
		"leaflet-trifold-a4.pdf", "leaflet-flyer-a5.pdf", "poster-a3.pdf", "poster-a3.png", "poster-a3-tiled-a4.pdf", "placards-a3.pdf"} {
		if st, err := os.Stat(filepath.Join(dir, "output", f)); err != nil || st.Size() == 0 {
			t.Errorf("build did not make %s", f)
		}
	}
	m, _ := os.ReadFile(filepath.Join(dir, "output", "cards", "cards.json"))
	if !strings.Contains(string(m), "#NoPlanetB") || strings.Contains(string(m), "FreeAssange") {
		t.Errorf("the captions do not carry the campaign's own hashtags")
	}
	_, out, _ := run(t, "list", "fonts")
	if !strings.Contains(out, "user/Coalition-Bold") {
		t.Errorf("fonts/ was not read:\n%s", out)
	}
}
