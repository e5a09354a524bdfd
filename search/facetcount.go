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

// facetCounter counts facet values with bitmaps instead of Bleve's facet
// builder, which visits the doc values of every hit for every facet: the
// passages a query matches are collected once, unscored, into a roaring
// bitmap, and each value's count is the size of its intersection with that
// value's postings, loaded once per generation. A generation never changes
// while it serves, so its document numbers are stable.
type facetCounter struct {
	idx bleve.Index

	mu     sync.Mutex
	fields map[string]*fieldPostings
	all    *roaring.Bitmap // every passage
}

// fieldPostings are the postings of every value of one keyword field.
type fieldPostings struct {
	values   []string
	postings []*roaring.Bitmap
	any      *roaring.Bitmap // passages with at least one value
}

func newFacetCounter(idx bleve.Index) *facetCounter {
	return &facetCounter{idx: idx, fields: map[string]*fieldPostings{}}
}

// count returns the facet of field over hits, size values at most.
func (fc *facetCounter) count(ctx context.Context, field string, hits *roaring.Bitmap, size int) (Facet, error) {
	fp, err := fc.field(ctx, field)
	if err != nil {
		return Facet{}, err
	}
	total := hits.GetCardinality()
	f := Facet{Field: field, Total: int(total), Terms: []FacetTerm{}}
	terms := make([]FacetTerm, 0, len(fp.values))
	sum := 0
	for i, v := range fp.values {
		if n := int(hits.AndCardinality(fp.postings[i])); n > 0 {
			terms = append(terms, FacetTerm{Value: v, Count: n})
			sum += n
		}
	}
	// Bleve's order: count descending, then value.
	slices.SortFunc(terms, func(a, b FacetTerm) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	for _, t := range terms[:min(size, len(terms))] {
		t.Label = label(field, t.Value)
		f.Terms = append(f.Terms, t)
		sum -= t.Count
	}
	f.Other = sum
	f.Missing = int(total - hits.AndCardinality(fp.any))
	return f, nil
}

// field returns the postings of field's values, loading them on first use.
func (fc *facetCounter) field(ctx context.Context, field string) (*fieldPostings, error) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if fp, ok := fc.fields[field]; ok {
		return fp, nil
	}
	fp, err := loadFieldPostings(ctx, fc.idx, field)
	if err != nil {
		return nil, fmt.Errorf("search: loading the values of %s: %w", field, err)
	}
	fc.fields[field] = fp
	return fp, nil
}

func loadFieldPostings(ctx context.Context, idx bleve.Index, field string) (*fieldPostings, error) {
	dict, err := idx.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	r, err := reader(idx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	fp := &fieldPostings{any: roaring.New()}
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		tfr, err := r.TermFieldReader(ctx, []byte(e.Term), field, false, false, false)
		if err != nil {
			return nil, err
		}
		var td index.TermFieldDoc
		bm, err := drain(func() (index.IndexInternalID, error) {
			td, err := tfr.Next(&td)
			if td == nil || err != nil {
				return nil, err
			}
			return td.ID, nil
		})
		tfr.Close()
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

// hits returns the passages q matches as a bitmap of document numbers
// (see hitSet); the bitmap may be shared, callers do not change it.
func (fc *facetCounter) hits(ctx context.Context, q query.Query) (*roaring.Bitmap, error) {
	r, err := reader(fc.idx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	snap, _ := r.(*scorch.IndexSnapshot)
	h := &hitSet{fc: fc, r: r, snap: snap}
	return h.eval(ctx, q)
}

// allPassages is every passage of the generation: each has a kind.
func (fc *facetCounter) allPassages(ctx context.Context) (*roaring.Bitmap, error) {
	fp, err := fc.field(ctx, indexer.FieldKind)
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

// reader opens a reader of idx's index.
func reader(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}
