package font

import (
	"testing"

	"github.com/broadside/broadside/fonts"
)

// go test -bench LoadBundled ./internal/font: what registering the bundled
// fonts costs at start-up (names read, tables parsed on first use).
func BenchmarkLoadBundled(b *testing.B) {
	for b.Loop() {
		if _, err := loadBundled(fonts.TTF, "fonts"); err != nil {
			b.Fatal(err)
		}
	}
}
