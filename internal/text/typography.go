package text

import (
	"strings"
	"unicode"
)

// Quotes are a language's quotation marks.
type Quotes struct {
	Open, Close           string // primary, e.g. “ ”
	InnerOpen, InnerClose string // nested, e.g. ‘ ’
	// Apostrophe is the mark inside words (’ almost everywhere).
	Apostrophe string
}

const (
	nbsp  = "\u00a0" // no-break space
	nnbsp = "\u202f" // narrow no-break space, inside French guillemets
)

var quoteStyles = map[string]Quotes{
	"en": {"“", "”", "‘", "’", "’"},
	"de": {"„", "“", "‚", "‘", "’"},
	"fr": {"«" + nnbsp, nnbsp + "»", "“", "”", "’"},
	"es": {"«", "»", "“", "”", "’"},
	"it": {"«", "»", "“", "”", "’"},
	"pt": {"“", "”", "‘", "’", "’"},
	"nl": {"“", "”", "‘", "’", "’"},
	"pl": {"„", "”", "«", "»", "’"},
	"ru": {"«", "»", "„", "“", "’"},
	"uk": {"«", "»", "„", "“", "’"},
	"sv": {"”", "”", "’", "’", "’"},
	"da": {"»", "«", "›", "‹", "’"},
	"cs": {"„", "“", "‚", "‘", "’"},
	"el": {"«", "»", "“", "”", "’"},
	// Right to left: the marks are in reading order, and guillemets are
	// mirrored when drawn, so « opens at the right pointing outwards.
	// Arabic: « » as the Arabic press writes them (CLDR lists ” “, the
	// other convention in use). Persian: « » (CLDR). Hebrew: „ ”, the
	// printing tradition (Wikipedia, "Hebrew punctuation"); CLDR and
	// most typing today use ” ” from the keyboard. See docs/languages.md.
	"ar": {"«", "»", "“", "”", "’"},
	"fa": {"«", "»", "“", "”", "’"},
	"he": {"„", "”", "‚", "’", "’"},
	// CLDR's marks for Hindi, Thai, Chinese, Japanese and Korean.
	"hi": {"“", "”", "‘", "’", "’"},
	"th": {"“", "”", "‘", "’", "’"},
	"zh": {"“", "”", "‘", "’", "’"},
	"ja": {"「", "」", "『", "』", "’"},
	"ko": {"“", "”", "‘", "’", "’"},
}

// hant are the tags of Traditional Chinese, which quotes with corner
// brackets as Japanese does (CLDR zh-Hant).
var hant = []string{"zh-hant", "zh-tw", "zh-hk", "zh-mo"}

// QuotesFor returns the quotation marks for a BCP 47 tag, by its language
// subtag, defaulting to English marks. de-CH and fr-CH differ in practice,
// but the language's main convention is a fair default.
func QuotesFor(lang string) Quotes {
	base := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	for _, h := range hant {
		if base == h || strings.HasPrefix(base, h+"-") {
			return Quotes{"「", "」", "『", "』", "’"}
		}
	}
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if q, ok := quoteStyles[base]; ok {
		return q
	}
	return quoteStyles["en"]
}

// honorifics are kept on one line with the name after them.
var honorifics = []string{"Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Sen", "Rep", "Hon"}

