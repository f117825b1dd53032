package cards

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
)

// The manifest's files, in the folder of the cards they describe.
const (
	ManifestJSON = "cards.json"
	ManifestCSV  = "cards.csv"
)

// Entry describes one card for the people who post it.
type Entry struct {
	File        string          `json:"file"`
	Layout      string          `json:"layout"`
	Quote       string          `json:"quote"`
	Width       int             `json:"width"`
	Height      int             `json:"height"`
	Alt         string          `json:"alt"`
	Caption     string          `json:"caption"`
	AltFits     map[string]bool `json:"alt_fits"`
	CaptionFits map[string]bool `json:"caption_fits"`
}

// NewEntry describes a rendered card; file is relative to the manifest.
func NewEntry(file string, r Result, b layout.Brand) Entry { return textOf(b).entry(file, r) }

func (bt brandText) entry(file string, r Result) Entry {
	alt := bt.alt(r.Job.Layout, r.Job.Quote)
	caption := bt.caption(r.Job.Quote)
	return Entry{
		File:        filepath.ToSlash(file),
		Layout:      r.Job.Layout.Name,
		Quote:       r.Job.Quote.ID,
		Width:       r.W,
		Height:      r.H,
		Alt:         alt,
		Caption:     caption,
		AltFits:     Fits(AltLimits, alt),
		CaptionFits: Fits(CaptionLimits, caption),
	}
}

// WriteManifest merges the successful results into the manifest of dir
// (cards.json and cards.csv), so that it describes every card in the
// folder: a run for some quotes keeps the entries of the others, and a run
// in which every card failed keeps those of the cards already there. An
// entry whose file is no longer in the folder is dropped. It returns how
// many of the results it added.
//
// Entries are sorted by file, which makes the manifest the same however
// the cards were made: in one run, in several, or in shards merged with
// MergeManifests. Each is described as it is written, so a run of ten
// thousand cards never holds ten thousand captions in memory.
func WriteManifest(dir string, results []Result, b layout.Brand) (int, error) {
	own := &resultEntries{dir: dir, bt: textOf(b)}
	for _, r := range results {
		if r.Err == nil {
			own.results = append(own.results, r)
			own.files = append(own.files, relFile(dir, r.Job.Path))
		}
	}
	own.sort()
	old, err := openManifest(dir)
	if err != nil {
		return 0, err
	}
	kept := &filterEntries{src: old, keep: func(e Entry) bool { return inFolder(dir, e.File) }}
	if _, err := writeMerged(dir, kept, own); err != nil {
		return 0, err
	}
	return len(own.results), nil
}

// MergeManifests joins the manifests of dirs into the manifest of out
// (which takes part too, when it has one), for cards made in shards or on
// several machines. Where two describe the same file, the one named later
// wins. Files are not looked for: the cards may still be on their way to
// out. It returns how many entries the merged manifest has.
func MergeManifests(out string, dirs []string) (int, error) {
	var srcs []entries
	for _, d := range append([]string{out}, dirs...) {
		if d == out && len(srcs) > 0 {
			continue // named again among dirs: it already takes part
		}
		src, err := openManifest(d)
		if err != nil {
			for _, s := range srcs {
				s.close()
			}
			return 0, err
		}
		srcs = append(srcs, src)
	}
	return writeMerged(out, srcs...)
}

// relFile is path relative to dir, with forward slashes.
func relFile(dir, path string) string {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		rel = path
	}
	return filepath.ToSlash(rel)
}

// inFolder reports whether a manifest's file is in dir.
func inFolder(dir, file string) bool {
	name := filepath.FromSlash(file)
	if !outfile.Inside(dir, name) {
		return false
	}
	st, err := os.Stat(filepath.Join(dir, name))
	return err == nil && st.Mode().IsRegular()
}

// entries yields manifest entries in file order.
type entries interface {
	// next returns the next entry; ok is false at the end.
	next() (e Entry, ok bool, err error)
	close()
}

