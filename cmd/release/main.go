// Command release builds the archives people download: broadside
// cross-compiled for each platform, with a README for people who do not
// program, a launcher to open it by double-click, and every licence the
// program ships, plus SHA256SUMS.
//
//	go run ./cmd/release                     # every platform into output/release
//	go run ./cmd/release -targets linux/amd64 -version v1.0.0
//
// Two runs from the same commit give byte-identical archives: the programs
// are built with -trimpath, no VCS stamp and an empty build ID, and the
// archives have fixed file times (SOURCE_DATE_EPOCH, else the commit's
// time), a fixed order and fixed modes. See docs/release.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	var (
		cfg     Config
		targets string
	)
	flag.StringVar(&cfg.Out, "out", "output/release", "`DIR` for the archives and SHA256SUMS (emptied of old archives first)")
	flag.StringVar(&cfg.Version, "version", "", "the `VERSION` to stamp in (default: git describe --tags --always --dirty, else dev)")
	flag.StringVar(&targets, "targets", "", "`OS/ARCH` pairs separated by commas (default: every platform)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "release: unexpected %q; see -help\n", flag.Arg(0))
		os.Exit(2)
	}
	if targets != "" {
		for _, t := range strings.Split(targets, ",") {
			p, ok := platformOf(strings.TrimSpace(t))
			if !ok {
				fmt.Fprintf(os.Stderr, "release: %q is not a platform this builds; choose from %s\n", t, platformList())
				os.Exit(2)
			}
			cfg.Platforms = append(cfg.Platforms, p)
		}
	}
	cfg.Log = os.Stdout
	if _, err := Build(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}
