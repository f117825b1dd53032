package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress reports a batch: a bar redrawn in place on a terminal, and a
// plain line every tenth of the way when output goes to a file or a CI log.
type progress struct {
	w          io.Writer
	tty        bool
	total, n   int
	noun       string
	lastStep   int
	lastRedraw time.Time
}

func newProgress(w io.Writer, total int, noun string) *progress {
	return &progress{w: w, tty: isTerminal(w), total: total, noun: noun}
}

func (p *progress) done(what string, err error) {
	p.n++
	if err != nil && p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	if p.tty {
		if time.Since(p.lastRedraw) < 50*time.Millisecond && p.n < p.total {
			return
		}
		p.lastRedraw = time.Now()
		const width = 30
		filled := width * p.n / max(p.total, 1)
		fmt.Fprintf(p.w, "\r[%s%s] %d/%d %s  %s\033[K", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.n, p.total, p.noun, what)
		return
	}
	step := 10 * p.n / max(p.total, 1)
	if step != p.lastStep || p.n == p.total {
		p.lastStep = step
		fmt.Fprintf(p.w, "%d/%d %s\n", p.n, p.total, p.noun)
	}
}

func (p *progress) finish() {
	if p.tty && p.total > 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
