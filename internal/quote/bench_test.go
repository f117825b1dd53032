package quote

import (
	"testing"

	"github.com/broadside/broadside/data"
)

func BenchmarkParseDefault(b *testing.B) {
	b.SetBytes(int64(len(data.QuotesYAML)))
	for b.Loop() {
		if _, err := Parse(data.QuotesName, data.QuotesYAML, YAML); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDefaultCSV(b *testing.B) {
	csv := readFile(b, "testdata/good/global-support.csv")
	b.SetBytes(int64(len(csv)))
	for b.Loop() {
		if _, err := Parse("global-support.csv", csv, CSV); err != nil {
			b.Fatal(err)
		}
	}
}
