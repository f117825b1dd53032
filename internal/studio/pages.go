package studio

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Everything the page needs is in the binary: no CDN, no network.
//
//go:embed assets
var assets embed.FS

// page is what every template gets.
type page struct {
	Title string
	Nav   string // the section shown: quotes, cards, brand, print
	Token string
	// Flash says what just happened; Error what went wrong.
	Flash, Error string
	Warnings     []string
	Quit         bool
	Data         any
}

type pages struct{ t map[string]*template.Template }

var funcs = template.FuncMap{
	"join":  strings.Join,
	"lines": func(s string) []string { return strings.Split(s, "\n") },
	"add":   func(a, b int) int { return a + b },
	"json": func(v any) (template.JS, error) {
		b, err := json.Marshal(v)
		return template.JS(b), err
	},
	// ratio shows a contrast ratio cut (not rounded) to one decimal, so
	// that 4.46 never reads as a passing 4.5; the page's script does the same.
	"ratio": func(r float64) string { return strconv.FormatFloat(math.Floor(r*10)/10, 'f', 1, 64) },
}

// parsePages parses each page over the base template.
func parsePages() (*pages, error) {
	base, err := template.New("base.html").Funcs(funcs).ParseFS(assets, "assets/templates/base.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(assets, "assets/templates/*.html")
	if err != nil {
		return nil, err
	}
	ps := &pages{t: map[string]*template.Template{}}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "base" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(assets, n)
		if err != nil {
			return nil, err
		}
		ps.t[name] = t
	}
	return ps, nil
}

// render writes a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Token = s.token
	p.Quit = s.opts.QuitWhenClosed
	if pr := s.project(); pr != nil {
		p.Warnings = append(p.Warnings, pr.warnings...)
	}
	var b bytes.Buffer
	if err := s.pages.t[name].ExecuteTemplate(&b, "base.html", p); err != nil {
		s.opts.Logf("page %s: %v", name, err)
		http.Error(w, "the page could not be drawn: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// refuse answers a refused request with a message a person can act on:
// a page for a browser, plain text for a script.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.Contains(r.Header.Get("Accept"), "text/html") && s.pages != nil {
		var b bytes.Buffer
		if err := s.pages.t["message"].ExecuteTemplate(&b, "base.html", page{Title: "Refused", Error: msg}); err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			w.Write(b.Bytes())
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	w.Write([]byte(msg + "\n"))
}

// writeJSON answers a script.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
