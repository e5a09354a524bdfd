package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestFacetCountsAgreeWithBleve: the bitmap facet counts of facetCounter
// equal Bleve's own facet builder (doc values of every hit) on the shared
// corpus, for every kind of query part the hit set evaluates itself
// (words, terms, AND/OR/NOT, filters with groups) or hands to a searcher
// (phrases, prefixes, fuzzy words, dates).
func TestFacetCountsAgreeWithBleve(t *testing.T) {
	ix := realIndex(t)
	queries := []string{
		"*", "sovereignty", "attacks", "Sovereignty AND attribution", "capacity OR diligence",
		"infrastructure -critical", "NOT sovereignty", `"due diligence"`, "sovereign*", "atribution~1",
		`(norms OR principles) AND "critical infrastructure"`, "state:FRA", "A/70/174", "zzzzunknownword",
	}
	filters := []Request{
		{},
		{Filters: map[string][]string{FieldState: {"FRA", "NLD"}}},
		{Filters: map[string][]string{FieldGroup: {"AU"}, FieldTopic: {"international_law"}}},
		{From: "2015", To: "2021"},
	}
	fields := []string{FieldState, FieldTopic, FieldPrinciple, FieldBody, FieldYear, FieldGroup, FieldMentions}
	ctx := context.Background()
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	for _, qs := range queries {
		for _, f := range filters {
			req := f
			req.Query = qs
			name := fmt.Sprintf("q=%q filters=%v from=%s to=%s", qs, f.Filters, f.From, f.To)
			p, err := validate(req)
			if err != nil {
				t.Fatal(err)
			}
			q, err := (&compiler{idx: g.idx}).compile(p.query)
			if err != nil {
				t.Fatal(err)
			}
			fq := p.filtered(q, "")
			hits, err := g.facets.hits(ctx, fq)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			sr := bleve.NewSearchRequestOptions(fq, 0, 0, false)
			for _, field := range fields {
				sr.AddFacet(field, bleve.NewFacetRequest(field, 8))
			}
			res, err := g.idx.SearchInContext(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			if hits.GetCardinality() != res.Total {
				t.Errorf("%s: %d hits in the bitmap, Bleve counts %d", name, hits.GetCardinality(), res.Total)
			}
			for _, field := range fields {
				got, err := g.facets.count(ctx, field, hits, 8)
				if err != nil {
					t.Fatal(err)
				}
				if want := facetOf(field, res); !reflect.DeepEqual(got, want) {
					t.Errorf("%s facet %s:\n got %+v\nwant %+v", name, field, got, want)
				}
			}
		}
	}
}
