package studio

// Browser tests: the studio in a real Chromium (Debian's chromium), driven
// from Go with chromedp. One browser per package (TestMain), a tab per
// test. Outside CI a missing chromium skips these tests; in CI (CI=true),
// where .ci/run installs it, it fails them.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadside/broadside/internal/testkit"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

var screenshots = flag.Bool("screenshots", false, "write screenshots of each studio page into docs/images")

var (
	browserCtx context.Context
	browserWhy string
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runWithBrowser(m))
}

func runWithBrowser(m *testing.M) int {
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" || testing.Short() {
		browserWhy = "chromium is not installed (apt-get install chromium)"
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "broadside-chromium-")
	if err != nil {
		browserWhy = err.Error()
		return m.Run()
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("lang", "en-GB"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx); err != nil {
		browserWhy = "chromium did not start: " + err.Error()
		return m.Run()
	}
	browserCtx = bctx
	return m.Run()
}

// studioTab opens a tab on a studio over a fresh campaign folder (seeded
// with the shipped files when seed), already holding the token cookie.
func studioTab(t *testing.T, seed bool) (context.Context, *Server, string) {
	t.Helper()
	if browserCtx == nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must install it (see .ci/run)", browserWhy)
		}
		t.Skip(browserWhy)
	}
	s, _ := newTestServer(t, seed)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	ctx, cancel2 := context.WithTimeout(ctx, 6*time.Minute)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?token="+s.token), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	return ctx, s, ts.URL
}

func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// submit clicks sel, which leaves the page, and waits for the next one.
func submit(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__leaving = true`))
			return err
		}),
		chromedp.Click(chromedp.CSS(sel)),
		waitNewPage(),
	)
}

// waitNewPage waits for the page that follows a click; evaluating while
// the old page goes fails now and then, so it asks again.
func waitNewPage() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		deadline := time.Now().Add(2 * time.Minute)
		for time.Now().Before(deadline) {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.__leaving && document.readyState === "complete"`))
			if err == nil && ok {
				return nil
			}
			time.Sleep(100 * time.Millisecond)
		}
		return errors.New("the next page did not load")
	})
}

// poll waits until js is true.
func poll(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(2*time.Minute)))
		return err
	})
}

// setField sets a field's value as a person's edit would, with the input
// event the page listens to.
func setField(sel, v string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q;
			e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, sel, v)))
		return err
	})
}

// shot writes a screenshot of the page into docs/images with -screenshots,
// scrolled to show the element top (or the top of the page).
func shot(t *testing.T, ctx context.Context, name, top string) {
	t.Helper()
	if !*screenshots {
		return
	}
	js := `window.scrollTo(0, 0); true`
	if top != "" {
		js = fmt.Sprintf(`document.querySelector(%q).scrollIntoView(); window.scrollBy(0, -16); true`, top)
	}
	eval[bool](t, ctx, js)
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "images", "studio-"+name+".png")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// downloads lets the tab download into a folder and returns it.
func downloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	run(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true)})
		return err
	}))
	return dir
}

