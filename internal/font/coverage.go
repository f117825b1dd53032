package font

import (
	"slices"
	"unicode"
)

// Has reports whether the font draws r, inside the Basic Multilingual
// Plane or outside it (emoji): text is shaped and written to PDFs by glyph
// ID, so fpdf's limit to the BMP does not apply.
func (f *Font) Has(r rune) bool {
	g, ok := f.load().gt.NominalGlyph(r)
	return ok && g != 0
}

// Invisible reports characters that need no glyph: they take no ink and,
// when a font lacks them, are dropped from the drawn text rather than shown
// as boxes. Zero-width joiners and variation selectors are among them; line
// and paragraph separators are handled by the line breaker.
func Invisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
		'\u200e', '\u200f', // left-to-right and right-to-left marks
		'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', // embeddings and overrides
		'\u2066', '\u2067', '\u2068', '\u2069': // isolates
		return true
	}
	return unicode.Is(unicode.Variation_Selector, r)
}

// Chain is a font followed by the fonts tried, in order, for characters it
// lacks. The first font sets the metrics of the line.
type Chain []*Font

// With returns the chain of f followed by the registry's fallback fonts of
// the same slant and nearest weight, so a Greek word in a bold Latin line
// falls back to bold Greek.
func (r *Registry) With(f *Font) Chain {
	c := Chain{f}
	// The fallback is parsed only when a character needs it.
	if fb, err := r.Find(FallbackFamily, f.Weight, f.Italic); err == nil && fb != f {
		c = append(c, fb)
	}
	for _, fb := range r.fallback {
		if !slices.Contains(c, fb) {
			c = append(c, fb)
		}
	}
	return c
}

// Pick returns the first font of the chain that draws r, or nil.
func (c Chain) Pick(r rune) *Font {
	for _, f := range c {
		if f.Has(r) {
			return f
		}
	}
	return nil
}

// Missing lists, once each and in order of appearance, the characters of
// text that no font of the chain draws. Spaces, line breaks and invisible
// format characters need no glyph and are never missing.
func (c Chain) Missing(text string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if seen[r] || NeedsNoGlyph(r) {
			continue
		}
		seen[r] = true
		if c.Pick(r) == nil {
			out = append(out, r)
		}
	}
	return out
}

// NeedsNoGlyph reports characters that are laid out without drawing a glyph
// of their own: whitespace handled by the line breaker and invisible format
// characters.
func NeedsNoGlyph(r rune) bool {
	return r == '\n' || r == '\r' || r == '\t' || r == ' ' || Invisible(r)
}
