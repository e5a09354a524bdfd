package search

import (
	"context"
	"fmt"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/precedent/precedent/indexer"
)

// eachShard runs f for every shard of g at once (one goroutine per shard)
// and returns the first error.
func (g *generation) eachShard(f func(i int, s *shard) error) error {
	if len(g.shards) == 1 {
		return f(0, g.shards[0])
	}
	errs := make([]error, len(g.shards))
	var wg sync.WaitGroup
	for i, s := range g.shards {
		wg.Go(func() { errs[i] = f(i, s) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// hits returns the passages q matches in each shard (see shard.hits).
func (g *generation) hits(ctx context.Context, q query.Query) ([]*roaring.Bitmap, error) {
	out := make([]*roaring.Bitmap, len(g.shards))
	err := g.eachShard(func(i int, s *shard) (err error) {
		out[i], err = s.hits(ctx, q)
		return err
	})
	return out, err
}

// documentCount is the number of documents with a passage among hits
// (one bitmap per shard).
func (g *generation) documentCount(ctx context.Context, hits []*roaring.Bitmap) (uint64, error) {
	var n uint64
	for i, s := range g.shards {
		fp, err := s.field(ctx, indexer.FieldDocID)
		if err != nil {
			return 0, err
		}
		for _, passages := range fp.postings {
			if passages.Intersects(hits[i]) {
				n++
			}
		}
	}
	return n, nil
}

// searchShards runs one request per shard at once; request(i) is shard
// i's (the requests differ in where each shard's page starts).
func (g *generation) searchShards(ctx context.Context, request func(i int) *bleve.SearchRequest) ([]*bleve.SearchResult, error) {
	out := make([]*bleve.SearchResult, len(g.shards))
	err := g.eachShard(func(i int, s *shard) (err error) {
		out[i], err = s.idx.SearchInContext(ctx, request(i))
		return err
	})
	return out, err
}

// locate gives the hits each shard put on a page (the first taken[i] of
// results[i]) the locations of q's words, which snippets mark: q runs
// again over those passages only. Asking the page's search for them would
// decode the locations of every hit, 300,000 of them for a common word,
// to keep twenty.
func (g *generation) locate(ctx context.Context, q query.Query, results []*bleve.SearchResult, taken []int) error {
	return g.eachShard(func(i int, s *shard) error {
		hits := results[i].Hits[:taken[i]]
		if len(hits) == 0 {
			return nil
		}
		ids := make([]string, len(hits))
		for k, dm := range hits {
			ids[k] = dm.ID
		}
		sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
		sr.IncludeLocations = true
		sr.Score = "none"
		res, err := s.idx.SearchInContext(ctx, sr)
		if err != nil {
			return err
		}
		found := make(map[string]bsearch.FieldTermLocationMap, len(res.Hits))
		for _, dm := range res.Hits {
			found[dm.ID] = dm.Locations
		}
		for _, dm := range hits {
			dm.Locations = found[dm.ID]
		}
		return nil
	})
}

// mergeHits takes up to size hits from the shards' sorted results in
// order: by the sort, then by shard, so that every page of a search is
// cut from one order. It returns the hits and how many each shard gave.
func mergeHits(order bsearch.SortOrder, results []*bleve.SearchResult, size int) ([]*bsearch.DocumentMatch, []int) {
	scoring, desc := order.CacheIsScore(), order.CacheDescending()
	taken := make([]int, len(results))
	var hits []*bsearch.DocumentMatch
	for _, r := range results {
		for _, dm := range r.Hits {
			dm.HitNumber = 0 // numbers of different shards do not compare
		}
	}
	for len(hits) < size {
		best := -1
		for i, r := range results {
			if taken[i] == len(r.Hits) {
				continue
			}
			if best < 0 || order.Compare(scoring, desc, r.Hits[taken[i]], results[best].Hits[taken[best]]) < 0 {
				best = i
			}
		}
		if best < 0 {
			break
		}
		hits = append(hits, results[best].Hits[taken[best]])
		taken[best]++
	}
	return hits, taken
}

// frequencies counts, over every shard of a generation, the passages whose
// unstemmed text has a term (document frequencies for rare-word choices).
type frequencies struct {
	readers []index.IndexReader
}

// frequencies opens a reader of every shard; the caller closes them.
func (g *generation) frequencies() (*frequencies, error) {
	f := &frequencies{}
	for _, s := range g.shards {
		adv, err := s.idx.Advanced()
		if err == nil {
			var r index.IndexReader
			if r, err = adv.Reader(); err == nil {
				f.readers = append(f.readers, r)
			}
		}
		if err != nil {
			f.close()
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	return f, nil
}

// passages is the number of passages whose text has term.
func (f *frequencies) passages(ctx context.Context, term []byte) (uint64, error) {
	var n uint64
	for _, r := range f.readers {
		tfr, err := r.TermFieldReader(ctx, term, indexer.FieldText, false, false, false)
		if err != nil {
			return 0, fmt.Errorf("search: %w", err)
		}
		n += tfr.Count()
		tfr.Close()
	}
	return n, nil
}

// total is the number of passages.
func (f *frequencies) total() (uint64, error) {
	var n uint64
	for _, r := range f.readers {
		c, err := r.DocCount()
		if err != nil {
			return 0, fmt.Errorf("search: %w", err)
		}
		n += c
	}
	return n, nil
}

func (f *frequencies) close() {
	for _, r := range f.readers {
		r.Close()
	}
}
