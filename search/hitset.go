package search

import (
	"context"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// hitSet evaluates a query to the bitmap of the passages it matches,
// without scoring: terms, words and filters are combined as the postings
// bitmaps the index already holds, phrases are matched on the segments'
// postings (see phraseQuery), and only the other parts that need positions
// or ranges (fuzzy words, dates) run through a Bleve searcher.
type hitSet struct {
	s    *shard // nil for a filter's searcher: every passage then comes from a searcher
	m    mapping.IndexMapping
	r    index.IndexReader
	snap *scorch.IndexSnapshot // nil when the index is not scorch: searchers only
}

func (h *hitSet) close() { h.r.Close() }

// eval returns the passages q matches; the bitmap may be shared: callers
// do not change it.
func (h *hitSet) eval(ctx context.Context, q query.Query) (*roaring.Bitmap, error) {
	switch q := q.(type) {
	case *query.MatchAllQuery:
		if h.s != nil {
			return h.s.allPassages(ctx)
		}
	case *unscoredQuery:
		return h.eval(ctx, q.filter)
	case *query.MatchNoneQuery:
		return roaring.New(), nil
	case *query.TermQuery:
		if h.snap != nil {
			return h.term(q.Field(), q.Term)
		}
	case *query.MatchQuery:
		if h.snap != nil && q.Fuzziness == 0 && q.Analyzer == "" {
			return h.match(ctx, q)
		}
	case *formsQuery:
		return h.any(ctx, q.bleve().(*query.DisjunctionQuery).Disjuncts)
	case *phraseQuery:
		if h.snap != nil {
			return h.phrase(ctx, q)
		}
	case *query.TermRangeQuery:
		if h.snap != nil && isTrue(q.InclusiveMin) && isTrue(q.InclusiveMax) {
			return h.termRange(q)
		}
	case *query.ConjunctionQuery:
		return h.all(ctx, q.Conjuncts)
	case *query.DisjunctionQuery:
		if q.Min <= 1 {
			return h.any(ctx, q.Disjuncts)
		}
	case *query.BooleanQuery:
		if q.Filter == nil {
			return h.boolean(ctx, q)
		}
	}
	return h.search(ctx, q)
}

// boolean follows Bleve: should clauses restrict only without must
// clauses (or with a minimum), must-not clauses remove. Bitmaps eval
// returns may be shared (every passage), so they are cloned before change.
func (h *hitSet) boolean(ctx context.Context, q *query.BooleanQuery) (*roaring.Bitmap, error) {
	var parts []query.Query
	should, _ := q.Should.(*query.DisjunctionQuery)
	switch {
	case q.Must != nil && should != nil && should.Min > 0:
		parts = []query.Query{q.Must, should}
	case q.Must != nil:
		parts = []query.Query{q.Must}
	case q.Should != nil:
		parts = []query.Query{q.Should}
	default:
		parts = []query.Query{query.NewMatchAllQuery()}
	}
	bm, err := h.all(ctx, parts)
	if err != nil || q.MustNot == nil {
		return bm, err
	}
	not, err := h.eval(ctx, q.MustNot)
	if err != nil {
		return nil, err
	}
	bm.AndNot(not)
	return bm, nil
}

// all intersects the hits of qs into a new bitmap.
func (h *hitSet) all(ctx context.Context, qs []query.Query) (*roaring.Bitmap, error) {
	var bm *roaring.Bitmap
	for _, c := range qs {
		b, err := h.eval(ctx, c)
		if err != nil {
			return nil, err
		}
		if bm == nil {
			bm = b.Clone()
		} else {
			bm.And(b)
		}
	}
	if bm == nil {
		return roaring.New(), nil
	}
	return bm, nil
}

// any unites the hits of qs into a new bitmap.
func (h *hitSet) any(ctx context.Context, qs []query.Query) (*roaring.Bitmap, error) {
	parts := make([]*roaring.Bitmap, 0, len(qs))
	for _, c := range qs {
		b, err := h.eval(ctx, c)
		if err != nil {
			return nil, err
		}
		parts = append(parts, b)
	}
	return roaring.FastOr(parts...), nil
}

// match is a match query as Bleve runs it: the analysed tokens as terms,
// all of them (operator and) or any.
func (h *hitSet) match(ctx context.Context, q *query.MatchQuery) (*roaring.Bitmap, error) {
	m := h.m
	field := q.Field()
	if field == "" {
		field = m.DefaultSearchField()
	}
	an := m.AnalyzerNamed(m.AnalyzerNameForPath(field))
	if an == nil {
		return h.search(ctx, q)
	}
	var bm *roaring.Bitmap
	for _, tok := range an.Analyze([]byte(q.Match)) {
		b, err := h.term(field, string(tok.Term))
		switch {
		case err != nil:
			return nil, err
		case bm == nil:
			bm = b
		case q.Operator == query.MatchQueryOperatorAnd:
			bm.And(b)
		default:
			bm.Or(b)
		}
	}
	if bm == nil {
		return roaring.New(), nil
	}
	return bm, nil
}

// term is the postings bitmap of a term, read from each segment without
// decoding it (live documents only, numbered as the snapshot numbers them).
func (h *hitSet) term(field, term string) (*roaring.Bitmap, error) {
	out := roaring.New()
	var offset uint64
	for _, ss := range h.snap.Segments() {
		seg := ss.Segment()
		dict, err := seg.Dictionary(field)
		if err != nil {
			return nil, err
		}
		pl, err := dict.PostingsList([]byte(term), ss.Deleted(), nil)
		if err != nil {
			return nil, err
		}
		addPostings(out, pl.Iterator(false, false, false, nil), offset)
		offset += seg.Count()
	}
	return out, nil
}

// termRange unites the postings of the terms of a field from q.Min to
// q.Max, both included ("" is open).
func (h *hitSet) termRange(q *query.TermRangeQuery) (*roaring.Bitmap, error) {
	var lo, hi []byte
	if q.Min != "" {
		lo = []byte(q.Min)
	}
	if q.Max != "" {
		hi = []byte(q.Max)
	}
	dict, err := h.r.FieldDictRange(q.Field(), lo, hi)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var parts []*roaring.Bitmap
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return roaring.FastOr(parts...), nil
		}
		b, err := h.term(q.Field(), e.Term)
		if err != nil {
			return nil, err
		}
		parts = append(parts, b)
	}
}

