package studio

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/font"
)

// newTestServer makes a studio over a fresh campaign folder; with seed, the
// folder holds copies of the shipped quotes and settings.
func newTestServer(t testing.TB, seed bool) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	if seed {
		os.MkdirAll(filepath.Join(dir, "data"), 0o755)
		os.WriteFile(filepath.Join(dir, quotesFile), data.QuotesYAML, 0o644)
		os.WriteFile(filepath.Join(dir, campaignFile), data.CampaignYAML, 0o644)
	}
	s, err := New(Options{Dir: dir, Token: "test-token"})
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

// do sends a request as the studio's own page would, unless the test
// changes it with mod.
func do(t testing.TB, s *Server, method, target string, body []byte, contentType string, mod func(*http.Request)) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "http://127.0.0.1:8000"+target, bytes.NewReader(body))
	r.AddCookie(&http.Cookie{Name: s.cookieName(), Value: s.token})
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if method == http.MethodPost {
		r.Header.Set("Sec-Fetch-Site", "same-origin")
		r.Header.Set("X-Broadside-Token", s.token)
	}
	if mod != nil {
		mod(r)
	}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	return w
}

func form(t testing.TB, s *Server, target string, v url.Values, mod func(*http.Request)) *httptest.ResponseRecorder {
	return do(t, s, http.MethodPost, target, []byte(v.Encode()), "application/x-www-form-urlencoded", mod)
}

// upload posts one file in a multipart form with the fields.
func upload(t testing.TB, s *Server, target, field, name string, content []byte, fields url.Values) *httptest.ResponseRecorder {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile(field, name)
	fw.Write(content)
	mw.Close()
	return do(t, s, http.MethodPost, target, b.Bytes(), mw.FormDataContentType(), nil)
}

func TestSafetyRules(t *testing.T) {
	s, _ := newTestServer(t, true)
	rev := s.project().quotes.rev
	png := pngBytes(t)
	for _, tc := range []struct {
		name   string
		resp   func() *httptest.ResponseRecorder
		status int
		says   string
	}{
		{"foreign host (DNS rebinding)", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/quotes", nil, "", func(r *http.Request) { r.Host = "evil.example:8000" })
		}, http.StatusMisdirectedRequest, "only at localhost"},
		{"localhost is served", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/quotes", nil, "", func(r *http.Request) { r.Host = "localhost:8000" })
		}, http.StatusOK, "Quotes"},
		{"[::1] is served", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/quotes", nil, "", func(r *http.Request) { r.Host = "[::1]:8000" })
		}, http.StatusOK, "Quotes"},
		{"no token", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/quotes", nil, "", func(r *http.Request) { r.Header.Del("Cookie") })
		}, http.StatusForbidden, "address broadside printed"},
		{"wrong token in the address", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/?token=guess", nil, "", func(r *http.Request) { r.Header.Del("Cookie") })
		}, http.StatusForbidden, "wrong key"},
		{"token in the address gives the cookie", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/?token=test-token", nil, "", func(r *http.Request) { r.Header.Del("Cookie") })
		}, http.StatusSeeOther, ""},
		{"cross-origin POST", func() *httptest.ResponseRecorder {
			return form(t, s, "/quotes/move", url.Values{"rev": {rev}, "index": {"0"}, "to": {"1"}}, func(r *http.Request) {
				r.Header.Set("Sec-Fetch-Site", "cross-site")
				r.Header.Set("Origin", "https://evil.example")
			})
		}, http.StatusForbidden, "another web site"},
		{"POST without the form token", func() *httptest.ResponseRecorder {
			return form(t, s, "/quotes/move", url.Values{"rev": {rev}, "index": {"0"}, "to": {"1"}}, func(r *http.Request) { r.Header.Del("X-Broadside-Token") })
		}, http.StatusForbidden, "old key"},
		{"oversized logo", func() *httptest.ResponseRecorder {
			return upload(t, s, "/brand/logo", "logo", "big.png", append(png, make([]byte, limitLogo)...), url.Values{"rev": {"x"}})
		}, http.StatusRequestEntityTooLarge, "too large"},
		{"oversized form", func() *httptest.ResponseRecorder {
			return form(t, s, "/api/check", url.Values{"text": {strings.Repeat("a", limitForm)}}, nil)
		}, http.StatusRequestEntityTooLarge, "too large"},
		{"fake logo (text named .png)", func() *httptest.ResponseRecorder {
			return upload(t, s, "/brand/logo", "logo", "logo.png", []byte("<svg>not a png</svg>"), url.Values{"rev": {"x"}})
		}, http.StatusUnsupportedMediaType, "not a PNG or JPEG image inside"},
		{"fake font (PNG named .ttf)", func() *httptest.ResponseRecorder {
			return upload(t, s, "/brand/font", "font", "font.ttf", png, nil)
		}, http.StatusUnsupportedMediaType, "not a TrueType font"},
		{"CFF font", func() *httptest.ResponseRecorder {
			return upload(t, s, "/brand/font", "font", "font.ttf", []byte("OTTO\x00\x01rest"), nil)
		}, http.StatusUnsupportedMediaType, "TrueType (.ttf) version"},
		{"../ in a font's name", func() *httptest.ResponseRecorder {
			return upload(t, s, "/brand/font", "font", "../../evil.ttf", []byte{0, 1, 0, 0}, nil)
		}, http.StatusBadRequest, "cannot be used"},
		{"../ in a logo's name", func() *httptest.ResponseRecorder {
			return upload(t, s, "/brand/logo", "logo", "../logo.png", png, url.Values{"rev": {"x"}})
		}, http.StatusBadRequest, "cannot be used"},
		{"../ in a CSV's name", func() *httptest.ResponseRecorder {
			return upload(t, s, "/quotes/import", "csv", "..\\quotes.csv", []byte("text,author\na,b\n"), nil)
		}, http.StatusBadRequest, "cannot be used"},
		{"../ in a layout name", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/cards/download?quote=0&layout=../../etc/passwd", nil, "", nil)
		}, http.StatusBadRequest, "no such layout"},
		{"../ in a theme name", func() *httptest.ResponseRecorder {
			return form(t, s, "/api/preview", url.Values{"layout": {"x"}, "theme": {"../paper"}, "text": {"a"}, "author": {"b"}}, nil)
		}, http.StatusBadRequest, "no such layout or theme"},
		{"../ in a print layout", func() *httptest.ResponseRecorder {
			return do(t, s, "GET", "/print?kind=booklet&layout=..%2F..%2Fx", nil, "", nil)
		}, http.StatusBadRequest, "no such layout"},
		{"../ in a ZIP layout", func() *httptest.ResponseRecorder {
			return form(t, s, "/cards/zip", url.Values{"layout": {"x", "../x"}, "quotes": {"0"}}, nil)
		}, http.StatusBadRequest, "no such layout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.resp()
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body.String())
			}
			if !strings.Contains(w.Body.String(), tc.says) {
				t.Errorf("the answer does not say %q:\n%s", tc.says, w.Body.String())
			}
		})
	}
	// Nothing above wrote anything outside the folder, or into it.
	if _, err := os.Stat(filepath.Join(s.dir, "..", "evil.ttf")); err == nil {
		t.Error("a file was written outside the campaign folder")
	}
}

