package layout

import (
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
	b := img.Bounds()
	iw, ih := float64(b.Dx()), float64(b.Dy())
	s := r.W / iw
	if ih*s < r.H {
		s = r.H / ih
	}
	w, h := iw*s, ih*s
	inner := frame.New(r.W, r.H)
	inner.Add(&frame.Image{X: (r.W - w) / 2, Y: (r.H - h) / 2, W: w, H: h, Img: img, Key: key})
	return &frame.Group{X: r.X, Y: r.Y, Clip: r, Frame: inner}
}

// containImage scales img to fit inside r, keeping its aspect ratio.
func containImage(img image.Image, key string, r frame.Rect, align, valign string) frame.Item {
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
