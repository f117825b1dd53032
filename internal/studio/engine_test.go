package studio

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// diffPixels counts the pixels that differ, and the largest difference of
// a channel.
func diffPixels(a, b *image.RGBA) (n, worst int) {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy(), 255
	}
	for i := 0; i < len(a.Pix); i += 4 {
		d := 0
		for c := 0; c < 4; c++ {
			d = max(d, abs(int(a.Pix[i+c])-int(b.Pix[i+c])))
		}
		if d > 0 {
			n++
			worst = max(worst, d)
		}
	}
	return n, worst
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// samePixels says where two images first differ, or "".
func samePixels(a, b *image.RGBA) string {
	if a.Bounds() != b.Bounds() {
		return fmt.Sprintf("sizes differ: %v and %v", a.Bounds(), b.Bounds())
	}
	for i := range a.Pix {
		if a.Pix[i] != b.Pix[i] {
			p := i / 4
			return fmt.Sprintf("pixel (%d, %d) differs", p%a.Bounds().Dx(), p/a.Bounds().Dx())
		}
	}
	return ""
}

func TestPreviewSaysWhatDoesNotFit(t *testing.T) {
	s, _ := newTestServer(t, false)
	long := strings.Repeat("Every word of this statement matters and none may be cut. ", 40)
	w := form(t, s, "/api/preview", url.Values{"layout": {"x"}, "text": {long}, "author": {"Someone"}}, nil)
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", w.Code)
	}
	var res struct{ Error string }
	json.Unmarshal(w.Body.Bytes(), &res)
	// Layout x sets the full text, so the advice is not to shorten an
	// excerpt, which it would not show.
	for _, want := range []string{"does not fit layout x", "its text is", "this layout sets the full text"} {
		if !strings.Contains(res.Error, want) {
			t.Errorf("error %q lacks %q", res.Error, want)
		}
	}
	w = form(t, s, "/api/preview", url.Values{"layout": {"x"}, "text": {"Words."}}, nil)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "author") {
		t.Errorf("a quote without author: %d %s", w.Code, w.Body.String())
	}
}

func TestCheckSpeaksCheckWords(t *testing.T) {
	s, _ := newTestServer(t, true)
	w := form(t, s, "/api/check", url.Values{"index": {"0"}, "text": {"Words."}, "author": {"A"}, "date": {"yesterday"}, "tags": {"Bad Tag"}}, nil)
	var res struct {
		Fields map[string][]string
		Other  []string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatal(err, w.Body.String())
	}
	if len(res.Fields["date"]) == 0 || len(res.Fields["tags"]) == 0 || len(res.Fields["text"]) != 0 {
		t.Errorf("problems %+v, want date and tags only", res.Fields)
	}
}

// TestZip: the ZIP holds every chosen layout × quote, and a manifest
// describing each; a copy is in output/.
func TestZip(t *testing.T) {
	s, dir := newTestServer(t, false)
	p := s.project()
	var layouts []string
	for _, l := range p.cardLayouts() {
		layouts = append(layouts, l.Name)
	}
	w := form(t, s, "/cards/zip", url.Values{"layout": layouts, "quotes": {"all"}}, nil)
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d %s", w.Code, w.Body.String())
	}
	checkZip(t, w.Body.Bytes(), layouts, len(p.ds.Quotes))
	saved, err := os.ReadFile(filepath.Join(dir, "output", "cards.zip"))
	if err != nil || !bytes.Equal(saved, w.Body.Bytes()) {
		t.Errorf("output/cards.zip is not the ZIP sent (%v)", err)
	}
}

func checkZip(t testing.TB, b []byte, layouts []string, quotes int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	var m struct {
		Cards []struct {
			File, Layout, Quote, Alt, Caption string
			Width, Height                     int
		}
	}
	if err := json.Unmarshal(files["cards.json"], &m); err != nil {
		t.Fatalf("cards.json: %v", err)
	}
	if len(m.Cards) != len(layouts)*quotes {
		t.Errorf("cards.json lists %d cards, want %d", len(m.Cards), len(layouts)*quotes)
	}
	for _, c := range m.Cards {
		img, err := png.DecodeConfig(bytes.NewReader(files[c.File]))
		if err != nil {
			t.Errorf("%s: %v", c.File, err)
			continue
		}
		if img.Width != c.Width || img.Height != c.Height || !slices.Contains(layouts, c.Layout) || c.Alt == "" || c.Caption == "" {
			t.Errorf("%s: %dx%d, manifest %+v", c.File, img.Width, img.Height, c)
		}
	}
	if n := strings.Count(string(files["cards.csv"]), "\n"); n < len(m.Cards)+1 {
		t.Errorf("cards.csv has %d lines for %d cards", n, len(m.Cards))
	}
	if len(files) != len(m.Cards)+2 {
		var names []string
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		t.Errorf("ZIP holds %d files, want %d cards and 2 manifests: %v", len(files), len(m.Cards), names)
	}
}

