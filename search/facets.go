package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Facets are multi-select: a facet's counts use every active filter except
// its own, so choosing FRA in the state facet does not hide NLD's count.
// Facets whose field has no filter are counted by the main search; each
// facet with a filter of its own costs one more search without hits.

// addSharedFacets asks the main search for the facets without own filter.
func (p *plan) addSharedFacets(sr *bleve.SearchRequest) {
	for _, f := range p.req.Facets {
		if _, own := p.filters.fields[f]; !own {
			sr.AddFacet(f, bleve.NewFacetRequest(f, p.req.FacetSize))
		}
	}
}

// facets returns the requested facets in request order; shared holds the
// main search's result (its Facets and Total).
func (p *plan) facets(ctx context.Context, idx bleve.Index, q query.Query, shared *bleve.SearchResult) ([]Facet, error) {
	if len(p.req.Facets) == 0 {
		return nil, nil
	}
	out := make([]Facet, 0, len(p.req.Facets))
	for _, f := range p.req.Facets {
		res := shared
		if _, own := p.filters.fields[f]; own {
			sr := bleve.NewSearchRequestOptions(p.filtered(q, f), 0, 0, false)
			sr.AddFacet(f, bleve.NewFacetRequest(f, p.req.FacetSize))
			var err error
			if res, err = idx.SearchInContext(ctx, sr); err != nil {
				return nil, fmt.Errorf("search: facet %s: %w", f, err)
			}
		}
		out = append(out, facetOf(f, res))
	}
	return out, nil
}

// facetOf converts Bleve's facet result. Total is the number of passages
// counted (not of values: a passage with two states counts once), so for a
// single-valued field sum(terms) + Other + Missing == Total.
func facetOf(field string, res *bleve.SearchResult) Facet {
	f := Facet{Field: field, Total: int(res.Total), Terms: []FacetTerm{}}
	fr := res.Facets[field]
	if fr == nil {
		return f
	}
	f.Missing = fr.Missing
	f.Other = fr.Other
	if fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			f.Terms = append(f.Terms, FacetTerm{Value: t.Term, Label: label(field, t.Term), Count: t.Count})
		}
	}
	return f
}
