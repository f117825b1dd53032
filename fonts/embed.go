// Package fonts embeds the bundled typefaces, so every output uses the same
// metrics on every machine and the binary needs no font files beside it.
//
// Each family sits in its own folder with its licence (all SIL OFL 1.1):
//
//	source-serif-4  text serif: Regular, Italic, SemiBold, Bold
//	inter           sans: Regular, Bold, Black
//	oswald          condensed display face for posters and placards: Regular, Bold
//	noto-sans       wide-coverage fallback (Latin, Greek, Cyrillic): Regular, Bold
package fonts

import "embed"

// FS holds the bundled .ttf files and their licence files.
//
//go:embed */*.ttf */OFL.txt
var FS embed.FS
