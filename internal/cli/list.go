package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/broadside/broadside/internal/font"
)

func init() {
	register(&command{
		name:    "list",
		summary: "list quotes, fonts, layouts or themes",
		usage:   "list quotes|fonts|layouts|themes",
		examples: []string{
			"broadside list quotes",
			"broadside list quotes --data my-quotes.csv",
			"broadside list layouts",
			"broadside list fonts --fonts ./my-fonts",
		},
		run: runList,
	})
}

func runList(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return usagef("say what to list: quotes, fonts, layouts or themes")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	defer tw.Flush()
	switch args[0] {
	case "quotes":
		ds, err := e.p.Dataset()
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "ID\tAUTHOR\tWORDS\tEXCERPT\tTAGS\n")
		for _, q := range ds.Quotes {
			ex := ""
			if q.Excerpt != "" {
				ex = fmt.Sprintf("%d words", len(strings.Fields(q.Excerpt)))
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", q.ID, shorten(q.Author, 40), quoteWords(q), ex, strings.Join(q.Tags, ", "))
		}
		tw.Flush()
		fmt.Fprintf(e.stdout, "%s in %s\n", count(len(ds.Quotes), "quote"), ds.Name)
	case "fonts":
		reg, err := e.p.Fonts()
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "KEY\tFAMILY\tSTYLE\tFILE\n")
		for _, f := range reg.Fonts() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Key, f.Family, font.StyleName(f.Weight, f.Italic), f.File)
		}
	case "layouts":
		lib, err := e.p.Library()
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "NAME\tKIND\tSIZE\tDESCRIPTION\n")
		for _, n := range lib.LayoutNames("") {
			l, _ := lib.Layout(n)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Name, l.Kind, l.SizeLabel(), shorten(l.Description, 70))
		}
	case "themes":
		lib, err := e.p.Library()
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "NAME\tDESCRIPTION\n")
		for _, n := range lib.ThemeNames() {
			t, _ := lib.Theme(n)
			fmt.Fprintf(tw, "%s\t%s\n", t.Name, t.Description)
		}
	default:
		return usagef("cannot list %q; say quotes, fonts, layouts or themes", args[0])
	}
	return nil
}

// shorten cuts s to n characters with an ellipsis, for table cells.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
