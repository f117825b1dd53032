package png

import (
	"image"
	"sync"

	"github.com/broadside/broadside/internal/frame"
)

// Backgrounds keeps pages' backgrounds (frame.Background), each drawn once
// and copied under every page that has it: a theme's gradient or photo is
// drawn once per theme and card size for a whole batch instead of once per
// card. Copying gives the same pixels as drawing, byte for byte: a
// background is what is drawn first, onto a cleared image, in the same
// way either way. Flat colours are not kept; filling is as fast as
// copying. It is safe for concurrent use: renderers of one batch share
// one, and the first to need a background draws it while the others wait.
type Backgrounds struct {
	mu sync.Mutex
	m  map[bgKey]*bgLayer
	// order is the keys from the oldest; a few backgrounds are kept (cards
	// are made size after size, so one or two are in use at a time).
	order []bgKey
}

// NewBackgrounds returns an empty store.
func NewBackgrounds() *Backgrounds { return &Backgrounds{m: map[bgKey]*bgLayer{}} }

// keep is how many backgrounds a store holds: about 5 MB each for a
// square card, 8 MB for a story.
const keep = 4

type bgKey struct {
	key   string
	w, h  int
	scale float64
}

type bgLayer struct {
	once sync.Once
	img  *image.RGBA
	err  error
	// base is img compressed once, for the cards' encoder (see Base).
	base *Base
}

// layer returns p's background drawn at w × h pixels and scale, drawing it
// first if it is new, or nil when it is not kept: no store, a page
// without a background key, or one that is only flat colour.
func (b *Backgrounds) layer(p *frame.Page, w, h int, scale float64) *bgLayer {
	bg := p.Background
	if b == nil || bg.Key == "" || bg.Items <= 0 || bg.Items > len(p.Frame.Items) || flat(p.Frame.Items[:bg.Items]) {
		return nil
	}
	k := bgKey{bg.Key, w, h, scale}
	b.mu.Lock()
	l, ok := b.m[k]
	if !ok {
		l = &bgLayer{}
		b.m[k] = l
		b.order = append(b.order, k)
		if len(b.order) > keep {
			delete(b.m, b.order[0])
			b.order = b.order[1:]
		}
	}
	b.mu.Unlock()
	l.once.Do(func() {
		l.img = image.NewRGBA(image.Rect(0, 0, w, h))
		f := &frame.Frame{W: p.Frame.W, H: p.Frame.H, Items: p.Frame.Items[:bg.Items]}
		// A renderer of its own: it draws into an image of its own,
		// new and so transparent already, once: its pictures are
		// resampled straight into it, not kept for another page.
		r := New()
		r.images.once = true
		l.err = r.draw(l.img, f, scale, true)
		l.base = NewBase(l.img)
	})
	return l
}

// flat reports whether items are only rectangles of one colour each.
func flat(items []frame.Item) bool {
	for _, it := range items {
		r, ok := it.(*frame.Rect)
		if !ok {
			return false
		}
		if _, ok := r.Fill.(frame.Color); !ok || r.StrokeWidth > 0 {
			return false
		}
	}
	return true
}
