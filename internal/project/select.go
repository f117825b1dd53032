package project

import (
	"errors"
	"fmt"
	"strings"

	"github.com/broadside/broadside/internal/quote"
	"github.com/broadside/broadside/internal/yamlx"
)

// PickList chooses a list setting as Pick does a single one: argValues
// when there are any, else the campaign file's, else def. Every name gets
// the origin of the list.
func PickList(arg string, argValues []string, pos yamlx.Pos, key, keyPath string, fileValues, def []string) []Choice {
	var out []Choice
	switch {
	case len(argValues) > 0:
		for _, v := range argValues {
			out = append(out, Choice{Value: v, Arg: arg})
		}
	case len(fileValues) > 0:
		for _, v := range fileValues {
			out = append(out, Choice{Value: v, File: pos.File, Line: pos.Of(key), Key: keyPath})
		}
	default:
		for _, v := range def {
			out = append(out, Choice{Value: v})
		}
	}
	return out
}

// Select returns the quotes with ids (all when empty) that carry one of
// tags (any when empty), in dataset order. Unknown ids and tags are
// ArgErrors with a did-you-mean.
func (p *Project) Select(ids, tags []string) ([]quote.Quote, error) {
	ds, err := p.Dataset()
	if err != nil {
		return nil, err
	}
	qs, err := ds.Select(ids, tags)
	if err != nil {
		return nil, &ArgError{err}
	}
	return qs, nil
}

// LeafletQuotes are the quotes of a leaflet: ids and tags when either is
// given, else the campaign's leaflet.quotes in its order (the first goes on
// the cover), else the first n quotes of the dataset.
func (p *Project) LeafletQuotes(ids, tags []string, n int) ([]quote.Quote, error) {
	if len(ids) > 0 || len(tags) > 0 {
		return p.Select(ids, tags)
	}
	conf, err := p.Campaign()
	if err != nil {
		return nil, err
	}
	ds, err := p.Dataset()
	if err != nil {
		return nil, err
	}
	if len(conf.Leaflet.Quotes) > 0 {
		qs, err := ds.Select(conf.Leaflet.Quotes, nil)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: leaflet.quotes: %w", conf.File, conf.Leaflet.Pos.Of("quotes"), err)
		}
		byID := map[string]quote.Quote{}
		for _, q := range qs {
			byID[q.ID] = q
		}
		var out []quote.Quote
		for _, id := range conf.Leaflet.Quotes {
			out = append(out, byID[id])
		}
		return out, nil
	}
	return ds.Quotes[:min(n, len(ds.Quotes))], nil
}

// PosterQuote is the quote a poster shows: id when given (arg names it in
// messages), else the campaign's poster.quote, else the first.
func (p *Project) PosterQuote(arg, id string) (quote.Quote, error) {
	conf, err := p.Campaign()
	if err != nil {
		return quote.Quote{}, err
	}
	ds, err := p.Dataset()
	if err != nil {
		return quote.Quote{}, err
	}
	c := Pick(arg, id, conf.Poster.Pos, "quote", "poster.quote", conf.Poster.Quote, "")
	if c.Value == "" {
		return ds.Quotes[0], nil
	}
	if strings.Contains(c.Value, ",") {
		msg := "a poster shows one quote"
		if c.Arg != "" {
			msg = c.Arg + ": " + msg
		}
		return quote.Quote{}, c.Blame(errors.New(msg))
	}
	qs, err := ds.Select([]string{c.Value}, nil)
	if err != nil {
		return quote.Quote{}, c.Blame(err)
	}
	return qs[0], nil
}
