package cli

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os/exec"
	"runtime"
	"strconv"

	"github.com/broadside/broadside/internal/studio"
)

// serveOptions are serve's own flags.
type serveOptions struct {
	port           int
	open           bool
	dir            string
	quitWhenClosed bool
}

var serveOpts serveOptions

func init() {
	register(&command{
		name:    "serve",
		summary: "open the studio: a page in your browser to edit quotes and brand, and make cards and print files",
		usage:   "serve [--dir FOLDER] [--port N] [--open] [--quit-when-closed]",
		examples: []string{
			"broadside serve --open                          # the campaign in this folder",
			"broadside serve --dir ~/Documents/broadside --open --quit-when-closed",
		},
		flags: func(fs *flag.FlagSet, o *options) {
			serveOpts = serveOptions{}
			fs.StringVar(&serveOpts.dir, "dir", ".", "the campaign `FOLDER` (its data/, fonts/, layouts/ and output/)")
			fs.IntVar(&serveOpts.port, "port", 0, "the `PORT` to listen on at 127.0.0.1 (default: a free one)")
			fs.BoolVar(&serveOpts.open, "open", false, "open the studio in the browser")
			fs.BoolVar(&serveOpts.quitWhenClosed, "quit-when-closed", false, "stop a few seconds after the last studio page is closed")
		},
		// A campaign folder, not files one by one: the studio saves into it.
		ownFlags: true,
		run:      runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) error {
	o := serveOpts
	if len(args) > 0 {
		return usagef("unexpected %q; serve takes only options (name the campaign folder with --dir)", args[0])
	}
	if o.port < 0 || o.port > 65535 {
		return usagef("--port %d: use a number from 1 to 65535, or leave it out for a free one", o.port)
	}
	s, err := studio.New(studio.Options{Dir: o.dir, QuitWhenClosed: o.quitWhenClosed,
		Logf: func(format string, args ...any) { fmt.Fprintf(e.stderr, format+"\n", args...) }})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(o.port)))
	if err != nil {
		return fmt.Errorf("cannot listen on port %d (%v); choose another with --port, or leave it out", o.port, err)
	}
	addr := fmt.Sprintf("http://%s/?token=%s", ln.Addr(), s.Token())
	fmt.Fprintf(e.stdout, "broadside studio for %s\n\n  %s\n\n", s.Dir(), addr)
	fmt.Fprintln(e.stdout, "Open that address in your browser. Stop with the page's Stop button or Ctrl+C.")
	if o.open {
		if err := openBrowser(addr); err != nil {
			fmt.Fprintf(e.stderr, "could not open the browser (%v); open the address yourself\n", err)
		}
	}
	if err := s.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "broadside studio stopped; everything saved is in", s.Dir())
	return nil
}

// openBrowser opens url in the person's browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		// start's first quoted argument is a window title.
		cmd = exec.Command("cmd", "/c", "start", "", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
