package search

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/precedent/precedent/indexer"
)

// browse answers the match-all query by relevance, the request of a
// browsing page: every passage scores the same, so the order is the index
// order, shard after shard (as mergeHits orders ties); browse takes the
// page from the bitmaps of all passages instead of scoring each of them,
// then loads its hits by id. from[i] passages of shard i come before it.
func (p *plan) browse(ctx context.Context, g *generation, from []int) (*Response, error) {
	resp := &Response{TotalExact: true, Hits: []Hit{}}
	taken := make([]int, len(g.shards))
	var ids []string
	for i, s := range g.shards {
		all, err := s.allPassages(ctx)
		if err != nil {
			return nil, err
		}
		resp.Total += all.GetCardinality()
		if want := p.req.Size - len(ids); want > 0 && uint64(from[i]) < all.GetCardinality() {
			got, err := s.passageIDs(ctx, from[i], want)
			if err != nil {
				return nil, err
			}
			ids = append(ids, got...)
			taken[i] = len(got)
		}
	}
	if len(ids) > 0 {
		hits, err := g.passagesByID(ctx, ids, p.req.Highlight)
		if err != nil {
			return nil, err
		}
		resp.Hits = hits
	}
	p.setNext(resp, from, taken)
	return resp, nil
}

// passageIDs returns the ids of up to n passages of s in index order,
// starting with the one at position start.
func (s *shard) passageIDs(ctx context.Context, start, n int) ([]string, error) {
	all, err := s.allPassages(ctx)
	if err != nil {
		return nil, err
	}
	first, err := all.Select(uint32(start))
	if err != nil {
		return nil, err
	}
	h, err := s.hitSet()
	if err != nil {
		return nil, err
	}
	defer h.close()
	it := all.Iterator()
	it.AdvanceIfNeeded(first)
	ids := make([]string, 0, n)
	for it.HasNext() && len(ids) < n {
		id, err := h.r.ExternalID(binary.BigEndian.AppendUint64(nil, uint64(it.Next())))
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// passagesByID loads the hits of passages by id, in the order of ids.
func (g *generation) passagesByID(ctx context.Context, ids []string, highlight bool) ([]Hit, error) {
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	byID := make(map[string]Hit, len(res.Hits))
	for _, dm := range res.Hits {
		h, err := passageHit(dm, highlight)
		if err != nil {
			return nil, err
		}
		byID[h.ID] = h
	}
	hits := make([]Hit, 0, len(ids))
	for _, id := range ids {
		h, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("search: passage %s has no stored fields", id)
		}
		hits = append(hits, h)
	}
	return hits, nil
}
