package cards

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strconv"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/outfile"
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

// WriteManifest writes cards.json and cards.csv into dir, one entry per
// successful result, described as it is written, so that a run of ten
// thousand cards never holds ten thousand captions in memory.
func WriteManifest(dir string, results []Result, b layout.Brand) (int, error) {
	var js, cs bytes.Buffer
	js.WriteString("{\n  \"cards\": [")
	w := csv.NewWriter(&cs)
	head := []string{"file", "layout", "quote", "width", "height", "alt", "caption"}
	for _, l := range AltLimits {
		head = append(head, "alt_fits_"+l.Platform)
	}
	for _, l := range CaptionLimits {
		head = append(head, "caption_fits_"+l.Platform)
	}
	w.Write(head)
	bt := textOf(b)
	n := 0
	for _, r := range results {
		if r.Err != nil {
			continue
		}
		rel, err := filepath.Rel(dir, r.Job.Path)
		if err != nil {
			rel = r.Job.Path
		}
		e := bt.entry(rel, r)
		item, err := json.MarshalIndent(e, "    ", "  ")
		if err != nil {
			return n, err
		}
		if n > 0 {
			js.WriteString(",")
		}
		js.WriteString("\n    ")
		js.Write(item)
		row := []string{e.File, e.Layout, e.Quote, strconv.Itoa(e.Width), strconv.Itoa(e.Height), e.Alt, e.Caption}
		for _, l := range AltLimits {
			row = append(row, yesNo(e.AltFits[l.Platform]))
		}
		for _, l := range CaptionLimits {
			row = append(row, yesNo(e.CaptionFits[l.Platform]))
		}
		w.Write(row)
		n++
	}
	if n > 0 {
		js.WriteString("\n  ")
	}
	js.WriteString("]\n}\n")
	w.Flush()
	if err := w.Error(); err != nil {
		return n, err
	}
	if err := outfile.Write(filepath.Join(dir, "cards.json"), js.Bytes()); err != nil {
		return n, err
	}
	return n, outfile.Write(filepath.Join(dir, "cards.csv"), cs.Bytes())
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
