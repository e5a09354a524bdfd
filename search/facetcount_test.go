package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestFacetCountsAgreeWithBleve: the bitmap facet counts (countFacet)
// equal Bleve's own facet builder (doc values of every hit) on the shared
// corpus, for every kind of query part the hit set evaluates itself
// (words, terms, phrases, AND/OR/NOT, filters with groups) or hands to a
// searcher (prefixes, fuzzy words, dates).
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
			q, err := (&compiler{idx: g.idx, shards: g.shards, formCache: g.forms}).compile(p.query)
			if err != nil {
				t.Fatal(err)
			}
			fq := p.filtered(q, "")
			hits, err := g.hits(ctx, fq)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			// Every value: Bleve's merge of the shards' facets is exact only
			// when no shard trims its values.
			sr := bleve.NewSearchRequestOptions(fq, 0, 0, false)
			for _, field := range fields {
				sr.AddFacet(field, bleve.NewFacetRequest(field, MaxFacetSize))
			}
			res, err := g.idx.SearchInContext(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			var total uint64
			for _, h := range hits {
				total += h.GetCardinality()
			}
			if total != res.Total {
				t.Errorf("%s: %d hits in the bitmaps, Bleve counts %d", name, total, res.Total)
			}
			for _, field := range fields {
				every, err := countFacet(ctx, g.shards, hits, field, MaxFacetSize)
				if err != nil {
					t.Fatal(err)
				}
				if want := facetOf(field, res); !reflect.DeepEqual(every, want) {
					t.Errorf("%s facet %s:\n got %+v\nwant %+v", name, field, every, want)
				}
				top, err := countFacet(ctx, g.shards, hits, field, 8)
				if err != nil {
					t.Fatal(err)
				}
				checkTrimmed(t, name, every, top)
			}
		}
	}
}

// checkTrimmed: top is every's first values, the rest counted in Other.
func checkTrimmed(t *testing.T, name string, every, top Facet) {
	t.Helper()
	n := len(top.Terms)
	other := every.Other
	for _, term := range every.Terms[n:] {
		other += term.Count
	}
	if !reflect.DeepEqual(top.Terms, every.Terms[:n]) || top.Other != other || top.Missing != every.Missing || top.Total != every.Total {
		t.Errorf("%s facet %s trimmed to %d: %+v, from %+v", name, top.Field, n, top, every)
	}
}

// facetOf converts Bleve's facet result (what countFacet must equal). Total is the number of passages
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
