package project

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
)

// Meta is the PDF document information of a campaign's documents about
// quotes qs. The date is BuildDate's, so the same inputs give the same
// bytes whichever front door made the file.
func Meta(b layout.Brand, qs []quote.Quote) pdf.Meta {
	title := b.Title
	if title == "" {
		title = b.Campaign
	}
	var kw []string
	seen := map[string]bool{}
	for _, h := range b.Hashtags {
		kw, seen[h] = append(kw, h), true
	}
	for _, q := range qs {
		for _, t := range q.Tags {
			if !seen[t] {
				kw, seen[t] = append(kw, t), true
			}
		}
	}
	return pdf.Meta{
		Title:    title,
		Author:   b.Campaign,
		Subject:  b.Tagline,
		Keywords: strings.Join(kw, ", "),
		Creator:  "broadside",
		Lang:     b.Lang,
		Date:     BuildDate(),
	}
}

// BuildDate is the date written into files: SOURCE_DATE_EPOCH (the
// reproducible-builds convention) or 1 January 2000.
func BuildDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}
