package studio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/imageio"
)

type colorRole struct {
	Role, Label, Value, Theme string
	// Own: the campaign sets this colour (else it is the theme's).
	Own bool
	// Against is the role it is read against, and Min the WCAG ratio it
	// needs there; the page shows the ratio live.
	Against string
	Min     float64
	Ratio   float64
}

type brandData struct {
	Rev                                  string
	Name, Tagline, URL, Hashtags, Handle string
	Logo                                 string
	HasLogo                              bool
	Theme                                string
	Themes                               []string
	Colors                               []colorRole
	Fonts                                []string
	Problems                             map[string][]string
	Other                                []string
}

var roleLabels = map[string]string{"background": "Background", "text": "Text", "muted": "Details (role, links)", "accent": "Accent (quotation marks, rules)"}

func (s *Server) brandData(p *snapshot) *brandData {
	c := p.conf
	d := &brandData{Rev: p.settings.rev, Name: c.Name, Tagline: c.Tagline, URL: c.URL, Hashtags: strings.Join(c.Hashtags, " "),
		Handle: c.Handle, Logo: c.Logo, HasLogo: p.brand.Logo != nil, Theme: firstOf(c.Cards.Theme, "paper"), Themes: p.lib.ThemeNames(), Problems: map[string][]string{}}
	th, err := p.lib.Theme(d.Theme)
	for _, role := range campaign.ColorRoles {
		cr := colorRole{Role: role, Label: roleLabels[role], Against: "background", Min: 4.5}
		if err == nil {
			cr.Theme = th.Color(role).String()
		}
		cr.Value = firstOf(strings.ToLower(c.Colors[role]), cr.Theme)
		cr.Own = c.Colors[role] != ""
		if role == "accent" {
			cr.Min = 3
		}
		if role == "background" {
			cr.Against = ""
		}
		d.Colors = append(d.Colors, cr)
	}
	for i := range d.Colors {
		if d.Colors[i].Against != "" {
			d.Colors[i].Ratio, _ = contrast(d.Colors[i].Value, d.Colors[0].Value)
		}
	}
	if entries, err := os.ReadDir(filepath.Join(s.dir, fontsDir)); err == nil {
		for _, e := range entries {
			if strings.EqualFold(filepath.Ext(e.Name()), ".ttf") {
				d.Fonts = append(d.Fonts, e.Name())
			}
		}
	}
	if p.confErr != nil {
		d.Other = strings.Split(p.confErr.Error(), "\n")
	}
	return d
}

func (s *Server) brandPage(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	pg := page{Title: "Brand", Nav: "brand", Data: s.brandData(p)}
	switch r.URL.Query().Get("done") {
	case "saved":
		pg.Flash = "Saved to " + campaignFile + "."
	case "logo":
		pg.Flash = "Logo saved beside " + campaignFile + "."
	case "font":
		pg.Flash = "Font added to the fonts folder."
	}
	s.render(w, r, http.StatusOK, "brand", pg)
}

