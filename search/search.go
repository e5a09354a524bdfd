package search

import (
	"context"
	"fmt"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/indexer"
)

// Units, sorts and facet bounds a Request may ask for.
const (
	UnitPassage      = "passage"
	UnitDocument     = "document"
	SortRelevance    = "relevance"
	SortDate         = "date"
	SortDateDesc     = "-date"
	DefaultFacetSize = 10
	MaxFacetSize     = 1000
	MaxFacets        = 12
)

// plan is a validated Request ready to run on a generation.
type plan struct {
	req     Request
	query   node
	filters *filterSet
	cursor  *cursor
	hits    []*roaring.Bitmap // the filtered query's passages per shard, once collected (see matched)
}

// validate checks a Request and fills its defaults; every mistake is a *Error.
func validate(req Request) (*plan, error) {
	switch {
	case req.Size == 0:
		req.Size = DefaultSize
	case req.Size < 0 || req.Size > MaxSize:
		return nil, &Error{Code: "bad_size", Message: fmt.Sprintf("size %d out of range", req.Size),
			Hint: fmt.Sprintf("use a size from 1 to %d", MaxSize)}
	}
	if req.Sort == "" {
		req.Sort = SortRelevance
	}
	if req.Sort != SortRelevance && req.Sort != SortDate && req.Sort != SortDateDesc {
		return nil, &Error{Code: "bad_sort", Message: fmt.Sprintf("unknown sort %q", req.Sort),
			Hint: "sort by relevance, date or -date"}
	}
	if req.Unit == "" {
		req.Unit = UnitPassage
	}
	if req.Unit != UnitPassage && req.Unit != UnitDocument {
		return nil, &Error{Code: "bad_unit", Message: fmt.Sprintf("unknown unit %q", req.Unit),
			Hint: "unit is passage or document"}
	}
	if err := validateFacets(&req); err != nil {
		return nil, err
	}
	n, err := parseQuery(req.Query)
	if err != nil {
		return nil, err
	}
	fs, err := newFilterSet(req)
	if err != nil {
		return nil, err
	}
	p := &plan{req: req, query: n, filters: fs}
	if req.Cursor != "" {
		if p.cursor, err = decodeCursor(req.Cursor, p.fingerprint()); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func validateFacets(req *Request) error {
	if len(req.Facets) > MaxFacets {
		return &Error{Code: "too_large", Message: fmt.Sprintf("%d facets requested", len(req.Facets)),
			Hint: fmt.Sprintf("ask for at most %d facets", MaxFacets)}
	}
	seen := map[string]bool{}
	for _, f := range req.Facets {
		if !validFilterField(f) {
			return unknownField(f, "facet")
		}
		if seen[f] {
			return &Error{Code: "bad_facets", Message: fmt.Sprintf("facet %q requested twice", f),
				Hint: "name each facet once"}
		}
		seen[f] = true
	}
	switch {
	case req.FacetSize == 0:
		req.FacetSize = DefaultFacetSize
	case req.FacetSize < 0 || req.FacetSize > MaxFacetSize:
		return &Error{Code: "bad_facets", Message: fmt.Sprintf("facet_size %d out of range", req.FacetSize),
			Hint: fmt.Sprintf("use a facet_size from 1 to %d", MaxFacetSize)}
	}
	return nil
}

// Search runs a request on the live generation. A *Error is the client's
// mistake; any other error is the server's. Answers are cached per
// generation (see answerCache), so a repeated request costs a lookup.
func (ix *Index) Search(ctx context.Context, req Request) (*Response, error) {
	start := time.Now()
	p, err := validate(req)
	if err != nil {
		return nil, err
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	key := requestKey("search", p.req)
	if cached, ok := g.cache.get(key); ok {
		resp := copyResponse(cached.(*Response))
		resp.TookMS = float64(time.Since(start).Microseconds()) / 1000
		return resp, nil
	}
	ctx, cancel := context.WithTimeout(ctx, SearchTimeout)
	defer cancel()

	c := &compiler{idx: g.idx, shards: g.shards, formCache: g.forms}
	q, err := c.compile(p.query)
	if err != nil {
		return nil, err
	}
	if q == nil {
		return nil, badQuery("the query has no words", "type words, a quoted phrase, or * to browse everything")
	}
	var resp *Response
	if p.req.Unit == UnitDocument {
		resp, err = p.searchDocuments(ctx, g, q)
	} else {
		resp, err = p.searchPassages(ctx, g, q)
	}
	if err != nil {
		return nil, err
	}
	if resp.Facets, err = p.facets(ctx, g, q); err != nil {
		return nil, err
	}
	g.cache.add(key, resp, responseSize(resp))
	resp = copyResponse(resp)
	resp.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return resp, nil
}

// matched returns the passages of the filtered query in each shard,
// collecting them on the first call: the document count and the facets
// without a filter of their own share them.
func (p *plan) matched(ctx context.Context, g *generation, q query.Query) ([]*roaring.Bitmap, error) {
	if p.hits == nil {
		hits, err := g.hits(ctx, p.filtered(q, ""))
		if err != nil {
			return nil, err
		}
		p.hits = hits
	}
	return p.hits, nil
}

// filtered returns q with every active filter but skip's applied; the
// filters narrow q's hits without adding to their scores.
func (p *plan) filtered(q query.Query, skip string) query.Query {
	fq := p.filters.except(skip)
	if len(fq) == 0 {
		return q
	}
	return bleve.NewConjunctionQuery(q, &unscoredQuery{filter: bleve.NewConjunctionQuery(fq...)})
}

// searchPassages runs the main search: one page of passages, merged from
// a search of each shard.
func (p *plan) searchPassages(ctx context.Context, g *generation, q query.Query) (*Response, error) {
	from, err := p.shardOffsets(len(g.shards))
	if err != nil {
		return nil, err
	}
	fq := p.filtered(q, "")
	if _, all := fq.(*query.MatchAllQuery); all && p.req.Sort == SortRelevance {
		return p.browse(ctx, g, from)
	}
	order := passageOrder(p.req.Sort)
	results, err := g.searchShards(ctx, func(i int) *bleve.SearchRequest {
		sr := bleve.NewSearchRequestOptions(fq, p.req.Size, from[i], false)
		sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
		sr.SortByCustom(passageOrder(p.req.Sort)) // a sort keeps per-search state: one each
		return sr
	})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	resp := &Response{TotalExact: true, Hits: make([]Hit, 0, p.req.Size)}
	for _, r := range results {
		resp.Total += r.Total
	}
	page, taken := mergeHits(order, results, p.req.Size)
	if p.req.Highlight {
		if err := g.locate(ctx, q, results, taken); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	for _, dm := range page {
		h, err := passageHit(dm, p.req.Highlight)
		if err != nil {
			return nil, err
		}
		resp.Hits = append(resp.Hits, h)
	}
	p.setNext(resp, from, taken)
	return resp, nil
}

// shardOffsets are the hits of each shard before the page the cursor asks.
func (p *plan) shardOffsets(shards int) ([]int, error) {
	if p.cursor == nil {
		return make([]int, shards), nil
	}
	if len(p.cursor.Shards) != shards {
		return nil, &Error{Code: "bad_cursor", Message: "the cursor is from another version of the index",
			Hint: "start the search again without a cursor"}
	}
	return p.cursor.Shards, nil
}

// setNext sets the cursor of the page after resp, which started after
// from[i] hits of shard i and took taken[i] of them.
func (p *plan) setNext(resp *Response, from, taken []int) {
	next := cursor{Shards: make([]int, len(from))}
	for i := range from {
		next.Shards[i] = from[i] + taken[i]
	}
	if len(resp.Hits) == p.req.Size && uint64(next.depth()) < resp.Total {
		resp.NextCursor = encodeCursor(next, p.fingerprint())
	}
}
