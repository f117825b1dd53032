// Package cli is broadside's command line: it reads flags, picks output
// paths and reports to the user. It is the only package that does.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/broadside/broadside/internal/outfile"
	"github.com/broadside/broadside/internal/project"
	"github.com/broadside/broadside/internal/suggest"
)

// Exit codes.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	// usage is the synopsis line; examples follow it in help.
	usage    string
	examples []string
	// flags registers the command's own flags.
	flags func(fs *flag.FlagSet, o *options)
	// ownFlags: the command takes none of the flags every other command
	// shares (--data, --config, --fonts, --layouts).
	ownFlags bool
	run      func(ctx context.Context, e *env, args []string) error
}

var commands []*command

func register(c *command) { commands = append(commands, c) }

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usageError is a mistake on the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// reported marks an error whose details were already printed.
type reported struct{ summary string }

func (e *reported) Error() string { return e.summary }

// Main runs broadside with args (without the program name) and returns the
// exit code. It never panics on bad input: problems become messages.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			outfile.Cleanup()
			fmt.Fprintf(stderr, "broadside: internal error: %v\nThis is a bug in broadside; please report it with the command you ran.\n", r)
			code = ExitFailure
		}
	}()
	if len(args) == 0 {
		if !launch.doubleClicked() {
			printHelp(stdout)
			return ExitOK
		}
		// Opened from a file manager: open the studio (see start.go).
		args = []string{"start"}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				printCommandHelp(stdout, c)
				return ExitOK
			}
			fmt.Fprintf(stderr, "broadside: there is no command %q\n", args[1])
			return ExitUsage
		}
		printHelp(stdout)
		return ExitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "broadside", version())
		return ExitOK
	}
	c := lookup(name)
	if c == nil {
		var names []string
		for _, c := range commands {
			names = append(names, c.name)
		}
		msg := fmt.Sprintf("broadside: there is no command %q", name)
		if s := suggest.Nearest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		fmt.Fprintln(stderr, msg)
		fmt.Fprintln(stderr, "Run 'broadside help' to see the commands.")
		return ExitUsage
	}
	e := &env{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if !c.ownFlags {
		e.opts.common(fs)
	}
	if c.flags != nil {
		c.flags(fs, &e.opts)
	}
	rest, err := parse(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(stdout, c)
		return ExitOK
	}
	if err == nil {
		e.open()
		err = c.run(ctx, e, rest)
		e.p.FlushWarnings()
	}
	return finish(ctx, c, err, stderr)
}

func finish(ctx context.Context, c *command, err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	outfile.Cleanup()
	var ue *usageError
	var ae *project.ArgError
	var rep *reported
	switch {
	case errors.As(err, &ue), errors.As(err, &ae):
		msg := err.Error()
		if ue != nil {
			msg = ue.msg
		}
		fmt.Fprintf(stderr, "broadside %s: %s\n", c.name, msg)
		fmt.Fprintf(stderr, "Run 'broadside help %s' for how to use it.\n", c.name)
		return ExitUsage
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "broadside %s: interrupted; files already finished are complete, nothing is half-written\n", c.name)
		return ExitInterrupted
	case errors.As(err, &rep):
		if rep.summary != "" {
			fmt.Fprintln(stderr, rep.summary)
		}
		return ExitFailure
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(stderr, line)
	}
	return ExitFailure
}

// parse reads flags anywhere among the arguments, so that both
// "list quotes --data x.csv" and "list --data x.csv quotes" work.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{flagMessage(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// flagMessage rewrites the flag package's messages in broadside's voice.
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Sprintf("there is no option --%s", strings.TrimPrefix(name, "-"))
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Sprintf("option --%s needs a value", strings.TrimPrefix(rest, "-"))
	}
	if strings.HasPrefix(msg, "invalid value") {
		return strings.Replace(msg, "invalid value", "bad value", 1)
	}
	return msg
}

// Version is set at build time with -ldflags "-X ...cli.Version=...".
var Version = "dev"

func printHelp(w io.Writer) {
	fmt.Fprint(w, `broadside turns a campaign's quotes into social-media cards, printable
booklets and leaflets, posters and placards.

Usage: broadside <command> [options]

Commands:
`)
	cs := append([]*command{}, commands...)
	sort.SliceStable(cs, func(i, j int) bool { return order(cs[i].name) < order(cs[j].name) })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Start with:
  broadside build            render the campaign into output/
  broadside check            find problems in your quotes, layouts and fonts

Run 'broadside help <command>' for its options and examples.
`)
}

func order(name string) int {
	for i, n := range []string{"serve", "build", "cards", "booklet", "leaflet", "poster", "placards", "tile", "check", "list", "manifest"} {
		if n == name {
			return i
		}
	}
	return 100
}

func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: broadside %s\n\n%s\n", c.usage, c.summary)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	var o options
	if !c.ownFlags {
		o.common(fs)
	}
	if c.flags != nil {
		c.flags(fs, &o)
	}
	fmt.Fprintln(w, "\nOptions:")
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		arg := "--" + f.Name
		if name != "" {
			arg += " " + name
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %-24s %s%s\n", arg, usage, def)
	})
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nExamples:")
		for _, ex := range c.examples {
			fmt.Fprintf(w, "  %s\n", ex)
		}
	}
}

// isTerminal reports whether w is a terminal, for progress bars.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return termCheck(int(f.Fd()))
}
