package bidi

import (
	"fmt"
	"sort"
	"testing"
)

func TestForLang(t *testing.T) {
	for lang, want := range map[string]Direction{
		"ar": RTL, "he": RTL, "fa-IR": RTL, "ur": RTL, "yi": RTL, "az-Arab": RTL,
		"en": Auto, "": Auto, "hi": Auto, "arn": Auto, "ja": Auto,
	} {
		if got := ForLang(lang); got != want {
			t.Errorf("ForLang(%q) = %d, want %d", lang, got, want)
		}
	}
}

func TestMirror(t *testing.T) {
	for _, c := range []struct{ in, want rune }{{'(', ')'}, {')', '('}, {'«', '»'}, {'≤', '≥'}, {'[', ']'}, {'﴾', 0}, {'a', 0}} {
		got, ok := Mirror(c.in)
		if got != c.want || ok != (c.want != 0) {
			t.Errorf("Mirror(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, tab := range [][][2]rune{mirrors, openBrackets} {
		if !sort.SliceIsSorted(tab, func(a, b int) bool { return tab[a][0] < tab[b][0] }) {
			t.Error("a lookup table is not sorted")
		}
	}
}

// Runs of lines as the engine will use them, written with letters that
// stand for their class: the test strings use real Arabic, Hebrew and
// Latin so that the classes come from the Unicode data.
func TestRuns(t *testing.T) {
	tests := []struct {
		name string
		text string
		dir  Direction
		base Level
		want string // runs in visual order, as start-end@level
	}{
		{"latin", "hello world", Auto, 0, "0-11@0"},
		{"arabic with a number", "عام 2024 جديد", Auto, 1, "8-13@1 4-8@2 0-4@1"},
		{"hebrew phrase in english", "say שלום now", Auto, 0, "0-4@0 4-8@1 8-12@0"},
		{"english name in arabic", "قال Julian Assange اليوم", Auto, 1, "18-24@1 4-18@2 0-4@1"},
		{"hebrew quote starting in latin, by language", "NATO אמר", RTL, 1, "4-8@1 0-4@2"},
		{"trailing space goes to the paragraph level", "abc אבג ", Auto, 0, "0-4@0 4-7@1 7-8@0"},
		{"brackets take the embedding direction", "אבג (abc) דהו", Auto, 1, "8-13@1 5-8@2 0-5@1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			p := Resolve(text, tc.dir)
			if p.Base != tc.base {
				t.Errorf("base %d, want %d", p.Base, tc.base)
			}
			got := ""
			for i, r := range p.Runs(0, len(text)) {
				if i > 0 {
					got += " "
				}
				got += fmt.Sprintf("%d-%d@%d", r.Start, r.End, r.Level)
			}
			if got != tc.want {
				t.Errorf("runs %s, want %s", got, tc.want)
			}
		})
	}
}

// A zero-width joiner (removed by X9) keeps the level of what precedes it,
// so an Arabic word joined across it is shaped as one run.
func TestRemovedCharactersKeepTheirRun(t *testing.T) {
	text := []rune("abc لا\u200dم")
	p := Resolve(text, Auto)
	if p.Levels[6] != p.Levels[5] || !p.Levels[6].RTL() {
		t.Errorf("ZWJ level %d, letter before it %d", p.Levels[6], p.Levels[5])
	}
}

// Lines are reordered one at a time: the second line's runs do not depend
// on the first's.
func TestRunsPerLine(t *testing.T) {
	text := []rune("abc אבג דהו def")
	p := Resolve(text, Auto)
	first, second := p.Runs(0, 8), p.Runs(8, len(text))
	if len(first) != 3 || first[1].Start != 4 || first[1].Level != 1 || first[2].Level != 0 {
		t.Errorf("first line %v", first)
	}
	if len(second) != 2 || second[0].Start != 8 || second[0].End != 11 || second[0].Level != 1 {
		t.Errorf("second line %v", second)
	}
}

// Any text resolves without a panic, levels stay within the maximum depth
// plus the two implicit steps, and each line's visual order is a
// permutation of its characters.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"abc", "عام 2024", "\u202bא\u202ab\u202c\u202c", "\u2067(\u2069)", "a\u2029b", "((([[[{{{"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, dir uint8) {
		text := []rune(s)
		p := Resolve(text, Direction(dir%4))
		for _, l := range p.Levels {
			if l > maxDepth+2 {
				t.Fatalf("level %d", l)
			}
		}
		mid := len(text) / 2
		for _, ln := range [][2]int{{0, mid}, {mid, len(text)}} {
			seen := map[int]bool{}
			for _, i := range p.VisualOrder(ln[0], ln[1], false) {
				if i < ln[0] || i >= ln[1] || seen[i] {
					t.Fatalf("visual order of %d-%d is not a permutation", ln[0], ln[1])
				}
				seen[i] = true
			}
			if len(seen) != ln[1]-ln[0] {
				t.Fatalf("visual order of %d-%d lacks characters", ln[0], ln[1])
			}
		}
	})
}
