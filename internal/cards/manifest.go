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
func NewEntry(file string, r Result, b layout.Brand) Entry {
	alt := AltText(r.Job.Layout, r.Job.Quote, b)
	caption := Caption(r.Job.Quote, b)
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

// WriteManifest writes cards.json and cards.csv into dir.
func WriteManifest(dir string, entries []Entry) error {
	if entries == nil {
		entries = []Entry{}
	}
	js, err := json.MarshalIndent(map[string]any{"cards": entries}, "", "  ")
	if err != nil {
		return err
	}
	if err := outfile.Write(filepath.Join(dir, "cards.json"), append(js, '\n')); err != nil {
		return err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := []string{"file", "layout", "quote", "width", "height", "alt", "caption"}
	for _, l := range AltLimits {
		head = append(head, "alt_fits_"+l.Platform)
	}
	for _, l := range CaptionLimits {
		head = append(head, "caption_fits_"+l.Platform)
	}
	w.Write(head)
	for _, e := range entries {
		row := []string{e.File, e.Layout, e.Quote, strconv.Itoa(e.Width), strconv.Itoa(e.Height), e.Alt, e.Caption}
		for _, l := range AltLimits {
			row = append(row, yesNo(e.AltFits[l.Platform]))
		}
		for _, l := range CaptionLimits {
			row = append(row, yesNo(e.CaptionFits[l.Platform]))
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return outfile.Write(filepath.Join(dir, "cards.csv"), buf.Bytes())
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
