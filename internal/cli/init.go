package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/broadside/broadside/internal/scaffold"
)

// initFlags are init's options. They live here rather than in options
// (env.go) while another branch moves the loaders out of env.go; fold them
// in after the merge. Main runs one command at a time, and registering the
// flags resets them to their defaults.
var initFlags struct {
	name           string
	example, force bool
}

func init() {
	register(&command{
		name:    "init",
		summary: "start a new campaign: a folder with example quotes, settings and a README",
		usage:   "init [DIR] [--name NAME] [--example] [--force]",
		examples: []string{
			"broadside init save-the-river        # then: cd save-the-river && broadside build",
			"broadside init --example demo        # with the Global Support quotes to try things out",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&initFlags.name, "name", "", "the campaign's `NAME` (default: the folder's name)")
			fs.BoolVar(&initFlags.example, "example", false, "start from the built-in Global Support quotes and settings instead of placeholders")
			fs.BoolVar(&initFlags.force, "force", false, "also fill a folder that is not empty (files already there are never replaced)")
		},
		ownFlags: true,
		run:      runInit,
	})
}

func runInit(ctx context.Context, e *env, args []string) error {
	if len(args) > 1 {
		return usagef("unexpected %q; init makes one folder", args[1])
	}
	dir := "."
	if len(args) == 1 {
		dir = args[0]
	}
	res, err := scaffold.Create(dir, scaffold.Options{Name: initFlags.name, Example: initFlags.example, Force: initFlags.force})
	if errors.Is(err, scaffold.ErrNotEmpty) {
		return fmt.Errorf("%s already has files in it; choose a new folder, or add --force to add the campaign files beside them (no file is ever replaced)", dir)
	}
	if err != nil {
		return err
	}
	reportInit(e, dir, res)
	return nil
}

// reportInit says what init made and what to do next.
func reportInit(e *env, dir string, res scaffold.Result) {
	what := map[string]string{
		scaffold.Quotes:   "the quotes: replace the examples with yours",
		scaffold.Campaign: "the campaign's name, link, hashtags and what build makes",
		scaffold.Readme:   "how to add quotes, make cards and print",
	}
	if len(res.Created) > 0 {
		fmt.Fprintf(e.stdout, "made a campaign in %s:\n", dir)
	} else {
		fmt.Fprintf(e.stdout, "%s has every campaign file already:\n", dir)
	}
	for _, f := range res.Created {
		fmt.Fprintf(e.stdout, "  %-20s %s\n", filepath.ToSlash(f), what[f])
	}
	for _, f := range res.Kept {
		fmt.Fprintf(e.stdout, "  %-20s kept as it was: it exists\n", filepath.ToSlash(f))
	}
	if dir == "." {
		fmt.Fprintln(e.stdout, "Next: broadside build")
	} else {
		if strings.ContainsAny(dir, " '\"&;()") {
			dir = `"` + dir + `"`
		}
		fmt.Fprintf(e.stdout, "Next: cd %s && broadside build\n", dir)
	}
}
