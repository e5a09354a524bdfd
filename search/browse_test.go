package search

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestBrowseIsIndexOrder: paging through everything by relevance returns
// every passage once, in the order of Bleve's scored match-all search of
// each shard (all scores equal: index order), shard after shard.
func TestBrowseIsIndexOrder(t *testing.T) {
	ix := realIndex(t)
	ctx := context.Background()
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	var want []string
	for _, s := range g.shards {
		n, err := s.idx.DocCount()
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n), 0, false))
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			want = append(want, h.ID)
		}
	}
	var got []string
	req := Request{Query: "*", Size: MaxSize}
	for {
		resp, err := ix.Search(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Total != uint64(len(want)) {
			t.Fatalf("total %d, %d passages", resp.Total, len(want))
		}
		for _, h := range resp.Hits {
			got = append(got, h.ID)
		}
		if resp.NextCursor == "" || len(got) >= maxOffset {
			break
		}
		req.Cursor = resp.NextCursor
	}
	if !slices.Equal(got, want[:len(got)]) || (len(got) < maxOffset && len(got) != len(want)) {
		t.Errorf("browsing gave %d passages, not the %d of the index order", len(got), len(want))
	}
}
