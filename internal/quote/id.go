package quote

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DeriveID makes an id from an author's name, for quotes that do not give
// one: lowercase, accents stripped (ć → c, é → e), a few letters that do not
// decompose spelled out (ß → ss, ø → o, ł → l ...), and every run of other
// characters turned into one hyphen, with none at the ends. Ids longer than
// MaxIDChars are cut at a hyphen. It returns "" when nothing usable is left,
// as for a name written only in a non-Latin script.
//
// Ids are derived rather than required so that a new quote needs only text
// and author; they are stable as long as the author's name is.
func DeriveID(author string) string {
	var b strings.Builder
	hyphen := false // a hyphen is pending before the next letter or digit
	emit := func(r rune) {
		if b.Len() > 0 && hyphen {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteRune(r)
	}
	// NFKD splits accents from letters and also unfolds ligatures (ﬁ)
	// and full-width forms (Ａ) into plain letters.
	for _, r := range norm.NFKD.String(author) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		r = unicode.ToLower(r)
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			emit(r)
		case spelled[r] != "":
			for _, s := range spelled[r] {
				emit(s)
			}
		default:
			hyphen = true
		}
	}
	id := b.String()
	if len(id) > MaxIDChars {
		id = id[:MaxIDChars+1] // keep one more byte to see if the cut falls between words
		if i := strings.LastIndexByte(id, '-'); i > 0 {
			id = id[:i]
		} else {
			id = id[:MaxIDChars]
		}
	}
	return id
}

// spelled gives the Latin letters that NFKD does not split into a base
// letter and an accent.
var spelled = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n",
}
