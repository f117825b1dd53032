// Package cards renders quote cards in batches: a worker per core, each
// with its own renderer (font faces are not safe to share), writing every
// card to disk as soon as it is done, so memory stays flat however many
// cards there are. It also writes what goes beside the cards: alt text and
// a ready caption per card.
package cards

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"sync"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/par"
	"github.com/broadside/broadside/internal/quote"
	bpng "github.com/broadside/broadside/internal/render/png"
)

// Job is one card to make.
type Job struct {
	Layout *layout.Layout
	Quote  quote.Quote
	// Path is the file to write.
	Path string
}

// Result is what became of a job.
type Result struct {
	Job   Job
	W, H  int
	Bytes int
	// Warnings are things about the card worth a look that did not stop
	// it (there are none for screens today).
	Warnings []string
	Err      error
}

// Batch renders jobs with one theme and brand.
type Batch struct {
	Theme  *layout.Theme
	Brand  layout.Brand
	Fonts  *font.Registry
	Format string // png or jpeg
	// Workers defaults to the number of cores.
	Workers int
	// Done, if set, is called (from one goroutine at a time) as each job
	// finishes, for progress.
	Done func(Result)
}

// Run renders every job and returns the results in job order. One failed
// card does not stop the others. When ctx is cancelled, jobs not yet
// started fail with the context's error; no file is left half-written.
func (b *Batch) Run(ctx context.Context, jobs []Job) []Result {
	results := make([]Result, len(jobs))
	var mu sync.Mutex
	// The workers share the backgrounds: a theme's gradient or photo is
	// drawn once per card size for the whole batch.
	bgs := bpng.NewBackgrounds()
	started := par.Each(ctx, len(jobs), b.Workers, func() func(int) {
		wk := worker{b: b, r: bpng.New()}
		wk.r.Backgrounds = bgs
		return func(i int) {
			res := wk.card(jobs[i])
			results[i] = res
			if b.Done != nil {
				mu.Lock()
				b.Done(res)
				mu.Unlock()
			}
		}
	})
	for j := started; j < len(jobs); j++ {
		results[j] = Result{Job: jobs[j], Err: ctx.Err()}
	}
	return results
}

// worker holds what one goroutine reuses from card to card.
type worker struct {
	b   *Batch
	r   *bpng.Renderer
	buf bytes.Buffer
	img *image.RGBA
}

// card composes, draws, encodes and writes one card.
func (w *worker) card(j Job) Result {
	res := Result{Job: j}
	f, warns, err := layout.Compose(layout.Input{Quote: j.Quote, Brand: w.b.Brand}, j.Layout, w.b.Theme, w.b.Fonts)
	res.Warnings = warns
	if err != nil {
		res.Err = err
		return res
	}
	// A card is its layout's size in whole pixels.
	wpx, hpx := int(j.Layout.Size.Width+0.5), int(j.Layout.Size.Height+0.5)
	img, err := w.r.RenderInto(w.img, f, wpx, hpx)
	if err != nil {
		res.Err = err
		return res
	}
	w.img = img
	w.buf.Reset()
	switch w.b.Format {
	case "jpeg":
		err = jpeg.Encode(&w.buf, w.img, &jpeg.Options{Quality: 90})
	default:
		err = bpng.Encode(&w.buf, w.img)
	}
	if err != nil {
		res.Err = fmt.Errorf("encode %s: %w", j.Path, err)
		return res
	}
	if err := outfile.Write(j.Path, w.buf.Bytes()); err != nil {
		res.Err = err
		return res
	}
	res.W, res.H, res.Bytes = wpx, hpx, w.buf.Len()
	return res
}
