package suggest

import "testing"

var fields = []string{"id", "text", "author", "role", "organisation", "excerpt", "source", "date", "url", "lang", "tags"}

func TestNearest(t *testing.T) {
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"auther", fields, "author"},
		{"Author", fields, "author"}, // case alone is a typo
		{"AUTHOR", fields, "author"}, // distance 0 after folding
		{"autohr", fields, "author"}, // swapped neighbours count one
		{"organization", fields, "organisation"},
		{"organisaton", fields, "organisation"},
		{"txt", fields, "text"}, // len 3: one edit allowed
		{"tag", fields, "tags"},
		{"ur", fields, "url"},          // len 2: still one edit allowed
		{"excrept", fields, "excerpt"}, // swap
		{"exerpt", fields, "excerpt"},
		{"xyz", fields, ""},   // len 3 allows 1, nearest is 3 away
		{"title", fields, ""}, // 3 edits from "tags"/"text"... too far for len 5
		{"quotation", fields, ""},
		{"", fields, ""},                         // nothing typed: limit 1, "id" is 2 away
		{"a", []string{"b"}, "b"},                // len 1: one substitution allowed
		{"ab", []string{"ba"}, "ba"},             // one swap
		{"abcdef", []string{"abxyef"}, "abxyef"}, // len 6: two edits allowed
		{"abcdef", []string{"axyzef"}, ""},       // three edits: too far
		{"tex", []string{"tax", "text"}, "tax"},  // tie: earlier candidate wins
		{"tex", []string{"text", "tax"}, "text"},
		{"nils-melzr", []string{"massimo-moratti", "nils-melzer"}, "nils-melzer"},
		{"anything", nil, ""},
		{"mijatović", []string{"mijatovic"}, "mijatovic"}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := Nearest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("Nearest(%q, %q) = %q, want %q", tt.word, tt.candidates, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"abc", "abc", 0},
		{"abc", "abd", 1},
		{"abc", "acb", 1}, // swap
		{"ca", "abc", 3},  // optimal string alignment, not full Damerau (2)
		{"kitten", "sitting", 3},
		{"Author", "author", 1}, // Distance is case-sensitive
		{"ć", "c", 1},
		{"\xff", "\uFFFD", 0},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHint(t *testing.T) {
	roles := []string{"text", "muted", "accent"}
	tests := []struct{ word, want string }{
		{"txet", `; did you mean "text"?`},
		{"background", " (roles: text, muted, accent)"},
	}
	for _, tt := range tests {
		if got := Hint(tt.word, roles, "roles"); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// A word that is part of known names suggests those names.
func TestRelated(t *testing.T) {
	names := []string{"booklet-a5", "booklet-half-letter", "trifold-a4", "trifold-letter", "poster-a2", "poster-a2-landscape", "poster-a3"}
	for _, tt := range []struct {
		word, want string
	}{
		{"trifold", `; did you mean "trifold-a4" or "trifold-letter"?`},
		{"a2", `; did you mean "poster-a2" or "poster-a2-landscape"?`},
		{"half-letter", `; did you mean "booklet-half-letter"?`},
		{"a", " (layouts: booklet-a5, booklet-half-letter, trifold-a4, trifold-letter, poster-a2, poster-a2-landscape, poster-a3)"},
		{"letter", `; did you mean "trifold-letter" or "booklet-half-letter"?`},
	} {
		if got := Hint(tt.word, names, "layouts"); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
