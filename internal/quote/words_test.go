package quote

import (
	"reflect"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"...", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"Assange’s case", []string{"Assange's", "case"}},
		{"Assange's case", []string{"Assange's", "case"}},
		{"Assangeʼs case", []string{"Assange's", "case"}},
		{"'criminalise every reporter'", []string{"criminalise", "every", "reporter"}},
		{"‘criminalise every reporter’", []string{"criminalise", "every", "reporter"}},
		{`"quoted" “curly” «guillemets» „low“`, []string{"quoted", "curly", "guillemets", "low"}},
		{"full-scale", []string{"full", "scale"}},
		{"full–scale", []string{"full", "scale"}},
		{"a — b - c – d -- e", []string{"a", "b", "c", "d", "e"}},
		{"wait... what…now . . . then", []string{"wait", "what", "now", "then"}},
		{"lies & illegal", []string{"lies", "&", "illegal"}},
		{"@snowden #free 100%", []string{"@snowden", "#free", "100%"}},
		{"HRes1162, HRes1175", []string{"HRes1162", "HRes1175"}},
		{"3.5 and 1,000 but 3. 5", []string{"3.5", "and", "1,000", "but", "3", "5"}},
		{"1990-2000 vs 1990–2000", []string{"1990", "2000", "vs", "1990", "2000"}},
		{"Mr. Assange", []string{"Mr", "Assange"}},
		{"free\u00ADdom", []string{"freedom"}},             // soft hyphen ignored
		{"non\u00A0breaking", []string{"non", "breaking"}}, // NBSP is a space
		{"zero\u200Bwidth", []string{"zero", "width"}},
		{"Cafe\u0301", []string{"Café"}}, // NFC
		{"Case Kept", []string{"Case", "Kept"}},
		{"line\nbreak\ttab", []string{"line", "break", "tab"}},
		{"rock ’n’ roll", []string{"rock", "n", "roll"}},
		{"Ελλάδα и Россия", []string{"Ελλάδα", "и", "Россия"}},
		{"2 + 2 = 4", []string{"2", "+", "2", "=", "4"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWordsTypography checks the promise renderers rely on: text with
// typography applied has the same words as the text typed.
func TestWordsTypography(t *testing.T) {
	pairs := [][2]string{
		{`He said "no" -- twice... It's over.`, "He said “no” — twice… It’s over."},
		{"The US government's pursuit . . . is", "The US government’s pursuit … is"},
		{"pages 10-20", "pages 10–20"},
		{"'quoted'", "‘quoted’"},
	}
	for _, p := range pairs {
		a, b := Words(p[0]), Words(p[1])
		if !reflect.DeepEqual(a, b) || len(a) == 0 {
			t.Errorf("Words(%q) = %q\nWords(%q) = %q", p[0], a, p[1], b)
		}
	}
}

func TestTokenizeEllipsis(t *testing.T) {
	tests := []struct {
		in   string
		want string // words, with | where an ellipsis precedes
	}{
		{"a b", "a b"},
		{"... a", "|a"},
		{"a ... b", "a |b"},
		{"a … b", "a |b"},
		{"a…b", "a |b"},
		{"a . . . b", "a |b"},
		{"a. . . b", "a |b"},
		{"a.... b", "a |b"},
		{"a .. b", "a b"},
		{"a. b. c", "a b c"},
		{"a ...", "a |"},
		{"a, ... b", "a |b"},
	}
	for _, tt := range tests {
		var parts []string
		for _, tok := range tokenize(tt.in) {
			w := tok.word
			if tok.ellipsis {
				w = "|" + w
			}
			parts = append(parts, w)
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
