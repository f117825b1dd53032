// Package bidi implements the Unicode Bidirectional Algorithm (UAX #9) for
// one paragraph: the embedding level of every character (rules P2-P3,
// X1-X10, W1-W7, N0-N2, I1-I2), and per line, after the line breaker has
// chosen where lines end, the levels with rule L1 applied and the visual
// order of runs (L2). Mirrored characters (L4) are looked up with Mirror;
// HarfBuzz applies the same mirroring itself when it shapes a
// right-to-left run.
//
// golang.org/x/text/unicode/bidi supplies the character classes, but its
// API gives ordered runs without their levels, which line-by-line
// reordering needs, so the algorithm is written here and checked against
// Unicode's BidiCharacterTest.txt.
package bidi

import (
	"sort"
	"strings"

	xbidi "golang.org/x/text/unicode/bidi"
)

// Level is an embedding level: even levels run left to right, odd ones
// right to left.
type Level uint8

// RTL reports whether text at level l runs right to left.
func (l Level) RTL() bool { return l&1 == 1 }

// Direction chooses the paragraph level.
type Direction uint8

const (
	// Auto takes the direction of the first strong character (rules P2,
	// P3), left to right when there is none.
	Auto Direction = iota
	// AutoRTL is Auto, but right to left when there is no strong character.
	AutoRTL
	// LTR and RTL force the paragraph direction.
	LTR
	RTL
)

// rtlLangs are the languages written right to left (ISO 639 codes).
var rtlLangs = []string{"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi"}

// ForLang returns the paragraph direction for a quote in the language lang
// (a BCP 47 tag): RTL for right-to-left languages, so a Hebrew quote that
// starts with a Latin name still reads right to left; Auto otherwise,
// since a quote without a language, or mislabelled, should still lay out
// by its own letters.
func ForLang(lang string) Direction {
	l := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	for _, r := range rtlLangs {
		if l == r || strings.HasPrefix(l, r+"-") {
			return RTL
		}
	}
	if strings.Contains(l, "-arab") || strings.Contains(l, "-hebr") {
		return RTL
	}
	return Auto
}

// Paragraph is one paragraph's resolved levels.
type Paragraph struct {
	// Text is the paragraph, as given.
	Text []rune
	// Base is the paragraph embedding level: 0 or 1.
	Base Level
	// Levels holds each character's resolved level before line rules. A
	// character that the algorithm removes (rule X9: embedding controls
	// and boundary neutrals such as ZWJ) takes the level of the character
	// before it, so it stays in that character's run when shaping.
	Levels []Level
	// classes are the original bidi classes, for L1.
	classes []xbidi.Class
	// removed marks characters removed by X9.
	removed []bool
}

// Class returns the bidi class of r.
func Class(r rune) xbidi.Class {
	p, _ := xbidi.LookupRune(r)
	return p.Class()
}

// maxDepth is the deepest embedding level (BD2).
const maxDepth = 125

// Resolve runs the algorithm on one paragraph. A paragraph separator
// (U+2029, or a newline) inside text is treated as an ordinary
// character of class B: callers split paragraphs first.
func Resolve(text []rune, dir Direction) *Paragraph {
	n := len(text)
	p := &Paragraph{Text: text, Levels: make([]Level, n), classes: make([]xbidi.Class, n), removed: make([]bool, n)}
	for i, r := range text {
		p.classes[i] = Class(r)
	}
	match := matchIsolates(p.classes)
	switch dir {
	case LTR:
		p.Base = 0
	case RTL:
		p.Base = 1
	default:
		p.Base = firstStrong(p.classes, match, 0, n, dir == AutoRTL)
	}
	types := p.explicit(match)
	for _, seq := range p.sequences(match) {
		seq.resolve(types, text, p.classes)
		for _, i := range seq.idx {
			p.Levels[i] = seq.levels[i]
		}
	}
	// Removed characters take the level of the one before them (the
	// paragraph level at the start).
	prev := p.Base
	for i := range text {
		if p.removed[i] {
			p.Levels[i] = prev
		} else {
			prev = p.Levels[i]
		}
	}
	return p
}

// matchIsolates returns, for each isolate initiator, the index of its
// matching PDI, or -1 (BD9).
func matchIsolates(cl []xbidi.Class) []int {
	match := make([]int, len(cl))
	var stack []int
	for i, c := range cl {
		match[i] = -1
		switch c {
		case xbidi.LRI, xbidi.RLI, xbidi.FSI:
			stack = append(stack, i)
		case xbidi.PDI:
			if len(stack) > 0 {
				match[stack[len(stack)-1]] = i
				stack = stack[:len(stack)-1]
			}
		case xbidi.B:
			stack = stack[:0]
		}
	}
	return match
}

