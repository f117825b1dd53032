// Package thai finds line-break opportunities inside Thai text, which is
// written without spaces between words: UAX #14 (the go-text segmenter)
// treats a run of Thai letters as one unbreakable word.
//
// Two kinds of opportunity are returned. Word breaks come from a
// dictionary, by maximal matching (the segmentation with the fewest
// unknown clusters, then the fewest words). Cluster breaks fall between
// Thai character clusters (a consonant with its vowels and tone marks, a
// leading vowel with its consonant): they never split what is pronounced
// together, but they do split words, so a line breaker should use them
// only when no word break or space lets a line fit, as it would hyphenate.
//
// broadside bundles no word list: the free Thai dictionaries reachable
// here (libthai's, wordcut's) are LGPL, which does not suit embedding in
// the binary. A user can load libthai's list (see docs/languages.md);
// without it every Thai break is a cluster break.
package thai

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Break is an opportunity to end a line before Text[Pos].
type Break struct {
	Pos int
	// Word is set for breaks between dictionary words; clear for cluster
	// breaks, the last resort.
	Word bool
}

// Dict is a set of Thai words.
type Dict struct {
	root  *node
	words int
}

type node struct {
	next map[rune]*node
	word bool
}

// Load reads a word list, one word a line (anything after a tab is
// ignored, so libthai's `trietool ... list` output reads as it is).
// Blank lines and lines starting with # are skipped.
func Load(r io.Reader) (*Dict, error) {
	d := &Dict{root: &node{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		w, _, _ := strings.Cut(sc.Text(), "\t")
		w = strings.TrimSpace(w)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		for _, r := range w {
			if !isThai(r) {
				return nil, fmt.Errorf("thai word list line %d: %q is not a Thai word", line, w)
			}
		}
		d.Add(w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("thai word list: %w", err)
	}
	return d, nil
}

// Add adds a word.
func (d *Dict) Add(w string) {
	if d.root == nil {
		d.root = &node{}
	}
	n := d.root
	for _, r := range w {
		if n.next == nil {
			n.next = map[rune]*node{}
		}
		c := n.next[r]
		if c == nil {
			c = &node{}
			n.next[r] = c
		}
		n = c
	}
	if !n.word {
		n.word = true
		d.words++
	}
}

// Default returns the word list broadside breaks Thai with: nil, breaking
// only between clusters, until one with a licence fit to embed is bundled.
func Default() *Dict { return nil }

// Len is the number of words.
func (d *Dict) Len() int { return d.words }

func isThai(r rune) bool { return r >= 0x0E01 && r <= 0x0E5B }

// Breaks returns the break opportunities inside the Thai stretches of
// text, in order; positions where a space or other UAX #14 opportunity
// already lies are not included. dict may be nil.
func Breaks(text []rune, dict *Dict) []Break {
	var out []Break
	for i := 0; i < len(text); {
		if !isThai(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isThai(text[j]) {
			j++
		}
		out = append(out, breaksIn(text, i, j, dict)...)
		i = j
	}
	return out
}

// breaksIn segments the Thai stretch text[start:end].
func breaksIn(text []rune, start, end int, dict *Dict) []Break {
	cl := clusters(text, start, end)
	if len(cl) < 2 {
		return nil
	}
	isCl := map[int]bool{}
	for _, c := range cl {
		isCl[c] = true
	}
	words := map[int]bool{}
	if dict != nil && dict.root != nil {
		words = segment(text, start, end, cl, isCl, dict)
	}
	var out []Break
	for _, c := range cl[1:] { // no break before the stretch's first cluster
		if c == end {
			break
		}
		out = append(out, Break{Pos: c, Word: words[c]})
	}
	return out
}

// segment finds word boundaries by maximal matching: dynamic programming
// over cluster boundaries, minimising unknown clusters and then words. A
// dictionary word must end on a cluster boundary.
func segment(text []rune, start, end int, cl []int, isCl map[int]bool, d *Dict) map[int]bool {
	type cost struct{ unknown, words int }
	better := func(a, b cost) bool { return a.unknown < b.unknown || a.unknown == b.unknown && a.words < b.words }
	best := map[int]cost{start: {}}
	from := map[int]int{}
	for k, i := range cl {
		if i == end {
			break
		}
		c, ok := best[i]
		if !ok {
			continue
		}
		relax := func(j int, add cost) {
			nc := cost{c.unknown + add.unknown, c.words + add.words}
			if old, ok := best[j]; !ok || better(nc, old) {
				best[j] = nc
				from[j] = i
			}
		}
		// Dictionary words starting here.
		n := d.root
		for j := i; j < end && n != nil; j++ {
			n = n.next[text[j]]
			if n != nil && n.word && isCl[j+1] {
				relax(j+1, cost{0, 1})
			}
		}
		// Or one unknown cluster.
		relax(cl[k+1], cost{1, 1})
	}
	words := map[int]bool{}
	for j := end; j != start; {
		i := from[j]
		if i != start {
			words[i] = true
		}
		j = i
	}
	return words
}

// clusters returns the Thai character cluster boundaries of
// text[start:end], start and end included. A cluster is a leading vowel
// (เ แ โ ใ ไ) with the consonant after it, then any above, below and
// following vowels, tone marks and the repetition and abbreviation signs.
// The carriers of the diphthongs -ือ, -ัว and เ-ีย stay in their
// cluster. The rules are a simplification of Thai Character Clusters
// (Theeramunkong et al., 2000): enough never to split a syllable's
// letters that are written together.
func clusters(text []rune, start, end int) []int {
	out := []int{start}
	for i := start; i < end; {
		j := i + 1
		lead := isLeading(text[i])
		if lead && j < end && isConsonant(text[j]) {
			j++
		}
		vowel := rune(0) // the last above vowel, for the carriers below
	scan:
		for j < end {
			r := text[j]
			switch {
			case attaches(r):
				if r >= 0x0E31 && r <= 0x0E37 {
					vowel = r
				}
			// The silent carriers of diphthongs: -ือ, -ัว, เ-ีย.
			case r == 'อ' && vowel == 'ื', r == 'ว' && vowel == 'ั', r == 'ย' && vowel == 'ี' && lead:
				vowel = 0
			default:
				break scan
			}
			j++
		}
		out = append(out, j)
		i = j
	}
	return out
}

func isLeading(r rune) bool   { return r >= 0x0E40 && r <= 0x0E44 }
func isConsonant(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E }

// attaches reports characters that never start a cluster: combining
// vowels and tone marks, the following vowels ะ า ำ ๅ, the abbreviation
// sign ฯ and the repetition mark ๆ.
func attaches(r rune) bool {
	switch r {
	case 0x0E30, 0x0E32, 0x0E33, 0x0E45, 0x0E2F, 0x0E46:
		return true
	}
	return unicode.Is(unicode.Mn, r)
}