func isTrue(b *bool) bool { return b != nil && *b }

// addPostings adds a segment's postings to out, shifted by offset.
func addPostings(out *roaring.Bitmap, it segment.PostingsIterator, offset uint64) {
	if op, ok := it.(segment.OptimizablePostingsIterator); ok {
		if n, ok := op.DocNum1Hit(); ok {
			out.Add(uint32(offset + n))
			return
		}
		if bm := op.ActualBitmap(); bm != nil {
			if offset == 0 {
				out.Or(bm)
			} else {
				out.Or(roaring.AddOffset64(bm, int64(offset)))
			}
			return
		}
	}
	for p, err := it.Next(); p != nil && err == nil; p, err = it.Next() {
		out.Add(uint32(offset + p.Number()))
	}
}

// search runs q unscored through Bleve's searcher and collects its hits.
func (h *hitSet) search(ctx context.Context, q query.Query) (*roaring.Bitmap, error) {
	s, err := q.Searcher(ctx, h.r, h.m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	n := 0
	return drain(func() (index.IndexInternalID, error) {
		if n++; n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		d, err := s.Next(sctx)
		if d == nil || err != nil {
			return nil, err
		}
		id := d.IndexInternalID
		sctx.DocumentMatchPool.Put(d) // keeps the id's bytes until the next call
		return id, nil
	})
}
