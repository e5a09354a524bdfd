package search

import (
	"context"
	"fmt"
	"maps"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Facets are multi-select: a facet's counts use every active filter except
// its own, so choosing FRA in the state facet does not hide NLD's count.
// Counting is countFacet's: the facets without a filter of their own
// share the passages of the filtered query; each facet with a filter of its
// own collects the passages of the query without that filter.

// facets returns the requested facets in request order. The counts of a
// facet with a filter of its own are cached per generation: they do not
// change while the user picks more values of that facet.
func (p *plan) facets(ctx context.Context, g *generation, q query.Query) ([]Facet, error) {
	if len(p.req.Facets) == 0 {
		return nil, nil
	}
	out := make([]Facet, 0, len(p.req.Facets))
	for _, f := range p.req.Facets {
		_, own := p.filters.fields[f]
		key := p.facetKey(f)
		if own {
			if cached, ok := g.cache.get(key); ok {
				out = append(out, cached.(Facet))
				continue
			}
		}
		var hits []*roaring.Bitmap
		var err error
		if own {
			hits, err = g.hits(ctx, p.filtered(q, f))
		} else {
			hits, err = p.matched(ctx, g, q)
		}
		if err != nil {
			return nil, fmt.Errorf("search: facet %s: %w", f, err)
		}
		facet, err := countFacet(ctx, g.shards, hits, f, p.req.FacetSize)
		if err != nil {
			return nil, err
		}
		if own {
			g.cache.add(key, facet, facetSize(facet))
		}
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
