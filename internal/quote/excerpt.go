package quote

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// CheckExcerpt reports whether excerpt is an honest cut of text: made only
// of the text's own words, in the text's order, with every interior cut
// (words of the text left out between two words the excerpt keeps) marked
// by an ellipsis ("...", "…" or ". . ."). A cut at the start or the end may
// be marked but need not be. Words are compared as Words splits them, so
// punctuation may differ; letters must match exactly, except that the first
// letter of the excerpt, and of a word right after an ellipsis, may change
// case ("... preventing" → "Preventing").
//
// The rule exists because a placard puts words in someone's mouth: leaving
// words out is fine when the reader can see it, rewording is not.
//
// The error, when there is one, names the first excerpt word that breaks the
// rule and is worded for the person who wrote the excerpt.
func CheckExcerpt(text, excerpt string) error {
	tw := Words(text)
	// Split the excerpt into runs of words between ellipses: each run must
	// appear in the text word for word, the runs in order.
	var runs [][]string
	var starts []int // index of each run's first word in the excerpt, for messages
	n := 0
	for _, t := range tokenize(excerpt) {
		if t.word == "" {
			continue // an ellipsis after the last word
		}
		if t.ellipsis || len(runs) == 0 {
			runs = append(runs, nil)
			starts = append(starts, n)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], t.word)
		n++
	}
	if n == 0 {
		return errors.New("has no words; write a shorter cut of the text, or leave the excerpt out")
	}
	pos := 0 // text words before pos are used up
	for k, run := range runs {
		at := find(tw, run, pos)
		if at >= 0 {
			pos = at + len(run)
			continue
		}
		return explain(tw, run, pos, starts[k], lastOf(runs[:k]))
	}
	return nil
}

// find returns the first index i >= from where run matches tw[i:], or -1.
// Taking the earliest match for each run in turn is enough: an earlier
// match never leaves less room for the runs after it.
func find(tw, run []string, from int) int {
	for i := from; i+len(run) <= len(tw); i++ {
		if matchLen(tw[i:], run) == len(run) {
			return i
		}
	}
	return -1
}

// matchLen counts how many words of run match the start of tw; the run's
// first word may differ in the case of its first letter.
func matchLen(tw, run []string) int {
	n := 0
	for n < len(run) && n < len(tw) {
		if n == 0 && !sameFolded(tw[0], run[0]) || n > 0 && tw[n] != run[n] {
			break
		}
		n++
	}
	return n
}

// sameFolded compares words exactly except for the case of the first letter.
func sameFolded(a, b string) bool {
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	return a[na:] == b[nb:] && strings.EqualFold(string(ra), string(rb))
}

// explain words the failure of run to appear in tw at or after pos. start
// is the index of the run's first word in the excerpt and prev the excerpt
// word before the ellipsis that opens the run ("" for the first run).
func explain(tw, run []string, pos, start int, prev string) error {
	// Find where the longest beginning of the run does appear, to name the
	// first word that breaks it.
	best, bestAt := 0, -1
	for i := pos; i < len(tw); i++ {
		if m := matchLen(tw[i:], run); m > best {
			best, bestAt = m, i
		}
	}
	num := start + best + 1
	word := run[best]
	if best > 0 {
		prev = run[best-1]
	}
	switch {
	case best == 0 && !slices.ContainsFunc(tw, func(w string) bool { return sameFolded(w, word) }),
		best > 0 && !slices.ContainsFunc(tw, func(w string) bool { return strings.EqualFold(w, word) }):
		return fmt.Errorf("%q (word %d of the excerpt) is not in the text; an excerpt may only use the text's own words", word, num)
	case best > 0 && !slices.Contains(tw, word):
		return fmt.Errorf("%q (word %d of the excerpt) is written with different capital letters in the text; only the first letter of the excerpt, or of a word right after an ellipsis, may change", word, num)
	case best > 0 && slices.Contains(tw[bestAt+best:], word):
		return fmt.Errorf("words of the text are left out between %q and %q (word %d of the excerpt) without an ellipsis; mark the cut with ... or keep the missing words", prev, word, num)
	case prev == "":
		// Not reached: the first run may start anywhere, so its first
		// word is either in the text or reported above.
		return fmt.Errorf("%q (word %d of the excerpt) is not where the excerpt puts it in the text", word, num)
	default:
		return fmt.Errorf("%q (word %d of the excerpt) does not come after %q in the text; an excerpt must keep the text's word order", word, num, prev)
	}
}

func lastOf(runs [][]string) string {
	if len(runs) == 0 {
		return ""
	}
	r := runs[len(runs)-1]
	return r[len(r)-1]
}
