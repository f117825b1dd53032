package cli

import (
	"bytes"
	"context"
	"image"
	"image/draw"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/studio"
	"github.com/broadside/broadside/internal/testkit"
	xdraw "golang.org/x/image/draw"
)

// TestStudioPreviewIsTheCLIsCard: the studio's live preview of a quote and
// its card download are the very pixels `broadside cards` writes, in
// every card layout, with a campaign's own colours and logo.
func TestStudioPreviewIsTheCLIsCard(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	os.WriteFile(filepath.Join(dir, "data", "quotes.yaml"), data.QuotesYAML, 0o644)
	logo := image.NewRGBA(image.Rect(0, 0, 300, 100))
	draw.Draw(logo, image.Rect(20, 20, 280, 80), image.NewUniform(image.Black), image.Point{}, draw.Src)
	var lb bytes.Buffer
	png.Encode(&lb, logo)
	os.WriteFile(filepath.Join(dir, "data", "logo.png"), lb.Bytes(), 0o644)
	conf := string(data.CampaignYAML) + "logo: logo.png\ncolors:\n  accent: \"#1a4fa0\"\n"
	os.WriteFile(filepath.Join(dir, "data", "campaign.yaml"), []byte(conf), 0o644)

	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	args := []string{"cards", "--quote", "rebecca-vincent", "--out", out,
		"--data", filepath.Join(dir, "data", "quotes.yaml"), "--config", filepath.Join(dir, "data", "campaign.yaml")}
	if code := Main(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("broadside %v: %s", args, stderr.String())
	}
	s, err := studio.New(studio.Options{Dir: dir, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	get := func(method, target string, body url.Values) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, "http://127.0.0.1"+target, strings.NewReader(body.Encode()))
		r.AddCookie(&http.Cookie{Name: cookieOf(t, h), Value: "t"})
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("X-Broadside-Token", "t")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	entries, _ := os.ReadDir(out)
	layouts := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		layouts++
		l := e.Name()
		t.Run(l, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(out, l, "rebecca-vincent.png"))
			if err != nil {
				t.Fatal(err)
			}
			wantImg := testkit.DecodeRGBA(t, want)
			dl := get("GET", "/cards/download?quote=2&layout="+l, nil)
			if dl.Code != http.StatusOK {
				t.Fatalf("download: %d %s", dl.Code, dl.Body.String())
			}
			if !bytes.Equal(testkit.DecodeRGBA(t, dl.Body.Bytes()).Pix, wantImg.Pix) {
				t.Error("the studio's download and the CLI's card differ")
			}
			// The preview of the same fields as typed into the page.
			form := url.Values{"layout": {l}, "id": {"rebecca-vincent"}, "author": {"Rebecca Vincent"},
				"role":         {"Reporters Without Borders Director of International Campaigns"},
				"organisation": {"Reporters Without Borders"}, "excerpt": {"The case against Julian Assange is outrageous."},
				"text": {"The case against Julian Assange is outrageous. . . If the US government is successful in securing Assange’s extradition . . . the same precedent could be applied to any journalist anywhere . . . it is the very future of journalism and press freedom that is at stake."}}
			form.Set("w", strconv.Itoa(wantImg.Bounds().Dx()))
			pv := get("POST", "/api/preview", form)
			if pv.Code != http.StatusOK {
				t.Fatalf("preview: %d %s", pv.Code, pv.Body.String())
			}
			got := testkit.DecodeRGBA(t, pv.Body.Bytes())
			if got.Bounds() != wantImg.Bounds() || !bytes.Equal(got.Pix, wantImg.Pix) {
				t.Errorf("the studio's full-size preview (%v) and the CLI's card (%v) differ", got.Bounds(), wantImg.Bounds())
			}
			// The page's preview is drawn smaller, from the same frame: it
			// matches the CLI's card scaled to its size.
			form.Del("w")
			small := testkit.DecodeRGBA(t, get("POST", "/api/preview", form).Body.Bytes())
			scaled := image.NewRGBA(small.Bounds())
			xdraw.ApproxBiLinear.Scale(scaled, scaled.Bounds(), wantImg, wantImg.Bounds(), xdraw.Src, nil)
			mean, far := compare(small, scaled)
			t.Logf("preview %v: mean difference %.2f, %.3f%% of pixels far off", small.Bounds().Size(), mean, far*100)
			if small.Bounds().Dx() != 540 || mean > 3 || far > 0.012 {
				t.Errorf("the preview (%v) is not the CLI's card at its size: mean difference %.2f, %.2f%% pixels far off", small.Bounds(), mean, far*100)
			}
		})
	}
	if layouts < 6 {
		t.Errorf("the CLI made %d layouts, want every card layout", layouts)
	}
}

// compare gives the mean absolute difference of two images' channels
// (0-255) and the share of pixels off by more than a quarter.
func compare(a, b *image.RGBA) (mean, far float64) {
	// Each image sets its baselines on whole pixels of its own size
	// (render/png's glyphAt), so a line of the preview may sit up to a
	// pixel above or below the same line of the card scaled down: a pixel
	// is compared with the nearest of b's pixels in the column at and
	// beside it, up or down one.
	var sum, n, off int
	w, h := a.Rect.Dx(), a.Rect.Dy()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := y*a.Stride + 4*x
			best, bestWorst := -1, 0
			for dy := -1; dy <= 1; dy++ {
				if y+dy < 0 || y+dy >= h {
					continue
				}
				j := (y+dy)*b.Stride + 4*x
				s, worst := 0, 0
				for c := 0; c < 3; c++ {
					d := int(a.Pix[i+c]) - int(b.Pix[j+c])
					if d < 0 {
						d = -d
					}
					s += d
					worst = max(worst, d)
				}
				if best < 0 || s < best {
					best, bestWorst = s, worst
				}
			}
			sum += best
			if bestWorst > 64 {
				off++
			}
			n++
		}
	}
	return float64(sum) / float64(3*n), float64(off) / float64(n)
}

// cookieOf learns the studio's cookie name from its answer to the token.
func cookieOf(t *testing.T, h http.Handler) string {
	r := httptest.NewRequest("GET", "http://127.0.0.1/?token=t", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	c := w.Result().Cookies()
	if len(c) == 0 {
		t.Fatal("no cookie for the token")
	}
	return c[0].Name
}