// TestPrintThumbnailsAreThePDFsPages: a thumbnail per PDF page, drawn
// from the frames the PDF was written from.
func TestPrintThumbnailsAreThePDFsPages(t *testing.T) {
	s, dir := newTestServer(t, false)
	for _, q := range []string{"kind=booklet&impose=saddle", "kind=booklet&impose=none", "kind=leaflet&layout=trifold-a4", "kind=poster&layout=poster-a3&tile=a4", "kind=placards&distance=5"} {
		t.Run(q, func(t *testing.T) {
			w := do(t, s, "GET", "/print?"+q, nil, "", nil)
			if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `class="error"`) {
				t.Fatalf("print page: %d %s", w.Code, w.Body.String())
			}
			o, _ := url.ParseQuery(q)
			opts, err := readPrintOptions(s.project(), o)
			if err != nil {
				t.Fatal(err)
			}
			pr, err := s.print.get(s.project(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(w.Body.String(), `src="/print/thumb?`); n != len(pr.Pages) || n == 0 {
				t.Errorf("%d thumbnails for %d pages", n, len(pr.Pages))
			}
			if got := bytes.Count(pr.PDF, []byte("/Type /Page\n")) + bytes.Count(pr.PDF, []byte("/Type /Page ")); got != 0 && got != len(pr.Pages) {
				t.Errorf("PDF has %d pages, %d frames", got, len(pr.Pages))
			}
			th := do(t, s, "GET", "/print/thumb?"+opts.values().Encode()+"&page=1", nil, "", nil)
			cfg, err := png.DecodeConfig(bytes.NewReader(th.Body.Bytes()))
			if err != nil || cfg.Width != thumbWidth {
				t.Errorf("thumbnail: %v, %d px wide", err, cfg.Width)
			}
			v := opts.values()
			pdf := form(t, s, "/print/pdf", v, nil)
			if pdf.Code != http.StatusOK || !bytes.HasPrefix(pdf.Body.Bytes(), []byte("%PDF")) {
				t.Fatalf("pdf: %d", pdf.Code)
			}
			if saved, _ := os.ReadFile(filepath.Join(dir, "output", pr.Name)); !bytes.Equal(saved, pdf.Body.Bytes()) {
				t.Errorf("output/%s is not the PDF sent", pr.Name)
			}
		})
	}
}

// BenchmarkPreviewKeystroke is a keystroke in the studio: the quote text
// grows by a character and the preview handler answers with the new
// picture of one layout (the page asks for every layout at once; see
// BenchmarkPreviewKeystrokeAllLayouts). It reports the 95th percentile.
func BenchmarkPreviewKeystroke(b *testing.B) {
	for _, layout := range []string{"instagram-square", "story", "x"} {
		b.Run(layout, func(b *testing.B) {
			s, _ := newTestServer(b, false)
			h := s.Handler()
			raw, _, _ := rawQuotes(s.project().quotes.src)
			f := raw[0]
			var times []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v := url.Values{"layout": {layout}, "token": {s.token}}
				for k, x := range f {
					v.Set(k, x)
				}
				v.Set("text", f["text"]+strings.Repeat(" word", i%20))
				r := httptest.NewRequest("POST", "http://127.0.0.1/api/preview", strings.NewReader(v.Encode()))
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				r.AddCookie(&http.Cookie{Name: s.cookieName(), Value: s.token})
				w := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(w, r)
				times = append(times, time.Since(start))
				if w.Code != http.StatusOK {
					b.Fatal(w.Body.String())
				}
			}
			reportPercentiles(b, times)
		})
	}
}

// BenchmarkPreviewKeystrokeAllLayouts is the whole keystroke as the page
// makes it: every card layout asked for at once, timed until the last
// picture is back.
func BenchmarkPreviewKeystrokeAllLayouts(b *testing.B) {
	s, _ := newTestServer(b, false)
	h := s.Handler()
	raw, _, _ := rawQuotes(s.project().quotes.src)
	f := raw[0]
	var layouts []string
	for _, l := range s.project().cardLayouts() {
		layouts = append(layouts, l.Name)
	}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		done := make(chan int, len(layouts))
		for _, layout := range layouts {
			v := url.Values{"layout": {layout}, "token": {s.token}}
			for k, x := range f {
				v.Set(k, x)
			}
			v.Set("text", f["text"]+strings.Repeat(" word", i%20))
			go func() {
				r := httptest.NewRequest("POST", "http://127.0.0.1/api/preview", strings.NewReader(v.Encode()))
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				r.AddCookie(&http.Cookie{Name: s.cookieName(), Value: s.token})
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				done <- w.Code
			}()
		}
		for range layouts {
			if c := <-done; c != http.StatusOK {
				b.Fatal(c)
			}
		}
		times = append(times, time.Since(start))
	}
	reportPercentiles(b, times)
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}
