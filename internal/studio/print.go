package studio

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/broadside/broadside/internal/press"
)

// printOptions are the options of the print commands the page offers.
type printOptions struct {
	Kind       string // booklet, leaflet, poster, placards
	Layout     string
	Impose     string // booklet: none, saddle, print-shop
	Sheet      string // booklet saddle: a4, letter, or the layout's
	Landscape  bool
	Quote      string
	EventTitle string
	EventDate  string
	EventPlace string
	Tile       string // poster: "", a4, letter
	Distance   float64
}

var printKinds = []string{"booklet", "leaflet", "poster", "placards"}

// readPrintOptions reads and checks the options, filling in the
// campaign's choices (as the commands do) where the page gave none.
func readPrintOptions(p *snapshot, v url.Values) (printOptions, error) {
	o := printOptions{Kind: firstOf(v.Get("kind"), "booklet"), Layout: v.Get("layout"), Impose: v.Get("impose"), Sheet: v.Get("sheet"),
		Landscape: v.Get("landscape") == "on", Quote: v.Get("quote"), EventTitle: v.Get("event-title"), EventDate: v.Get("event-date"),
		EventPlace: v.Get("event-place"), Tile: v.Get("tile")}
	if !slices.Contains(printKinds, o.Kind) {
		return o, fmt.Errorf("there is no print document %q", o.Kind)
	}
	for _, n := range []string{o.Layout, o.Quote} {
		if n != "" && !validName(n) {
			return o, fmt.Errorf("there is no such layout or quote")
		}
	}
	c := p.conf
	switch o.Kind {
	case "booklet":
		o.Layout = firstOf(o.Layout, c.Booklet.Layout, "booklet-a5")
		o.Impose = firstOf(o.Impose, press.Saddle)
		if !slices.Contains([]string{press.Reading, press.Saddle, press.PrintShop}, o.Impose) {
			return o, fmt.Errorf("%q is not a way to impose a booklet", o.Impose)
		}
		if o.Sheet != "" && o.Sheet != "a4" && o.Sheet != "letter" {
			return o, fmt.Errorf("%q is not a sheet; use a4 or letter", o.Sheet)
		}
	case "leaflet":
		if len(c.Leaflet.Layouts) > 0 {
			o.Layout = firstOf(o.Layout, c.Leaflet.Layouts[0])
		}
		o.Layout = firstOf(o.Layout, "trifold-a4")
	case "poster":
		if len(c.Poster.Layouts) > 0 {
			o.Layout = firstOf(o.Layout, c.Poster.Layouts[0])
		}
		o.Layout = strings.TrimSuffix(firstOf(o.Layout, "poster-a3"), "-landscape")
		o.Quote = firstOf(o.Quote, c.Poster.Quote)
		if !v.Has("kind") {
			o.EventTitle, o.EventDate, o.EventPlace, o.Tile = c.Event.Title, c.Event.Date, c.Event.Place, c.Poster.Tile
		}
		if o.Tile != "" && o.Tile != "a4" && o.Tile != "letter" {
			return o, fmt.Errorf("%q is not a sheet; use a4 or letter", o.Tile)
		}
		for _, t := range []string{o.EventTitle, o.EventDate, o.EventPlace} {
			if len(t) > 200 {
				return o, fmt.Errorf("the event details are too long for a poster")
			}
		}
	case "placards":
		o.Layout = firstOf(o.Layout, c.Placards.Layout, "placard-a3")
		o.Distance = c.Placards.Distance
		if d := v.Get("distance"); d != "" {
			f, err := strconv.ParseFloat(d, 64)
			if err != nil || f <= 0 || f > 100 {
				return o, fmt.Errorf("the reading distance is in metres, from 1 to 100")
			}
			o.Distance = f
		}
	}
	return o, nil
}

func (o printOptions) values() url.Values {
	v := url.Values{"kind": {o.Kind}, "layout": {o.Layout}}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("impose", o.Impose)
	set("sheet", o.Sheet)
	set("quote", o.Quote)
	set("event-title", o.EventTitle)
	set("event-date", o.EventDate)
	set("event-place", o.EventPlace)
	set("tile", o.Tile)
	if o.Landscape {
		v.Set("landscape", "on")
	}
	if o.Distance > 0 {
		v.Set("distance", strconv.FormatFloat(o.Distance, 'g', -1, 64))
	}
	return v
}

