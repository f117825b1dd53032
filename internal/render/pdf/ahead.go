package pdf

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"

	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/frame"
	"github.com/broadside/broadside/internal/render/pdf/cidfont"
)

// Pages' text is written ahead, on every core. fpdf's document is one
// goroutine's, page after page, and writing the text runs' operators
// (clusters, TJ arrays) was most of that loop's time; but a run's
// operators depend only on the run, the page's height and which of its
// glyphs give back their text (cidfont's record of the text each glyph
// was first drawn for). So goroutines walk the pages ahead of fpdf's loop,
// each page with its own record (cidfont.Font.WriteTJIn), and the loop
// merges each page's record into the fonts' in page order
// (cidfont.Font.Merge) before it writes the page with the operators made
// for it. A page whose record disagrees with what the pages before it
// recorded (a glyph first drawn there for other text) is written again in
// the loop, as before: the document is the same, byte for byte
// (TestAheadSameBytes).

// aheadPages is how many pages may be written ahead of fpdf's loop: enough
// to keep the other cores busy, few enough to hold little memory. 0 writes
// every page in the loop (a variable for the tests).
var aheadPages = 32

// aheadChunk is how many pages a goroutine takes at a time.
const aheadChunk = 8

// pageText is the operators of a page's text runs, in the order the
// page's frame is drawn, and the record they were written with.
type pageText struct {
	runs []*frame.Text
	ops  []string
	// texts is the page's record of glyphs' texts, by font.
	texts map[*cidfont.Font]map[uint16]string
	// failed is set when a run could not be written ahead (its font has
	// no file): the loop then writes the whole page itself.
	failed bool
}

// cidFonts are the cidfont records of a document's fonts, one per font,
// shared by the goroutines that write text ahead and fpdf's loop.
type cidFonts struct {
	mu sync.Mutex
	m  map[*font.Font]*cidfont.Font
}

// get returns f's record and fpdf's family name for it, made on first use.
func (cf *cidFonts) get(f *font.Font) (*cidfont.Font, error) {
	cf.mu.Lock()
	defer cf.mu.Unlock()
	if c, ok := cf.m[f]; ok {
		return c, nil
	}
	c, err := cidfont.New(family(f), f.Data)
	if err != nil {
		return nil, err
	}
	if cf.m == nil {
		cf.m = map[*font.Font]*cidfont.Font{}
	}
	cf.m[f] = c
	return c, nil
}

// errNoFile stops a walk ahead at a run whose font has no file.
var errNoFile = errors.New("no font file")

// textWalker is a frame.Drawer that writes only text runs, into a
// pageText.
type textWalker struct {
	cf      *cidFonts
	pageH   float64
	out     *pageText
	buf     strings.Builder
	ends    []int // where each run's operators end in buf
	scratch *scratch
}

func (d *textWalker) Text(it *frame.Text, t frame.Transform) error {
	f, ok := it.Font.(*font.Font)
	if !ok {
		return errNoFile
	}
	cid, err := d.cf.get(f)
	if err != nil {
		return err
	}
	m := d.out.texts[cid]
	if m == nil {
		m = map[uint16]string{}
		d.out.texts[cid] = m
	}
	// A page's runs are written into one buffer, cut into each run's
	// operators once the page is done (page).
	d.buf.WriteByte('\n') // as writer.Text writes it
	d.scratch = showTextIn(&d.buf, it, f, cid, t, d.pageH, d.scratch, m)
	d.out.runs = append(d.out.runs, it)
	d.ends = append(d.ends, d.buf.Len())
	return nil
}

// page writes the text of page p ahead.
func (d *textWalker) page(p *frame.Page) *pageText {
	out := &pageText{texts: map[*cidfont.Font]map[uint16]string{}}
	d.out, d.pageH, d.ends = out, p.H()+2*p.Bleed, d.ends[:0]
	d.buf.Reset()
	err := p.Frame.Draw(d, frame.Transform{DX: p.Bleed, DY: p.Bleed, S: 1})
	d.out = nil
	if err != nil {
		return &pageText{failed: true}
	}
	all := d.buf.String()
	out.ops = make([]string, len(d.ends))
	start := 0
	for i, end := range d.ends {
		out.ops[i] = all[start:end]
		start = end
	}
	return out
}

func (d *textWalker) Rect(*frame.Rect, frame.Transform) error       { return nil }
func (d *textWalker) Path(*frame.Path, frame.Transform) error       { return nil }
func (d *textWalker) Line(*frame.Line, frame.Transform) error       { return nil }
func (d *textWalker) Image(*frame.Image, frame.Transform) error     { return nil }
func (d *textWalker) Link(*frame.Link, frame.Transform) error       { return nil }
func (d *textWalker) PDFPage(*frame.PDFPage, frame.Transform) error { return nil }
func (d *textWalker) PushClip(frame.Rect, frame.Transform) error    { return nil }
func (d *textWalker) PopClip() error                                { return nil }

// writeAhead writes the text of pages on every core, at most aheadPages
// ahead of the loop that takes them: next(i) waits for page i's text and
// returns it; done(i) says page i is written, so its text can go and a
// page further on be written. stop ends the goroutines and waits for them;
// it must be called, once, when the loop ends. The loop must take the
// pages in order.
func writeAhead(pages []*frame.Page, cf *cidFonts) (next func(i int) *pageText, done func(i int), stop func()) {
	if aheadPages <= 0 {
		return func(int) *pageText { return nil }, func(int) {}, func() {}
	}
	ctx, cancel := context.WithCancel(context.Background())
	// Pages are handed out a chunk at a time: each hand-off wakes a
	// goroutine, which costs more than a page's walk is worth.
	chunk := max(1, min(aheadChunk, aheadPages))
	chunks := (len(pages) + chunk - 1) / chunk
	texts := make([]*pageText, len(pages))
	ready := make([]chan struct{}, chunks)
	for k := range ready {
		ready[k] = make(chan struct{})
	}
	// Room for a chunk is taken in page order, before the chunk is handed
	// out (not by the goroutine that writes it, which could lose its turn
	// to later chunks and wait for room that only its own chunk frees).
	room := make(chan struct{}, max(1, aheadPages/chunk))
	idx := make(chan int)
	go func() {
		defer close(idx)
		for k := range chunks {
			select {
			case room <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case idx <- k:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), chunks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &textWalker{cf: cf}
			for k := range idx {
				for i := k * chunk; i < min((k+1)*chunk, len(pages)); i++ {
					texts[i] = d.page(pages[i])
				}
				close(ready[k])
			}
		}()
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	next = func(i int) *pageText {
		<-ready[i/chunk]
		return texts[i]
	}
	done = func(i int) {
		texts[i] = nil
		if (i+1)%chunk == 0 || i == len(pages)-1 {
			<-room // the chunk is written
		}
	}
	stop = func() {
		cancel()
		<-finished
	}
	return next, done, stop
}
