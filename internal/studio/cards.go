package studio

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
)

// zone is a part of a card a platform hides or crops, in per cent of the
// card, for the safe-zone overlay.
type zone struct {
	Label      string
	Kind       string // band (covered), crop (what a grid shows), margin (text stays inside)
	X, Y, W, H float64
}

// zonesOf gives a card layout's safe zones: its own safe margin, the
// interface bands of 9:16 stories, and the 3:4 profile-grid crop of 4:5
// portrait posts (Instagram's grid since 2025).
func zonesOf(l *layout.Layout) []zone {
	w, h := l.Size.Width, l.Size.Height
	s := l.Safe
	pc := func(v, of float64) float64 { return math.Round(1000*v/of) / 10 }
	var zs []zone
	ratio := h / w
	switch {
	case math.Abs(ratio-16.0/9) < 0.01 && s.Top > 0:
		zs = append(zs,
			zone{Label: "covered by the app (profile, close button)", Kind: "band", X: 0, Y: 0, W: 100, H: pc(s.Top, h)},
			zone{Label: "covered by the app (reply bar)", Kind: "band", X: 0, Y: pc(h-s.Bottom, h), W: 100, H: pc(s.Bottom, h)})
	case math.Abs(ratio-1.25) < 0.01:
		cw := h * 3 / 4
		zs = append(zs, zone{Label: "what the profile grid shows (3:4)", Kind: "crop", X: pc((w-cw)/2, w), Y: 0, W: pc(cw, w), H: 100})
	}
	zs = append(zs, zone{Label: "text stays inside", Kind: "margin", X: pc(s.Left, w), Y: pc(s.Top, h), W: pc(w-s.Left-s.Right, w), H: pc(h-s.Top-s.Bottom, h)})
	return zs
}

type cardView struct {
	Layout, Description string
	W, H                int
	Src, Download       string
	Err                 string
	Text                cardText
	Zones               []zone
}

type cardsData struct {
	Index    int
	Rev      string
	Fields   map[string]string
	Quotes   []quoteItem
	Theme    string
	Themes   []string
	Cards    []cardView
	Layouts  []string
	Problems []string
}

