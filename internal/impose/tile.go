package impose

import (
	"fmt"
	"math"

	"github.com/broadside/broadside/internal/frame"
)

// Tiling splits a large poster over sheets a home printer takes. Each
// sheet carries a part of the poster inside a margin the printer can reach
// (about 5 mm of every edge is out of its reach, and the marks and labels
// live in the rest of the margin), at 100% scale; neighbouring parts share
// an overlap for gluing. A first page maps how the sheets go together.

// TileOptions tune Tile.
type TileOptions struct {
	// SheetW and SheetH are the sheet's size in points, portrait.
	SheetW, SheetH float64
	// Margin is the blank edge of each sheet, in points: the 5 mm printers
	// cannot reach plus room for marks. Default 10 mm.
	Margin float64
	// Overlap is the strip two neighbours share, in points. Default 10 mm;
	// NoOverlap asks for none (sheets meet edge to edge).
	Overlap   float64
	NoOverlap bool
	// Paper names the sheet for labels ("A4").
	Paper string
}

const mm = 72 / 25.4

// Grid is how a poster is cut.
type Grid struct {
	Rows, Cols int
	// SheetW, SheetH are the sheet as printed (landscape when that takes
	// fewer sheets).
	SheetW, SheetH float64
	// AreaW, AreaH is the part of the poster a sheet carries; StepX, StepY
	// how far the next sheet moves along the poster (area less overlap).
	AreaW, AreaH, StepX, StepY float64
	Margin, Overlap            float64
}

// part is the part of a w × h poster on the sheet at row r, column c, in
// the poster's points: the sheet's area, or less at the poster's right and
// bottom edges.
func (g Grid) part(r, c int, w, h float64) frame.Rect {
	x0, y0 := float64(c)*g.StepX, float64(r)*g.StepY
	return frame.Rect{X: x0, Y: y0, W: math.Min(g.AreaW, w-x0), H: math.Min(g.AreaH, h-y0)}
}

// Plan chooses the orientation that needs fewer sheets for a poster of
// w × h points.
func Plan(w, h float64, opt TileOptions) (Grid, error) {
	if opt.Margin <= 0 {
		opt.Margin = 10 * mm
	}
	if opt.Overlap < 0 {
		return Grid{}, fmt.Errorf("the overlap cannot be negative")
	}
	if opt.Overlap == 0 && !opt.NoOverlap {
		opt.Overlap = 10 * mm
	}
	best := Grid{}
	for _, land := range []bool{false, true} {
		sw, sh := opt.SheetW, opt.SheetH
		if land {
			sw, sh = sh, sw
		}
		g := Grid{SheetW: sw, SheetH: sh, Margin: opt.Margin, Overlap: opt.Overlap}
		g.AreaW, g.AreaH = sw-2*opt.Margin, sh-2*opt.Margin
		if g.AreaW <= 2*opt.Overlap || g.AreaH <= 2*opt.Overlap {
			return Grid{}, fmt.Errorf("an overlap of %.0f mm leaves no room on the sheet; use less", opt.Overlap/mm)
		}
		g.StepX, g.StepY = g.AreaW-opt.Overlap, g.AreaH-opt.Overlap
		g.Cols = count(w, g.AreaW, g.StepX)
		g.Rows = count(h, g.AreaH, g.StepY)
		if best.Rows == 0 || g.Rows*g.Cols < best.Rows*best.Cols {
			best = g
		}
	}
	return best, nil
}

// count is how many steps of a window cover length.
func count(length, area, step float64) int {
	if length <= area+1e-6 {
		return 1
	}
	return 1 + int(math.Ceil((length-area)/step-1e-9))
}

// Label names tile (row, col) the way the map does: rows are letters,
// columns numbers, "B3".
func Label(row, col int) string { return fmt.Sprintf("%s%d", rowName(row), col+1) }

// rowName spells a zero-based row as letters: A, B, ... Z, AA, AB.
func rowName(row int) string {
	r := ""
	for row++; row > 0; row = (row - 1) / 26 {
		r = string(rune('A'+(row-1)%26)) + r
	}
	return r
}

// Source draws the poster (or a page of it) translated by dx, dy and
// scaled; Tile calls it once per sheet and for the map.
type Source func(dx, dy, scale float64) frame.Item

// Texter sets a line of text with its left end at x and baseline at y, in
// a sans face of the given size and colour; the caller owns the fonts.
type Texter func(s string, x, y, size float64, bold bool, c frame.Color) []frame.Item

