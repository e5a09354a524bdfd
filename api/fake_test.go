package api

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/search"
)

// fakeSearcher answers from a small invented corpus: n passages of one
// document, paged by a cursor holding the next offset.
type fakeSearcher struct {
	mu       sync.Mutex
	n        int
	notReady bool
	panicOn  string        // a query that makes Search panic
	failOn   string        // a query that makes Search fail with an internal error
	block    chan struct{} // when set, Search waits for it (or the deadline)
	entered  chan struct{} // when set, Search signals on it before waiting
	last     search.Request
}

var fakeDoc = search.DocumentInfo{ID: "A_RES_99_1.en", Symbol: "A/RES/99/1", Title: "Invented resolution on lighthouses",
	Body: corpus.BodyGA, Type: corpus.TypeResolution, Date: "2031-12-01", Language: "en", States: []string{"FRA", "NLD"}}

func fakePassage(i int) corpus.Passage {
	return corpus.Passage{ID: corpus.PassageID(fakeDoc.ID, i), DocID: fakeDoc.ID, Ordinal: i, Number: strconv.Itoa(i),
		Kind: corpus.KindOperative, Text: fmt.Sprintf("=Lighthouse keepers shall cooperate, paragraph %d.", i),
		Citation: fmt.Sprintf("A/RES/99/1, para. %d", i),
		Tags:     corpus.Tags{Topics: []corpus.Tag{{ID: "cbms"}}, Principles: []corpus.Tag{{ID: "sovereignty"}}}}
}

func (f *fakeSearcher) Search(ctx context.Context, req search.Request) (*search.Response, error) {
	f.mu.Lock()
	f.last = req
	f.mu.Unlock()
	switch {
	case f.panicOn != "" && req.Query == f.panicOn:
		panic("fake searcher exploded")
	case f.failOn != "" && req.Query == f.failOn:
		return nil, errors.New("disk on fire at /secret/path")
	case strings.Contains(req.Query, "((("):
		return nil, &search.Error{Code: "bad_query", Message: "unbalanced parentheses", Hint: "close every ("}
	case req.Cursor == "bogus":
		return nil, &search.Error{Code: "bad_cursor", Message: "cursor is not valid", Hint: "pass next_cursor back unchanged"}
	}
	if f.block != nil {
		if f.entered != nil {
			f.entered <- struct{}{}
		}
		select {
		case <-f.block:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	start := 0
	if req.Cursor != "" {
		start, _ = strconv.Atoi(req.Cursor)
	}
	resp := &search.Response{Total: uint64(f.n), TotalExact: true}
	for i := start; i < f.n && i < start+req.Size; i++ {
		p := fakePassage(i + 1)
		resp.Hits = append(resp.Hits, search.Hit{ID: p.ID, Score: 1, Document: fakeDoc, Passage: &p, Citation: p.Citation})
	}
	if start+req.Size < f.n {
		resp.NextCursor = strconv.Itoa(start + req.Size)
	}
	for _, field := range req.Facets {
		resp.Facets = append(resp.Facets, search.Facet{Field: field, Total: f.n})
	}
	return resp, nil
}

func (f *fakeSearcher) Document(_ context.Context, id string) (*corpus.Document, error) {
	if id != fakeDoc.ID {
		return nil, search.ErrNotFound
	}
	return &corpus.Document{ID: fakeDoc.ID, Symbol: fakeDoc.Symbol, Title: fakeDoc.Title, Passages: []corpus.Passage{fakePassage(1)}}, nil
}

func (f *fakeSearcher) Passage(_ context.Context, id string) (*search.PassageView, error) {
	if id != corpus.PassageID(fakeDoc.ID, 1) {
		return nil, search.ErrNotFound
	}
	return &search.PassageView{Passage: fakePassage(1), Document: fakeDoc, Next: corpus.PassageID(fakeDoc.ID, 2)}, nil
}

func (f *fakeSearcher) FacetValues(_ context.Context, field string) (*search.Facet, error) {
	return &search.Facet{Field: field, Total: f.n, Terms: []search.FacetTerm{{Value: "FRA", Label: "France", Count: f.n}}}, nil
}

func (f *fakeSearcher) Ready() error {
	if f.notReady {
		return errors.New("no generation")
	}
	return nil
}

func (f *fakeSearcher) lastRequest() search.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

func (f *fakeSearcher) Lineage(_ context.Context, id string) (*search.Lineage, error) {
	if id != corpus.PassageID(fakeDoc.ID, 1) {
		return nil, search.ErrNotFound
	}
	return f.family(), nil
}

func (f *fakeSearcher) LineageOfText(_ context.Context, text string) (*search.Lineage, error) {
	if len(text) > 5000 {
		return nil, &search.Error{Code: "too_large", Message: "text too long", Hint: "paste one paragraph"}
	}
	return f.family(), nil
}

func (f *fakeSearcher) family() *search.Lineage {
	l := &search.Lineage{Family: "f1"}
	for i := 1; i <= f.n; i++ {
		l.Members = append(l.Members, search.LineageMember{Passage: fakePassage(i), Document: fakeDoc,
			Citation: fakePassage(i).Citation, Similarity: 0.9})
	}
	return l
}

func (f *fakeSearcher) Similar(_ context.Context, id string, size int) ([]search.Hit, error) {
	if id != corpus.PassageID(fakeDoc.ID, 1) {
		return nil, search.ErrNotFound
	}
	p := fakePassage(2)
	return []search.Hit{{ID: p.ID, Document: fakeDoc, Passage: &p, Citation: p.Citation}}, nil
}

func (f *fakeSearcher) Compare(_ context.Context, field, value string, states []string, perState int) (*search.Comparison, error) {
	c := &search.Comparison{Field: field, Value: value}
	for _, s := range states {
		p := fakePassage(1)
		c.States = append(c.States, search.StatePosition{State: s, Total: 1,
			Hits: []search.Hit{{ID: p.ID, Document: fakeDoc, Passage: &p, Citation: p.Citation}}})
	}
	return c, nil
}
