package text

import (
	"errors"
	"strings"
	"testing"

	"github.com/broadside/broadside/internal/font"
)

func TestSmarten(t *testing.T) {
	tests := []struct {
		in, lang string
		nested   bool
		want     string
	}{
		{`Assange's case`, "en", false, "Assange’s case"},
		{`He said "no" today`, "en", false, "He said “no” today"},
		{`He said "no" today`, "en", true, "He said ‘no’ today"},
		{`would 'criminalise every reporter.'`, "en", true, "would ‘criminalise every reporter.’"},
		{`Assange . . . is`, "en", false, "Assange\u00a0… is"},
		{`outrageous. . . If`, "en", false, "outrageous… If"},
		{`wait...`, "en", false, "wait…"},
		{`The Guardian - Editorial`, "en", false, "The Guardian\u00a0– Editorial"},
		{`one -- two`, "en", false, "one\u00a0– two"},
		{`full-scale`, "en", false, "full-scale"},
		{`pardon Mr. Assange`, "en", false, "pardon Mr.\u00a0Assange"},
		{`release Mr Assange`, "en", false, "release Mr\u00a0Assange"},
		{`Summer said`, "en", false, "Summer said"},
		{`Er sagte "nein"`, "de", false, "Er sagte „nein“"},
		{`Er sagte 'nein'`, "de-AT", false, "Er sagte ‚nein‘"},
		{`Il a dit "non"`, "fr", false, "Il a dit «\u202fnon\u202f»"},
		{`Il a dit " non "`, "fr", false, "Il a dit «\u202fnon\u202f»"},
		{`l'homme`, "fr", false, "l’homme"},
		{`'90s`, "en", false, "‘90s"},
		{`“already curly”`, "en", false, "“already curly”"},
	}
	for _, tt := range tests {
		if got := Smarten(tt.in, tt.lang, tt.nested); got != tt.want {
			t.Errorf("Smarten(%q, %s, %v) = %q, want %q", tt.in, tt.lang, tt.nested, got, tt.want)
		}
	}
}

func TestPlainUndoesSmarten(t *testing.T) {
	for _, s := range []string{
		`The US government's pursuit . . . is "nothing" short - of it...`,
		`Mr. Assange`,
	} {
		got := Plain(Smarten(s, "en", false))
		// Ellipses normalise to three dots and spaced forms collapse.
		want := map[string]string{
			`The US government's pursuit . . . is "nothing" short - of it...`: `The US government's pursuit ... is "nothing" short - of it...`,
			`Mr. Assange`: `Mr. Assange`,
		}[s]
		if got != want {
			t.Errorf("Plain(Smarten(%q)) = %q, want %q", s, got, want)
		}
	}
}

// Each kind of difficult text is either set, or refused naming its
// characters: never an empty box, never a silent drop.
func TestDifficultText(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := reg.Lookup("Source Serif 4", 400, false)
	st := Style{Chain: reg.ChainFor(f, "")}
	tests := []struct {
		name, text, refused string
	}{
		{"accents composed", "Mijatović Gutiérrez", ""},
		{"combining mark", "e\u0301 and q\u0303", ""},
		{"greek and cyrillic", "Ελευθερία Свобода", ""},
		{"zero-width joiner", "a\u200db", ""},
		{"soft hyphen and marks", "co\u00adoperate \u200e", ""},
		// Emoji, Hebrew, Arabic, Devanagari and Thai have bundled fonts;
		// CJK fonts are the user's (none in the built-in registry).
		{"emoji", "free 😀", ""},
		{"emoji sequence", "👩\u200d💻", ""},
		{"CJK", "新聞の自由", `no bundled font can draw "新"`},
		{"Hebrew", "חופש", ""},
		{"Hebrew with points", "שָׁלוֹם", ""},
		{"Arabic", "حرية", ""},
		{"Devanagari", "स्वतंत्रता", ""},
		{"Thai", "เสรีภาพ", ""},
		{"outside the BMP", "𝔉𝔯𝔢𝔢", "U+1D509"},
		{"private use", "free \ue000", "U+E000"},
	}
	for _, tt := range tests {
		p, err := NewPara(tt.text, st)
		if tt.refused == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			for _, run := range p.shaped.Runs {
				for _, g := range run.Glyphs {
					if g.ID == 0 {
						t.Errorf("%s: %q has no glyph", tt.name, string(p.Runes[g.Cluster:g.Cluster+g.Runes]))
					}
				}
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.refused) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.refused)
		}
	}
}

// NewPara refuses exactly the characters Chain.Missing lists, in its order.
func TestNewParaMissingMatchesChain(t *testing.T) {
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := reg.Lookup("Inter", 400, false)
	chain := reg.ChainFor(f, "")
	for _, s := range []string{
		"ok 😀 漢字 😀 \u200d 字 a\u2028b",
		"新聞の自由 新聞",
		"\u200b\ufe0f x 𝔉𝔯 𝔉",
		"ψ ok",
	} {
		for _, upper := range []bool{false, true} {
			in := s
			if upper {
				in = strings.ToUpper(s)
			}
			want := chain.Missing(in)
			_, err := NewPara(s, Style{Chain: chain, Upper: upper})
			var got []rune
			var me *MissingError
			if errors.As(err, &me) {
				got = me.Runes
			} else if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			if string(got) != string(want) {
				t.Errorf("%q (upper %v): NewPara refuses %q, Missing lists %q", s, upper, string(got), string(want))
			}
		}
	}
}

// Whitespace from spreadsheets and exports is set as single spaces; the
// deliberate no-break spaces stay.
func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain words", "plain words"},
		{"tab\tinside", "tab inside"},
		{"runs   of  spaces", "runs of spaces"},
		{"line\nbreak and\r\nCRLF", "line break and CRLF"},
		{"Word's\vmanual break", "Word's manual break"},
		{"para\u2029graph \t\n mix", "para graph mix"},
		{"keep\u00a0no-break\u202fspaces", "keep\u00a0no-break\u202fspaces"},
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Smarten("\"Tab\tand\nbreak\"", "en", false); got != "“Tab and break”" {
		t.Errorf("Smarten does not fold: %q", got)
	}
}
