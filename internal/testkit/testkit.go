// Package testkit loads what rendering tests start from. It is apart from
// testtool because it imports font, layout and quote: testtool imports
// nothing of broadside's, so every package's tests can use it.
package testkit

import (
	"testing"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/font"
	"github.com/broadside/broadside/internal/layout"
	"github.com/broadside/broadside/internal/quote"
)

// Load returns the built-in fonts, the built-in layouts and themes, and the
// seed quotes. Any failure fails the test.
func Load(t testing.TB) (*font.Registry, *layout.Library, *quote.Dataset) {
	t.Helper()
	reg, err := font.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := layout.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ds, err := quote.Parse("quotes.yaml", data.QuotesYAML, quote.YAML)
	if err != nil {
		t.Fatal(err)
	}
	return reg, lib, ds
}
