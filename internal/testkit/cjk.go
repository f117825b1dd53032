package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// CJKFontFiles are the Chinese, Japanese and Korean fonts the tests use:
// too large to commit (4-5 MB each), they come from Debian's
// fonts-droid-fallback, fonts-morisawa-bizud-gothic and fonts-nanum,
// which .ci/run installs.
var CJKFontFiles = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf",
	"/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
}

// CJKFonts returns a fonts folder (what --fonts names) holding links to
// CJKFontFiles. When one is missing the test is skipped, except in CI
// (CI=true), where it fails: CI must install them.
func CJKFonts(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range CJKFontFiles {
		if _, err := os.Stat(f); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; CI must install fonts-droid-fallback fonts-morisawa-bizud-gothic fonts-nanum (see .ci/run)", f)
			}
			t.Skipf("%s is missing (apt-get install fonts-droid-fallback fonts-morisawa-bizud-gothic fonts-nanum)", f)
		}
		if err := os.Symlink(f, filepath.Join(dir, filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
