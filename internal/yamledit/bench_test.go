package yamledit

import (
	"os"
	"testing"
)

// The studio parses data/quotes.yaml when it opens it and makes one edit
// per change the person saves: go test -bench . ./internal/yamledit

func benchQuotes(b *testing.B) []byte {
	src, err := os.ReadFile("../../data/quotes.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func BenchmarkParse(b *testing.B) {
	src := benchQuotes(b)
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSetText sets one quote's text, alternating two values so that
// every edit changes the file.
func BenchmarkSetText(b *testing.B) {
	d, err := Parse(benchQuotes(b))
	if err != nil {
		b.Fatal(err)
	}
	texts := []string{"A changed quote: \"with\" marks.", "Another text."}
	i := 0
	for b.Loop() {
		if err := d.Set(Path{"quotes", 10, "text"}, texts[i%2]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkInsertDelete adds a quote at the top and deletes it again.
func BenchmarkInsertDelete(b *testing.B) {
	d, err := Parse(benchQuotes(b))
	if err != nil {
		b.Fatal(err)
	}
	item := []KV{{"id", "new"}, {"text", "A new quote."}, {"author", "Someone"}, {"tags", []string{"new"}}}
	for b.Loop() {
		if err := d.Insert(Path{"quotes"}, 0, item); err != nil {
			b.Fatal(err)
		}
		if err := d.Delete(Path{"quotes", 0}); err != nil {
			b.Fatal(err)
		}
	}
}
