package main

import "strings"

// Platform is one download.
type Platform struct {
	OS, Arch string
	// Label names the archive in words a person can match to their
	// computer: macos-apple-silicon rather than darwin-arm64.
	Label string
	// Name completes "This download is for …" in the README.
	Name string
}

// platforms are the downloads, in the order they are built and listed.
var platforms = []Platform{
	{"linux", "amd64", "linux-x64", "Linux on a 64-bit Intel or AMD processor (x86-64)"},
	{"linux", "arm64", "linux-arm64", "Linux on a 64-bit ARM processor (arm64, aarch64), such as a Raspberry Pi 4 or 5 with a 64-bit system"},
	{"darwin", "amd64", "macos-intel", "a Mac with an Intel processor (Apple menu > About This Mac says \"Processor: ... Intel\")"},
	{"darwin", "arm64", "macos-apple-silicon", "a Mac with Apple silicon (Apple menu > About This Mac says \"Chip: Apple M1\", M2 or later)"},
	{"windows", "amd64", "windows-x64", "Windows 10 or 11, 64-bit"},
}

func platformOf(s string) (Platform, bool) {
	for _, p := range platforms {
		if p.OS+"/"+p.Arch == s || p.Label == s {
			return p, true
		}
	}
	return Platform{}, false
}

func platformList() string {
	var s []string
	for _, p := range platforms {
		s = append(s, p.OS+"/"+p.Arch)
	}
	return strings.Join(s, ", ")
}

// Program is the program's file name.
func (p Platform) Program() string {
	if p.OS == "windows" {
		return "broadside.exe"
	}
	return "broadside"
}

// Zip reports whether the archive is a zip: what Windows opens by itself.
// macOS and Linux open tar.gz, which keeps the program executable.
func (p Platform) Zip() bool { return p.OS == "windows" }

// Launcher is the file a person double-clicks to open the studio, when the
// program cannot tell a double-click from a terminal by itself (see
// internal/cli/start.go); on Windows the program itself is double-clicked.
func (p Platform) Launcher() string {
	switch p.OS {
	case "darwin":
		return "Start broadside.command"
	case "linux":
		return "broadside.desktop"
	}
	return ""
}