// downloaded waits for the next finished download in dir that is not in
// seen, and returns its bytes.
func downloaded(t *testing.T, dir string, seen map[string]bool) []byte {
	t.Helper()
	deadline := time.Now().Add(4 * time.Minute) // a ZIP of every card, under -race on a busy machine
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if seen[e.Name()] || strings.HasSuffix(e.Name(), ".crdownload") {
				continue
			}
			b1, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			time.Sleep(300 * time.Millisecond)
			b2, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if len(b1) > 0 && len(b1) == len(b2) {
				seen[e.Name()] = true
				return b2
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("no download arrived")
	return nil
}

// imageBytes reads the picture an <img> shows (a blob or a URL), as PNG.
func imageBytes(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	// Through a canvas: the page's CSP lets scripts fetch only from the
	// studio itself, not blob: URLs.
	b64 := eval[string](t, ctx, fmt.Sprintf(`(() => { const i = document.querySelector(%q);
		return i.decode().then(() => { const c = document.createElement("canvas");
		c.width = i.naturalWidth; c.height = i.naturalHeight; c.getContext("2d").drawImage(i, 0, 0);
		return c.toDataURL("image/png").split(",")[1]; }); })()`, sel))
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBrowserPreviewFollowsTyping: typing into the quote redraws every
// card, and the picture is the studio's card of what was typed.
func TestBrowserPreviewFollowsTyping(t *testing.T) {
	ctx, s, base := studioTab(t, true)
	run(t, ctx, chromedp.Navigate(base+"/cards?quote=0"), chromedp.WaitVisible(chromedp.CSS(`figure[data-layout="x"] img`)))
	shot(t, ctx, "cards", "")
	before := imageBytes(t, ctx, `figure[data-layout="x"] img`)
	// The picture before, to wait for a new one: on a busy machine the
	// check for blobs and no busy card could pass before the redraw began.
	beforeSrc := eval[string](t, ctx, `document.querySelector('figure[data-layout="x"] img').src`)
	run(t, ctx,
		chromedp.Click(chromedp.CSS("#c-author")),
		chromedp.SendKeys(chromedp.CSS("#c-author"), " and friends"),
		poll(fmt.Sprintf(`document.querySelector('figure[data-layout="x"] img').src !== %q && [...document.querySelectorAll("figure.card img")].every(i => i.src.startsWith("blob:")) && !document.querySelector("[aria-busy]")`, beforeSrc)),
	)
	after := imageBytes(t, ctx, `figure[data-layout="x"] img`)
	if n, _ := diffPixels(testkit.DecodeRGBA(t, before), testkit.DecodeRGBA(t, after)); n < 100 {
		t.Fatalf("the preview did not change after typing (%d pixels)", n)
	}
	// The new picture is the card of the typed quote, as the handler
	// draws it for the same fields.
	raw, _, _ := rawQuotes(s.project().quotes.src)
	f := raw[0]
	f["author"] += " and friends"
	q, err := editedQuote(s.project(), f)
	if err != nil {
		t.Fatal(err)
	}
	l, th, _ := s.cardArgs(s.project(), "x", "")
	want, err := s.project().cardPNG(l, th, q, previewWidth)
	if err != nil {
		t.Fatal(err)
	}
	// A canvas rounds some channels by one on the way back.
	if n, worst := diffPixels(testkit.DecodeRGBA(t, after), testkit.DecodeRGBA(t, want)); worst > 2 {
		t.Errorf("the page shows another picture than the card of what was typed: %d pixels differ, by up to %d", n, worst)
	}
	alt := eval[string](t, ctx, `document.querySelector('figure[data-layout="x"] img').alt`)
	if !strings.Contains(alt, "and friends") {
		t.Errorf("alt text not updated: %q", alt)
	}
	// Safe zones show on request.
	run(t, ctx, chromedp.Click(chromedp.CSS("#safe")))
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".zones")].filter(z => !z.hidden).length`); n != len(s.project().cardLayouts()) {
		t.Errorf("%d safe-zone overlays shown", n)
	}
	shot(t, ctx, "cards-safe-zones", ".cards")
}

// TestBrowserSaveKeepsComments: save a quote in the page, reload, and the
// file keeps its comments and the change.
func TestBrowserSaveKeepsComments(t *testing.T) {
	ctx, s, base := studioTab(t, true)
	run(t, ctx, chromedp.Navigate(base+"/quotes?edit=1"), chromedp.WaitVisible(chromedp.CSS("#f-role")))
	shot(t, ctx, "quotes", "")
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#f-role"), "Deputy Director for Europe"), submit(`#quote-form button[type=submit]`))
	if got := eval[string](t, ctx, `document.querySelector(".flash").textContent`); !strings.Contains(got, "Saved") {
		t.Errorf("flash %q", got)
	}
	run(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#f-role")))
	if v := eval[string](t, ctx, `document.querySelector("#f-role").value`); v != "Deputy Director for Europe" {
		t.Errorf("after reload the role is %q", v)
	}
	b, _ := os.ReadFile(filepath.Join(s.dir, quotesFile))
	for _, want := range []string{"# Quote text is kept word for word as published", "role: Deputy Director for Europe", "title: Global Support"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the saved file lacks %q", want)
		}
	}
}

func TestBrowserLogoUpload(t *testing.T) {
	ctx, s, base := studioTab(t, false)
	logo := filepath.Join(t.TempDir(), "our-logo.png")
	os.WriteFile(logo, pngBytes(t), 0o644)
	run(t, ctx, chromedp.Navigate(base+"/brand"), chromedp.WaitVisible(chromedp.CSS("#logo")),
		chromedp.SetUploadFiles(chromedp.CSS("#logo"), []string{logo}),
		submit(`form[action="/brand/logo"] button`),
		chromedp.WaitVisible(chromedp.CSS("img.logo")))
	if _, err := os.Stat(filepath.Join(s.dir, "data", "logo.png")); err != nil {
		t.Fatal(err)
	}
	if s.project().conf.Logo != "logo.png" || s.project().brand.Logo == nil {
		t.Errorf("the settings do not name the logo: %q", s.project().conf.Logo)
	}
	shot(t, ctx, "brand", "")
}