// IsFoldSpace reports the whitespace that text from spreadsheets, exports
// and other programs carries inside a value, and that is set as a single
// space: space, tab, the line breaks (LF, CR, NEL, U+2028, U+2029), and the
// vertical tab and form feed that word processors write for manual line
// and page breaks. No-break spaces are deliberate and are not folded.
func IsFoldSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// Fold sets every run of fold spaces in s as one space, for display; the
// data keeps what was written. It returns s itself when there is nothing
// to fold, which is almost always.
func Fold(s string) string {
	prevSpace, clean := false, true
	for _, r := range s {
		fs := IsFoldSpace(r)
		if fs && (r != ' ' || prevSpace) {
			clean = false
			break
		}
		prevSpace = fs
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevSpace = false
	for _, r := range s {
		if IsFoldSpace(r) {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		b.WriteRune(r)
	}
	return b.String()
}

// Smarten applies typography to plain text for display, never to the data:
// straight quotes become the language's curly quotes (the inner pair when
// nested, because the text will be set inside the primary marks), `...` and
// `. . .` become an ellipsis kept on the line of the word before it, spaced
// hyphens become en dashes, and titles like "Mr." stay with the name after
// them. Whitespace is folded first (see Fold). Words are never changed.
func Smarten(s, lang string, nested bool) string {
	s = Fold(s)
	q := QuotesFor(lang)
	dOpen, dClose, sOpen, sClose := q.Open, q.Close, q.InnerOpen, q.InnerClose
	if nested {
		dOpen, dClose = q.InnerOpen, q.InnerClose
		if q.InnerOpen == "‘" || q.InnerOpen == "‚" {
			// Already the single pair: a further level goes back to doubles.
			sOpen, sClose = q.InnerOpen, q.InnerClose
		}
	}
	rs := []rune(s)
	open := false // a straight double quote has opened and not closed
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := func(i int) rune {
		if i == 0 {
			return 0
		}
		return rs[i-1]
	}
	next := func(i int) rune {
		if i+1 >= len(rs) {
			return 0
		}
		return rs[i+1]
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		dots := 0 // runes of an ellipsis starting here
		if r == '.' {
			dots = ellipsisLen(rs, i)
		}
		switch {
		case dots > 0:
			trimSpaceBefore(&b)
			if i > 0 && prev(i) == ' ' {
				b.WriteString(nbsp)
			}
			b.WriteString("…")
			i += dots - 1
		case r == '-' && prev(i) == ' ' && (next(i) == ' ' || next(i) == '-' && i+2 < len(rs) && rs[i+2] == ' '):
			// " - " or " -- ": an en dash that does not start a line.
			trimSpaceBefore(&b)
			b.WriteString(nbsp + "–")
			if next(i) == '-' {
				i++
			}
		case r == '"':
			// Opening after a space or at the start, unless a quote is open
			// and this one is followed by a space or the end (French " non ").
			nx := next(i)
			if opens(prev(i)) && !(open && (nx == 0 || unicode.IsSpace(nx) || unicode.IsPunct(nx))) {
				b.WriteString(dOpen)
				open = true
			} else {
				b.WriteString(dClose)
				open = false
			}
		case r == '\'':
			p, nx := prev(i), next(i)
			switch {
			case isWordRune(p) && isWordRune(nx):
				b.WriteString(q.Apostrophe) // Assange's, don't
			case opens(p) && (isWordRune(nx) || nx == '.'):
				b.WriteString(sOpen)
			case opens(p) && nx == 0:
				b.WriteString(sOpen)
			default:
				b.WriteString(sClose)
			}
		case r == ' ' && unicode.IsUpper(next(i)) && honorificBefore(rs, i):
			b.WriteString(nbsp)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if strings.Contains(dOpen, nnbsp) {
		out = strings.ReplaceAll(out, dOpen+" ", dOpen)
		out = strings.ReplaceAll(out, " "+dClose, dClose)
	}
	return out
}

// Plain undoes Smarten's substitutions, for comparing rendered text with
// the data: curly quotes to straight ones, the ellipsis to three dots, en
// dashes to hyphens and no-break spaces to spaces.
func Plain(s string) string {
	return plainer.Replace(s)
}

var plainer = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`,
	"‘", "'", "’", "'", "‚", "'", "‹", "'", "›", "'",
	"…", "...", "–", "-", "—", "-",
	nbsp, " ", nnbsp, " ",
)

func opens(p rune) bool {
	return p == 0 || unicode.IsSpace(p) || strings.ContainsRune("([{<–—/-“‘„‚«\u00a0\u202f", p)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// ellipsisLen is the length of "..." (3) or ". . ." (5) starting at i, or 0.
func ellipsisLen(rs []rune, i int) int {
	at := func(j int) rune {
		if j < len(rs) {
			return rs[j]
		}
		return 0
	}
	if at(i) == '.' && at(i+1) == '.' && at(i+2) == '.' {
		return 3
	}
	if at(i) == '.' && at(i+1) == ' ' && at(i+2) == '.' && at(i+3) == ' ' && at(i+4) == '.' {
		return 5
	}
	return 0
}

func trimSpaceBefore(b *strings.Builder) {
	s := b.String()
	t := strings.TrimRight(s, " ")
	if len(t) != len(s) {
		b.Reset()
		b.WriteString(t)
	}
}

func honorificBefore(rs []rune, i int) bool {
	end := i
	if end > 0 && rs[end-1] == '.' {
		end--
	}
	for _, h := range honorifics {
		start := end - len(h)
		if start < 0 || string(rs[start:end]) != h {
			continue
		}
		if start == 0 || !isWordRune(rs[start-1]) {
			return true
		}
	}
	return false
}
