// Package suggest finds the known word a mistyped one was probably meant to
// be, so that messages can say "did you mean ...?" instead of only "unknown".
package suggest

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Hint is the end of a message about an unknown word: `; did you mean "x"?`
// with the nearest of known; else, when the word is part of known names
// ("a2" of poster-a2, "trifold" of trifold-a4), `; did you mean "x" or
// "y"?` with those; else ` (label: a, b, c)` listing them all.
func Hint(word string, known []string, label string) string {
	if s := Nearest(word, known); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	if rel := Related(word, known); len(rel) > 0 {
		q := make([]string, len(rel))
		for i, r := range rel {
			q[i] = fmt.Sprintf("%q", r)
		}
		if len(q) == 1 {
			return "; did you mean " + q[0] + "?"
		}
		return "; did you mean " + strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1] + "?"
	}
	return " (" + label + ": " + strings.Join(known, ", ") + ")"
}

// sep makes the separators of names alike.
var sep = strings.NewReplacer(".", "-", "_", "-")

// maxRelated bounds the names Related offers: more is a list, not a hint.
const maxRelated = 4

// Related returns the known names that word is a part of: names made of
// words joined by hyphens (or dots, underscores) one of whose words, or
// whose beginning, is word (or several of its words), case-insensitively; "a2" is part of
// poster-a2, "trifold" of trifold-a4 and trifold-letter. Shorter names
// come first, and at most maxRelated are returned; none when more match,
// or when word is shorter than two letters.
func Related(word string, known []string) []string {
	w := strings.ToLower(word)
	if utf8.RuneCountInString(w) < 2 {
		return nil
	}
	var out []string
	for _, k := range known {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, w) || strings.Contains(sep.Replace("-"+lk+"-"), sep.Replace("-"+w+"-")) {
			out = append(out, k)
		}
	}
	if len(out) > maxRelated {
		return nil
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) < len(out[j]) })
	return out
}

// Nearest returns the candidate closest to word, or "" when none is close
// enough to be a plausible typo.
//
// Closeness is the optimal-string-alignment edit distance (insertions,
// deletions, substitutions and swaps of two neighbouring letters each count
// one), compared case-insensitively because "Author" for "author" is a typo
// too. A candidate is close enough when its distance is at most
// max(1, runes(word)/3): one slip in a short word, more in a long one, but
// never a wild guess such as "id" for "xyz". On a tie the earlier candidate
// wins, so callers control the preference by ordering candidates.
func Nearest(word string, candidates []string) string {
	w := []rune(strings.ToLower(word))
	limit := max(1, len(w)/3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		cr := []rune(strings.ToLower(c))
		// The distance is at least the difference in length: skip the
		// quadratic work for candidates that cannot win.
		if abs(len(cr)-len(w)) >= bestDist {
			continue
		}
		if d := distance(w, cr); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance returns the optimal-string-alignment edit distance between a and
// b, counted in runes and case-sensitively.
func Distance(a, b string) int {
	if !utf8.ValidString(a) || !utf8.ValidString(b) {
		// Invalid bytes decode as U+FFFD; still a well-defined answer.
		a, b = strings.ToValidUTF8(a, "\uFFFD"), strings.ToValidUTF8(b, "\uFFFD")
	}
	return distance([]rune(a), []rune(b))
}

func distance(a, b []rune) int {
	// Three rows suffice: the swap rule looks two rows back.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
