package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// unit=document groups passages by document. The search scans passage
// hits in the request's sort order, in chunks of documentChunk without
// stored fields (a passage id names its document), until it has seen the
// documents of the page plus one; documents are ordered by their first
// (best) passage. Then it loads the page's best passages. Paging is by
// offset into the documents; the scan stops after maxScan passages. Total
// is the exact number of documents with a matching passage (see
// documentCount).
const (
	documentChunk       = 1000
	maxScan             = 50000
	passagesPerDocument = 3
)

// docGroup is one document of a unit=document answer while scanning.
type docGroup struct {
	id       string
	score    float64
	passages []string // best first
}

func (p *plan) searchDocuments(ctx context.Context, g *generation, q query.Query) (*Response, error) {
	offset := 0
	if p.cursor != nil {
		offset = p.cursor.Offset
	}
	groups, err := p.scanDocuments(ctx, g.idx, q, offset+p.req.Size+1)
	if err != nil {
		return nil, err
	}
	resp := &Response{TotalExact: true, Hits: []Hit{}}
	hits, err := p.matched(ctx, g, q)
	if err != nil {
		return nil, err
	}
	if resp.Total, err = g.documentCount(ctx, hits); err != nil {
		return nil, err
	}
	end := min(len(groups), offset+p.req.Size)
	if offset < end {
		if resp.Hits, err = p.documentHits(ctx, g.idx, q, groups[offset:end]); err != nil {
			return nil, err
		}
	}
	if end < len(groups) {
		resp.NextCursor = encodeCursor(cursor{Offset: end}, p.fingerprint())
	}
	return resp, nil
}

// scanDocuments returns at least want documents in order (fewer when the
// hits run out).
func (p *plan) scanDocuments(ctx context.Context, idx bleve.Index, q query.Query, want int) ([]docGroup, error) {
	var groups []docGroup
	at := map[string]int{}
	var after []string
	for scanned := 0; len(groups) < want && scanned < maxScan; {
		sr := bleve.NewSearchRequestOptions(p.filtered(q, ""), documentChunk, 0, false)
		sr.SortByCustom(sortOrder(p.req.Sort))
		sr.SearchAfter = after
		res, err := idx.SearchInContext(ctx, sr)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		for _, dm := range res.Hits {
			doc := corpus.PassageDocument(dm.ID)
			i, ok := at[doc]
			if !ok {
				i = len(groups)
				at[doc] = i
				groups = append(groups, docGroup{id: doc, score: dm.Score})
			}
			if g := &groups[i]; len(g.passages) < passagesPerDocument {
				g.passages = append(g.passages, dm.ID)
			}
		}
		scanned += len(res.Hits)
		if len(res.Hits) < documentChunk {
			break
		}
		if after = afterValues(res.Hits[len(res.Hits)-1], p.req.Sort); after == nil {
			break // no date to continue from: the scan ends here
		}
	}
	return groups, nil
}

