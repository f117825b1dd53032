// Package data embeds the default campaign dataset, so the broadside binary
// renders something useful from any folder with no files beside it.
package data

import _ "embed"

// QuotesYAML is data/quotes.yaml as shipped: the "Global Support" statements.
//
//go:embed quotes.yaml
var QuotesYAML []byte

// QuotesName is the name used for the embedded dataset in messages.
const QuotesName = "data/quotes.yaml (built in)"
