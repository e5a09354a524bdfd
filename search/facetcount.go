package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/precedent/precedent/indexer"
)

// shard is one Bleve index of a generation with what facet counting needs.
// Facets are counted with bitmaps instead of Bleve's facet builder, which
// visits the doc values of every hit for every facet: the passages a query
// matches are collected once per shard, unscored, into a roaring bitmap
// (see hitSet), and a value's count is the size of its intersection with
// the value's postings, loaded once per generation. A generation never
// changes while it serves, so its document numbers are stable.
type shard struct {
	idx bleve.Index

	mu     sync.Mutex
	fields map[string]*fieldPostings
}

// fieldPostings are the postings of every value of one keyword field.
type fieldPostings struct {
	values   []string
	postings []*roaring.Bitmap
	any      *roaring.Bitmap // passages with at least one value
}

func newShard(idx bleve.Index) *shard {
	return &shard{idx: idx, fields: map[string]*fieldPostings{}}
}

// countFacet returns the facet of field over the hits of each shard
// (hits[i] are shards[i]'s), size values at most, in Bleve's order: count
// descending, then value. Total counts passages, Other the values beyond
// size, Missing the passages without a value.
func countFacet(ctx context.Context, shards []*shard, hits []*roaring.Bitmap, field string, size int) (Facet, error) {
	counts := map[string]int{}
	f := Facet{Field: field, Terms: []FacetTerm{}}
	for i, s := range shards {
		fp, err := s.field(ctx, field)
		if err != nil {
			return Facet{}, err
		}
		for j, v := range fp.values {
			if n := int(hits[i].AndCardinality(fp.postings[j])); n > 0 {
				counts[v] += n
				f.Other += n
			}
		}
		n := hits[i].GetCardinality()
		f.Total += int(n)
		f.Missing += int(n - hits[i].AndCardinality(fp.any))
	}
	terms := make([]FacetTerm, 0, len(counts))
	for v, n := range counts {
		terms = append(terms, FacetTerm{Value: v, Count: n})
	}
	slices.SortFunc(terms, func(a, b FacetTerm) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	for _, t := range terms[:min(size, len(terms))] {
		t.Label = label(field, t.Value)
		f.Terms = append(f.Terms, t)
		f.Other -= t.Count
	}
	return f, nil
}

// field returns the postings of field's values, loading them on first use.
func (s *shard) field(ctx context.Context, field string) (*fieldPostings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if fp, ok := s.fields[field]; ok {
		return fp, nil
	}
	fp, err := s.loadField(ctx, field)
	if err != nil {
		return nil, fmt.Errorf("search: loading the values of %s: %w", field, err)
	}
	s.fields[field] = fp
	return fp, nil
}

// loadField reads the postings of every value of field.
func (s *shard) loadField(ctx context.Context, field string) (*fieldPostings, error) {
	dict, err := s.idx.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	h, err := s.hitSet()
	if err != nil {
		return nil, err
	}
	defer h.close()
	fp := &fieldPostings{any: roaring.New()}
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		bm, err := h.eval(ctx, term(field, e.Term))
		if err != nil {
			return nil, err
		}
		bm.RunOptimize()
		fp.values = append(fp.values, e.Term)
		fp.postings = append(fp.postings, bm)
		fp.any.Or(bm)
	}
	fp.any.RunOptimize()
	return fp, nil
}

// hitSet opens an evaluator of queries to bitmaps on a reader of s; the
// caller closes it.
func (s *shard) hitSet() (*hitSet, error) {
	adv, err := s.idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	snap, _ := r.(*scorch.IndexSnapshot)
	return &hitSet{s: s, m: s.idx.Mapping(), r: r, snap: snap}, nil
}

// hits returns the passages q matches as a bitmap of document numbers;
// the bitmap may be shared, callers do not change it.
func (s *shard) hits(ctx context.Context, q query.Query) (*roaring.Bitmap, error) {
	h, err := s.hitSet()
	if err != nil {
		return nil, err
	}
	defer h.close()
	return h.eval(ctx, q)
}

// allPassages is every passage of the shard: each has a kind.
func (s *shard) allPassages(ctx context.Context) (*roaring.Bitmap, error) {
	fp, err := s.field(ctx, indexer.FieldKind)
	if err != nil {
		return nil, err
	}
	return fp.any, nil
}

// drain collects the document numbers next returns until it returns nil.
func drain(next func() (index.IndexInternalID, error)) (*roaring.Bitmap, error) {
	bm := roaring.New()
	buf := make([]uint32, 0, 4096)
	for {
		id, err := next()
		if err != nil {
			return nil, err
		}
		if id == nil {
			break
		}
		buf = append(buf, uint32(binary.BigEndian.Uint64(id)))
		if len(buf) == cap(buf) {
			bm.AddMany(buf)
			buf = buf[:0]
		}
	}
	bm.AddMany(buf)
	return bm, nil
}
