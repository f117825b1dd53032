package cli

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/testtool"
)

// The campaign's logo and handle appear on every card, poster, leaflet,
// flyer and booklet, in the brand place of each built-in layout, clear of what the
// platforms cover or crop: a story's top 14% and bottom 20%, and the 3:4
// middle that Instagram's profile grid shows of a square post. Without
// them the brand places show nothing.
func TestLogoAndHandleEverywhere(t *testing.T) {
	dir := t.TempDir()
	logo := image.NewRGBA(image.Rect(0, 0, 900, 300))
	draw.Draw(logo, logo.Bounds(), image.NewUniform(color.RGBA{255, 200, 0, 255}), image.Point{}, draw.Src)
	savePNG(t, filepath.Join(dir, "logo.png"), logo)
	branded := write(t, dir, "branded.yaml", "name: Coalition\nurl: https://example.org\nhandle: \"@coalition\"\nlogo: logo.png\n")
	plain := write(t, dir, "plain.yaml", "name: Coalition\nurl: https://example.org\n")

	lib, err := layout.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cards := lib.LayoutNames("card")
	for _, conf := range []string{branded, plain} {
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(conf), ".yaml"))
		if code, stdout, stderr := run(t, "cards", "--config", conf, "--quote", "nils-melzer", "--theme", "paper", "--out", out); code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
		}
	}
	for _, name := range cards {
		l, _ := lib.Layout(name)
		with := readPNG(t, filepath.Join(dir, "branded", name, "nils-melzer.png"))
		without := readPNG(t, filepath.Join(dir, "plain", name, "nils-melzer.png"))
		w, h := float64(l.Size.Width), float64(l.Size.Height)
		// The logo's yellow: there, and only where the platform shows it.
		clear := image.Rect(0, 0, int(w), int(h))
		switch name {
		case "story":
			clear = image.Rect(0, int(0.14*h), int(w), int(0.80*h))
		case "instagram-square":
			clear = image.Rect(int((w-h*3/4)/2), 0, int((w+h*3/4)/2), int(h))
		}
		n, outside := 0, 0
		b := with.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if c := color.RGBAModel.Convert(with.At(x, y)).(color.RGBA); c.R > 230 && c.G > 180 && c.G < 220 && c.B < 40 {
					n++
					if !image.Pt(x, y).In(clear) {
						outside++
					}
				}
			}
		}
		if n < 1000 || outside > 0 {
			t.Errorf("%s: %d logo pixels, %d of them where the platform covers or crops", name, n, outside)
		}
		// The handle: its box has ink with the handle, none without.
		for _, r := range l.Regions {
			if r.Type != "text" || r.Text != "{handle}" {
				continue
			}
			box := image.Rect(int(r.Box.X), int(r.Box.Y), int(r.Box.X+r.Box.W), int(r.Box.Y+r.Box.H))
			if !box.In(clear) {
				t.Errorf("%s: the handle's box %v is where the platform covers or crops", name, box)
			}
			if inked(with, box) == 0 || inked(without, box) != 0 {
				t.Errorf("%s: the handle box has %d inked pixels with a handle and %d without", name, inked(with, box), inked(without, box))
			}
		}
	}

	// Print: the handle is in the text, the logo is an image.
	for _, args := range [][]string{
		{"poster", "--layout", "poster-a4"},
		{"leaflet", "--layout", "trifold-a4"},
		{"leaflet", "--layout", "trifold-letter"},
		{"leaflet", "--layout", "flyer-a5"},
		{"leaflet", "--layout", "flyer-a6"},
		{"booklet", "--layout", "booklet-a5"},
		{"booklet", "--layout", "booklet-half-letter"},
	} {
		file := filepath.Join(dir, args[2]+".pdf")
		if code, stdout, stderr := run(t, append(args, "--config", branded, "--out", file)...); code != 0 {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, stdout, stderr)
		}
		if txt := testtool.Run(t, "pdftotext", file, "-"); !strings.Contains(txt, "@coalition") {
			t.Errorf("%s: no handle in\n%s", args[2], txt)
		}
		if list := testtool.Run(t, "pdfimages", "-list", file); strings.Count(list, "\n") < 3 {
			t.Errorf("%s: no logo:\n%s", args[2], list)
		}
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inked counts the pixels of box that differ from its top-left corner.
func inked(img image.Image, box image.Rectangle) int {
	bg := img.At(box.Min.X, box.Min.Y)
	n := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if img.At(x, y) != bg {
				n++
			}
		}
	}
	return n
}
