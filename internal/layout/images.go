package layout

import (
	"fmt"
	"image"
	"path/filepath"

	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/imageio"
)

// loadThemeImage reads a theme's background photo, relative to the theme.
func loadThemeImage(th *Theme) (image.Image, string, error) {
	p := th.Background.Image
	if !filepath.IsAbs(p) && th.Dir != "" {
		p = filepath.Join(th.Dir, p)
	}
	im, err := imageio.Load(p)
	if err != nil {
		return nil, "", th.Pos.Errorf("background", "%v", err)
	}
	return im.Img, im.Key, nil
}

// coverImage scales img to cover r, cropping the overflow equally on both
// sides (the way a photo fills a card), by placing it in a clipping group.
func coverImage(img image.Image, key string, r frame.Rect) frame.Item {
	w, h := coverSize(img, r)
	inner := frame.New(r.W, r.H)
	inner.Add(&frame.Image{X: (r.W - w) / 2, Y: (r.H - h) / 2, W: w, H: h, Img: img, Key: key})
	return &frame.Group{X: r.X, Y: r.Y, Clip: r, Frame: inner}
}

// coverSize is the size at which coverImage draws img to cover r.
func coverSize(img image.Image, r frame.Rect) (w, h float64) {
	b := img.Bounds()
	iw, ih := float64(b.Dx()), float64(b.Dy())
	s := r.W / iw
	if ih*s < r.H {
		s = r.H / ih
	}
	return iw * s, ih * s
}

// containImage scales img to fit inside r, keeping its aspect ratio.
func containImage(img image.Image, key string, r frame.Rect, align, valign string) *frame.Image {
	b := img.Bounds()
	iw, ih := float64(b.Dx()), float64(b.Dy())
	s := r.W / iw
	if ih*s > r.H {
		s = r.H / ih
	}
	w, h := iw*s, ih*s
	x, y := r.X, r.Y
	switch align {
	case "center":
		x += (r.W - w) / 2
	case "right":
		x += r.W - w
	}
	switch valign {
	case "", "middle":
		y += (r.H - h) / 2
	case "bottom":
		y += r.H - h
	}
	return &frame.Image{X: x, Y: y, W: w, H: h, Img: img, Key: key}
}

// checkResolution warns when an image printed w points wide has fewer
// pixels than print needs: 300 per inch, 150 on posters and placards, which
// are seen from further away. Screens are left alone.
func (c *composer) checkResolution(img image.Image, w float64, what string) []string {
	if c.l.IsScreen() || w <= 0 {
		return nil
	}
	need := 300.0
	if c.l.Kind == "poster" || c.l.Kind == "placard" {
		need = 150
	}
	px := img.Bounds().Dx()
	if ppi := float64(px) / (w / 72); ppi < need*0.9 {
		return []string{fmt.Sprintf("%s is %d pixels wide, which prints at %.0f ppi at %.0f mm wide on %s; print needs about %.0f ppi, so it may look soft",
			what, px, ppi, w/72*25.4, c.l.Name, need)}
	}
	return nil
}
