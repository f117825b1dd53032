package quote

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Words splits s into its words, ignoring punctuation and every difference
// that typography introduces, so that text as rendered (curly quotes,
// ellipses, dashes, non-breaking spaces, soft hyphens) can be compared with
// the text as written in the dataset, and an excerpt with its source.
//
// A word is a run of letters, marks, digits, symbols and the signs & @ # %
// (so "lies & illegal" keeps its "&" and "@snowden" stays one word). Inside
// a word, any apostrophe (' ’ ‘ ʼ ` ´ ′) is kept as a plain ', so "Assange’s"
// and "Assange's" are the same word; a '.' or ',' between digits is kept, so
// "3.5" and "1,000" stay one word. Everything else separates words: spaces,
// quote marks, dashes and hyphens of every kind (so "full-scale" is two
// words, however the dash is drawn), ellipses and other punctuation.
// Invisible format characters such as the soft hyphen are ignored. Letters
// keep their case, and the text is NFC-normalised first.
func Words(s string) []string {
	var words []string
	for _, t := range tokenize(s) {
		if t.word != "" { // not the marker of a trailing ellipsis
			words = append(words, t.word)
		}
	}
	return words
}

// token is a word, and whether an ellipsis stands between it and the word
// before (or the start of the text).
type token struct {
	word     string
	ellipsis bool
}

// tokenize splits s into words as Words does, also noting where the
// separators between words hold an ellipsis ("...", "…" or ". . .").
// An ellipsis after the last word is reported as a final token with an
// empty word.
func tokenize(s string) []token {
	rs := []rune(norm.NFC.String(s))
	var (
		tokens []token
		word   []rune
		sep    []rune // separator characters since the last word
	)
	flush := func() {
		if len(word) > 0 {
			tokens = append(tokens, token{word: string(word), ellipsis: hasEllipsis(sep)})
			word, sep = word[:0], sep[:0]
		}
	}
	for i, r := range rs {
		switch {
		case r == '\u200B': // zero-width space: a break, not a letter
			flush()
		case r == '−': // minus sign: a dash like the others
			flush()
			sep = append(sep, r)
		case unicode.Is(unicode.Cf, r): // soft hyphen, joiners, marks of direction
		case isApostrophe(r):
			if len(word) > 0 && i+1 < len(rs) && isWordRune(rs[i+1]) {
				word = append(word, '\'')
			} else {
				flush()
				sep = append(sep, r)
			}
		case isWordRune(r):
			word = append(word, r)
		case (r == '.' || r == ',') && len(word) > 0 && unicode.IsDigit(word[len(word)-1]) &&
			i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			word = append(word, r)
		default:
			flush()
			if !unicode.IsSpace(r) {
				sep = append(sep, r)
			}
		}
	}
	flush()
	if hasEllipsis(sep) {
		tokens = append(tokens, token{ellipsis: true})
	}
	return tokens
}

// hasEllipsis reports whether separator characters (spaces removed) hold
// "…" or three full stops in a row, as in "...", ". . ." or "outrageous. . .".
func hasEllipsis(sep []rune) bool {
	s := string(sep)
	return strings.ContainsRune(s, '…') || strings.Contains(s, "...")
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´', '′', '＇':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	switch r {
	case '&', '@', '#', '%', '_':
		return true
	}
	if isApostrophe(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || unicode.IsSymbol(r)
}
