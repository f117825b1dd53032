package text

import (
	"sync"

	"github.com/broadside/broadside/internal/bidi"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/shape"
)

// shapeKey is what shaping a paragraph depends on. A chain is known by its
// first and last font and its length: chains come from
// font.Registry.ChainFor, which gives one chain per face and language, and
// fonts are told apart by pointer, so two registries never share entries.
type shapeKey struct {
	text        string
	lang        string
	noLigatures bool
	first, last *font.Font
	n           int
}

// shapeMemo keeps shaped paragraphs: the same words are set again and
// again (a quote on each card layout, in the booklet, its author on every
// quote of theirs), and shaping, not breaking, is what setting costs. The
// results are never modified. It is bounded by the runes it holds and
// starts again when full, which costs only shaping again.
var shapeMemo struct {
	sync.Mutex
	m     map[shapeKey]*shape.Result
	runes int
}

// memoRunes bounds shapeMemo: about 30 MB of glyphs.
const memoRunes = 1 << 20

// shapeParagraph is shape.Paragraph, remembered.
func shapeParagraph(runes []rune, o shape.Options) *shape.Result {
	if len(o.Chain) == 0 || o.Dir != bidi.Auto || len(runes) > memoRunes/64 {
		return shape.Paragraph(runes, o)
	}
	k := shapeKey{string(runes), o.Lang, o.NoLigatures, o.Chain[0], o.Chain[len(o.Chain)-1], len(o.Chain)}
	shapeMemo.Lock()
	res, ok := shapeMemo.m[k]
	shapeMemo.Unlock()
	if ok {
		return res
	}
	res = shape.Paragraph(runes, o)
	shapeMemo.Lock()
	if shapeMemo.m == nil || shapeMemo.runes+len(runes) > memoRunes {
		shapeMemo.m = make(map[shapeKey]*shape.Result, 256)
		shapeMemo.runes = 0
	}
	shapeMemo.m[k] = res
	shapeMemo.runes += len(runes)
	shapeMemo.Unlock()
	return res
}
