package cli

import (
	"runtime/debug"
)

// version is what `broadside version` prints: the version stamped in at
// build time (cmd/release sets Version from `git describe --tags --always
// --dirty`), else the module version `go install …@v1.2.0` records, else
// the commit `go build` records from the checkout, else "dev".
func version() string {
	if Version != "dev" && Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return versionFrom(info)
}

// versionFrom reads a version out of build information.
func versionFrom(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := "dev-" + rev
	if modified == "true" {
		v += "-dirty"
	}
	return v
}