// documentHits loads the best passages of a page of documents.
func (p *plan) documentHits(ctx context.Context, idx bleve.Index, q query.Query, page []docGroup) ([]Hit, error) {
	var ids []string
	for _, g := range page {
		ids = append(ids, g.passages...)
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	sr.IncludeLocations = p.req.Highlight
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	byID := map[string]Hit{}
	for _, dm := range res.Hits {
		h, err := passageHit(dm, p.req.Highlight)
		if err != nil {
			return nil, err
		}
		byID[h.ID] = h
	}
	hits := make([]Hit, 0, len(page))
	for _, g := range page {
		best, ok := byID[g.passages[0]]
		if !ok {
			continue
		}
		h := Hit{ID: g.id, Score: g.score, Document: best.Document, Snippet: best.Snippet,
			Citation: documentCitation(best.Document)}
		for _, id := range g.passages {
			if ph, ok := byID[id]; ok {
				h.Passages = append(h.Passages, *ph.Passage)
			}
		}
		hits = append(hits, h)
	}
	return hits, nil
}

func documentCitation(d DocumentInfo) string {
	if d.Symbol != "" {
		return d.Symbol
	}
	return d.Title
}

// Document returns a document's metadata with all its passages in order.
func (ix *Index) Document(ctx context.Context, id string) (*corpus.Document, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	passages, doc, err := documentPassages(ctx, g.idx, id)
	if err != nil {
		return nil, err
	}
	doc.Passages = passages
	return &doc, nil
}

// documentPassages returns a document's passages by ordinal and its
// metadata, which the first passage stores whole (the others store a
// summary, see indexer.FieldDocument).
func documentPassages(ctx context.Context, idx bleve.Index, id string) ([]corpus.Passage, corpus.Document, error) {
	var doc corpus.Document
	sr := bleve.NewSearchRequestOptions(term(indexer.FieldDocID, id), maxPassagesPerDocument, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	sr.Score = bleve.ScoreNone
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, doc, fmt.Errorf("search: document %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, doc, ErrNotFound
	}
	members := make([]member, 0, len(res.Hits))
	for _, dm := range res.Hits {
		p, d, err := decodeStored(dm)
		if err != nil {
			return nil, doc, err
		}
		members = append(members, member{Passage: p, Document: d})
	}
	slices.SortFunc(members, func(a, b member) int {
		return cmp.Or(cmp.Compare(a.Passage.Ordinal, b.Passage.Ordinal), cmp.Compare(a.Passage.ID, b.Passage.ID))
	})
	passages := make([]corpus.Passage, len(members))
	for i, m := range members {
		passages[i] = m.Passage
	}
	return passages, members[0].Document, nil
}

// maxPassagesPerDocument bounds a document's passages in one answer.
const maxPassagesPerDocument = 10000

// Passage returns one passage with its document and neighbours.
func (ix *Index) Passage(ctx context.Context, id string) (*PassageView, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	m, err := storedPassage(ctx, g.idx, id)
	if err != nil {
		return nil, err
	}
	v := &PassageView{Passage: m.Passage, Document: documentInfo(m.Document)}
	v.Previous, v.Next, err = neighbours(ctx, g.idx, m.Passage)
	return v, err
}

// neighbours returns the ids of the passages just before and after p in
// its document, by the ordinals their ids carry (see corpus.PassageID).
func neighbours(ctx context.Context, idx bleve.Index, p corpus.Passage) (prev, next string, err error) {
	sr := bleve.NewSearchRequestOptions(term(indexer.FieldDocID, p.DocID), maxPassagesPerDocument, 0, false)
	sr.Score = bleve.ScoreNone
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return "", "", fmt.Errorf("search: neighbours of %s: %w", p.ID, err)
	}
	prevOrd, nextOrd := 0, 0
	for _, h := range res.Hits {
		o, ok := passageOrdinal(h.ID)
		switch {
		case !ok:
		case o < p.Ordinal && (prev == "" || o > prevOrd):
			prev, prevOrd = h.ID, o
		case o > p.Ordinal && (next == "" || o < nextOrd):
			next, nextOrd = h.ID, o
		}
	}
	return prev, next, nil
}

// passageOrdinal returns the ordinal a passage id ends with.
func passageOrdinal(id string) (int, bool) {
	i := strings.LastIndex(id, "-p")
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(id[i+2:])
	return n, err == nil
}

// MaxFacetValues bounds FacetValues.
const MaxFacetValues = 1000

// FacetValues returns every value of a facet field (at most MaxFacetValues)
// with its count over the whole index, cached with the generation.
func (ix *Index) FacetValues(ctx context.Context, field string) (*Facet, error) {
	if !validFilterField(field) {
		return nil, unknownField(field, "facet")
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	key := "values:" + field
	if cached, ok := g.cache.get(key); ok {
		f := cached.(Facet)
		f.Terms = slices.Clone(f.Terms)
		return &f, nil
	}
	all, err := g.hits(ctx, bleve.NewMatchAllQuery())
	if err != nil {
		return nil, err
	}
	f, err := countFacet(ctx, g.shards, all, field, MaxFacetValues)
	if err != nil {
		return nil, fmt.Errorf("search: facet values of %s: %w", field, err)
	}
	g.cache.add(key, f, facetSize(f))
	f.Terms = slices.Clone(f.Terms)
	return &f, nil
}
