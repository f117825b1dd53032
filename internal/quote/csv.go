package quote

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// maxCSVCommas bounds the commas on one line of a CSV file. No real row
// comes near it (every field together is a few thousand characters), and it
// keeps a hostile line of millions of empty cells from being read into
// memory at once.
const maxCSVCommas = 20_000

// ignoredColumn marks a column whose name is already reported as wrong.
const ignoredColumn = "?"

// readCSV reads a spreadsheet export: a header row naming the columns with
// the YAML field names, then one quote per row. It returns nil when the
// file cannot be read far enough to validate.
func readCSV(c *collector, data []byte) *rawDataset {
	if len(bytes.TrimSpace(data)) == 0 {
		c.addf(0, "", "the file is empty; it needs a header row (id,text,author,...) and one row per quote (see docs/dataset.md)")
		return nil
	}
	if !checkCSVWidth(c, data) {
		return nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // ragged rows are reported below, in plain words
	header, err := r.Read()
	if err != nil {
		c.add(csvProblem(c.file, err))
		return nil
	}
	cols, ok := csvHeader(c, r, header)
	if !ok {
		return nil
	}
	headerLine, _ := r.FieldPos(0)

	raw := &rawDataset{}
	rows := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// The reader carries on at the next line, so the rows after
			// a broken one are still checked.
			rows++
			c.add(csvProblem(c.file, err))
			continue
		}
		line, _ := r.FieldPos(0)
		if !slices.ContainsFunc(rec, func(s string) bool { return strings.TrimSpace(s) != "" }) {
			continue // a blank row, such as ",,,"
		}
		rows++
		if len(rec) != len(cols) {
			c.addf(line, "", "this row has %d cells but the header row has %d columns: look for a missing or extra comma, or a cell with a comma that is not in double quotes", len(rec), len(cols))
			continue
		}
		if len(raw.quotes) == MaxQuotes {
			c.addf(line, "", "there are more than %d quotes; the limit is %d: split them into several files", MaxQuotes, MaxQuotes)
			break
		}
		raw.quotes = append(raw.quotes, csvQuote(c, r, rec, cols, line))
	}
	if rows == 0 {
		c.addf(headerLine, "", "there are no quotes: the file has a header row but no rows under it")
	}
	return raw
}

// csvHeader maps each column to its field, or to "" for a column with no
// name or ignoredColumn for one already reported, and reports what is wrong
// with the header row.
func csvHeader(c *collector, r *csv.Reader, header []string) ([]string, bool) {
	line, _ := r.FieldPos(0)
	if len(header) == 1 && strings.Count(header[0], ";") >= 1 {
		c.addf(line, "", "the columns are separated by semicolons; save the file as CSV with commas (in Excel: CSV UTF-8 (Comma delimited))")
		return nil, false
	}
	cols := make([]string, len(header))
	seen := map[string]int{} // name -> its column number
	// Wrong names are reported after the check for a missing header row,
	// in column order.
	type wrongName struct {
		line, col, first int // first: the earlier column of a repeated name
		name             string
	}
	var wrong []wrongName
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if name == "" {
			continue
		}
		l, _ := r.FieldPos(i)
		cols[i] = ignoredColumn
		if j, dup := seen[name]; dup {
			wrong = append(wrong, wrongName{l, i + 1, j, name})
			continue
		}
		seen[name] = i + 1
		if slices.Contains(quoteFields, name) {
			cols[i] = name
		} else {
			wrong = append(wrong, wrongName{l, i + 1, 0, name})
		}
	}
	if !slices.ContainsFunc(cols, func(s string) bool { return slices.Contains(quoteFields, s) }) {
		// Most likely a file without a header row: one message, not
		// one per cell of the first quote.
		c.addf(line, "", "the first row must name the columns, like: id,text,author,role,organisation,excerpt,source,date,url,lang,tags")
		return nil, false
	}
	suggested := map[string]bool{}
	for _, w := range wrong {
		if w.first > 0 {
			c.addf(w.line, "", "column %q appears twice in the header row (columns %d and %d); keep one", clip(w.name), w.first, w.col)
		} else {
			suggested[unknownName(c, w.line, "column", w.name, quoteFields)] = true
		}
	}
	ok := true
	for _, need := range []string{"text", "author"} {
		if !slices.Contains(cols, need) {
			if !suggested[need] {
				c.addf(line, need, "the header row has no %q column; every quote needs one", need)
			}
			ok = false
		}
	}
	return cols, ok
}

func csvQuote(c *collector, r *csv.Reader, rec, cols []string, line int) rawQuote {
	rq := rawQuote{line: line, fields: map[string]rawValue{}}
	for i, v := range rec {
		l, _ := r.FieldPos(i)
		f := cols[i]
		switch {
		case f == ignoredColumn:
		case f == "":
			if strings.TrimSpace(v) != "" {
				c.addf(l, "", "this cell is in a column with no name in the header row; name the column or empty the cell")
			}
		case f == "tags":
			if strings.TrimSpace(v) == "" {
				continue
			}
			rq.tagsLine = l
			parts := strings.Split(v, ";")
			if len(parts) > MaxTagsPerQuote {
				rq.tags = make([]rawValue, len(parts)) // only the count is reported
				continue
			}
			for _, t := range parts {
				rq.tags = append(rq.tags, rawValue{s: t, line: l})
			}
		case strings.TrimSpace(v) == "" && f != "text" && f != "author":
			// An empty cell is a field not given.
		default:
			rq.fields[f] = rawValue{s: v, line: l}
		}
	}
	return rq
}

// csvProblem explains a CSV syntax error at the line where its row starts.
func csvProblem(file string, err error) Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Problem{File: file, Line: 1, Msg: "the file could not be read as CSV (" + err.Error() + ")"}
	}
	var msg string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `a double quote mark (") is inside a cell that does not start with one: put the whole cell in double quotes and write each " inside it twice ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `a cell in double quotes is not closed properly: after its closing " only a comma or the end of the line may follow, and each " inside the cell must be written twice ("")`
	default:
		msg = "this row could not be read as CSV (" + pe.Err.Error() + ")"
	}
	if pe.Line != pe.StartLine {
		msg += fmt.Sprintf(" (the row starts on this line; the problem shows on line %d)", pe.Line)
	}
	return Problem{File: file, Line: max(pe.StartLine, 1), Msg: msg}
}

// checkCSVWidth refuses a line with more than maxCSVCommas commas.
func checkCSVWidth(c *collector, data []byte) bool {
	line := 1
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		if n := bytes.Count(data[:end], []byte(",")); n > maxCSVCommas {
			c.addf(line, "", "this line has %d commas, far more than any row of quotes (the limit is %d); is this the right file?", n, maxCSVCommas)
			return false
		}
		data = data[min(end+1, len(data)):]
		line++
	}
	return true
}
