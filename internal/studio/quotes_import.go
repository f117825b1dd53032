package studio

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/broadside/broadside/internal/quote"
)

// importStore keeps uploaded CSV files between preview and confirmation.
type importStore struct {
	mu sync.Mutex
	m  map[string][]quote.Quote
}

type importPreview struct {
	Key    string
	Name   string
	Quotes []quote.Quote
}

func (s *Server) quoteImport(w http.ResponseWriter, r *http.Request) {
	file, hdr, err := r.FormFile("csv")
	if err != nil {
		s.render(w, r, http.StatusBadRequest, "message", page{Title: "Import", Error: "Choose a CSV file to import."})
		return
	}
	defer file.Close()
	name, err := uploadName(rawFilename(hdr), ".csv")
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return
	}
	b, err := io.ReadAll(io.LimitReader(file, limitCSV))
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, "The file could not be read.")
		return
	}
	if !utf8.Valid(b) || slices.Contains(b, 0) {
		s.refuse(w, r, http.StatusUnsupportedMediaType, name+" is not a CSV file (it is not text); export your spreadsheet as CSV (UTF-8).")
		return
	}
	ds, err := quote.Parse(name, b, quote.CSV)
	p := s.project()
	d := s.quotesData(p, url.Values{})
	if err != nil {
		d.FileProblems = strings.Split(err.Error(), "\n")
		s.render(w, r, http.StatusUnprocessableEntity, "quotes", page{Title: "Quotes", Nav: "quotes", Error: name + " was not imported: fix these problems in the spreadsheet and try again.", Data: d})
		return
	}
	s.csv.mu.Lock()
	if s.csv.m == nil || len(s.csv.m) > 20 {
		s.csv.m = map[string][]quote.Quote{}
	}
	k := newToken()[:12]
	s.csv.m[k] = ds.Quotes
	s.csv.mu.Unlock()
	d.Import = &importPreview{Key: k, Name: name, Quotes: ds.Quotes}
	s.render(w, r, http.StatusOK, "quotes", page{Title: "Quotes", Nav: "quotes", Data: d})
}

func (s *Server) quoteImportConfirm(w http.ResponseWriter, r *http.Request) {
	s.csv.mu.Lock()
	qs, ok := s.csv.m[r.PostFormValue("key")]
	delete(s.csv.m, r.PostFormValue("key"))
	s.csv.mu.Unlock()
	if !ok {
		s.render(w, r, http.StatusGone, "message", page{Title: "Import", Error: "That import has expired; choose the file again."})
		return
	}
	err := s.saveYAML(quotesFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		for _, q := range qs {
			f := map[string]string{"id": q.ID, "text": q.Text, "author": q.Author, "role": q.Role, "organisation": q.Organisation,
				"excerpt": q.Excerpt, "source": q.Source, "date": q.Date, "url": q.URL, "lang": q.Lang, "tags": strings.Join(q.Tags, ", ")}
			if _, err := setFields(doc, -1, f); err != nil {
				return err
			}
		}
		return nil
	}, func(out []byte) error {
		_, err := quote.Parse(quotesFile, out, quote.YAML)
		return err
	})
	if errors.Is(err, errConflict) {
		s.conflict(w, r, quotesFile, nil)
		return
	}
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Not imported", Error: "Not imported: " + err.Error()})
		return
	}
	http.Redirect(w, r, "/quotes?done=imported", http.StatusSeeOther)
}
