// Package fonts embeds the bundled typefaces, so every output uses the same
// metrics on every machine and the binary needs no font files beside it.
//
// Each family sits in its own folder with its licence (all SIL OFL 1.1):
//
//	source-serif-4  text serif: Regular, Italic, SemiBold, Bold
//	inter           sans: Regular, Bold, Black
//	oswald          condensed display face for posters and placards: Regular, Bold
//	noto-sans       wide-coverage fallback (Latin, Greek, Cyrillic): Regular, Bold
//
// The fonts are embedded as strings, so broadside reads them in place
// instead of copying megabytes onto the heap. Adding a font means adding a
// line to TTF below.
package fonts

import (
	"embed"
	_ "embed"
)

// Licences holds the licence file of each family.
//
//go:embed */OFL.txt
var Licences embed.FS

var (
	//go:embed inter/Inter-Black.ttf
	interBlack string
	//go:embed inter/Inter-Bold.ttf
	interBold string
	//go:embed inter/Inter-Regular.ttf
	interRegular string
	//go:embed noto-sans/NotoSans-Bold.ttf
	notoSansBold string
	//go:embed noto-sans/NotoSans-Regular.ttf
	notoSansRegular string
	//go:embed oswald/Oswald-Bold.ttf
	oswaldBold string
	//go:embed oswald/Oswald-Regular.ttf
	oswaldRegular string
	//go:embed source-serif-4/SourceSerif4-Bold.ttf
	sourceSerifBold string
	//go:embed source-serif-4/SourceSerif4-Italic.ttf
	sourceSerifItalic string
	//go:embed source-serif-4/SourceSerif4-Regular.ttf
	sourceSerifRegular string
	//go:embed source-serif-4/SourceSerif4-SemiBold.ttf
	sourceSerifSemiBold string
)

// TTF maps each bundled font's path, relative to fonts/, to its bytes.
var TTF = map[string]string{
	"inter/Inter-Black.ttf":                    interBlack,
	"inter/Inter-Bold.ttf":                     interBold,
	"inter/Inter-Regular.ttf":                  interRegular,
	"noto-sans/NotoSans-Bold.ttf":              notoSansBold,
	"noto-sans/NotoSans-Regular.ttf":           notoSansRegular,
	"oswald/Oswald-Bold.ttf":                   oswaldBold,
	"oswald/Oswald-Regular.ttf":                oswaldRegular,
	"source-serif-4/SourceSerif4-Bold.ttf":     sourceSerifBold,
	"source-serif-4/SourceSerif4-Italic.ttf":   sourceSerifItalic,
	"source-serif-4/SourceSerif4-Regular.ttf":  sourceSerifRegular,
	"source-serif-4/SourceSerif4-SemiBold.ttf": sourceSerifSemiBold,
}
