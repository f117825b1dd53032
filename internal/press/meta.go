package press

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/render/pdf"
)

// Meta is the PDF document information of a campaign's documents, the same
// from the command line and the studio. The date is BuildDate, so the same
// inputs give the same bytes.
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

// SaddleInstructions says how to print a booklet imposed for saddle
// stitching; the command line and the studio both show it.
const SaddleInstructions = "To print: double-sided, flip on short edge, actual size (100%); keep the sheets in order, fold the stack in half and staple on the fold."

// PrintShopInstructions goes with the print-shop booklet.
const PrintShopInstructions = "For a print shop: trim-size pages with 3 mm bleed and crop marks, fonts embedded; send the PDF as it is."

// ReadingInstructions goes with the booklet in reading order.
const ReadingInstructions = "Pages in reading order, for reading on screen or for a print shop that imposes the booklet itself."

// PlacardInstructions goes with placards.
const PlacardInstructions = "To print: single-sided, actual size (100%), on the heaviest paper the printer takes; mount on card to carry."