// firstStrong applies P2 and P3 to cl[start:end]: the level of the first
// L, R or AL outside isolates; rtl when there is none.
func firstStrong(cl []xbidi.Class, match []int, start, end int, rtl bool) Level {
	for i := start; i < end; i++ {
		switch cl[i] {
		case xbidi.L:
			return 0
		case xbidi.R, xbidi.AL:
			return 1
		case xbidi.LRI, xbidi.RLI, xbidi.FSI:
			if match[i] < 0 {
				i = end
			} else {
				i = match[i]
			}
		case xbidi.B:
			i = end
		}
	}
	if rtl {
		return 1
	}
	return 0
}

// explicit applies X1-X9: it sets the explicit level of every character,
// marks the removed ones, and returns the classes after overrides.
func (p *Paragraph) explicit(match []int) []xbidi.Class {
	type status struct {
		level    Level
		override xbidi.Class // ON for none, else L or R
		isolate  bool
	}
	cl := p.classes
	types := make([]xbidi.Class, len(cl))
	copy(types, cl)
	stack := []status{{p.Base, xbidi.ON, false}}
	overIso, overEmb, validIso := 0, 0, 0
	next := func(odd bool) Level {
		l := stack[len(stack)-1].level + 1
		if (l&1 == 1) != odd {
			l++
		}
		return l
	}
	for i, c := range cl {
		top := stack[len(stack)-1]
		switch c {
		case xbidi.RLE, xbidi.LRE, xbidi.RLO, xbidi.LRO:
			l := next(c == xbidi.RLE || c == xbidi.RLO)
			if l <= maxDepth && overIso == 0 && overEmb == 0 {
				ov := xbidi.ON
				if c == xbidi.RLO {
					ov = xbidi.R
				} else if c == xbidi.LRO {
					ov = xbidi.L
				}
				stack = append(stack, status{l, ov, false})
			} else if overIso == 0 {
				overEmb++
			}
			p.removed[i] = true
			p.Levels[i] = top.level
		case xbidi.RLI, xbidi.LRI, xbidi.FSI:
			p.Levels[i] = top.level
			if top.override != xbidi.ON {
				types[i] = top.override
			}
			rtl := c == xbidi.RLI
			if c == xbidi.FSI {
				end := match[i]
				if end < 0 {
					end = len(cl)
				}
				rtl = firstStrong(cl, match, i+1, end, false) == 1
			}
			l := next(rtl)
			if l <= maxDepth && overIso == 0 && overEmb == 0 {
				validIso++
				stack = append(stack, status{l, xbidi.ON, true})
			} else {
				overIso++
			}
		case xbidi.PDI:
			if overIso > 0 {
				overIso--
			} else if validIso > 0 {
				overEmb = 0
				for !stack[len(stack)-1].isolate {
					stack = stack[:len(stack)-1]
				}
				stack = stack[:len(stack)-1]
				validIso--
			}
			top = stack[len(stack)-1]
			p.Levels[i] = top.level
			if top.override != xbidi.ON {
				types[i] = top.override
			}
		case xbidi.PDF:
			if overIso == 0 {
				if overEmb > 0 {
					overEmb--
				} else if !top.isolate && len(stack) >= 2 {
					stack = stack[:len(stack)-1]
				}
			}
			p.removed[i] = true
			p.Levels[i] = top.level
		case xbidi.B:
			p.Levels[i] = p.Base
		case xbidi.BN:
			p.removed[i] = true
			p.Levels[i] = top.level
		default:
			p.Levels[i] = top.level
			if top.override != xbidi.ON {
				types[i] = top.override
			}
		}
	}
	return types
}

// sequence is an isolating run sequence (BD13).
type sequence struct {
	idx      []int // character indices, removed characters left out
	level    Level
	sos, eos xbidi.Class
	levels   map[int]Level
}