// selectedQuote reads ?quote= (an index), defaulting to the first.
func selectedQuote(p *snapshot, v string) (int, quote.Quote, bool) {
	if p.ds == nil || len(p.ds.Quotes) == 0 {
		return 0, quote.Quote{}, false
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 || i >= len(p.ds.Quotes) {
		i = 0
	}
	return i, p.ds.Quotes[i], true
}

func (s *Server) cardsPage(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	q := r.URL.Query()
	theme := q.Get("theme")
	if theme != "" && !validName(theme) {
		s.refuse(w, r, http.StatusBadRequest, "There is no such theme.")
		return
	}
	d := &cardsData{Rev: p.quotes.rev, Themes: p.lib.ThemeNames(), Theme: firstOf(theme, p.conf.Cards.Theme, "paper")}
	pg := page{Title: "Cards", Nav: "cards", Data: d}
	if q.Get("done") != "" {
		pg.Flash = "Saved to " + quotesFile + "."
	}
	i, qt, ok := selectedQuote(p, q.Get("quote"))
	if !ok {
		pg.Error = "The quotes have problems; fix them on the Quotes page first."
		s.render(w, r, http.StatusOK, "cards", pg)
		return
	}
	d.Index = i
	raw, _, _ := rawQuotes(p.quotes.src)
	if i < len(raw) {
		d.Fields = raw[i]
	}
	for j, x := range p.ds.Quotes {
		d.Quotes = append(d.Quotes, quoteItem{Index: j, ID: x.ID, Author: x.Author, Text: x.Text})
	}
	th, err := p.cardTheme(d.Theme)
	if err != nil {
		pg.Error = err.Error()
		s.render(w, r, http.StatusOK, "cards", pg)
		return
	}
	for _, l := range p.cardLayouts() {
		v := cardView{Layout: l.Name, Description: l.Description, W: int(l.Size.Width + 0.5), H: int(l.Size.Height + 0.5), Zones: zonesOf(l), Text: p.cardText(l, qt)}
		args := "?quote=" + strconv.Itoa(i) + "&layout=" + l.Name + "&theme=" + d.Theme
		if _, err := p.compose(l, th, qt); err != nil {
			v.Err = fitHint(err)
		} else {
			v.Src, v.Download = "/cards/preview"+args, "/cards/download"+args
		}
		d.Cards = append(d.Cards, v)
		d.Layouts = append(d.Layouts, l.Name)
	}
	s.render(w, r, http.StatusOK, "cards", pg)
}

// cardArgs reads and checks the layout and theme of a card request.
func (s *Server) cardArgs(p *snapshot, layoutName, themeName string) (*layout.Layout, *layout.Theme, error) {
	if !validName(layoutName) || (themeName != "" && !validName(themeName)) {
		return nil, nil, fmt.Errorf("there is no such layout or theme")
	}
	l, err := p.layoutOf(layoutName, "card")
	if err != nil {
		return nil, nil, err
	}
	th, err := p.cardTheme(themeName)
	return l, th, err
}

// previewWidth is the width previews are drawn at, in pixels: the page
// shows a card about 270 CSS pixels wide, so this is sharp on a screen of
// twice the density, and a keystroke redraws six cards in time (see
// BenchmarkPreviewKeystrokeAllLayouts). A request may ask for another
// width with w, up to the card's own size, which gives the very pixels of
// `broadside cards`.
const previewWidth = 540

// apiPreview draws the quote being typed in one layout: the picture, or
// (422) what is wrong and what would fix it.
func (s *Server) apiPreview(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	l, th, err := s.cardArgs(p, r.PostFormValue("layout"), r.PostFormValue("theme"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	q, err := editedQuote(p, formFields(r))
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	width, _ := strconv.Atoi(r.PostFormValue("w"))
	png, err := p.cardPNG(l, th, q, firstInt(width, previewWidth))
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": fitHint(err)})
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(png)
}

// apiCardText gives the alt text and caption of the quote being typed in
// every card layout, with the platforms' limits.
func (s *Server) apiCardText(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	q, err := editedQuote(p, formFields(r))
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	out := map[string]cardText{}
	for _, l := range p.cardLayouts() {
		out[l.Name] = p.cardText(l, q)
	}
	writeJSON(w, http.StatusOK, out)
}

func firstInt(v ...int) int {
	for _, x := range v {
		if x > 0 {
			return x
		}
	}
	return 0
}

// cardPreview draws a saved quote (the page's first pictures).
func (s *Server) cardPreview(w http.ResponseWriter, r *http.Request) {
	s.cardImage(w, r, false)
}

// cardDownload gives a saved quote's card at full size, as a file.
func (s *Server) cardDownload(w http.ResponseWriter, r *http.Request) {
	s.cardImage(w, r, true)
}

func (s *Server) cardImage(w http.ResponseWriter, r *http.Request, download bool) {
	p := s.project()
	v := r.URL.Query()
	l, th, err := s.cardArgs(p, v.Get("layout"), v.Get("theme"))
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	_, q, ok := selectedQuote(p, v.Get("quote"))
	if !ok {
		s.refuse(w, r, http.StatusConflict, "The quotes have problems; fix them on the Quotes page first.")
		return
	}
	width := previewWidth
	if download {
		width = 0
	}
	png, err := p.cardPNG(l, th, q, width)
	if err != nil {
		s.refuse(w, r, http.StatusUnprocessableEntity, fitHint(err))
		return
	}
	w.Header().Set("Content-Type", "image/png")
	if download {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-%s.png"`, l.Name, q.ID))
	}
	w.Write(png)
}

// cardsZip makes the chosen layouts × quotes with cards.json and
// cards.csv, saves the ZIP as output/cards.zip and sends it.
func (s *Server) cardsZip(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	if p.ds == nil {
		s.refuse(w, r, http.StatusConflict, "The quotes have problems; fix them on the Quotes page first.")
		return
	}
	theme := r.PostFormValue("theme")
	th, err := p.cardTheme(theme)
	if theme != "" && !validName(theme) || err != nil {
		s.refuse(w, r, http.StatusBadRequest, "There is no such theme.")
		return
	}
	var ls []*layout.Layout
	for _, l := range p.cardLayouts() {
		if slices.Contains(r.PostForm["layout"], l.Name) {
			ls = append(ls, l)
		}
	}
	for _, n := range r.PostForm["layout"] {
		if !validName(n) {
			s.refuse(w, r, http.StatusBadRequest, "There is no such layout.")
			return
		}
	}
	if len(ls) == 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Cards", Error: "Choose at least one platform size for the ZIP."})
		return
	}
	qs := p.ds.Quotes
	if v := r.PostFormValue("quotes"); v != "all" && v != "" {
		_, q, _ := selectedQuote(p, v)
		qs = []quote.Quote{q}
	}
	var buf bytes.Buffer
	made, failed, err := p.writeCardsZip(r.Context(), &buf, ls, qs, th)
	if err != nil {
		s.render(w, r, http.StatusInternalServerError, "message", page{Title: "Cards", Error: err.Error()})
		return
	}
	if made == 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Cards", Error: "No card could be made:\n" + strings.Join(failed, "\n")})
		return
	}
	if err := s.writeFile(path.Join(outputDir, "cards.zip"), buf.Bytes()); err != nil {
		s.opts.Logf("save cards.zip: %v", err)
	}
	s.opts.Logf("cards.zip: %d cards", made)
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="cards.zip"`)
	w.Write(buf.Bytes())
}
