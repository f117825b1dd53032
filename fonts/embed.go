// Package fonts embeds the bundled typefaces, so every output uses the same
// metrics on every machine and the binary needs no font files beside it.
//
// Each family sits in its own folder with its licence (all SIL OFL 1.1):
//
//	source-serif-4  text serif: Regular, Italic, SemiBold, Bold
//	inter           sans: Regular, Bold, Black
//	oswald          condensed display face for posters and placards: Regular, Bold
//	noto-sans       wide-coverage fallback (Latin, Greek, Cyrillic): Regular, Bold
//	noto-naskh-arabic     Arabic (also Persian, Urdu letters): Regular, Bold
//	noto-sans-hebrew      Hebrew with points: Regular, Bold
//	noto-sans-devanagari  Devanagari (Hindi, Marathi, Nepali): Regular, Bold
//	noto-sans-thai        Thai: Regular, Bold
//	noto-emoji            monochrome emoji: Regular
//
// The script fonts are the fallback for shaped text (see internal/font's
// ScriptFamilies). Chinese, Japanese and Korean fonts are 4-5 MB each and
// are not in git: users add them with --fonts, or build with -tags
// broadside_cjk after copying them into cjk/ (see cjk_embed.go and
// docs/languages.md).
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
	//go:embed noto-emoji/NotoEmoji-Regular.ttf
	notoEmojiRegular string
	//go:embed noto-naskh-arabic/NotoNaskhArabic-Bold.ttf
	notoNaskhArabicBold string
	//go:embed noto-naskh-arabic/NotoNaskhArabic-Regular.ttf
	notoNaskhArabicRegular string
	//go:embed noto-sans-devanagari/NotoSansDevanagari-Bold.ttf
	notoSansDevanagariBold string
	//go:embed noto-sans-devanagari/NotoSansDevanagari-Regular.ttf
	notoSansDevanagariRegular string
	//go:embed noto-sans-hebrew/NotoSansHebrew-Bold.ttf
	notoSansHebrewBold string
	//go:embed noto-sans-hebrew/NotoSansHebrew-Regular.ttf
	notoSansHebrewRegular string
	//go:embed noto-sans-thai/NotoSansThai-Bold.ttf
	notoSansThaiBold string
	//go:embed noto-sans-thai/NotoSansThai-Regular.ttf
	notoSansThaiRegular string
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
	"inter/Inter-Black.ttf":                               interBlack,
	"inter/Inter-Bold.ttf":                                interBold,
	"inter/Inter-Regular.ttf":                             interRegular,
	"noto-sans/NotoSans-Bold.ttf":                         notoSansBold,
	"noto-sans/NotoSans-Regular.ttf":                      notoSansRegular,
	"noto-emoji/NotoEmoji-Regular.ttf":                    notoEmojiRegular,
	"noto-naskh-arabic/NotoNaskhArabic-Bold.ttf":          notoNaskhArabicBold,
	"noto-naskh-arabic/NotoNaskhArabic-Regular.ttf":       notoNaskhArabicRegular,
	"noto-sans-devanagari/NotoSansDevanagari-Bold.ttf":    notoSansDevanagariBold,
	"noto-sans-devanagari/NotoSansDevanagari-Regular.ttf": notoSansDevanagariRegular,
	"noto-sans-hebrew/NotoSansHebrew-Bold.ttf":            notoSansHebrewBold,
	"noto-sans-hebrew/NotoSansHebrew-Regular.ttf":         notoSansHebrewRegular,
	"noto-sans-thai/NotoSansThai-Bold.ttf":                notoSansThaiBold,
	"noto-sans-thai/NotoSansThai-Regular.ttf":             notoSansThaiRegular,
	"oswald/Oswald-Bold.ttf":                              oswaldBold,
	"oswald/Oswald-Regular.ttf":                           oswaldRegular,
	"source-serif-4/SourceSerif4-Bold.ttf":                sourceSerifBold,
	"source-serif-4/SourceSerif4-Italic.ttf":              sourceSerifItalic,
	"source-serif-4/SourceSerif4-Regular.ttf":             sourceSerifRegular,
	"source-serif-4/SourceSerif4-SemiBold.ttf":            sourceSerifSemiBold,
}
