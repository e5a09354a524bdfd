package search

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/precedent/precedent/indexer"
)

// browse answers the match-all query by relevance, the request of a
// browsing page: every passage scores the same, so Bleve's answer is the
// passages in index order; browse takes that page from the bitmap of all
// passages instead of scoring each of them, then loads its hits by id.
func (p *plan) browse(ctx context.Context, g *generation, offset int) (*Response, error) {
	all, err := g.facets.allPassages(ctx)
	if err != nil {
		return nil, err
	}
	resp := &Response{Total: all.GetCardinality(), TotalExact: true, Hits: []Hit{}}
	if uint64(offset) >= resp.Total {
		return resp, nil
	}
	r, err := reader(g.idx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	first, err := all.Select(uint32(offset))
	if err != nil {
		return nil, err
	}
	it := all.Iterator()
	it.AdvanceIfNeeded(first)
	ids := make([]string, 0, p.req.Size)
	for it.HasNext() && len(ids) < p.req.Size {
		id, err := r.ExternalID(binary.BigEndian.AppendUint64(nil, uint64(it.Next())))
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	byID := make(map[string]Hit, len(res.Hits))
	for _, dm := range res.Hits {
		h, err := passageHit(dm, p.req.Highlight)
		if err != nil {
			return nil, err
		}
		byID[h.ID] = h
	}
	for _, id := range ids {
		h, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("search: passage %s has no stored fields", id)
		}
		resp.Hits = append(resp.Hits, h)
	}
	p.setNext(resp, offset)
	return resp, nil
}