func TestTokenCookie(t *testing.T) {
	s, _ := newTestServer(t, false)
	w := do(t, s, "GET", "/cards?token=test-token&quote=2", nil, "", func(r *http.Request) { r.Header.Del("Cookie") })
	if loc := w.Header().Get("Location"); loc != "/cards?quote=2" {
		t.Errorf("redirect to %q, want the address without the token", loc)
	}
	c := w.Result().Cookies()
	if len(c) != 1 || c[0].Value != "test-token" || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("cookie %+v, want an HttpOnly SameSite=Strict cookie with the token", c)
	}
}

func TestWriteFileStaysInside(t *testing.T) {
	s, dir := newTestServer(t, false)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "output")); err != nil {
		t.Skip(err)
	}
	for _, rel := range []string{"../x", "/etc/x", "output/x", "a/../../x"} {
		if err := s.writeFile(rel, []byte("x")); err == nil {
			t.Errorf("writeFile(%q) wrote outside the campaign folder", rel)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("files written outside: %v", entries)
	}
}

func TestSaveKeepsCommentsAndRefusesStaleChanges(t *testing.T) {
	s, dir := newTestServer(t, true)
	rev := s.project().quotes.rev
	v := url.Values{"rev": {rev}, "index": {"0"}, "id": {"nils-melzer"}, "author": {"Nils Melzer"}, "role": {"Former UN Special Rapporteur on Torture"},
		"text":    {"This is not only about protecting Assange, but about preventing a precedent likely to seal the fate of Western democracy."},
		"excerpt": {"... preventing a precedent likely to seal the fate of Western democracy."}, "tags": {"un, human-rights, democracy"}}
	w := form(t, s, "/quotes/save", v, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", w.Code, w.Body.String())
	}
	b, _ := os.ReadFile(filepath.Join(dir, quotesFile))
	// Every byte but the edited value is as it was: comments, blank lines,
	// quoting, flow lists.
	want := strings.Replace(string(data.QuotesYAML), "role: UN Special Rapporteur on Torture\n", "role: Former UN Special Rapporteur on Torture\n", 1)
	if string(b) != want {
		t.Errorf("the save changed more than the role:\n%s", b)
	}
	// The same form again carries the old rev: refused, file unchanged.
	v.Set("role", "Someone else")
	w = form(t, s, "/quotes/save", v, nil)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "nothing was overwritten") || !strings.Contains(w.Body.String(), "Someone else") {
		t.Errorf("stale save: %d, want 409 saying so and showing what was typed", w.Code)
	}
	b2, _ := os.ReadFile(filepath.Join(dir, quotesFile))
	if !bytes.Equal(b, b2) {
		t.Error("a stale save changed the file")
	}
}

