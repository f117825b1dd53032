package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/broadside/broadside/internal/scaffold"
	"github.com/broadside/broadside/internal/userdir"
	"github.com/inconshreveable/mousetrap"
)

// A start by double-click.
//
// Someone who downloads broadside and opens it from their file manager
// gets the studio in their browser, on a campaign folder in their
// Documents, made the first time with the Global Support quotes as the
// example. Two ways lead there:
//
//   - Windows: Explorer starts the program with no arguments in a new
//     console window. Main asks launch.doubleClicked (mousetrap: is the
//     parent process explorer.exe?) and runs "start" instead of printing
//     help.
//   - macOS and Linux cannot tell a file manager from a terminal, so the
//     archive carries a launcher ("Start broadside.command",
//     broadside.desktop) that runs "broadside start" beside it.
//
// start then runs the studio through the command registry, as if the
// person had typed
//
//	broadside serve --dir DIR --open --quit-when-closed
//
// so the studio's command needs no knowledge of this path: it returns when
// the page says stop, the last page is closed, or the context is cancelled (closing a console window on
// Windows is SIGTERM; closing a terminal on macOS and Linux is SIGHUP,
// which ends the process).

// launch is what the no-argument decision and start depend on; tests
// replace it.
var launch = struct {
	// doubleClicked reports whether the program was opened from a file
	// manager rather than a terminal; only Windows can tell.
	doubleClicked func() bool
	// documents is the person's Documents folder.
	documents func() (string, error)
	// interactive reports whether someone can read the window and press
	// Enter in it.
	interactive func() bool
	stdin       io.Reader
}{
	doubleClicked: mousetrap.StartedByExplorer,
	documents:     userdir.Documents,
	interactive:   func() bool { return termCheck(int(os.Stdin.Fd())) },
	stdin:         os.Stdin,
}

// campaignFolder is the folder's name in Documents.
const campaignFolder = "broadside"

// startFlags are start's options, kept out of options (env.go) for the same
// reason as initFlags.
var startFlags struct{ dir string }

func init() {
	register(&command{
		name:    "start",
		summary: "open the studio on Documents/" + campaignFolder + " (made the first time), as opening broadside by double-click does",
		usage:   "start [--dir DIR]",
		examples: []string{
			"broadside start                      # Documents/" + campaignFolder + ", with the Global Support quotes the first time",
			"broadside start --dir save-the-river",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&startFlags.dir, "dir", "", "the campaign `DIR` (default: "+campaignFolder+" in your Documents folder); an empty or new one is filled with the example campaign")
		},
		ownFlags: true,
		run:      runStart,
	})
}

// runStart opens the studio. When it fails in a window opened by
// double-click, the window would close before anyone could read why, so
// the message is followed by "Press Enter".
func runStart(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected %q; start takes only options (--dir DIR)", args[0])
	}
	err := startStudio(ctx, e)
	if err == nil || ctx.Err() != nil || !launch.interactive() {
		return err
	}
	finish(ctx, lookup("start"), err, e.stderr)
	fmt.Fprintln(e.stderr, "\nPress Enter to close this window.")
	bufio.NewReader(launch.stdin).ReadString('\n')
	return &reported{}
}

func startStudio(ctx context.Context, e *env) error {
	dir := startFlags.dir
	if dir == "" {
		docs, err := launch.documents()
		if err != nil {
			return fmt.Errorf("cannot find your Documents folder (%v); name a folder with --dir", err)
		}
		dir = filepath.Join(docs, campaignFolder)
	}
	// An existing campaign is used as it is; a new or empty folder gets
	// the example. A folder with files in it is taken to be the campaign.
	_, err := scaffold.Create(dir, scaffold.Options{Example: true})
	switch {
	case err == nil:
		fmt.Fprintf(e.stdout, "Made your campaign folder %s, with the Global Support quotes as an example.\nPut your own quotes in %s.\n", dir, filepath.Join(dir, filepath.FromSlash(scaffold.Quotes)))
	case errors.Is(err, scaffold.ErrNotEmpty):
		fmt.Fprintf(e.stdout, "Your campaign folder: %s\n", dir)
	default:
		return err
	}
	// --quit-when-closed: a person who opened the program by double-click
	// ends it by closing the page, not by finding a console window.
	switch Main(ctx, []string{"serve", "--dir", dir, "--open", "--quit-when-closed"}, e.stdout, e.stderr) {
	case ExitOK, ExitInterrupted:
		// Stopped from the page, or with Ctrl-C: both are the normal end.
		return nil
	default:
		// serve has said what went wrong.
		return &reported{}
	}
}