// TestBrowserAxe runs axe-core on every page: no serious or critical
// violation.
func TestBrowserAxe(t *testing.T) {
	ctx, _, base := studioTab(t, true)
	axe, err := os.ReadFile(filepath.Join("testdata", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/quotes", "/quotes?edit=0", "/quotes?new=1", "/cards?quote=2", "/brand",
		"/print?kind=booklet", "/print?kind=leaflet", "/print?kind=poster", "/print?kind=placards"} {
		t.Run(path, func(t *testing.T) {
			run(t, ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("main")))
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil && !errors.Is(err, chromedp.ErrJSUndefined) {
				t.Fatal(err)
			}
			res := eval[string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(
				r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v =>
					v.impact + " " + v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).join(", "))))`)
			var bad []string
			json.Unmarshal([]byte(res), &bad)
			for _, b := range bad {
				t.Error(b)
			}
		})
	}
	run(t, ctx, chromedp.Navigate(base+"/print?kind=booklet"), chromedp.WaitVisible(chromedp.CSS(".thumbs img")),
		poll(`[...document.querySelectorAll(".thumbs img")].slice(0, 4).every(i => i.complete)`))
	shot(t, ctx, "print", ".doc")
}

// TestBrowserKeyboard: every control is reached with Tab, each shows
// where the focus is, and Enter works the link under it.
func TestBrowserKeyboard(t *testing.T) {
	ctx, _, base := studioTab(t, true)
	run(t, ctx, chromedp.Navigate(base+"/quotes?edit=0"), chromedp.WaitVisible(chromedp.CSS("main")))
	reached := map[string]bool{}
	for i := 0; i < 40; i++ {
		run(t, ctx, chromedp.KeyEvent("\t"))
		info := eval[string](t, ctx, `(() => { const e = document.activeElement; const cs = getComputedStyle(e);
			const shown = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2;
			return (e.id || e.textContent.trim().slice(0, 30) || e.name || e.tagName) + "|" + shown; })()`)
		name, shown, _ := strings.Cut(info, "|")
		reached[name] = true
		if shown != "true" {
			t.Errorf("focus on %q is not visible", name)
		}
	}
	for _, want := range []string{"Skip to the content", "Quotes", "Stop the studio", "q", "add-quote"} {
		if !reached[want] {
			t.Errorf("Tab never reached %q (reached %v)", want, reached)
		}
	}
	run(t, ctx, chromedp.Focus(chromedp.CSS("#add-quote")), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS("#f-text")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "new=1") {
		t.Errorf("Enter on Add a quote went to %s", loc)
	}
}

// TestBrowserJourney is the "done when": in the studio alone, on
// an empty campaign folder, a person adds three quotes, sets the
// campaign's name, link, hashtags, logo and colours, downloads a ZIP of
// cards for every platform and the booklet, and finds it all saved in the
// campaign folder.
func TestBrowserJourney(t *testing.T) {
	ctx, s, base := studioTab(t, false)
	dl := downloads(t, ctx)
	seen := map[string]bool{}
	added := []struct{ text, author, role string }{
		{"A free press is the first line of defence of every other freedom.", "Ada Example", "Editor, The Daily Example"},
		{"We will not be silent while a publisher is punished for the truth.", "Ben Sample", "Union of Journalists"},
		{"Publishing is not a crime. Drop the charges.", "Cleo Placeholder", "Member of Parliament"},
	}
	for _, q := range added {
		run(t, ctx,
			chromedp.Navigate(base+"/quotes"), chromedp.WaitVisible(chromedp.CSS("#add-quote")),
			submit("#add-quote"),
			chromedp.SendKeys(chromedp.CSS("#f-text"), q.text),
			chromedp.SendKeys(chromedp.CSS("#f-author"), q.author),
			chromedp.SendKeys(chromedp.CSS("#f-role"), q.role),
			submit(`#quote-form button[type=submit]`),
		)
		if got := eval[string](t, ctx, `(document.querySelector(".flash") || {}).textContent || document.body.innerText`); !strings.Contains(got, "Added") {
			t.Fatalf("adding %s: %s", q.author, got)
		}
	}
	logo := filepath.Join(t.TempDir(), "logo.png")
	os.WriteFile(logo, pngBytes(t), 0o644)
	run(t, ctx,
		chromedp.Navigate(base+"/brand"), chromedp.WaitVisible(chromedp.CSS("#b-name")),
		setField("#b-name", ""), chromedp.SendKeys(chromedp.CSS("#b-name"), "Press Freedom Now"),
		setField("#b-url", ""), chromedp.SendKeys(chromedp.CSS("#b-url"), "https://pressfreedom.example"),
		setField("#b-hashtags", ""), chromedp.SendKeys(chromedp.CSS("#b-hashtags"), "#PressFreedom DropTheCharges"),
		// A colour picker is the system's dialog; the page sees its value.
		setField("#b-color-accent", "#1a4fa0"),
		setField("#b-color-text", "#10243e"),
		submit(`#brand-form button[type=submit]`),
	)
	if got := eval[string](t, ctx, `(document.querySelector(".flash") || {}).textContent || document.body.innerText`); !strings.Contains(got, "Saved") {
		t.Fatalf("saving the brand: %s", got)
	}
	run(t, ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#logo"), []string{logo}),
		submit(`form[action="/brand/logo"] button`),
		chromedp.WaitVisible(chromedp.CSS("img.logo")),
	)
	run(t, ctx, chromedp.Navigate(base+"/cards?quote=20"), chromedp.WaitVisible(chromedp.CSS("#zip-button")))
	run(t, ctx, chromedp.Click(chromedp.CSS("#zip-button")))
	zipped := downloaded(t, dl, seen)
	var layouts []string
	for _, l := range s.project().cardLayouts() {
		layouts = append(layouts, l.Name)
	}
	checkZip(t, zipped, layouts, 22)
	run(t, ctx, chromedp.Navigate(base+"/print?kind=booklet"), chromedp.WaitVisible(chromedp.CSS("#pdf-button")), chromedp.Click(chromedp.CSS("#pdf-button")))
	if pdf := downloaded(t, dl, seen); !strings.HasPrefix(string(pdf), "%PDF") {
		t.Fatal("the booklet download is not a PDF")
	}

	// Everything is in the campaign folder, and the command line reads it.
	p, err := load(s.dir)
	if err != nil || p.dsErr != nil || p.confErr != nil {
		t.Fatalf("the folder does not load: %v %v %v", err, p.dsErr, p.confErr)
	}
	if n := len(p.ds.Quotes); n != 22 {
		t.Errorf("%d quotes in %s, want the 19 built-in and 3 added", n, quotesFile)
	}
	for i, q := range added {
		got := p.ds.Quotes[19+i]
		if got.Text != q.text || got.Author != q.author || got.Role != q.role {
			t.Errorf("quote %d saved as %+v", 20+i, got)
		}
	}
	c := p.conf
	if c.Name != "Press Freedom Now" || c.URL != "https://pressfreedom.example" || strings.Join(c.Hashtags, " ") != "PressFreedom DropTheCharges" ||
		c.Logo != "logo.png" || c.Colors["accent"] != "#1a4fa0" || c.Colors["text"] != "#10243e" {
		t.Errorf("campaign saved as name %q url %q hashtags %v logo %q colours %v", c.Name, c.URL, c.Hashtags, c.Logo, c.Colors)
	}
	for _, f := range []string{"data/logo.png", "output/cards.zip", "output/booklet-saddle.pdf"} {
		if _, err := os.Stat(filepath.Join(s.dir, f)); err != nil {
			t.Errorf("%s is not in the campaign folder: %v", f, err)
		}
	}
}

