package search

import (
	"context"
	"fmt"
	"maps"

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
// main search's result (its Facets and Total). The counts of a facet with
// a filter of its own are cached per generation: they do not change while
// the user picks more values of that facet.
func (p *plan) facets(ctx context.Context, g *generation, q query.Query, shared *bleve.SearchResult) ([]Facet, error) {
	if len(p.req.Facets) == 0 {
		return nil, nil
	}
	out := make([]Facet, 0, len(p.req.Facets))
	for _, f := range p.req.Facets {
		if _, own := p.filters.fields[f]; !own {
			out = append(out, facetOf(f, shared))
			continue
		}
		key := p.facetKey(f)
		if cached, ok := g.cache.get(key); ok {
			out = append(out, cached.(Facet))
			continue
		}
		sr := bleve.NewSearchRequestOptions(p.filtered(q, f), 0, 0, false)
		sr.AddFacet(f, bleve.NewFacetRequest(f, p.req.FacetSize))
		sr.Score = bleve.ScoreNone // no hits to rank
		res, err := g.idx.SearchInContext(ctx, sr)
		if err != nil {
			return nil, fmt.Errorf("search: facet %s: %w", f, err)
		}
		facet := facetOf(f, res)
		g.cache.add(key, facet, facetSize(facet))
		out = append(out, facet)
	}
	return out, nil
}

// facetKey is the cache key of field's counts under every filter but its own.
func (p *plan) facetKey(field string) string {
	filters := maps.Clone(p.req.Filters)
	delete(filters, field)
	return requestKey("facet", Request{Query: p.req.Query, Filters: filters, From: p.req.From, To: p.req.To,
		Facets: []string{field}, FacetSize: p.req.FacetSize})
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
