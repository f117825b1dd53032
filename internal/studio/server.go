// Package studio is broadside's local web page (`broadside serve`): a
// campaign team edits quotes and brand, sees every card redrawn as they
// type, and downloads cards and print documents, all made by the same
// engine the command line uses (see engine.go). It serves only this
// machine, behind the rules in safety.go.
package studio

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a studio.
type Options struct {
	// Dir is the campaign folder: data/quotes.yaml, data/campaign.yaml,
	// fonts/, layouts/ and output/ inside it.
	Dir string
	// Token is the key in the printed address; random when empty.
	Token string
	// QuitWhenClosed ends the server some seconds after the last open
	// page stops sending its heartbeat.
	QuitWhenClosed bool
	// Logf reports what the server does; nil is quiet.
	Logf func(format string, args ...any)
}

// Server is one studio over one campaign folder.
type Server struct {
	opts  Options
	dir   string
	token string

	// mu serialises saves, so that two at once never interleave; proj is
	// swapped whole after each.
	mu   sync.Mutex
	proj atomic.Pointer[snapshot]

	pages *pages
	life  *life
	undo  undoStore
	csv   importStore
	print printCache
}

// New loads the campaign folder and makes a studio over it.
func New(opts Options) (*Server, error) {
	dir, err := filepath.Abs(firstOf(opts.Dir, "."))
	if err != nil {
		return nil, err
	}
	if !isDir(dir) {
		return nil, fmt.Errorf("campaign folder %s does not exist; make it, or name another with --dir", dir)
	}
	s := &Server{opts: opts, dir: dir, token: firstOf(opts.Token, newToken())}
	if s.opts.Logf == nil {
		s.opts.Logf = func(string, ...any) {}
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	p, err := load(dir)
	if err != nil {
		return nil, err
	}
	s.proj.Store(p)
	s.life = newLife(opts.QuitWhenClosed)
	return s, nil
}

// Token is the key the address must carry.
func (s *Server) Token() string { return s.token }

// Dir is the campaign folder.
func (s *Server) Dir() string { return s.dir }

func (s *Server) project() *snapshot { return s.proj.Load() }

// reload reads the campaign folder again after a save.
func (s *Server) reload() error {
	p, err := load(s.dir)
	if err != nil {
		return err
	}
	s.proj.Store(p)
	s.print.clear()
	return nil
}

// Handler serves the studio.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "assets/static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/quotes", http.StatusSeeOther)
	})

	mux.HandleFunc("GET /quotes", s.quotesPage)
	mux.HandleFunc("POST /quotes/save", s.post(limitForm, s.quoteSave))
	mux.HandleFunc("POST /quotes/delete", s.post(limitForm, s.quoteDelete))
	mux.HandleFunc("POST /quotes/undo", s.post(limitForm, s.quoteUndo))
	mux.HandleFunc("POST /quotes/move", s.post(limitForm, s.quoteMove))
	mux.HandleFunc("POST /quotes/import", s.post(limitCSV, s.quoteImport))
	mux.HandleFunc("POST /quotes/import/confirm", s.post(limitForm, s.quoteImportConfirm))
	mux.HandleFunc("POST /api/check", s.post(limitForm, s.apiCheck))

	mux.HandleFunc("GET /cards", s.cardsPage)
	mux.HandleFunc("POST /api/preview", s.post(limitForm, s.apiPreview))
	mux.HandleFunc("POST /api/cardtext", s.post(limitForm, s.apiCardText))
	mux.HandleFunc("GET /cards/preview", s.cardPreview)
	mux.HandleFunc("GET /cards/download", s.cardDownload)
	mux.HandleFunc("POST /cards/zip", s.post(limitForm, s.cardsZip))

	mux.HandleFunc("GET /brand", s.brandPage)
	mux.HandleFunc("POST /brand/save", s.post(limitForm, s.brandSave))
	mux.HandleFunc("POST /brand/logo", s.post(limitLogo, s.brandLogo))
	mux.HandleFunc("GET /brand/logo", s.brandLogoImage)
	mux.HandleFunc("POST /brand/logo/remove", s.post(limitForm, s.brandLogoRemove))
	mux.HandleFunc("POST /brand/font", s.post(limitFont, s.brandFont))

	mux.HandleFunc("GET /print", s.printPage)
	mux.HandleFunc("GET /print/thumb", s.printThumb)
	mux.HandleFunc("POST /print/pdf", s.post(limitForm, s.printPDF))

	mux.HandleFunc("POST /stop", s.post(limitForm, s.stop))
	mux.HandleFunc("POST /api/heartbeat", s.post(limitForm, s.heartbeat))
	mux.HandleFunc("POST /api/bye", s.post(limitForm, s.bye))
	return s.guard(mux)
}

// Serve answers on ln until ctx ends, the page's Stop button is pressed,
// or (with QuitWhenClosed) the last page has gone. It then shuts down
// cleanly, letting requests under way finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	why := ""
	select {
	case <-ctx.Done():
		why = "interrupted"
	case why = <-s.life.done:
	case err := <-errc:
		return err
	}
	s.opts.Logf("stopping: %s", why)
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// stop is the page's Stop button.
func (s *Server) stop(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "stopped", page{Title: "Stopped"})
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	s.life.end("the Stop button was pressed")
}

// life tracks the open pages, for --quit-when-closed, and the end.
type life struct {
	quit     bool
	mu       sync.Mutex
	seen     map[string]time.Time
	ended    bool
	done     chan string
	timeout  time.Duration // a page not heard from for this long is gone
	grace    time.Duration // how long to wait after the last page says bye
	lastPage time.Time
}

func newLife(quit bool) *life {
	l := &life{quit: quit, seen: map[string]time.Time{}, done: make(chan string, 1), timeout: 75 * time.Second, grace: 8 * time.Second}
	if quit {
		go l.watch()
	}
	return l
}

// setTimes changes how long a silent page counts as open and how long to
// wait after the last one left (tests shorten them).
func (l *life) setTimes(timeout, grace time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.timeout, l.grace = timeout, grace
}

func (l *life) end(why string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.ended {
		l.ended = true
		l.done <- why
	}
}

// watch ends the server when no page has been heard from. Pages send a
// heartbeat every 20 s (hidden tabs may be throttled to once a minute, so
// a page is gone only after 75 s of silence) and say bye when they close;
// after the last bye it waits a few seconds, for the next page to load.
func (l *life) watch() {
	start := time.Now()
	for {
		time.Sleep(time.Second)
		l.mu.Lock()
		now := time.Now()
		for id, t := range l.seen {
			if now.Sub(t) > l.timeout {
				delete(l.seen, id)
			}
		}
		gone := len(l.seen) == 0 && ((l.lastPage.IsZero() && now.Sub(start) > 2*time.Minute) ||
			(!l.lastPage.IsZero() && now.Sub(l.lastPage) > l.grace))
		l.mu.Unlock()
		if gone {
			l.end("the last page was closed")
			return
		}
	}
}

func (l *life) beat(id string, alive bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if alive {
		l.seen[id] = time.Now()
	} else {
		delete(l.seen, id)
	}
	l.lastPage = time.Now()
}

func (s *Server) heartbeat(w http.ResponseWriter, r *http.Request) {
	if id := r.PostFormValue("page"); validPageID(id) {
		s.life.beat(id, true)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) bye(w http.ResponseWriter, r *http.Request) {
	if id := r.PostFormValue("page"); validPageID(id) {
		s.life.beat(id, false)
	}
	w.WriteHeader(http.StatusNoContent)
}

func validPageID(id string) bool {
	if len(id) == 0 || len(id) > 40 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
