package search

import (
	"context"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// unit=document groups passages by document: the search fetches a window
// of the documentWindow best passages (in the request's sort order),
// groups them by document in order of their first passage, and pages
// through the groups by offset. Total is the exact number of documents
// with a matching passage, counted with a terms facet on doc_id.
const (
	documentWindow      = 1000
	passagesPerDocument = 3
	maxDocuments        = 100000
)

func (p *plan) searchDocuments(ctx context.Context, idx bleve.Index, q query.Query) (*Response, *bleve.SearchResult, error) {
	sr := bleve.NewSearchRequestOptions(p.filtered(q, ""), documentWindow, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	sr.SortByCustom(sortOrder(p.req.Sort))
	sr.IncludeLocations = p.req.Highlight
	sr.AddFacet(indexer.FieldDocID, bleve.NewFacetRequest(indexer.FieldDocID, maxDocuments))
	p.addSharedFacets(sr)
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	groups, err := groupByDocument(res, p.req.Highlight)
	if err != nil {
		return nil, nil, err
	}
	total := uint64(len(groups))
	exact := uint64(len(res.Hits)) == res.Total
	if fr := res.Facets[indexer.FieldDocID]; fr != nil && fr.Terms != nil {
		total, exact = uint64(fr.Terms.Len()), fr.Other == 0
	}
	offset := 0
	if p.cursor != nil {
		offset = p.cursor.Offset
	}
	end := min(len(groups), offset+p.req.Size)
	resp := &Response{Total: total, TotalExact: exact, Hits: []Hit{}}
	if offset < end {
		resp.Hits = groups[offset:end]
	}
	if end < len(groups) {
		resp.NextCursor = encodeCursor(cursor{Offset: end}, p.fingerprint())
	}
	delete(res.Facets, indexer.FieldDocID)
	return resp, res, nil
}

// groupByDocument turns passage hits into document hits, each with its
// best passages; a document's score is its best passage's.
func groupByDocument(res *bleve.SearchResult, highlight bool) ([]Hit, error) {
	var groups []Hit
	at := map[string]int{}
	for _, dm := range res.Hits {
		h, err := passageHit(dm, highlight)
		if err != nil {
			return nil, err
		}
		i, ok := at[h.Document.ID]
		if !ok {
			i = len(groups)
			at[h.Document.ID] = i
			groups = append(groups, Hit{ID: h.Document.ID, Score: h.Score, Document: h.Document,
				Snippet: h.Snippet, Citation: documentCitation(h.Document)})
		}
		g := &groups[i]
		if len(g.Passages) < passagesPerDocument {
			g.Passages = append(g.Passages, *h.Passage)
		}
	}
	return groups, nil
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

// documentPassages returns a document's passages by ordinal and its metadata.
func documentPassages(ctx context.Context, idx bleve.Index, id string) ([]corpus.Passage, corpus.Document, error) {
	var doc corpus.Document
	sr := bleve.NewSearchRequestOptions(term(indexer.FieldDocID, id), maxPassagesPerDocument, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	sr.SortBy([]string{indexer.FieldOrdinal, "_id"})
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, doc, fmt.Errorf("search: document %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, doc, ErrNotFound
	}
	passages := make([]corpus.Passage, 0, len(res.Hits))
	for _, dm := range res.Hits {
		p, d, err := decodeStored(dm)
		if err != nil {
			return nil, doc, err
		}
		doc = d
		passages = append(passages, p)
	}
	return passages, doc, nil
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
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: passage %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, ErrNotFound
	}
	p, d, err := decodeStored(res.Hits[0])
	if err != nil {
		return nil, err
	}
	v := &PassageView{Passage: p, Document: documentInfo(d)}
	v.Previous, v.Next, err = neighbours(ctx, g.idx, p)
	return v, err
}

// neighbours returns the ids of the passages just before and after p in
// its document.
func neighbours(ctx context.Context, idx bleve.Index, p corpus.Passage) (prev, next string, err error) {
	for _, dir := range []struct {
		min, max float64
		sort     string
		out      *string
	}{
		{math.Inf(-1), float64(p.Ordinal), "-" + indexer.FieldOrdinal, &prev},
		{float64(p.Ordinal), math.Inf(1), indexer.FieldOrdinal, &next},
	} {
		incl := false
		r := bleve.NewNumericRangeInclusiveQuery(&dir.min, &dir.max, &incl, &incl)
		r.SetField(indexer.FieldOrdinal)
		q := bleve.NewConjunctionQuery(term(indexer.FieldDocID, p.DocID), r)
		sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
		sr.SortBy([]string{dir.sort})
		res, err := idx.SearchInContext(ctx, sr)
		if err != nil {
			return "", "", fmt.Errorf("search: neighbours of %s: %w", p.ID, err)
		}
		if len(res.Hits) > 0 {
			*dir.out = res.Hits[0].ID
		}
	}
	return prev, next, nil
}

// MaxFacetValues bounds FacetValues.
const MaxFacetValues = 1000

// FacetValues returns every value of a facet field (at most MaxFacetValues)
// with its count over the whole index.
func (ix *Index) FacetValues(ctx context.Context, field string) (*Facet, error) {
	if !validFilterField(field) {
		return nil, unknownField(field, "facet")
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	sr.AddFacet(field, bleve.NewFacetRequest(field, MaxFacetValues))
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: facet values of %s: %w", field, err)
	}
	f := facetOf(field, res)
	return &f, nil
}