// printCache keeps the last documents made, so that a page's thumbnails
// do not each make the document again.
type printCache struct {
	mu   sync.Mutex
	keys []string
	m    map[string]*printed
}

func (c *printCache) get(p *snapshot, o printOptions) (*printed, error) {
	key := p.quotes.rev + p.settings.rev + o.values().Encode()
	c.mu.Lock()
	defer c.mu.Unlock()
	if pr, ok := c.m[key]; ok {
		return pr, nil
	}
	pr, err := p.makePrint(o)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*printed{}
	}
	c.m[key] = pr
	c.keys = append(c.keys, key)
	if len(c.keys) > 6 {
		delete(c.m, c.keys[0])
		c.keys = c.keys[1:]
	}
	return pr, nil
}

func (c *printCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m, c.keys = nil, nil
}

type thumb struct {
	Src, Alt string
	W, H     int
}

type printData struct {
	Opts     printOptions
	Kinds    []string
	Layouts  []string
	Quotes   []quoteItem
	Query    string
	Hidden   url.Values
	Doc      *printed
	Thumbs   []thumb
	Problems []string
}

const thumbWidth = 360

func (s *Server) printPage(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	o, err := readPrintOptions(p, r.URL.Query())
	pg := page{Title: "Print", Nav: "print"}
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	d := &printData{Opts: o, Kinds: printKinds, Hidden: o.values()}
	pg.Data = d
	switch o.Kind {
	case "booklet":
		d.Layouts = p.layoutsOf("booklet")
	case "leaflet":
		d.Layouts = p.layoutsOf("leaflet", "flyer")
	case "poster":
		for _, n := range p.layoutsOf("poster") {
			if !strings.HasSuffix(n, "-landscape") {
				d.Layouts = append(d.Layouts, n)
			}
		}
	case "placards":
		d.Layouts = p.layoutsOf("placard")
	}
	if p.ds != nil {
		for j, x := range p.ds.Quotes {
			d.Quotes = append(d.Quotes, quoteItem{Index: j, ID: x.ID, Author: x.Author})
		}
	}
	pr, err := s.print.get(p, o)
	if err != nil {
		pg.Error = err.Error()
		s.render(w, r, http.StatusOK, "print", pg)
		return
	}
	d.Doc = pr
	d.Query = o.values().Encode()
	for i, f := range pr.Pages {
		h := int(float64(thumbWidth) * f.H() / f.W())
		d.Thumbs = append(d.Thumbs, thumb{Src: "/print/thumb?" + d.Query + "&page=" + strconv.Itoa(i+1), Alt: fmt.Sprintf("Page %d of %d", i+1, len(pr.Pages)), W: thumbWidth, H: h})
	}
	s.render(w, r, http.StatusOK, "print", pg)
}

// printThumb draws one page of a document from the frame its PDF was
// written from: no PDF is rasterised.
func (s *Server) printThumb(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	o, err := readPrintOptions(p, r.URL.Query())
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	pr, err := s.print.get(p, o)
	if err != nil {
		s.refuse(w, r, http.StatusUnprocessableEntity, err.Error())
		return
	}
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 || n > len(pr.Pages) {
		http.NotFound(w, r)
		return
	}
	png, err := p.thumbPNG(pr.Pages[n-1], thumbWidth)
	if err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(png)
}

// printPDF saves the document into the campaign's output folder and sends
// it.
func (s *Server) printPDF(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	o, err := readPrintOptions(p, r.PostForm)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	pr, err := s.print.get(p, o)
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Print", Error: err.Error()})
		return
	}
	if err := s.writeFile(path.Join(outputDir, pr.Name), pr.PDF); err != nil {
		s.opts.Logf("save %s: %v", pr.Name, err)
	}
	s.opts.Logf("%s: %s", pr.Name, pr.Summary)
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+pr.Name+`"`)
	w.Write(pr.PDF)
}
