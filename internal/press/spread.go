package press

import (
	"math"
	"slices"

	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/qr"
)

// A leaflet's layout names a place for each quote (quote: 2, 3 …). Given
// fewer quotes than places, the places left over would print empty, and a
// leaflet with a blank panel looks broken. So the quotes there are spread
// over the panels before composing, side by side:
//
//   - A panel is a column of places: regions with the same x and width.
//   - Every panel gets a quote before any gets two; quotes keep their order,
//     panel by panel, top to bottom.
//   - A quote alone in a panel of several places takes the whole panel,
//     centred in it: fewer quotes get more room.
//   - Panels left without a quote show the campaign instead (campaignPanels):
//     its name, tagline and call to action; then its introduction; then how
//     to reach it.
//
// The layout file is not changed: spread returns a copy.

// spread returns l with the quote places of each side rearranged for n
// quotes, or l itself when it has a place for every quote. b is the
// campaign, for what panels without a quote can show.
func spread(l *layout.Layout, n int, b layout.Brand) *layout.Layout {
	if l.QuoteSlots() <= n {
		return l
	}
	out := *l
	out.Sides = make([]layout.Side, len(l.Sides))
	for i, s := range l.Sides {
		s.Regions = spreadSide(s.Regions, n, l.Scale(), b)
		out.Sides[i] = s
	}
	return &out
}

// panel is a column of quote places on one side, top to bottom.
type panel struct {
	places []int // indexes into the side's regions
	span   layout.Box
}

// spreadSide rearranges the quote places of one side for n quotes.
func spreadSide(regions []layout.Region, n int, scale float64, b layout.Brand) []layout.Region {
	var panels []*panel
	var numbers []int // the quote numbers this side shows, of those given
	empty := false
	for i, r := range regions {
		if r.Quote < 1 || r.Box == nil {
			continue
		}
		if r.Quote <= n {
			numbers = append(numbers, r.Quote)
		} else {
			empty = true
		}
		b := *r.Box
		var p *panel
		for _, q := range panels {
			if math.Abs(q.span.X-b.X) < 0.5 && math.Abs(q.span.W-b.W) < 0.5 {
				p = q
			}
		}
		if p == nil {
			p = &panel{span: b}
			panels = append(panels, p)
		}
		p.places = append(p.places, i)
		top, bottom := math.Min(p.span.Y, b.Y), math.Max(p.span.Y+p.span.H, b.Y+b.H)
		p.span.Y, p.span.H = top, bottom-top
	}
	if !empty {
		return regions
	}
	slices.Sort(numbers)
	slices.SortStableFunc(panels, func(a, b *panel) int { return cmpFloat(a.span.X, b.span.X) })
	for _, p := range panels {
		slices.SortStableFunc(p.places, func(a, b int) int { return cmpFloat(regions[a].Box.Y, regions[b].Box.Y) })
	}
	// How many quotes each panel shows: one each while they last, then the
	// rest filling the first panels' places.
	count := make([]int, len(panels))
	left := len(numbers)
	for i := range panels {
		if left > 0 {
			count[i], left = 1, left-1
		}
	}
	for i, p := range panels {
		more := min(left, len(p.places)-count[i])
		count[i], left = count[i]+more, left-more
	}

	out := slices.Clone(regions)
	drop := map[int]bool{}
	next, spare := 0, 0
	for i, p := range panels {
		if count[i] == 0 {
			// The panel's first place becomes the campaign; the others go.
			fill := campaignPanels(regions[p.places[0]], p.span, scale, b)
			out[p.places[0]] = fill[spare%len(fill)]
			spare++
			for _, j := range p.places[1:] {
				drop[j] = true
			}
			continue
		}
		for k, j := range p.places {
			switch {
			case k < count[i]:
				r := regions[j]
				r.Quote = numbers[next]
				next++
				if k == count[i]-1 && count[i] < len(p.places) {
					// The last quote of the panel takes the room below it.
					b := *r.Box
					b.H = p.span.Y + p.span.H - b.Y
					r.Box = &b
					if count[i] == 1 {
						r.VAlign = "middle"
					}
				}
				out[j] = r
			default:
				drop[j] = true
			}
		}
	}
	kept := out[:0]
	for j, r := range out {
		if !drop[j] {
			kept = append(kept, r)
		}
	}
	return kept
}

