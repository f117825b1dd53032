package studio

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/quote"
	"go.yaml.in/yaml/v3"
)

// quoteFields are a quote's fields in the order the dataset documents
// them, with what the page calls them.
var quoteFields = []struct{ Key, Label, Hint string }{
	{"text", "Quote, word for word", "Exactly as published. Curly quotes and dashes are added when cards are drawn."},
	{"author", "Who said it", ""},
	{"role", "Their role", "Shown under the name, e.g. UN Special Rapporteur on Torture."},
	{"organisation", "Organisation", "The heading the quote is grouped under in the booklet."},
	{"excerpt", "Shorter excerpt", "Optional: a cut of the quote for stories and placards; mark cuts with ..."},
	{"source", "Source", "Where it was published."},
	{"date", "Date", "YYYY, YYYY-MM or YYYY-MM-DD."},
	{"url", "Link to the statement", "https://…"},
	{"lang", "Language", "e.g. en, de, fr; leave empty for the campaign's."},
	{"tags", "Tags", "Separated by commas: lowercase words with dashes."},
	{"id", "Short name (id)", "Used in file names; made from the author when empty."},
}

var keyOrder = []string{"id", "text", "author", "role", "organisation", "excerpt", "source", "date", "url", "lang", "tags"}

// quoteItem is one quote as listed.
type quoteItem struct {
	Index            int
	ID, Author, Text string
	Tags             []string
	Problems         int
}

type quoteForm struct {
	Index  int // -1 for a new quote
	Rev    string
	Fields map[string]string
	// Problems by field; Other are those about the quote as a whole.
	Problems map[string][]string
	Other    []string
}

type quotesData struct {
	Rev            string
	Items          []quoteItem
	Total          int
	Query, Tag     string
	Tags           []string
	Fields         any
	Edit           *quoteForm
	FileProblems   []string
	Undo           string
	UndoAuthor     string
	Import         *importPreview
	Builtin        bool
	QuotesFilePath string
}

// rawQuotes reads the quotes of the file as written, so that the list and
// the editor work even while the file has problems.
func rawQuotes(src []byte) ([]map[string]string, []int, error) {
	doc, err := parseYAML(src)
	if err != nil {
		return nil, nil, err
	}
	seq := doc.Get(Path{"quotes"})
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil, nil, nil
	}
	var out []map[string]string
	var lines []int
	for _, it := range seq.Content {
		out = append(out, rawFields(it))
		lines = append(lines, it.Line)
	}
	return out, lines, nil
}

func rawFields(n *yaml.Node) map[string]string {
	m := map[string]string{}
	if n.Kind != yaml.MappingNode {
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		switch v.Kind {
		case yaml.ScalarNode:
			m[k] = v.Value
		case yaml.SequenceNode:
			var parts []string
			for _, e := range v.Content {
				parts = append(parts, e.Value)
			}
			m[k] = strings.Join(parts, ", ")
		}
	}
	return m
}

// problemsOf sorts a dataset's problems by quote (through the quotes'
// first lines) and field.
func problemsOf(err error, lines []int) (byQuote map[int][]quote.Problem, file []string) {
	byQuote = map[int][]quote.Problem{}
	var ps quote.Problems
	if !errors.As(err, &ps) {
		if err != nil {
			file = append(file, err.Error())
		}
		return
	}
	for _, p := range ps {
		i := -1
		for j, l := range lines {
			if p.Line >= l {
				i = j
			}
		}
		if i < 0 || p.Line == 0 {
			file = append(file, p.String())
			continue
		}
		byQuote[i] = append(byQuote[i], p)
	}
	return
}

func formOf(i int, rev string, fields map[string]string, ps []quote.Problem) *quoteForm {
	f := &quoteForm{Index: i, Rev: rev, Fields: fields, Problems: map[string][]string{}}
	for _, p := range ps {
		if slices.Contains(keyOrder, p.Field) {
			f.Problems[p.Field] = append(f.Problems[p.Field], p.Msg)
		} else {
			f.Other = append(f.Other, p.String())
		}
	}
	return f
}

func (s *Server) quotesPage(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	d := s.quotesData(p, r.URL.Query())
	pg := page{Title: "Quotes", Nav: "quotes", Data: d}
	switch r.URL.Query().Get("done") {
	case "saved":
		pg.Flash = "Saved to " + quotesFile + "."
	case "added":
		pg.Flash = "Added and saved to " + quotesFile + "."
	case "deleted":
		pg.Flash = "Deleted."
	case "moved":
		pg.Flash = "Moved."
	case "imported":
		pg.Flash = "Imported and saved to " + quotesFile + "."
	}
	s.render(w, r, http.StatusOK, "quotes", pg)
}

