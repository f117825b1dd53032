// Package layouts embeds the built-in layouts and themes, so the binary
// works from any folder. Users add their own with --layouts DIR (layout
// files in DIR, themes in DIR/themes), in the same format; see
// docs/layouts.md.
package layouts

import "embed"

// FS holds the layout files (*.yaml) and the themes (themes/*.yaml).
//
//go:embed *.yaml themes/*.yaml
var FS embed.FS