// Tile returns the map page followed by one sheet per tile, row by row.
func Tile(w, h float64, src Source, text Texter, opt TileOptions) ([]*frame.Page, Grid, error) {
	g, err := Plan(w, h, opt)
	if err != nil {
		return nil, g, err
	}
	sheets := []*frame.Page{tileMap(w, h, g, src, text, opt.Paper)}
	black := frame.Color{A: 255}
	grey := frame.Color{R: 120, G: 120, B: 120, A: 255}
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			s := frame.NewPage(g.SheetW, g.SheetH, "tile "+Label(r, c))
			p := g.part(r, c, w, h)
			x0, y0, aw, ah := p.X, p.Y, p.W, p.H
			m := g.Margin
			s.Add(&frame.Group{X: 0, Y: 0, Clip: frame.Rect{X: m, Y: m, W: aw, H: ah}, Frame: wrap(src(m-x0, m-y0, 1), g.SheetW, g.SheetH)})
			// Cut marks at the corners of the part, in the margin.
			s.Add(cornerMarks(frame.Rect{X: m, Y: m, W: aw, H: ah}, 1.5*mm, 3*mm, 0.3, black)...)
			// Where the neighbour to the right and below will lie: ticks on
			// the overlap's inner edge, to align the next sheet's cut edge.
			if c < g.Cols-1 {
				x := m + g.StepX
				s.Add(&frame.Line{X0: x, Y0: m - 4*mm, X1: x, Y1: m - 1*mm, Width: 0.5, Color: grey},
					&frame.Line{X0: x, Y0: m + ah + 1*mm, X1: x, Y1: m + ah + 4*mm, Width: 0.5, Color: grey})
			}
			if r < g.Rows-1 {
				y := m + g.StepY
				s.Add(&frame.Line{X0: m - 4*mm, Y0: y, X1: m - 1*mm, Y1: y, Width: 0.5, Color: grey},
					&frame.Line{X0: m + aw + 1*mm, Y0: y, X1: m + aw + 4*mm, Y1: y, Width: 0.5, Color: grey})
			}
			label := fmt.Sprintf("%s  ·  row %s of %d, column %d of %d  ·  trim the top and left margins on the marks; lay over the neighbours' overlap",
				Label(r, c), rowName(r), g.Rows, c+1, g.Cols)
			s.Add(text(label, m+6*mm, g.SheetH-m+6.5, 6.5, false, grey)...)
			s.Add(text(Label(r, c), g.SheetW-m-6*mm, m-3.5, 9, true, black)...)
			sheets = append(sheets, s)
		}
	}
	return sheets, g, nil
}

// wrap puts an item in a frame, so a group can clip it.
func wrap(it frame.Item, w, h float64) *frame.Frame {
	f := frame.New(w, h)
	f.Add(it)
	return f
}

// tileMap is the first page: the poster in small with the sheets drawn
// over it and named, and what to do with them.
func tileMap(w, h float64, g Grid, src Source, text Texter, paper string) *frame.Page {
	// The map is on a portrait sheet, whatever the tiles' orientation.
	sw, sh := math.Min(g.SheetW, g.SheetH), math.Max(g.SheetW, g.SheetH)
	f := frame.NewPage(sw, sh, "assembly map")
	m := 15 * mm
	black := frame.Color{A: 255}
	grey := frame.Color{R: 90, G: 90, B: 90, A: 255}
	y := m + 12
	f.Add(text(fmt.Sprintf("How the %d sheets go together", g.Rows*g.Cols), m, y, 16, true, black)...)
	y += 16
	f.Add(text(fmt.Sprintf("A poster of %.0f × %.0f mm on %d × %d sheets of %s, overlapping by %.0f mm.", w/mm, h/mm, g.Rows, g.Cols, paper, g.Overlap/mm), m, y, 9, false, grey)...)
	steps := []string{
		"1. Print every sheet single-sided at actual size (100%), not \"fit to page\".",
		"2. Trim the top and left margins of each sheet on its cut marks, except along the top row and the first column.",
		"3. Lay the sheets out as below, each trimmed edge on the grey ticks of its neighbour, and glue or tape them.",
	}
	for _, s := range steps {
		y += 13
		f.Add(text(s, m, y, 8.5, false, black)...)
	}
	top := y + 14
	availW, availH := sw-2*m, sh-top-m
	scale := math.Min(availW/w, availH/h)
	ox, oy := m+(availW-w*scale)/2, top
	f.Add(&frame.Group{Clip: frame.Rect{X: ox, Y: oy, W: w * scale, H: h * scale}, Frame: wrap(src(ox, oy, scale), sw, sh)})
	// Fade the poster so the sheets and their names stand out on it.
	f.Add(&frame.Rect{X: ox, Y: oy, W: w * scale, H: h * scale, Fill: frame.Color{R: 255, G: 255, B: 255, A: 150}, StrokeWidth: 0.75, Stroke: black})
	red := frame.Color{R: 200, G: 30, B: 40, A: 255}
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			p := g.part(r, c, w, h)
			x0, y0, aw, ah := p.X, p.Y, p.W, p.H
			f.Add(&frame.Rect{X: ox + x0*scale, Y: oy + y0*scale, W: aw * scale, H: ah * scale, StrokeWidth: 0.6, Stroke: red})
			size := math.Min(14, math.Max(6, math.Min(aw, ah)*scale/4))
			f.Add(text(Label(r, c), ox+(x0+aw/2)*scale-size*0.6, oy+(y0+ah/2)*scale+size*0.35, size, true, red)...)
		}
	}
	return f
}

// cornerMarks draws crop marks at the corners of r: at each corner a
// horizontal and a vertical line in line with the edges, starting gap
// outside r and length long.
func cornerMarks(r frame.Rect, gap, length, width float64, c frame.Color) []frame.Item {
	var out []frame.Item
	for _, x := range []float64{r.X, r.X + r.W} {
		for _, y := range []float64{r.Y, r.Y + r.H} {
			dx, dy := -1.0, -1.0
			if x > r.X {
				dx = 1
			}
			if y > r.Y {
				dy = 1
			}
			out = append(out,
				&frame.Line{X0: x + dx*gap, Y0: y, X1: x + dx*(gap+length), Y1: y, Width: width, Color: c},
				&frame.Line{X0: x, Y0: y + dy*gap, X1: x, Y1: y + dy*(gap+length), Width: width, Color: c})
		}
	}
	return out
}