func (s *Server) quotesData(p *snapshot, q url.Values) *quotesData {
	d := &quotesData{Rev: p.quotes.rev, Query: q.Get("q"), Tag: q.Get("tag"), Fields: quoteFields, Builtin: p.quotes.builtin, QuotesFilePath: quotesFile}
	raw, lines, err := rawQuotes(p.quotes.src)
	if err != nil {
		d.FileProblems = []string{fmt.Sprintf("%s cannot be read as YAML: %v", quotesFile, err)}
	}
	byQuote, fileProblems := problemsOf(p.dsErr, lines)
	d.FileProblems = append(d.FileProblems, fileProblems...)
	d.Total = len(raw)
	query := strings.ToLower(d.Query)
	for i, f := range raw {
		tags := splitList(f["tags"])
		for _, t := range tags {
			if !slices.Contains(d.Tags, t) {
				d.Tags = append(d.Tags, t)
			}
		}
		if d.Tag != "" && !slices.Contains(tags, d.Tag) {
			continue
		}
		if query != "" && !strings.Contains(strings.ToLower(f["text"]+" "+f["author"]+" "+f["id"]+" "+f["organisation"]), query) {
			continue
		}
		d.Items = append(d.Items, quoteItem{Index: i, ID: f["id"], Author: f["author"], Text: f["text"], Tags: tags, Problems: len(byQuote[i])})
	}
	slices.Sort(d.Tags)
	if q.Has("new") {
		d.Edit = formOf(-1, p.quotes.rev, map[string]string{}, nil)
	} else if e := q.Get("edit"); e != "" {
		if i, err := strconv.Atoi(e); err == nil && i >= 0 && i < len(raw) {
			d.Edit = formOf(i, p.quotes.rev, raw[i], byQuote[i])
		}
	}
	if k := q.Get("undo"); k != "" {
		if u, ok := s.undo.get(k); ok {
			d.Undo, d.UndoAuthor = k, u.label
		}
	}
	return d
}

// splitList reads "a, b c" as a list.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// formFields reads a quote's fields from a form.
func formFields(r *http.Request) map[string]string {
	f := map[string]string{}
	for _, k := range keyOrder {
		f[k] = strings.ReplaceAll(r.PostFormValue(k), "\r\n", "\n")
	}
	return f
}

// setFields writes a quote's fields into item i of the quotes (a new item
// at the end when i is -1); empty fields are removed.
func setFields(doc *yamlDoc, i int, f map[string]string) (int, error) {
	seq := doc.Get(Path{"quotes"})
	n := 0
	if seq != nil && seq.Kind == yaml.SequenceNode {
		n = len(seq.Content)
	}
	if i < 0 {
		var kvs []KV
		for _, k := range keyOrder {
			if v := fieldValue(k, f[k]); v != nil {
				kvs = append(kvs, KV{Key: k, Value: v})
			}
		}
		return n, doc.Insert(Path{"quotes"}, n, kvs)
	}
	if i >= n {
		return 0, fmt.Errorf("there is no quote %d; reload the page", i+1)
	}
	for _, k := range keyOrder {
		if err := doc.Set(Path{"quotes", i, k}, fieldValue(k, f[k])); err != nil {
			return 0, err
		}
	}
	return i, nil
}

func fieldValue(k, v string) any {
	if k == "tags" {
		if l := splitList(v); len(l) > 0 {
			return l
		}
		return nil
	}
	if strings.TrimSpace(v) == "" {
		return nil
	}
	return v
}

// quoteProblems checks a whole quotes file and returns the problems of
// quote i, as `broadside check` words them.
func quoteProblems(src []byte, i int) []quote.Problem {
	_, err := quote.Parse(quotesFile, src, quote.YAML)
	if err == nil {
		return nil
	}
	_, lines, yerr := rawQuotes(src)
	if yerr != nil {
		return []quote.Problem{{File: quotesFile, Msg: yerr.Error()}}
	}
	byQuote, _ := problemsOf(err, lines)
	return byQuote[i]
}

// quoteErr carries a quote's problems out of a save.
type quoteErr struct{ ps []quote.Problem }

func (e *quoteErr) Error() string { return quote.Problems(e.ps).Error() }

func (s *Server) quoteSave(w http.ResponseWriter, r *http.Request) {
	i, _ := strconv.Atoi(r.PostFormValue("index"))
	rev := r.PostFormValue("rev")
	f := formFields(r)
	idx := i
	err := s.saveYAML(quotesFile, rev, func(doc *yamlDoc) error {
		var err error
		idx, err = setFields(doc, i, f)
		return err
	}, func(out []byte) error {
		if ps := quoteProblems(out, idx); len(ps) > 0 {
			return &quoteErr{ps}
		}
		return nil
	})
	s.afterQuoteSave(w, r, err, idx, rev, f, map[bool]string{true: "added", false: "saved"}[i < 0])
}

