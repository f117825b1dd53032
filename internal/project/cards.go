package project

import (
	"fmt"

	"github.com/broadside/broadside/internal/layout"
)

// CardArgs are what the caller asks of a card run; empty means the
// campaign's choice, else the default. Messages name them as the command
// line's --layout, --theme and --format.
type CardArgs struct {
	// Layouts are layout names, or "all" for every card layout.
	Layouts []string
	Theme   string
	Format  string
}

// CardPlan is what a card run makes: which layouts, in which theme, as
// which image format.
type CardPlan struct {
	Layouts []*layout.Layout
	Theme   *layout.Theme
	// Format is png or jpeg; Ext is its file extension with the dot.
	Format, Ext string
}

// CardPlan resolves the card layouts, theme and format against the
// campaign's cards settings.
func (p *Project) CardPlan(a CardArgs) (*CardPlan, error) {
	conf, err := p.Campaign()
	if err != nil {
		return nil, err
	}
	lib, err := p.Library()
	if err != nil {
		return nil, err
	}
	choices := PickList("--layout", a.Layouts, conf.Cards.Pos, "layouts", "cards.layouts", conf.Cards.Layouts, []string{"all"})
	if len(choices) == 1 && choices[0].Value == "all" {
		all := choices[0]
		choices = nil
		for _, n := range lib.LayoutNames("card") {
			c := all
			c.Value = n
			choices = append(choices, c)
		}
	}
	plan := &CardPlan{}
	for _, c := range choices {
		l, err := p.Layout(c, "a card", "card")
		if err != nil {
			return nil, err
		}
		plan.Layouts = append(plan.Layouts, l)
	}
	if plan.Theme, err = p.Theme(Pick("--theme", a.Theme, conf.Cards.Pos, "theme", "cards.theme", conf.Cards.Theme, "paper")); err != nil {
		return nil, err
	}
	// The campaign's own colours replace the theme's on its cards.
	if plan.Theme, err = plan.Theme.WithColors(conf.Colors, conf.Pos); err != nil {
		return nil, err
	}
	f := Pick("--format", a.Format, conf.Cards.Pos, "format", "cards.format", conf.Cards.Format, "png")
	switch f.Value {
	case "png":
		plan.Format, plan.Ext = "png", ".png"
	case "jpeg", "jpg":
		plan.Format, plan.Ext = "jpeg", ".jpg"
	default:
		return nil, f.Blame(fmt.Errorf("--format %s: use png or jpeg", f.Value))
	}
	return plan, nil
}
