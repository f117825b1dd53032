package quote

import (
	"strings"
	"testing"
)

func TestCheckExcerpt(t *testing.T) {
	const melzer = "This is not only about protecting Assange, but about preventing a precedent likely to seal the fate of Western democracy."
	const moratti = "The US government’s unrelenting pursuit of Julian Assange . . . is nothing short of a full-scale assault on the right to freedom of expression."
	tests := []struct {
		name, text, excerpt string
		wantErr             string // substring; "" for no error
	}{
		{"whole text", melzer, melzer, ""},
		{"leading cut marked", melzer, "... preventing a precedent likely to seal the fate of Western democracy.", ""},
		{"leading cut unmarked", melzer, "preventing a precedent likely to seal the fate of Western democracy.", ""},
		{"trailing cut unmarked", melzer, "This is not only about protecting Assange", ""},
		{"trailing cut marked", melzer, "This is not only about protecting Assange …", ""},
		{"interior cut marked", melzer, "This is not only about protecting Assange ... preventing a precedent", ""},
		{"interior cut with unicode ellipsis", melzer, "This is not only about protecting Assange… preventing a precedent", ""},
		{"interior cut with spaced ellipsis", melzer, "This is not only . . . about preventing a precedent", ""},
		{"ellipsis with nothing cut", moratti, "The US government’s unrelenting pursuit of Julian Assange . . . is nothing short", ""},
		{"first letter capitalised", melzer, "Preventing a precedent", ""},
		{"first letter after ellipsis changes case", melzer, "This is ... Preventing a precedent", ""},
		{"first letter lowered", melzer, "this is not only", ""},
		{"punctuation differs", melzer, "This is not only about protecting Assange; but", ""},
		{"typographic apostrophe", moratti, "The US government's unrelenting pursuit", ""},
		{"several cuts", moratti, "The US government’s … pursuit … full-scale assault … expression.", ""},
		{"repeated word picks a later match", "the dog and the cat", "the cat", ""},
		{"runs resolved in order", "a b a b c", "a b ... c", ""},
		{"runs resolved in order 2", "a b c a b d", "a b d", ""},

		{"word not in text", melzer, "preventing a dangerous precedent", `"dangerous" (word 3 of the excerpt) is not in the text`},
		{"unmarked interior cut", melzer, "This is about protecting Assange", `left out between "is" and "about" (word 3 of the excerpt) without an ellipsis`},
		{"order swapped", melzer, "preventing a precedent ... protecting Assange", `"protecting" (word 4 of the excerpt) does not come after "precedent"`},
		{"case changed inside a run", melzer, "about Protecting Assange", `"Protecting" (word 2 of the excerpt) is written with different capital letters`},
		{"word repeated beyond the text", "one two", "one two two", `"two" (word 3 of the excerpt) does not come after "two"`},
		{"only ellipsis", melzer, " … ", "has no words"},
		{"empty", melzer, "", "has no words"},
		{"hyphen word split differently", moratti, "fullscale assault", `"fullscale" (word 1 of the excerpt) is not in the text`},
		{"after ellipsis missing", "one two three", "one ... four", `"four" (word 2 of the excerpt) is not in the text`},
		{"after ellipsis earlier", "one two three", "two ... one", `"one" (word 2 of the excerpt) does not come after "two"`},
		{"whole word only", "preventing", "prevent", `"prevent" (word 1 of the excerpt) is not in the text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckExcerpt(tt.text, tt.excerpt)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("CheckExcerpt(%q) = %v, want no error", tt.excerpt, err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("CheckExcerpt(%q) = nil, want error containing %q", tt.excerpt, tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("CheckExcerpt(%q) = %q, want it to contain %q", tt.excerpt, err, tt.wantErr)
			}
		})
	}
}