func (s *Server) afterQuoteSave(w http.ResponseWriter, r *http.Request, err error, idx int, rev string, f map[string]string, done string) {
	var qe *quoteErr
	switch {
	case err == nil:
		back := "/quotes?edit=" + strconv.Itoa(idx) + "&done=" + done
		if ret := r.PostFormValue("return"); ret == "cards" {
			back = "/cards?quote=" + strconv.Itoa(idx) + "&done=" + done
		}
		http.Redirect(w, r, back, http.StatusSeeOther)
	case errors.Is(err, errConflict):
		s.conflict(w, r, quotesFile, f)
	case errors.As(err, &qe):
		p := s.project()
		d := s.quotesData(p, url.Values{})
		d.Edit = formOf(idx, rev, f, qe.ps)
		if idx >= d.Total {
			d.Edit.Index = -1
		}
		s.render(w, r, http.StatusUnprocessableEntity, "quotes", page{Title: "Quotes", Nav: "quotes", Error: "Not saved yet: fix what is marked below.", Data: d})
	default:
		s.render(w, r, http.StatusInternalServerError, "message", page{Title: "Not saved", Error: err.Error()})
	}
}

// conflict tells the person that the file changed elsewhere and shows
// what they typed, so nothing is lost.
func (s *Server) conflict(w http.ResponseWriter, r *http.Request, file string, typed map[string]string) {
	type kv struct{ Key, Value string }
	var rows []kv
	for _, k := range keyOrder {
		if v := typed[k]; v != "" {
			rows = append(rows, kv{k, v})
		}
	}
	for k, v := range typed {
		if !slices.Contains(keyOrder, k) && v != "" {
			rows = append(rows, kv{k, v})
		}
	}
	s.render(w, r, http.StatusConflict, "conflict", page{Title: "Changed elsewhere", Error: file + " was changed by another program since this page was opened, so nothing was overwritten.",
		Data: map[string]any{"File": file, "Typed": rows, "Back": map[string]string{quotesFile: "/quotes", campaignFile: "/brand"}[file]}})
}

func (s *Server) quoteMove(w http.ResponseWriter, r *http.Request) {
	from, err1 := strconv.Atoi(r.PostFormValue("index"))
	to, err2 := strconv.Atoi(r.PostFormValue("to"))
	if err1 != nil || err2 != nil {
		s.refuse(w, r, http.StatusBadRequest, "Which quote? Reload the page and try again.")
		return
	}
	err := s.saveYAML(quotesFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		return doc.Move(Path{"quotes"}, from, to)
	}, func([]byte) error { return nil })
	if errors.Is(err, errConflict) {
		s.conflict(w, r, quotesFile, nil)
		return
	}
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Not moved", Error: err.Error()})
		return
	}
	http.Redirect(w, r, "/quotes?done=moved&edit="+strconv.Itoa(to)+"#q"+strconv.Itoa(to), http.StatusSeeOther)
}

// apiCheck checks a quote being typed, without saving: its problems by
// field, in check's words.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	p := s.project()
	i, err := strconv.Atoi(r.PostFormValue("index"))
	if err != nil {
		i = -1
	}
	doc, err := parseYAML(p.quotes.src)
	if err != nil {
		writeJSON(w, http.StatusOK, map[string]any{"other": []string{err.Error()}})
		return
	}
	f := formFields(r)
	idx, err := setFields(doc, i, f)
	if err != nil {
		writeJSON(w, http.StatusOK, map[string]any{"other": []string{err.Error()}})
		return
	}
	form := formOf(idx, "", f, quoteProblems(doc.Bytes(), idx))
	writeJSON(w, http.StatusOK, map[string]any{"fields": form.Problems, "other": form.Other})
}

// editedQuote turns the fields being typed into a quote exactly as the
// loader would (normalised, id derived), by loading a one-quote dataset.
func editedQuote(p *snapshot, f map[string]string) (quote.Quote, error) {
	doc, _ := parseYAML([]byte("quotes: []\n"))
	if p.lang != "" {
		doc.Set(Path{"lang"}, p.lang)
	}
	if _, err := setFields(doc, -1, f); err != nil {
		return quote.Quote{}, err
	}
	ds, err := quote.Parse(quotesFile, doc.Bytes(), quote.YAML)
	if err != nil {
		var ps quote.Problems
		if errors.As(err, &ps) {
			var msgs []string
			for _, p := range ps {
				m := p.Msg
				if p.Field != "" {
					m = p.Field + ": " + m
				}
				msgs = append(msgs, m)
			}
			return quote.Quote{}, errors.New(strings.Join(msgs, "\n"))
		}
		return quote.Quote{}, err
	}
	return ds.Quotes[0], nil
}
