package search

import (
	"context"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// unscoredQuery matches the passages filter matches and adds nothing to
// a hit's score, so a filter narrows the hits without reordering them.
// Bleve would score a filter's terms, ranking a passage of a document of
// three states below one of a single state. Its searcher walks the
// filter's bitmap (see hitSet) read from the snapshot searched.
type unscoredQuery struct {
	filter query.Query
}

// Searcher implements query.Query.
func (q *unscoredQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping,
	opt bsearch.SearcherOptions) (bsearch.Searcher, error) {
	snap, _ := r.(*scorch.IndexSnapshot)
	h := &hitSet{m: m, r: r, snap: snap}
	bm, err := h.eval(ctx, q.filter)
	if err != nil {
		return nil, err
	}
	return &bitmapSearcher{bm: bm, it: bm.Iterator()}, nil
}

// bitmapSearcher is a Bleve searcher of the passages of a bitmap, each
// scoring nothing.
type bitmapSearcher struct {
	bm   *roaring.Bitmap
	it   roaring.IntPeekable
	from uint32 // the next passage the iterator can give
}

func (s *bitmapSearcher) Next(sctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.it.HasNext() {
		return nil, nil
	}
	n := s.it.Next()
	s.from = n + 1
	dm := sctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, uint64(n))
	return dm, nil
}

// Advance returns the first passage at or after id; going back starts the
// bitmap over.
func (s *bitmapSearcher) Advance(sctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	n := id.Value()
	if n > uint64(^uint32(0)) {
		return nil, nil
	}
	if uint32(n) < s.from {
		s.it = s.bm.Iterator()
	}
	s.it.AdvanceIfNeeded(uint32(n))
	return s.Next(sctx)
}

// Weight is nothing: the query norm of the filtered query is its words'.
func (s *bitmapSearcher) Weight() float64            { return 0 }
func (s *bitmapSearcher) SetQueryNorm(float64)       {}
func (s *bitmapSearcher) Count() uint64              { return s.bm.GetCardinality() }
func (s *bitmapSearcher) Min() int                   { return 0 }
func (s *bitmapSearcher) Size() int                  { return int(s.bm.GetSizeInBytes()) }
func (s *bitmapSearcher) DocumentMatchPoolSize() int { return 1 }
func (s *bitmapSearcher) Close() error               { return nil }
