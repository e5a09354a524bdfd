package search

import (
	"context"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/precedent/precedent/indexer"
)

// TestPageLocations: on the shared corpus, the snippets of a highlighted
// search, whose page's locations a second pass reads (locate), mark what
// they mark when one search reads every hit's locations: for words and
// their forms, phrases, booleans, a filter, a date order and a second page.
func TestPageLocations(t *testing.T) {
	ix := realIndex(t)
	reqs := []Request{
		{Query: "sovereignty"}, {Query: "states"}, {Query: "attack"}, {Query: `"use of force"`},
		{Query: `"programme of action" OR countermeasures`}, {Query: "due diligence -sovereignty"},
		{Query: "capacity building", Filters: map[string][]string{FieldBody: {"GA"}}},
		{Query: "infrastructure", Sort: SortDateDesc},
	}
	first, err := ix.Search(context.Background(), Request{Query: "international law", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	reqs = append(reqs, Request{Query: "international law", Cursor: first.NextCursor})
	for _, req := range reqs {
		req.Size, req.Highlight = 10, true
		resp, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", req.Query, err)
		}
		if len(resp.Hits) == 0 {
			t.Fatalf("%s: no hit, the case tests nothing", req.Query)
		}
		want := onePassSnippets(t, ix, req)
		for _, h := range resp.Hits {
			if !strings.Contains(h.Snippet, "<mark>") {
				t.Errorf("%s: %s: nothing marked in %q", req.Query, h.ID, h.Snippet)
			}
			if h.Snippet != want[h.ID] {
				t.Errorf("%s: %s:\n got %q\nwant %q", req.Query, h.ID, h.Snippet, want[h.ID])
			}
		}
	}
}

// onePassSnippets are the snippets of every hit of req, from one search
// per shard that reads all the hits' locations.
func onePassSnippets(t *testing.T, ix *Index, req Request) map[string]string {
	t.Helper()
	p, err := validate(req)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	q, err := (&compiler{idx: g.idx, shards: g.shards, formCache: g.forms}).compile(p.query)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range g.shards {
		sr := bleve.NewSearchRequestOptions(p.filtered(q, ""), 100000, 0, false)
		sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
		sr.IncludeLocations = true
		res, err := s.idx.Search(sr)
		if err != nil {
			t.Fatal(err)
		}
		for _, dm := range res.Hits {
			h, err := passageHit(dm, true)
			if err != nil {
				t.Fatal(err)
			}
			out[h.ID] = h.Snippet
		}
	}
	return out
}
