// Package quote loads the dataset a campaign team edits by hand: a YAML or
// CSV file of quotes, each with the words said, who said them and where.
//
// The people editing the file are not programmers, so loading is strict and
// talkative: every problem in the file is reported in one run, each naming
// the file, the line and the field in plain words (see Problem). Quote text is
// kept verbatim — only Unicode NFC normalisation and trimming of surrounding
// whitespace are applied — because the words are someone's published
// statement; typography is the renderer's business, never the loader's.
//
// docs/dataset.md describes the format for the people who write it.
package quote

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Limits that keep a broken or hostile file from exhausting memory or time.
// They are far above what a campaign needs; exceeding one is a Problem that
// states the limit.
const (
	MaxFileBytes    = 32 << 20 // 32 MiB
	MaxQuotes       = 100_000
	MaxTextChars    = 5_000 // text and excerpt, in characters (runes)
	MaxFieldChars   = 1_000 // every other field, each tag and the title
	MaxIDChars      = 100   // ids become file names; this leaves room for suffixes
	MaxTagsPerQuote = 50
	// MaxProblems bounds the report for a thoroughly broken file; a last
	// line says how many more there were.
	MaxProblems = 200
)

// DefaultLang is the language of a quote when neither it nor the dataset
// names one.
const DefaultLang = "en"

// Quote is one statement. All fields are NFC-normalised and trimmed; empty
// means the field was not given.
type Quote struct {
	// ID names the quote on the command line and in output file names.
	// Given, or derived from Author; unique within a dataset.
	ID string
	// Text is the statement word for word, as published.
	Text string
	// Author is the person, or the group or document, that speaks.
	Author string
	// Role is the author's position, shown under the name.
	Role string
	// Organisation is the heading the campaign groups the quote under.
	Organisation string
	// Excerpt is a shorter cut of Text for placards and stories; it uses
	// only Text's words in order, with each interior cut marked by an
	// ellipsis (see CheckExcerpt).
	Excerpt string
	// Source names where the statement was published.
	Source string
	// Date is when it was said: YYYY, YYYY-MM or YYYY-MM-DD.
	Date string
	// URL links to the statement (http or https).
	URL string
	// Lang is the BCP 47 language of Text in canonical form, e.g. "en",
	// "pt-BR", so that rendering can pick hyphenation and quote marks.
	Lang string
	// Tags group quotes for selection; each is lowercase a-z, 0-9 and '-'.
	Tags []string
	// Line is where the quote starts in the file (the list item in YAML,
	// the row in CSV), for messages about it after loading.
	Line int
}

// Dataset is a loaded, fully validated file of quotes.
type Dataset struct {
	// Title names the campaign; from the file's title field, or else the
	// file's base name without extension.
	Title string
	// Name is the file name used in messages.
	Name string
	// Quotes are in file order.
	Quotes []Quote
}

// Format is the syntax of a dataset file.
type Format int

// The dataset formats. YAML is the one to edit by hand; CSV is for teams
// who keep their quotes in a spreadsheet.
const (
	YAML Format = iota + 1
	CSV
)

func (f Format) String() string {
	switch f {
	case YAML:
		return "YAML"
	case CSV:
		return "CSV"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// FormatOf picks the format from a file name's extension (.yaml, .yml or
// .csv, in any case), so that Load and callers reading from elsewhere agree.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML, true
	case ".csv":
		return CSV, true
	}
	return 0, false
}

// Load reads and validates the dataset at path, choosing the format by
// extension. Problems in the file come back as Problems; a file that cannot
// be read comes back wrapped as "load dataset PATH: ...".
func Load(path string) (*Dataset, error) {
	f, ok := FormatOf(path)
	if !ok {
		return nil, Problems{{File: path, Msg: fmt.Sprintf(
			"the file name must end in .yaml, .yml or .csv so broadside knows how to read it (it ends in %q)",
			filepath.Ext(path))}}
	}
	file, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, missingError{path}
	}
	if err != nil {
		return nil, fmt.Errorf("load dataset %s: %w", path, plainPathError(err))
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, fmt.Errorf("load dataset %s: %w", path, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("load dataset %s: it is a folder, not a file", path)
	}
	if info.Size() > MaxFileBytes {
		return nil, Problems{tooLarge(path, info.Size())}
	}
	// Read at most one byte past the limit: the file may have grown since
	// Stat, and Parse must see that it is too large rather than a cut file.
	data, err := io.ReadAll(io.LimitReader(file, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("load dataset %s: %w", path, err)
	}
	return Parse(path, data, f)
}

// missingError says plainly that the quotes file is not there; it is
// fs.ErrNotExist to errors.Is.
type missingError struct{ path string }

func (e missingError) Error() string { return "the quotes file " + e.path + " does not exist" }
func (e missingError) Unwrap() error { return fs.ErrNotExist }

// plainPathError drops the "open PATH:" that os repeats before its reason.
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse validates data as a dataset in format f. name is used in messages
// and, without its extension, as the default title. Every error Parse
// returns is Problems, listing all the problems found in the file.
func Parse(name string, data []byte, f Format) (*Dataset, error) {
	c := &collector{file: name}
	if len(data) > MaxFileBytes {
		c.add(tooLarge(name, int64(len(data))))
		return nil, c.err()
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if !checkUTF8(c, data) {
		return nil, c.err()
	}
	var raw *rawDataset
	switch f {
	case YAML:
		raw = readYAML(c, data)
	case CSV:
		raw = readCSV(c, data)
	default:
		c.add(Problem{File: name, Msg: fmt.Sprintf("unknown dataset format %d", int(f))})
		return nil, c.err()
	}
	if raw == nil {
		return nil, c.err()
	}
	d := validate(c, raw)
	if err := c.err(); err != nil {
		return nil, err
	}
	return d, nil
}

var utf8BOM = []byte("\uFEFF")

func tooLarge(name string, size int64) Problem {
	return Problem{File: name, Msg: fmt.Sprintf(
		"the file is larger than the limit of %d MiB (it is %.1f MiB): split the quotes into several files",
		MaxFileBytes>>20, float64(size)/(1<<20))}
}

// defaultTitle is the file's base name without its extension.
func defaultTitle(name string) string {
	// Cut at either separator: a Windows path may be named on any system.
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	return strings.TrimSuffix(base, filepath.Ext(base))
}
