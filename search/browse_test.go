package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestBrowseIsBleveOrder: browsing everything by relevance returns the
// pages Bleve's scored match-all search returns (same passages, order,
// scores and total), at the start, in the middle and on the last page.
func TestBrowseIsBleveOrder(t *testing.T) {
	ix := realIndex(t)
	ctx := context.Background()
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	n, err := g.idx.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	const size = 7
	for _, offset := range []int{0, size, 1001, int(n) - 3} {
		p, err := validate(Request{Query: "*", Size: size})
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.browse(ctx, g, offset)
		if err != nil {
			t.Fatal(err)
		}
		sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), size, offset, false)
		want, err := g.idx.SearchInContext(ctx, sr)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Fatalf("offset %d: total %d, %d hits; Bleve: %d, %d hits", offset, got.Total, len(got.Hits), want.Total, len(want.Hits))
		}
		for i, h := range got.Hits {
			if w := want.Hits[i]; h.ID != w.ID || h.Score != w.Score {
				t.Errorf("offset %d hit %d: %s (%g), Bleve %s (%g)", offset, i, h.ID, h.Score, w.ID, w.Score)
			}
		}
		if (got.NextCursor == "") != (offset+size >= int(n)) {
			t.Errorf("offset %d: next cursor %q with %d passages", offset, got.NextCursor, n)
		}
	}
}