// sequences applies X10: it splits the paragraph into isolating run
// sequences.
func (p *Paragraph) sequences(match []int) []*sequence {
	// Level runs over the characters that remain.
	var runs [][]int
	var cur []int
	for i := range p.Text {
		if p.removed[i] {
			continue
		}
		if len(cur) > 0 && p.Levels[cur[0]] != p.Levels[i] {
			runs = append(runs, cur)
			cur = nil
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	runOf := map[int]int{} // first index of a run → its position
	for k, r := range runs {
		runOf[r[0]] = k
	}
	isInit := func(c xbidi.Class) bool { return c == xbidi.LRI || c == xbidi.RLI || c == xbidi.FSI }
	// A run starting with a PDI that matches an initiator continues that
	// initiator's sequence.
	continues := map[int]bool{}
	for i, m := range match {
		if m >= 0 && isInit(p.classes[i]) {
			continues[m] = true
		}
	}
	var out []*sequence
	for _, r := range runs {
		if continues[r[0]] && p.classes[r[0]] == xbidi.PDI {
			continue
		}
		s := &sequence{level: p.Levels[r[0]]}
		for {
			s.idx = append(s.idx, r...)
			last := r[len(r)-1]
			m := match[last]
			if !isInit(p.classes[last]) || m < 0 {
				break
			}
			k, ok := runOf[m]
			if !ok {
				break
			}
			r = runs[k]
		}
		// sos and eos: the higher of this level and the neighbour's.
		first, last := s.idx[0], s.idx[len(s.idx)-1]
		before := p.Base
		for j := first - 1; j >= 0; j-- {
			if !p.removed[j] {
				before = p.Levels[j]
				break
			}
		}
		// An initiator ends a sequence only when it lacks a matching PDI:
		// then eos compares with the paragraph level.
		after := p.Base
		if !isInit(p.classes[last]) {
			for j := last + 1; j < len(p.Text); j++ {
				if !p.removed[j] {
					after = p.Levels[j]
					break
				}
			}
		}
		s.sos = typeOf(max(before, s.level))
		s.eos = typeOf(max(after, s.level))
		out = append(out, s)
	}
	return out
}

func typeOf(l Level) xbidi.Class {
	if l&1 == 1 {
		return xbidi.R
	}
	return xbidi.L
}

// resolve applies W1-W7, N0-N2 and I1-I2 to one sequence. types holds
// the classes after X1-X9 and is updated in place.
func (s *sequence) resolve(types []xbidi.Class, text []rune, orig []xbidi.Class) {
	n := len(s.idx)
	t := make([]xbidi.Class, n)
	for k, i := range s.idx {
		t[k] = types[i]
	}
	isIso := func(c xbidi.Class) bool {
		return c == xbidi.LRI || c == xbidi.RLI || c == xbidi.FSI || c == xbidi.PDI
	}
	// W1
	for k := range t {
		if t[k] != xbidi.NSM {
			continue
		}
		switch {
		case k == 0:
			t[k] = s.sos
		case isIso(t[k-1]):
			t[k] = xbidi.ON
		default:
			t[k] = t[k-1]
		}
	}
	// W2, W3
	strong := s.sos
	for k, c := range t {
		switch c {
		case xbidi.L, xbidi.R, xbidi.AL:
			strong = c
		case xbidi.EN:
			if strong == xbidi.AL {
				t[k] = xbidi.AN
			}
		}
	}
	for k, c := range t {
		if c == xbidi.AL {
			t[k] = xbidi.R
		}
	}
	// W4
	for k := 1; k+1 < n; k++ {
		a, c, b := t[k-1], t[k], t[k+1]
		switch {
		case c == xbidi.ES && a == xbidi.EN && b == xbidi.EN:
			t[k] = xbidi.EN
		case c == xbidi.CS && a == xbidi.EN && b == xbidi.EN:
			t[k] = xbidi.EN
		case c == xbidi.CS && a == xbidi.AN && b == xbidi.AN:
			t[k] = xbidi.AN
		}
	}
	// W5
	for k := 0; k < n; {
		if t[k] != xbidi.ET {
			k++
			continue
		}
		e := k
		for e < n && t[e] == xbidi.ET {
			e++
		}
		if k > 0 && t[k-1] == xbidi.EN || e < n && t[e] == xbidi.EN {
			for j := k; j < e; j++ {
				t[j] = xbidi.EN
			}
		}
		k = e
	}
	// W6
	for k, c := range t {
		if c == xbidi.ES || c == xbidi.ET || c == xbidi.CS {
			t[k] = xbidi.ON
		}
	}
	// W7
	strong = s.sos
	for k, c := range t {
		switch c {
		case xbidi.L, xbidi.R:
			strong = c
		case xbidi.EN:
			if strong == xbidi.L {
				t[k] = xbidi.L
			}
		}
	}
	e := typeOf(s.level)
	s.brackets(t, text, orig, e)
	// N1, N2
	isNI := func(c xbidi.Class) bool {
		switch c {
		case xbidi.B, xbidi.S, xbidi.WS, xbidi.ON, xbidi.LRI, xbidi.RLI, xbidi.FSI, xbidi.PDI:
			return true
		}
		return false
	}
	strongOf := func(c xbidi.Class) xbidi.Class {
		if c == xbidi.EN || c == xbidi.AN {
			return xbidi.R
		}
		return c
	}
	for k := 0; k < n; {
		if !isNI(t[k]) {
			k++
			continue
		}
		end := k
		for end < n && isNI(t[end]) {
			end++
		}
		lead, trail := s.sos, s.eos
		if k > 0 {
			lead = strongOf(t[k-1])
		}
		if end < n {
			trail = strongOf(t[end])
		}
		dir := e
		if lead == trail {
			dir = lead
		}
		for j := k; j < end; j++ {
			t[j] = dir
		}
		k = end
	}
	// I1, I2
	s.levels = make(map[int]Level, n)
	for k, i := range s.idx {
		l := s.level
		switch {
		case l&1 == 0 && t[k] == xbidi.R:
			l++
		case l&1 == 0 && (t[k] == xbidi.AN || t[k] == xbidi.EN):
			l += 2
		case l&1 == 1 && (t[k] == xbidi.L || t[k] == xbidi.EN || t[k] == xbidi.AN):
			l++
		}
		s.levels[i] = l
		types[i] = t[k]
	}
}

// maxPairs is the bracket stack size of BD16.
const maxPairs = 63

// brackets applies N0 to the paired brackets of the sequence.
func (s *sequence) brackets(t []xbidi.Class, text []rune, orig []xbidi.Class, e xbidi.Class) {
	type open struct {
		close rune
		pos   int
	}
	var stack []open
	var pairs [][2]int
scan:
	for k, i := range s.idx {
		if t[k] != xbidi.ON {
			continue
		}
		r := canonBracket(text[i])
		if c, ok := closingOf(r); ok {
			if len(stack) == maxPairs {
				break scan
			}
			stack = append(stack, open{canonBracket(c), k})
			continue
		}
		if !isClosing(r) {
			continue
		}
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].close == r {
				pairs = append(pairs, [2]int{stack[j].pos, k})
				stack = stack[:j]
				break
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })
	strongOf := func(c xbidi.Class) xbidi.Class {
		switch c {
		case xbidi.L:
			return xbidi.L
		case xbidi.R, xbidi.EN, xbidi.AN:
			return xbidi.R
		}
		return xbidi.ON
	}
	for _, pr := range pairs {
		o, c := pr[0], pr[1]
		found, opposite := false, false
		for k := o + 1; k < c; k++ {
			switch st := strongOf(t[k]); {
			case st == e:
				found = true
			case st != xbidi.ON:
				opposite = true
			}
		}
		var dir xbidi.Class
		switch {
		case found:
			dir = e
		case opposite:
			before := s.sos
			for k := o - 1; k >= 0; k-- {
				if st := strongOf(t[k]); st != xbidi.ON {
					before = st
					break
				}
			}
			dir = e
			if before != e {
				dir = before
			}
		default:
			continue
		}
		for _, b := range []int{o, c} {
			t[b] = dir
			for k := b + 1; k < len(t) && orig[s.idx[k]] == xbidi.NSM; k++ {
				t[k] = dir
			}
		}
	}
}

// canonBracket maps the two angle brackets with canonical equivalents to
// them, so that either spelling pairs with the other.
func canonBracket(r rune) rune {
	switch r {
	case 0x2329:
		return 0x3008
	case 0x232A:
		return 0x3009
	}
	return r
}

func closingOf(r rune) (rune, bool) {
	k := sort.Search(len(openBrackets), func(i int) bool { return openBrackets[i][0] >= r })
	if k < len(openBrackets) && openBrackets[k][0] == r {
		return openBrackets[k][1], true
	}
	return 0, false
}

func isClosing(r rune) bool {
	for _, p := range openBrackets {
		if p[1] == r {
			return true
		}
	}
	return false
}

// Mirror returns the Bidi_Mirroring_Glyph of r: the character to draw for
// r at an odd level (rule L4), e.g. ')' for '('. ok is false when r has
// none.
func Mirror(r rune) (rune, bool) {
	k := sort.Search(len(mirrors), func(i int) bool { return mirrors[i][0] >= r })
	if k < len(mirrors) && mirrors[k][0] == r {
		return mirrors[k][1], true
	}
	return 0, false
}
