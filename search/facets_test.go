package search

import (
	"context"
	"fmt"
	"testing"
)

// singleValued are the facet fields with at most one value per passage.
var singleValued = []string{FieldBody, FieldType, FieldYear, FieldLanguage, FieldSymbol}

// TestFacetSums checks, over many queries and filters, that a single-valued
// facet's terms, other and missing add up to its total.
func TestFacetSums(t *testing.T) {
	ix := openFixture(t)
	queries := []string{"*", "building", "states OR attack", "-sovereignty", `"points of contact"`, "infra*"}
	filters := []map[string][]string{
		nil,
		{FieldBody: {"OEWG"}},
		{FieldState: {"FRA", "NLD"}},
		{FieldYear: {"2019", "2021"}, FieldType: {"national_position"}},
	}
	for _, q := range queries {
		for _, f := range filters {
			for _, facetSize := range []int{1, 3, 10} {
				resp, err := ix.Search(context.Background(), Request{Query: q, Filters: f,
					Facets: append(singleValued, FieldState, FieldTopic), FacetSize: facetSize})
				if err != nil {
					t.Fatal(err)
				}
				checkFacetSums(t, fmt.Sprintf("q=%q filters=%v", q, f), resp.Facets[:len(singleValued)])
			}
		}
	}
}

// checkFacetSums checks that the counts of single-valued facets add up:
// terms + other + missing == total.
func checkFacetSums(t *testing.T, search string, facets []Facet) {
	t.Helper()
	for _, fc := range facets {
		sum := fc.Other + fc.Missing
		for _, term := range fc.Terms {
			sum += term.Count
		}
		if sum != fc.Total {
			t.Errorf("%s facet %s: terms+other+missing = %d, total %d", search, fc.Field, sum, fc.Total)
		}
	}
}

// TestFacetMultiSelect: a facet ignores its own filter, not the others.
func TestFacetMultiSelect(t *testing.T) {
	ix := openFixture(t)
	resp, err := ix.Search(context.Background(), Request{Query: "*",
		Filters: map[string][]string{FieldState: {"FRA"}, FieldBody: {"GGE", "national"}},
		Facets:  []string{FieldState, FieldBody, FieldType}})
	if err != nil {
		t.Fatal(err)
	}
	counts := func(f Facet) map[string]int {
		m := map[string]int{}
		for _, term := range f.Terms {
			m[term.Value] = term.Count
		}
		return m
	}
	state, body, typ := counts(resp.Facets[0]), counts(resp.Facets[1]), counts(resp.Facets[2])
	if state["FRA"] != 3 || state["NLD"] != 3 || state["DEU"] != 3 || state["EGY"] != 0 {
		t.Errorf("state facet = %v: want FRA, NLD, DEU with body filter only", state)
	}
	if body["GGE"] != 3 || len(body) != 1 {
		t.Errorf("body facet = %v: want GGE 3 with state filter only", body)
	}
	if typ["consensus_report"] != 3 || len(typ) != 1 || resp.Total != 3 {
		t.Errorf("type facet = %v, total %d", typ, resp.Total)
	}
}

// TestGroupFilter: a group filter finds its members' passages even when
// the passages carry no group tag (the fixtures have none).
func TestGroupFilter(t *testing.T) {
	ix := openFixture(t)
	resp, err := ix.Search(context.Background(), Request{Query: "*", Filters: map[string][]string{FieldGroup: {"LAS"}},
		Facets: []string{FieldState}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, term := range resp.Facets[0].Terms {
		got[term.Value] = term.Count
		if term.Label == term.Value {
			t.Errorf("state %s has no label", term.Value)
		}
	}
	if resp.Total != 4 || got["EGY"] != 2 || got["SAU"] != 2 || len(got) != 2 {
		t.Errorf("LAS: total %d, states %v; want EGY 2, SAU 2", resp.Total, got)
	}
}