func TestSaveRefusesProblemsBesideTheField(t *testing.T) {
	s, dir := newTestServer(t, true)
	before, _ := os.ReadFile(filepath.Join(dir, quotesFile))
	w := form(t, s, "/quotes/save", url.Values{"rev": {s.project().quotes.rev}, "index": {"-1"}, "text": {"Words."}, "date": {"last year"}}, nil)
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{`id="p-author"`, "is required", `id="p-date"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, quotesFile))
	if !bytes.Equal(before, after) {
		t.Error("a quote with problems was saved")
	}
}

func TestConcurrentSavesAreSerialised(t *testing.T) {
	s, dir := newTestServer(t, true)
	rev := s.project().quotes.rev
	var wg sync.WaitGroup
	codes := make([]int, 8)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = form(t, s, "/quotes/move", url.Values{"rev": {rev}, "index": {"0"}, "to": {"1"}}, nil).Code
		}()
	}
	wg.Wait()
	ok := 0
	for _, c := range codes {
		switch c {
		case http.StatusSeeOther:
			ok++
		case http.StatusConflict:
		default:
			t.Errorf("status %d", c)
		}
	}
	if ok != 1 {
		t.Errorf("%d saves from the same page state went through, want exactly 1 (codes %v)", ok, codes)
	}
	b, _ := os.ReadFile(filepath.Join(dir, quotesFile))
	if _, err := parseYAML(b); err != nil {
		t.Error(err)
	}
}

func TestDeleteAndUndo(t *testing.T) {
	s, _ := newTestServer(t, true)
	n := len(s.project().ds.Quotes)
	first := s.project().ds.Quotes[0]
	w := form(t, s, "/quotes/delete", url.Values{"rev": {s.project().quotes.rev}, "index": {"0"}}, nil)
	if w.Code != http.StatusSeeOther || len(s.project().ds.Quotes) != n-1 {
		t.Fatalf("delete: %d, %d quotes", w.Code, len(s.project().ds.Quotes))
	}
	loc, _ := url.Parse(w.Header().Get("Location"))
	page := do(t, s, "GET", loc.RequestURI(), nil, "", nil).Body.String()
	if !strings.Contains(page, "Undo") {
		t.Fatal("no undo offered")
	}
	w = form(t, s, "/quotes/undo", url.Values{"rev": {s.project().quotes.rev}, "undo": {loc.Query().Get("undo")}}, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("undo: %d %s", w.Code, w.Body.String())
	}
	if got := s.project().ds.Quotes[0]; got.ID != first.ID || got.Text != first.Text || len(s.project().ds.Quotes) != n {
		t.Errorf("after undo the first quote is %s, want %s back", got.ID, first.ID)
	}
}

func TestStopEndsServe(t *testing.T) {
	s, _ := newTestServer(t, false)
	ln := httptest.NewUnstartedServer(nil).Listener
	done := make(chan error)
	go func() { done <- s.Serve(context.Background(), ln) }()
	base := "http://" + ln.Addr().String()
	req, _ := http.NewRequest("POST", base+"/stop", strings.NewReader("token=test-token"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: s.cookieName(), Value: "test-token"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("stop: %d", resp.StatusCode)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after Stop")
	}
}

func TestQuitWhenClosed(t *testing.T) {
	l := &life{quit: true, seen: map[string]time.Time{}, done: make(chan string, 1), timeout: time.Hour, grace: 1500 * time.Millisecond}
	go l.watch()
	l.beat("page1", true)
	l.beat("page2", true)
	l.beat("page1", false)
	select {
	case <-l.done:
		t.Fatal("ended while a page was open")
	case <-time.After(3 * time.Second):
	}
	l.beat("page2", false)
	select {
	case why := <-l.done:
		if !strings.Contains(why, "last page") {
			t.Errorf("why = %q", why)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("did not end after the last page said bye")
	}
}

// TestBrandColoursFollowTheTheme: colours the person did not touch are
// not written; changed ones are; switching theme leaves untouched colours
// to the new theme.
func TestBrandColoursFollowTheTheme(t *testing.T) {
	s, dir := newTestServer(t, true)
	save := func(theme string, colors map[string][2]string) *httptest.ResponseRecorder {
		d := s.brandData(s.project())
		v := url.Values{"rev": {s.project().settings.rev}, "name": {d.Name}, "url": {d.URL}, "hashtags": {d.Hashtags}, "theme": {theme}}
		for _, c := range d.Colors {
			v.Set("was-color-"+c.Role, c.Value)
			v.Set("color-"+c.Role, c.Value)
			if c.Own {
				v.Set("own-color-"+c.Role, "yes")
			}
			if nv, ok := colors[c.Role]; ok && nv[0] == c.Value {
				v.Set("color-"+c.Role, nv[1])
			}
		}
		return form(t, s, "/brand/save", v, nil)
	}
	if w := save("ink", nil); w.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", w.Code, w.Body.String())
	}
	b, _ := os.ReadFile(filepath.Join(dir, campaignFile))
	if strings.Contains(string(b), "colors:") || !strings.Contains(string(b), "theme: ink") {
		t.Errorf("switching theme wrote colours or not the theme:\n%s", b)
	}
	if w := save("ink", map[string][2]string{"accent": {s.brandData(s.project()).Colors[3].Value, "#ff8a80"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", w.Code, w.Body.String())
	}
	if got := s.project().conf.Colors; len(got) != 1 || got["accent"] != "#ff8a80" {
		t.Errorf("colours %v, want only the accent changed", got)
	}
	// Too faint: refused beside the field, nothing written.
	before, _ := os.ReadFile(filepath.Join(dir, campaignFile))
	w := save("ink", map[string][2]string{"text": {s.brandData(s.project()).Colors[1].Value, "#202020"}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "contrast") {
		t.Errorf("a faint text colour: %d", w.Code)
	}
	after, _ := os.ReadFile(filepath.Join(dir, campaignFile))
	if string(before) != string(after) {
		t.Error("a refused colour was written")
	}
}

// TestFontUpload: a TrueType font is checked, kept in fonts/, and loaded.
func TestFontUpload(t *testing.T) {
	s, dir := newTestServer(t, true)
	ttf, err := os.ReadFile(filepath.Join("..", "..", "fonts", "oswald", "Oswald-Bold.ttf"))
	if err != nil {
		t.Skip(err)
	}
	w := upload(t, s, "/brand/font", "font", "My Display Bold.ttf", ttf, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", w.Code, w.Body.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "fonts", "My Display Bold.ttf")); err != nil {
		t.Fatal(err)
	}
	builtin, _ := font.Builtin()
	if got, was := len(s.project().reg.Fonts()), len(builtin.Fonts()); got != was+1 {
		t.Errorf("%d fonts loaded, want the %d built in and the new one", got, was)
	}
	if page := do(t, s, "GET", "/brand", nil, "", nil).Body.String(); !strings.Contains(page, "My Display Bold.ttf") {
		t.Error("the brand page does not list the font")
	}
	// A damaged font is refused by the parser, not kept.
	w = upload(t, s, "/brand/font", "font", "broken.ttf", ttf[:200], nil)
	if w.Code != http.StatusUnsupportedMediaType {
		t.Errorf("a damaged font: %d %s", w.Code, w.Body.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "fonts", "broken.ttf")); err == nil {
		t.Error("a damaged font was kept")
	}
}

// TestCSVImport: a spreadsheet's quotes are shown first and added only on
// confirmation; a CSV with problems is refused with them.
func TestCSVImport(t *testing.T) {
	s, _ := newTestServer(t, true)
	n := len(s.project().ds.Quotes)
	csv := "text,author,tags\n\"Words that matter, said plainly.\",Dana Sample,\"press-freedom\"\nA second statement.,Eli Example,\n"
	w := upload(t, s, "/quotes/import", "csv", "from-sheet.csv", []byte(csv), nil)
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "Add these 2 quotes") || !strings.Contains(body, "Dana Sample") {
		t.Fatalf("preview: %d %s", w.Code, body)
	}
	if len(s.project().ds.Quotes) != n {
		t.Fatal("quotes were added before confirmation")
	}
	i := strings.Index(body, `name="key" value="`)
	key := body[i+len(`name="key" value="`):]
	key = key[:strings.Index(key, `"`)]
	w = form(t, s, "/quotes/import/confirm", url.Values{"rev": {s.project().quotes.rev}, "key": {key}}, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", w.Code, w.Body.String())
	}
	qs := s.project().ds.Quotes
	if len(qs) != n+2 || qs[n].Author != "Dana Sample" || qs[n].Text != "Words that matter, said plainly." || qs[n+1].Author != "Eli Example" {
		t.Errorf("after import: %d quotes, last %+v", len(qs), qs[len(qs)-1])
	}
	w = upload(t, s, "/quotes/import", "csv", "bad.csv", []byte("text,auther\nWords.,Someone\n"), nil)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "auther") {
		t.Errorf("a CSV with problems: %d", w.Code)
	}
}
