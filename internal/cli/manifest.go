package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/broadside/broadside/internal/cards"
)

func init() {
	register(&command{
		name:    "manifest",
		summary: "join the cards.json and cards.csv of cards made in shards or on several machines",
		usage:   "manifest merge [--out DIR] DIR...",
		examples: []string{
			"broadside manifest merge output/cards shard-2/cards shard-3/cards   # into output/cards",
			"broadside manifest merge --out all-cards shard-*/cards",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.out, "out", "", "the `DIR` whose manifest the others are merged into (default: the first DIR)")
		},
		run:      runManifest,
		ownFlags: true,
	})
}

// runManifest merges manifests: the entries of every DIR, sorted by file,
// the later DIR winning where two describe the same file, into the
// manifest of --out (or of the first DIR), which takes part too.
func runManifest(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "merge" {
		return usagef("say what to do: broadside manifest merge DIR...")
	}
	dirs := args[1:]
	if len(dirs) == 0 {
		return usagef("name the folders whose cards.json to merge")
	}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, cards.ManifestJSON)); err != nil {
			if st, serr := os.Stat(d); serr != nil || !st.IsDir() {
				return fmt.Errorf("%s is not a folder", d)
			}
			return fmt.Errorf("%s has no %s to merge", d, cards.ManifestJSON)
		}
	}
	out := e.opts.out
	if out == "" {
		out = dirs[0]
	}
	n, err := cards.MergeManifests(out, dirs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s merged: %s → %s, %s\n", count(len(dirs), "manifest"), count(n, "card"),
		filepath.Join(out, cards.ManifestJSON), filepath.Join(out, cards.ManifestCSV))
	return nil
}
