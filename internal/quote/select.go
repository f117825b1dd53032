package quote

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/broadside/broadside/internal/suggest"
)

// ByID returns the quote with the given id.
func (d *Dataset) ByID(id string) (Quote, bool) {
	for _, q := range d.Quotes {
		if q.ID == id {
			return q, true
		}
	}
	return Quote{}, false
}

// Select returns the quotes to render, in dataset order: those whose id is
// in ids (all when ids is empty) and that carry at least one of tags (any
// when tags is empty).
//
// Every name must exist, so that a typo on the command line fails loudly
// instead of quietly rendering less: an unknown id is an error with a
// did-you-mean, and so is a tag that no quote in the dataset carries. A
// selection that matches nothing is an error too. All such problems are
// reported together, one per line.
func (d *Dataset) Select(ids, tags []string) ([]Quote, error) {
	allIDs := make([]string, 0, len(d.Quotes))
	var allTags []string
	for _, q := range d.Quotes {
		allIDs = append(allIDs, q.ID)
		for _, t := range q.Tags {
			if !slices.Contains(allTags, t) {
				allTags = append(allTags, t)
			}
		}
	}
	var errs []error
	for _, id := range ids {
		if !slices.Contains(allIDs, id) {
			errs = append(errs, notFound("no quote has the id", id, allIDs))
		}
	}
	for _, t := range tags {
		if !slices.Contains(allTags, t) {
			errs = append(errs, notFound("no quote has the tag", t, allTags))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("select quotes from %s: %w", d.Name, errors.Join(errs...))
	}
	var out []Quote
	for _, q := range d.Quotes {
		if len(ids) > 0 && !slices.Contains(ids, q.ID) {
			continue
		}
		if len(tags) > 0 && !slices.ContainsFunc(q.Tags, func(t string) bool { return slices.Contains(tags, t) }) {
			continue
		}
		out = append(out, q)
	}
	if len(out) == 0 {
		if len(d.Quotes) == 0 {
			return nil, fmt.Errorf("select quotes from %s: the dataset has no quotes", d.Name)
		}
		// Every id and tag exists, so only the two together can miss.
		return nil, fmt.Errorf("select quotes from %s: none of the quotes with ids %s has any of the tags %s",
			d.Name, strings.Join(ids, ", "), strings.Join(tags, ", "))
	}
	return out, nil
}

func notFound(what, name string, known []string) error {
	if s := suggest.Nearest(name, known); s != "" {
		return fmt.Errorf("%s %q; did you mean %q?", what, name, s)
	}
	return fmt.Errorf("%s %q", what, name)
}