// writeMerged writes dir's manifest from srcs, each in file order; where
// several have the same file, the last of them wins. It returns how many
// entries it wrote. Nothing is replaced unless everything was written.
// It closes the sources.
func writeMerged(dir string, srcs ...entries) (int, error) {
	closeAll := func() {
		for _, s := range srcs {
			s.close()
		}
	}
	defer closeAll()
	jf, err := outfile.Create(filepath.Join(dir, ManifestJSON))
	if err != nil {
		return 0, err
	}
	defer jf.Abort()
	cf, err := outfile.Create(filepath.Join(dir, ManifestCSV))
	if err != nil {
		return 0, err
	}
	defer cf.Abort()
	w := newManifestWriter(jf, cf)

	heads := make([]*Entry, len(srcs))
	advance := func(i int) error {
		e, ok, err := srcs[i].next()
		if err != nil {
			return err
		}
		heads[i] = nil
		if ok {
			heads[i] = &e
		}
		return nil
	}
	for i := range srcs {
		if err := advance(i); err != nil {
			return 0, err
		}
	}
	for {
		// The smallest file among the heads, from the last source that
		// has it; every source that has it moves on.
		pick := -1
		for i, h := range heads {
			if h != nil && (pick < 0 || h.File <= heads[pick].File) {
				pick = i
			}
		}
		if pick < 0 {
			break
		}
		e := *heads[pick]
		for i, h := range heads {
			if h != nil && h.File == e.File {
				if err := advance(i); err != nil {
					return 0, err
				}
			}
		}
		if err := w.add(e); err != nil {
			return 0, err
		}
	}
	if err := w.finish(); err != nil {
		return 0, err
	}
	closeAll() // before the old manifest is replaced
	if err := jf.Commit(); err != nil {
		return 0, err
	}
	return w.n, cf.Commit()
}

// manifestWriter writes cards.json and cards.csv an entry at a time.
type manifestWriter struct {
	js  *bufio.Writer
	cs  *bufio.Writer
	csv *csv.Writer
	n   int
}

func newManifestWriter(jf, cf *outfile.File) *manifestWriter {
	w := &manifestWriter{js: bufio.NewWriter(jf), cs: bufio.NewWriter(cf)}
	w.csv = csv.NewWriter(w.cs)
	w.js.WriteString("{\n  \"cards\": [")
	head := []string{"file", "layout", "quote", "width", "height", "alt", "caption"}
	for _, l := range AltLimits {
		head = append(head, "alt_fits_"+l.Platform)
	}
	for _, l := range CaptionLimits {
		head = append(head, "caption_fits_"+l.Platform)
	}
	w.csv.Write(head)
	return w
}

func (w *manifestWriter) add(e Entry) error {
	item, err := json.MarshalIndent(e, "    ", "  ")
	if err != nil {
		return err
	}
	if w.n > 0 {
		w.js.WriteString(",")
	}
	w.js.WriteString("\n    ")
	w.js.Write(item)
	row := []string{e.File, e.Layout, e.Quote, strconv.Itoa(e.Width), strconv.Itoa(e.Height), e.Alt, e.Caption}
	for _, l := range AltLimits {
		row = append(row, yesNo(e.AltFits[l.Platform]))
	}
	for _, l := range CaptionLimits {
		row = append(row, yesNo(e.CaptionFits[l.Platform]))
	}
	w.n++
	return w.csv.Write(row)
}

func (w *manifestWriter) finish() error {
	if w.n > 0 {
		w.js.WriteString("\n  ")
	}
	w.js.WriteString("]\n}\n")
	w.csv.Flush()
	if err := w.csv.Error(); err != nil {
		return err
	}
	if err := w.js.Flush(); err != nil {
		return err
	}
	return w.cs.Flush()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// resultEntries describes a run's cards, in file order, as they are asked
// for.
type resultEntries struct {
	dir     string
	bt      brandText
	results []Result
	files   []string
	i       int
}

func (r *resultEntries) sort() {
	idx := make([]int, len(r.files))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(r.files[a], r.files[b]) })
	results, files := make([]Result, len(idx)), make([]string, len(idx))
	for i, j := range idx {
		results[i], files[i] = r.results[j], r.files[j]
	}
	r.results, r.files = results, files
}

