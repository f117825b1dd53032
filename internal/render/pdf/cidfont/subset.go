package cidfont

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// sfnt is the table directory of a TrueType file.
type sfnt struct {
	data   []byte
	tables map[string][]byte
}

func parseSFNT(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, errors.New("the file is cut short")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	default:
		return nil, errors.New("not a TrueType (glyf) font")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	s := &sfnt{data: data, tables: map[string][]byte{}}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("the table directory is cut short")
		}
		off, ln := int(binary.BigEndian.Uint32(data[rec+8:])), int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) || off+ln < off {
			return nil, fmt.Errorf("table %q lies outside the file", data[rec:rec+4])
		}
		s.tables[string(data[rec:rec+4])] = data[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if s.tables[t] == nil {
			return nil, fmt.Errorf("no %s table", t)
		}
	}
	if len(s.tables["head"]) < 54 || len(s.tables["hhea"]) < 36 || len(s.tables["maxp"]) < 6 {
		return nil, errors.New("a header table is cut short")
	}
	return s, nil
}

func (s *sfnt) numGlyphs() int { return int(binary.BigEndian.Uint16(s.tables["maxp"][4:])) }
func (s *sfnt) upem() int      { return int(binary.BigEndian.Uint16(s.tables["head"][18:])) }

// advance returns a glyph's advance width in font units.
func (s *sfnt) advance(g int) int {
	hm := s.tables["hmtx"]
	n := int(binary.BigEndian.Uint16(s.tables["hhea"][34:]))
	if n == 0 {
		return 0
	}
	if g >= n {
		g = n - 1
	}
	if 4*g+2 > len(hm) {
		return 0
	}
	return int(binary.BigEndian.Uint16(hm[4*g:]))
}

// lsb returns a glyph's left side bearing.
func (s *sfnt) lsb(g int) uint16 {
	hm := s.tables["hmtx"]
	n := int(binary.BigEndian.Uint16(s.tables["hhea"][34:]))
	off := 4*g + 2
	if g >= n {
		off = 4*n + 2*(g-n)
	}
	if off+2 > len(hm) {
		return 0
	}
	return binary.BigEndian.Uint16(hm[off:])
}

// glyph returns a glyph's outline data.
func (s *sfnt) glyph(g int) []byte {
	loca, glyf := s.tables["loca"], s.tables["glyf"]
	var a, b int
	if binary.BigEndian.Uint16(s.tables["head"][50:]) == 0 {
		if 2*g+4 > len(loca) {
			return nil
		}
		a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	} else {
		if 4*g+8 > len(loca) {
			return nil
		}
		a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	}
	if a >= b || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// components lists the glyphs a composite glyph is built from.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []int
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// subset writes a TrueType font that keeps only the outlines of the used
// glyphs (and the glyphs composites are built from), under their original
// glyph IDs: the PDF can then address glyphs by their IDs with an
// Identity CIDToGIDMap, and the page content needs no renumbering. The
// unused glyphs' entries stay, empty, in loca and hmtx; those repeat one
// value and cost little once the stream is compressed.
func subset(s *sfnt, used map[uint16]bool) []byte {
	n := s.numGlyphs()
	keep := make([]bool, n)
	var stack []int
	mark := func(g int) {
		if g >= 0 && g < n && !keep[g] {
			keep[g] = true
			stack = append(stack, g)
		}
	}
	mark(0) // .notdef
	for g := range used {
		mark(int(g))
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range components(s.glyph(g)) {
			mark(c)
		}
	}
	var glyf []byte
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if !keep[g] {
			continue
		}
		glyf = append(glyf, s.glyph(g)...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		binary.BigEndian.PutUint16(hmtx[4*g:], uint16(s.advance(g)))
		binary.BigEndian.PutUint16(hmtx[4*g+2:], s.lsb(g))
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := append([]byte(nil), s.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	hhea := append([]byte(nil), s.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": s.tables["maxp"],
		"hmtx": hmtx, "loca": loca, "glyf": glyf,
	}
	// Hinting programs are kept, since the outlines may call them; name
	// and OS/2 describe the font to tools that look.
	for _, t := range []string{"cvt ", "fpgm", "prep", "OS/2", "name"} {
		if b := s.tables[t]; b != nil {
			tables[t] = b
		}
	}
	// PDF addresses glyphs by ID, so the character map is an empty one:
	// some parsers refuse a font without it.
	tables["cmap"] = []byte{
		0, 0, 0, 1, // version, one subtable
		0, 3, 0, 1, 0, 0, 0, 12, // Windows Unicode BMP, at 12
		0, 4, 0, 24, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, // format 4, one segment
		0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0, 1, 0, 0, // the final segment
	}
	if p := s.tables["post"]; len(p) >= 32 {
		post := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
		tables["post"] = post
	}
	return writeSFNT(tables)
}

// writeSFNT assembles tables into a font file with correct checksums.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	headAt := 0
	for i, t := range tags {
		b := tables[t]
		rec := 12 + 16*i
		copy(out[rec:], t)
		binary.BigEndian.PutUint32(out[rec+4:], checksum(b))
		binary.BigEndian.PutUint32(out[rec+8:], uint32(len(out)))
		binary.BigEndian.PutUint32(out[rec+12:], uint32(len(b)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