// campaignPanels are what panels without a quote show, in this order: the
// campaign (name, tagline, call to action), its introduction, and how to
// reach it (call to action, QR code, address, handle, hashtags), each when
// the campaign has something for it; with nothing but a name, the name.
// They are set in sizes taken from the quote place they replace; scale is
// the layout's points per canvas unit, for the QR code's least width.
func campaignPanels(place layout.Region, span layout.Box, scale float64, b layout.Brand) []layout.Region {
	lo, hi := 10.0, 13.0
	for _, it := range place.Items {
		if (it.Type == "quote" || it.Type == "excerpt") && it.Size != nil {
			lo, hi = it.Size.Min, it.Size.Max
		}
	}
	gap := span.W / 16
	size := func(a, b float64) *layout.SizeRange { return &layout.SizeRange{Min: a, Max: b} }
	name := layout.Region{Type: "text", Text: "{campaign}", Font: "detail", Size: size(lo*0.72, lo*0.72), Uppercase: true, Tracking: 0.08, Color: "accent"}
	stack := func(align string, items ...layout.Region) layout.Region {
		return layout.Region{Type: "stack", Box: &span, VAlign: "middle", Align: align, Pos: place.Pos, Items: items}
	}
	var out []layout.Region
	if b.Tagline != "" || b.CallToAction != "" {
		out = append(out, stack("left", name,
			layout.Region{Type: "text", Text: "{tagline}", SpaceBefore: gap / 2, Font: "heading", Size: size(hi, hi*1.6), LineHeight: 1.15, Wrap: "balanced", Color: "text"},
			layout.Region{Type: "rule", SpaceBefore: gap, Width: span.W / 4, Thickness: span.W / 64, Color: "accent"},
			layout.Region{Type: "text", Text: "{cta}", SpaceBefore: gap, Font: "quote", Size: size(lo, hi), LineHeight: 1.3, Wrap: "balanced", Color: "text"}))
	}
	if b.Intro != "" {
		out = append(out, stack("left", name,
			layout.Region{Type: "intro", SpaceBefore: gap / 2, ParagraphSpace: gap / 3, Font: "body", Size: size(lo*0.8, hi*0.8), LineHeight: 1.45, Color: "text"}))
	}
	reach := []layout.Region{{Type: "text", Text: "{cta}", Font: "heading", Size: size(hi, hi*1.4), LineHeight: 1.2, Wrap: "balanced", Color: "text"}}
	if w := span.W * 0.4; w*scale >= qr.MinSize {
		reach = append(reach, layout.Region{Type: "qr", SpaceBefore: gap, Width: w, Color: "text"})
	}
	reach = append(reach,
		layout.Region{Type: "text", Text: "{url}", SpaceBefore: gap / 2, Font: "author", Size: size(lo*0.85, lo*0.85), MaxLines: 1, Color: "text"},
		layout.Region{Type: "text", Text: "{handle}", SpaceBefore: gap / 6, Font: "detail", Size: size(lo*0.8, lo*0.8), MaxLines: 1, Color: "muted"},
		layout.Region{Type: "text", Text: "{hashtags}", SpaceBefore: gap / 6, Font: "footer", Size: size(lo*0.75, lo*0.75), Color: "muted"})
	if b.URL != "" || b.Handle != "" || len(b.Hashtags) > 0 {
		out = append(out, stack("center", reach...))
	}
	if len(out) == 0 {
		out = append(out, stack("left", layout.Region{Type: "text", Text: "{campaign}", Font: "heading", Size: size(hi, hi*2), LineHeight: 1.1, Wrap: "balanced", Color: "text"}))
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
