// Package font loads TrueType fonts once per process and is the single source
// of text metrics for broadside: advances (with kerning), ascent, descent,
// cap height and character coverage, all in font units and unhinted, so the
// PNG and PDF exporters place every glyph at the same position.
package font

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Font is one parsed TrueType file. It is safe for concurrent use.
type Font struct {
	// Key names the font uniquely in a registry and in frames, e.g.
	// "inter/Inter-Bold". Renderers look fonts up by it.
	Key string
	// File is where the font came from, for messages.
	File string
	// Family is the typographic family name, e.g. "Source Serif 4".
	Family string
	// Weight is the OS/2 weight class: 400 regular, 700 bold, 900 black.
	Weight int
	// Italic is true for italic and oblique styles.
	Italic bool
	// Data is the raw file, which the PDF exporter embeds (subset). For
	// bundled fonts it is the binary's own read-only copy: never modify it.
	Data []byte

	// Metrics in font units; Descent is positive (below the baseline).
	UnitsPerEm                 int
	Ascent, Descent, CapHeight float64

	gt    *gtfont.Font
	sf    *sfnt.Font
	pool  sync.Pool // *shaping.HarfbuzzShaper, which keeps buffers
	once  sync.Once // parses a bundled font on first use
	err   error
	faces sync.Pool // *gtfont.Face, which keeps glyph caches
	adv   []float32 // nominal advance by glyph id, in font units
	memo  advanceMemo
}

// ErrCFF marks fonts with PostScript (CFF) outlines, which fpdf cannot embed.
var ErrCFF = errors.New("has PostScript (CFF) outlines, which broadside cannot embed in PDFs; use the TrueType (.ttf) version of this font")

// Parse reads a TrueType font. key names it in frames, file in messages.
func Parse(key, file string, data []byte) (*Font, error) {
	f := &Font{Key: key, File: file, Data: data}
	if err := f.parse(); err != nil {
		return nil, err
	}
	f.once.Do(func() {})
	return f, nil
}

// lazy returns a font whose name and style are read now, cheaply, and
// whose tables are parsed on first use. The bundled fonts are loaded this
// way: a run that uses four of them parses four, which keeps start-up fast
// and memory low.
func lazy(key, file string, data []byte) (*Font, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("font %s: not a readable TrueType font (%v)", file, err)
	}
	desc, _ := gtfont.Describe(ld, nil)
	f := &Font{Key: key, File: file, Data: data}
	f.describe(desc)
	return f, nil
}

// describe sets the family, weight and slant from the font's name table.
func (f *Font) describe(desc gtfont.Description) {
	f.Family = strings.TrimSpace(desc.Family)
	f.Weight = int(desc.Aspect.Weight + 0.5)
	f.Italic = desc.Aspect.Style == gtfont.StyleItalic
	if f.Weight == 0 {
		f.Weight = 400
	}
}

// ensure parses a lazy font's tables once, and returns what was wrong.
func (f *Font) ensure() error {
	f.once.Do(func() { f.err = f.parse() })
	return f.err
}

// load parses a lazy font's tables once. The bundled fonts are tested to
// parse, so an error here is a broken build.
func (f *Font) load() *Font {
	if err := f.ensure(); err != nil {
		panic(err)
	}
	return f
}

// parse reads every table broadside uses.
func (f *Font) parse() error {
	data, file := f.Data, f.File
	if len(data) < 12 {
		return fmt.Errorf("font %s: the file is empty or cut short", file)
	}
	if string(data[:4]) == "OTTO" {
		return fmt.Errorf("font %s: %w", file, ErrCFF)
	}
	if string(data[:4]) == "ttcf" {
		return fmt.Errorf("font %s: font collections (.ttc) are not supported; extract the one font you need as a .ttf", file)
	}
	face, err := gtfont.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("font %s: not a readable TrueType font (%v)", file, err)
	}
	ft := face.Font
	if ft.Flavor != ot.TrueType && ft.Flavor != ot.AppleTrueType {
		return fmt.Errorf("font %s: %w", file, ErrCFF)
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return fmt.Errorf("font %s: not a readable TrueType font (%v)", file, err)
	}
	if _, ok := ft.NominalGlyph(' '); !ok {
		return fmt.Errorf("font %s: has no space character, so it cannot set text", file)
	}
	if f.Family == "" {
		// A lazy font has its name already, read by other goroutines
		// while this one parses: it is set once, before publication.
		f.describe(ft.Describe())
	}
	f.UnitsPerEm = int(ft.Upem())
	f.gt, f.sf = ft, sf
	if f.UnitsPerEm < 16 || f.UnitsPerEm > 16384 {
		return fmt.Errorf("font %s: units per em %d is out of range", file, f.UnitsPerEm)
	}
	n := sf.NumGlyphs()
	f.adv = make([]float32, n)
	for g := 0; g < n; g++ {
		f.adv[g] = face.HorizontalAdvance(gtfont.GID(g))
	}
	ext, _ := face.FontHExtents()
	f.Ascent = float64(ext.Ascender)
	f.Descent = -float64(ext.Descender)
	f.CapHeight = float64(face.LineMetric(gtfont.CapHeight))
	if f.CapHeight <= 0 {
		f.CapHeight = 0.7 * float64(f.UnitsPerEm)
	}
	if f.Ascent <= 0 {
		f.Ascent = 0.8 * float64(f.UnitsPerEm)
	}
	if f.Descent <= 0 {
		f.Descent = 0.2 * float64(f.UnitsPerEm)
	}
	f.faces.Put(face)
	return nil
}

// Name is the font's key: frames know a font by it (frame.Font).
func (f *Font) Name() string { return f.Key }

// SFNT is the parsed outline font the PNG exporter rasterises from. It is
// shared; make one face per goroutine from it.
func (f *Font) SFNT() *sfnt.Font { return f.load().sf }

// Scale converts font units to points at the given size.
func (f *Font) Scale(size float64) float64 { return size / float64(f.UnitsPerEm) }

// StyleName spells a weight and slant the way type designers name them.
func StyleName(weight int, italic bool) string {
	var w string
	switch {
	case weight < 150:
		w = "Thin"
	case weight < 250:
		w = "ExtraLight"
	case weight < 350:
		w = "Light"
	case weight < 450:
		w = "Regular"
	case weight < 550:
		w = "Medium"
	case weight < 650:
		w = "SemiBold"
	case weight < 750:
		w = "Bold"
	case weight < 850:
		w = "ExtraBold"
	default:
		w = "Black"
	}
	if italic {
		if w == "Regular" {
			return "Italic"
		}
		return w + " Italic"
	}
	return w
}

// face borrows a go-text face (not safe for concurrent use) from the pool;
// give it back with putFace.
func (f *Font) face() *gtfont.Face {
	if fc, ok := f.faces.Get().(*gtfont.Face); ok {
		return fc
	}
	return gtfont.NewFace(f.gt)
}

func (f *Font) putFace(fc *gtfont.Face) { f.faces.Put(fc) }