// brandSave writes the brand fields into data/campaign.yaml. Colours equal
// to the theme's are left out, so the file names only what the campaign
// chose.
func (s *Server) brandSave(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	f := map[string]string{}
	for _, k := range []string{"name", "tagline", "url", "hashtags", "handle", "theme"} {
		f[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	theme := firstOf(f["theme"], "paper")
	if !validName(theme) {
		s.refuse(w, r, http.StatusBadRequest, "There is no such theme.")
		return
	}
	th, err := p.lib.Theme(theme)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	// A colour is the campaign's own when the person changed it here, or
	// it was already; one equal to the theme's is left to the theme, and
	// an untouched one follows the theme when the theme changes.
	colors := map[string]string{}
	for _, role := range campaign.ColorRoles {
		v := strings.ToLower(strings.TrimSpace(r.PostFormValue("color-" + role)))
		f["color-"+role] = v
		changed := v != strings.ToLower(r.PostFormValue("was-color-"+role))
		own := r.PostFormValue("own-color-"+role) == "yes"
		if v != "" && (changed || own) && v != th.Color(role).String() {
			colors[role] = v
		}
	}
	err = s.saveYAML(campaignFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		for _, k := range []string{"name", "tagline", "url", "handle"} {
			if err := doc.Set(Path{k}, fieldValue(k, f[k])); err != nil {
				return err
			}
		}
		var tags []string
		for _, t := range splitList(f["hashtags"]) {
			tags = append(tags, strings.TrimPrefix(t, "#"))
		}
		var v any
		if len(tags) > 0 {
			v = tags
		}
		if err := doc.Set(Path{"hashtags"}, v); err != nil {
			return err
		}
		if err := doc.Set(Path{"cards", "theme"}, theme); err != nil {
			return err
		}
		for _, role := range campaign.ColorRoles {
			var v any
			if c, ok := colors[role]; ok {
				v = c
			}
			if doc.Get(Path{"colors"}) == nil && v == nil {
				continue
			}
			if err := doc.Set(Path{"colors", role}, v); err != nil {
				return err
			}
		}
		if c := doc.Get(Path{"colors"}); c != nil && len(c.Content) == 0 {
			return doc.Delete(Path{"colors"})
		}
		return nil
	}, func(out []byte) error {
		c, err := campaign.Parse(campaignFile, out)
		if err != nil {
			return err
		}
		_, err = th.WithColors(c.Colors, c.Pos)
		return err
	})
	switch {
	case err == nil:
		http.Redirect(w, r, "/brand?done=saved", http.StatusSeeOther)
	case errors.Is(err, errConflict):
		s.conflict(w, r, campaignFile, f)
	default:
		d := s.brandData(s.project())
		d.Name, d.Tagline, d.URL, d.Hashtags, d.Handle, d.Theme = f["name"], f["tagline"], f["url"], f["hashtags"], f["handle"], theme
		for i := range d.Colors {
			if v := f["color-"+d.Colors[i].Role]; v != "" {
				d.Colors[i].Value = v
			}
		}
		d.Other = nil
		for _, line := range strings.Split(err.Error(), "\n") {
			key := problemKey(line)
			if key != "" {
				d.Problems[key] = append(d.Problems[key], line)
			} else {
				d.Other = append(d.Other, line)
			}
		}
		s.render(w, r, http.StatusUnprocessableEntity, "brand", page{Title: "Brand", Nav: "brand", Error: "Not saved yet: fix what is marked below.", Data: d})
	}
}

// problemKey finds the setting a campaign problem is about
// ("data/campaign.yaml:4: url: ...").
func problemKey(line string) string {
	for _, k := range []string{"url", "hashtags", "handle", "name", "tagline", "colors.background", "colors.text", "colors.muted", "colors.accent", "colors"} {
		if strings.Contains(line, ": "+k+": ") {
			return k
		}
	}
	return ""
}

// readUpload reads an uploaded file of at most limit bytes.
func readUpload(r *http.Request, field string, limit int64, exts ...string) (string, []byte, error) {
	file, hdr, err := r.FormFile(field)
	if err != nil {
		return "", nil, fmt.Errorf("choose a file first")
	}
	defer file.Close()
	name, err := uploadName(rawFilename(hdr), exts...)
	if err != nil {
		return "", nil, err
	}
	b, err := io.ReadAll(io.LimitReader(file, limit+1))
	if err != nil || int64(len(b)) > limit {
		return "", nil, fmt.Errorf("%s is too large: the limit is %s", name, size(limit))
	}
	return name, b, nil
}

// brandLogo takes a PNG or JPEG logo, checked by its content, saves it as
// data/logo.png or data/logo.jpg and names it in the settings.
func (s *Server) brandLogo(w http.ResponseWriter, r *http.Request) {
	name, b, err := readUpload(r, "logo", limitLogo, ".png", ".jpg", ".jpeg")
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	ext := ""
	switch http.DetectContentType(b) {
	case "image/png":
		ext = ".png"
	case "image/jpeg":
		ext = ".jpg"
	default:
		s.refuse(w, r, http.StatusUnsupportedMediaType, name+" is not a PNG or JPEG image inside, whatever its name says; export the logo as PNG.")
		return
	}
	if _, err := imageio.Decode(name, b); err != nil {
		s.refuse(w, r, http.StatusUnsupportedMediaType, err.Error())
		return
	}
	file := "logo" + ext
	if err := s.writeFile(filepath.Join("data", file), b); err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	err = s.saveYAML(campaignFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		return doc.Set(Path{"logo"}, file)
	}, func(out []byte) error { _, err := campaign.Parse(campaignFile, out); return err })
	if errors.Is(err, errConflict) {
		s.conflict(w, r, campaignFile, map[string]string{"logo": file})
		return
	}
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Logo", Error: err.Error()})
		return
	}
	http.Redirect(w, r, "/brand?done=logo", http.StatusSeeOther)
}

func (s *Server) brandLogoRemove(w http.ResponseWriter, r *http.Request) {
	err := s.saveYAML(campaignFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		return doc.Delete(Path{"logo"})
	}, func(out []byte) error { _, err := campaign.Parse(campaignFile, out); return err })
	if errors.Is(err, errConflict) {
		s.conflict(w, r, campaignFile, nil)
		return
	}
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Logo", Error: err.Error()})
		return
	}
	http.Redirect(w, r, "/brand?done=saved", http.StatusSeeOther)
}

// brandLogoImage shows the current logo on the brand page.
func (s *Server) brandLogoImage(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	lp := p.conf.LogoPath()
	if lp == "" || !strings.HasPrefix(filepath.Clean(lp), s.dir+string(filepath.Separator)) {
		http.NotFound(w, r)
		return
	}
	b, err := os.ReadFile(lp)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ct := http.DetectContentType(b)
	if ct != "image/png" && ct != "image/jpeg" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write(b)
}

// brandFont takes a TrueType font, checked by its content and parsed
// before it is kept, into the campaign's fonts folder.
func (s *Server) brandFont(w http.ResponseWriter, r *http.Request) {
	name, b, err := readUpload(r, "font", limitFont, ".ttf")
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	switch {
	case bytes.HasPrefix(b, []byte("OTTO")):
		s.refuse(w, r, http.StatusUnsupportedMediaType, name+" is an OpenType font with PostScript outlines, which PDFs from broadside cannot embed; use the TrueType (.ttf) version.")
		return
	case !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(b, []byte("true")):
		s.refuse(w, r, http.StatusUnsupportedMediaType, name+" is not a TrueType font inside, whatever its name says.")
		return
	}
	tmp, err := os.MkdirTemp("", "broadside-font-")
	if err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	reg, err := font.Builtin()
	if err == nil {
		err = reg.AddFile(filepath.Join(tmp, name))
	}
	if err != nil {
		s.refuse(w, r, http.StatusUnsupportedMediaType, strings.ReplaceAll(err.Error(), tmp+string(filepath.Separator), ""))
		return
	}
	s.mu.Lock()
	err = s.writeFile(filepath.Join(fontsDir, name), b)
	if err == nil {
		err = s.reload()
	}
	s.mu.Unlock()
	if err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	http.Redirect(w, r, "/brand?done=font", http.StatusSeeOther)
}