func (r *resultEntries) next() (Entry, bool, error) {
	if r.i == len(r.results) {
		return Entry{}, false, nil
	}
	i := r.i
	r.i++
	return r.bt.entry(r.files[i], r.results[i]), true, nil
}

func (r *resultEntries) close() {}

// filterEntries passes on the entries of src that keep accepts.
type filterEntries struct {
	src  entries
	keep func(Entry) bool
}

func (f *filterEntries) next() (Entry, bool, error) {
	for {
		e, ok, err := f.src.next()
		if !ok || err != nil || f.keep(e) {
			return e, ok, err
		}
	}
}

func (f *filterEntries) close() { f.src.close() }

// sliceEntries yields entries held in memory.
type sliceEntries struct {
	es []Entry
	i  int
}

func (s *sliceEntries) next() (Entry, bool, error) {
	if s.i == len(s.es) {
		return Entry{}, false, nil
	}
	s.i++
	return s.es[s.i-1], true, nil
}

func (s *sliceEntries) close() {}

// openManifest reads the manifest of dir; a folder without one has none.
// A manifest written before manifests were sorted (or edited by hand) is
// read whole and sorted; a sorted one is read an entry at a time.
func openManifest(dir string) (entries, error) {
	path := filepath.Join(dir, ManifestJSON)
	sorted := true
	prev, n := "", 0
	err := readManifest(path, func(e Entry) {
		if n > 0 && e.File <= prev {
			sorted = false
		}
		prev, n = e.File, n+1
	})
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &sliceEntries{}, nil
	case err != nil:
		return nil, err
	case sorted:
		return newStreamEntries(path)
	}
	var es []Entry
	readManifest(path, func(e Entry) { es = append(es, e) })
	slices.SortStableFunc(es, func(a, b Entry) int { return strings.Compare(a.File, b.File) })
	// Of entries with the same file, the last written wins.
	out := es[:0]
	for i, e := range es {
		if i+1 < len(es) && es[i+1].File == e.File {
			continue
		}
		out = append(out, e)
	}
	return &sliceEntries{es: out}, nil
}

// readManifest calls f with every entry of the manifest at path.
func readManifest(path string, f func(Entry)) error {
	s, err := newStreamEntries(path)
	if err != nil {
		return err
	}
	defer s.close()
	for {
		e, ok, err := s.next()
		if err != nil || !ok {
			return err
		}
		f(e)
	}
}

// streamEntries reads a cards.json an entry at a time.
type streamEntries struct {
	path string
	f    *os.File
	dec  *json.Decoder
	done bool
}

func newStreamEntries(path string) (*streamEntries, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	s := &streamEntries{path: path, f: f, dec: json.NewDecoder(bufio.NewReader(f))}
	if err := s.start(); err != nil {
		f.Close()
		return nil, s.fail(err)
	}
	return s, nil
}

// start reads up to the first entry of the "cards" list.
func (s *streamEntries) start() error {
	if t, err := s.dec.Token(); err != nil || t != json.Delim('{') {
		return errors.Join(err, errors.New("it does not start with {"))
	}
	for s.dec.More() {
		t, err := s.dec.Token()
		if err != nil {
			return err
		}
		if t == "cards" {
			if t, err := s.dec.Token(); err != nil || t != json.Delim('[') {
				return errors.Join(err, errors.New(`"cards" is not a list`))
			}
			return nil
		}
		var skip json.RawMessage
		if err := s.dec.Decode(&skip); err != nil {
			return err
		}
	}
	s.done = true // no cards
	return nil
}

func (s *streamEntries) next() (Entry, bool, error) {
	if s.done || !s.dec.More() {
		s.done = true
		return Entry{}, false, nil
	}
	var e Entry
	if err := s.dec.Decode(&e); err != nil {
		return Entry{}, false, s.fail(err)
	}
	if e.File == "" {
		return Entry{}, false, s.fail(errors.New(`an entry has no "file"`))
	}
	return e, true, nil
}

func (s *streamEntries) fail(err error) error {
	return fmt.Errorf("%s cannot be read to merge into (%v); repair it, or delete it to start a new one", s.path, err)
}

func (s *streamEntries) close() {
	if s.f != nil {
		s.f.Close()
		s.f = nil
	}
}
