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

// CampaignYAML is data/campaign.yaml as shipped: the settings of the
// "Global Support" campaign, used when no campaign file is given.
//
//go:embed campaign.yaml
var CampaignYAML []byte

// CampaignName is the name used for the embedded settings in messages.
const CampaignName = "data/campaign.yaml (built in)"