// serveTab runs a studio with Serve, as `broadside serve` does, and opens
// a tab on it; done receives Serve's result.
func serveTab(t *testing.T, quit bool) (ctx context.Context, closeTab context.CancelFunc, base string, done chan error) {
	t.Helper()
	if browserCtx == nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must install it (see .ci/run)", browserWhy)
		}
		t.Skip(browserWhy)
	}
	s, err := New(Options{Dir: t.TempDir(), QuitWhenClosed: quit})
	if err != nil {
		t.Fatal(err)
	}
	s.life.setTimes(time.Minute, 2*time.Second)
	ln := httptest.NewUnstartedServer(nil).Listener
	done = make(chan error, 1)
	go func() { done <- s.Serve(context.Background(), ln) }()
	base = "http://" + ln.Addr().String()
	ctx, closeTab = chromedp.NewContext(browserCtx)
	t.Cleanup(closeTab)
	run(t, ctx, chromedp.Navigate(base+"/?token="+s.Token()), chromedp.WaitVisible(chromedp.CSS("main")))
	return ctx, closeTab, base, done
}

// TestBrowserStopButton: the page's Stop button ends the server cleanly
// and says so.
func TestBrowserStopButton(t *testing.T) {
	ctx, _, _, done := serveTab(t, false)
	run(t, ctx, submit(`form.stop button`))
	if h := eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.Contains(h, "stopped") {
		t.Errorf("the page says %q", h)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
}

// TestBrowserQuitWhenClosed: with --quit-when-closed the server runs while
// its page is open (moving between pages included) and ends soon after the
// window closes.
func TestBrowserQuitWhenClosed(t *testing.T) {
	ctx, closeTab, base, done := serveTab(t, true)
	run(t, ctx, chromedp.Navigate(base+"/cards"), chromedp.WaitVisible(chromedp.CSS("main")),
		chromedp.Navigate(base+"/brand"), chromedp.WaitVisible(chromedp.CSS("main")))
	select {
	case <-done:
		t.Fatal("the server stopped while its page was open")
	case <-time.After(5 * time.Second):
	}
	closeTab()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the server did not stop after its window closed")
	}
}
