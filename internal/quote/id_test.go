package quote

import (
	"strings"
	"testing"
)

func TestDeriveID(t *testing.T) {
	tests := []struct{ author, want string }{
		{"Nils Melzer", "nils-melzer"},
		{"Dunja Mijatović", "dunja-mijatovic"},
		{"Ricardo Gutiérrez", "ricardo-gutierrez"},
		{"Anne Ramberg Dr jur hc", "anne-ramberg-dr-jur-hc"},
		{"Open Letter to the UK Prime Minister, Mr Boris Johnson", "open-letter-to-the-uk-prime-minister-mr-boris-johnson"},
		{"  --The   Guardian--  ", "the-guardian"},
		{"Strauß & Ørsted", "strauss-orsted"},
		{"Łukasz Żółć", "lukasz-zolc"},
		{"ﬁeld ＡＢＣ", "field-abc"}, // ligature and full-width letters
		{"Jose\u0301", "jose"},    // decomposed accent
		{"24 UK parliamentarians", "24-uk-parliamentarians"},
		{"Владимир", ""},
		{"", ""},
		{"!!!", ""},
		{"O'Brien", "o-brien"},
	}
	for _, tt := range tests {
		if got := DeriveID(tt.author); got != tt.want {
			t.Errorf("DeriveID(%q) = %q, want %q", tt.author, got, tt.want)
		}
		if got := DeriveID(tt.author); got != "" && !safeName.MatchString(got) {
			t.Errorf("DeriveID(%q) = %q is not a valid id", tt.author, got)
		}
	}
}

func TestDeriveIDLong(t *testing.T) {
	tests := []struct {
		author string
		want   int // length of the id
	}{
		{strings.Repeat("word ", 40), 99},       // "word-word-…" cut at a hyphen: 20 words = 99
		{strings.Repeat("a", 150), MaxIDChars},  // no hyphen to cut at
		{strings.Repeat("abcd ", 20) + "x", 99}, // 100 bytes exactly would end in "-"
	}
	for _, tt := range tests {
		got := DeriveID(tt.author)
		if len(got) != tt.want || !safeName.MatchString(got) {
			t.Errorf("DeriveID(%q) = %q (%d), want a valid id of %d", tt.author, got, len(got), tt.want)
		}
	}
}
