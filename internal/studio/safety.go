package studio

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/broadside/broadside/internal/outfile"
)

// A local server is reachable from every page the person has open, so:
//   - only the Host names localhost, 127.0.0.1 and [::1] are answered
//     (a DNS-rebinding page arrives with its own name);
//   - every request carries the token printed with the address: the first
//     visit trades ?token= for a cookie, and forms and scripts repeat it in
//     a field or header (a page elsewhere can neither read nor guess it);
//   - cross-origin writes are refused (http.CrossOriginProtection);
//   - bodies are capped with http.MaxBytesReader, uploads checked by
//     content before anything decodes them;
//   - names from requests are checked against a strict shape, and every
//     file written stays inside the campaign folder.

// newToken returns 128 random bits as hex.
func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// allowedHost reports whether a Host header names this machine.
func allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	switch strings.ToLower(host) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// cookieName is per token, so two studios on one machine do not clash.
func (s *Server) cookieName() string {
	sum := sha256.Sum256([]byte(s.token))
	return "broadside-" + hex.EncodeToString(sum[:4])
}

func (s *Server) tokenOK(v string) bool {
	return v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(s.token)) == 1
}

// guard wraps every route with the rules above.
func (s *Server) guard(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.refuse(w, r, http.StatusForbidden, "This request came from another web site, so broadside refused it. Use the studio's own pages.")
	}))
	inner := cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		if !allowedHost(r.Host) {
			s.refuse(w, r, http.StatusMisdirectedRequest, "broadside answers only at localhost or 127.0.0.1; open the address it printed when it started.")
			return
		}
		if t := r.URL.Query().Get("token"); t != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			if !s.tokenOK(t) {
				s.refuse(w, r, http.StatusForbidden, "This address has an old or wrong key. Open the address broadside printed when it started.")
				return
			}
			http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del("token")
			u := *r.URL
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		if c, err := r.Cookie(s.cookieName()); err != nil || !s.tokenOK(c.Value) {
			s.refuse(w, r, http.StatusForbidden, "Open the address broadside printed when it started: it carries the key to this studio.")
			return
		}
		inner.ServeHTTP(w, r)
	})
}

// Body limits. A logo or font larger than these is not one a card needs.
const (
	limitForm  = 1 << 20
	limitCSV   = 8 << 20
	limitLogo  = 5 << 20
	limitFont  = 20 << 20
	limitTotal = limitFont + 1<<20
)

// post wraps a handler of a state-changing request: the body is capped at
// limit, the form parsed, and the token checked (a form field or the
// X-Broadside-Token header).
func (s *Server) post(limit int64, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		var err error
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			err = r.ParseMultipartForm(limit)
		} else {
			err = r.ParseForm()
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.refuse(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("That is too large: the limit here is %s.", size(limit)))
				return
			}
			s.refuse(w, r, http.StatusBadRequest, "The form could not be read; reload the page and try again.")
			return
		}
		if !s.tokenOK(r.Header.Get("X-Broadside-Token")) && !s.tokenOK(r.PostFormValue("token")) {
			s.refuse(w, r, http.StatusForbidden, "This form has an old key; reload the page and try again.")
			return
		}
		h(w, r)
	}
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// nameRe is the shape of every name taken from a request: layout and
// theme names, quote ids.
var nameRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validName(s string) bool { return len(s) <= 100 && nameRe.MatchString(s) }

// fileNameRe is the shape of an uploaded file's name.
var fileNameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,99}$`)

// uploadName checks an uploaded file's name: no folders, no "..", the
// extension wanted.
func uploadName(name string, exts ...string) (string, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.Contains(name, "..") || !fileNameRe.MatchString(name) {
		return "", fmt.Errorf("the file name %q cannot be used; rename the file to letters, digits, dashes and dots only", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if ext == e {
			return name, nil
		}
	}
	return "", fmt.Errorf("%s is not a %s file", name, strings.Join(exts, " or "))
}

// rawFilename is the file name as the browser sent it: Go's multipart
// reader keeps only the base name, which would hide a "../" sent on
// purpose, and such a request is refused, not repaired.
func rawFilename(h *multipart.FileHeader) string {
	if _, params, err := mime.ParseMediaType(h.Header.Get("Content-Disposition")); err == nil {
		if n, ok := params["filename"]; ok {
			return n
		}
	}
	return h.Filename
}

// writeFile writes data atomically to rel, a path inside the campaign
// folder, refusing any path that would leave it (also through a link).
func (s *Server) writeFile(rel string, data []byte) error {
	if !outfile.Inside(s.dir, rel) {
		return fmt.Errorf("%s is outside the campaign folder", rel)
	}
	path := filepath.Join(s.dir, rel)
	if err := outfile.MkdirAll(filepath.Dir(path)); err != nil {
		return err
	}
	real, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return err
	}
	root, err := filepath.EvalSymlinks(s.dir)
	if err != nil {
		return err
	}
	if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%s leads outside the campaign folder", rel)
	}
	if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a link; broadside does not write through links", rel)
	}
	return outfile.Write(path, data)
}
