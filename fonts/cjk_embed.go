//go:build broadside_cjk

package fonts

import "embed"

// With -tags broadside_cjk the binary also embeds every .ttf file in
// fonts/cjk/ (not in git: copy them there first, see docs/languages.md),
// so Chinese, Japanese and Korean work without --fonts. They are registered
// under keys "cjk/<file name>" and take part in the fallback like fonts
// from a user's folder.
//
//go:embed cjk/*.ttf
var cjkFS embed.FS

func init() {
	entries, err := cjkFS.ReadDir("cjk")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		b, err := cjkFS.ReadFile("cjk/" + e.Name())
		if err != nil {
			panic(err)
		}
		TTF["cjk/"+e.Name()] = string(b)
	}
}
