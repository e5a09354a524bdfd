package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// More-like-this bounds.
const (
	similarTerms   = 25 // rarest words of the passage that make the query
	minSimilarWord = 4  // shorter words ("the", "of") are left out
	MaxCompareSize = 20 // passages per state in Compare
	MaxCompared    = 30 // states in one Compare
)

// Similar returns passages that say something close to a passage without
// sharing its wording: a disjunction of the passage's rarest words (by
// document frequency in the index), leaving out the passage itself and its
// language family.
func (ix *Index) Similar(ctx context.Context, passageID string, size int) ([]Hit, error) {
	if size <= 0 || size > MaxSize {
		size = DefaultSize
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	origin, err := storedPassage(ctx, g.idx, passageID)
	if err != nil {
		return nil, err
	}
	p := origin.Passage
	terms, err := rareTerms(ctx, g, p.Text)
	if err != nil {
		return nil, err
	}
	hits := []Hit{}
	if len(terms) == 0 {
		return hits, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddShould(terms...)
	b.AddMustNot(bleve.NewDocIDQuery([]string{p.ID}))
	if p.Family != "" {
		b.AddMustNot(term(FieldFamily, p.Family))
	}
	sr := bleve.NewSearchRequestOptions(b, size, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: similar to %s: %w", p.ID, err)
	}
	for _, dm := range res.Hits {
		h, err := passageHit(dm, false)
		if err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// rareTerms returns term queries for the passage's similarTerms words with
// the highest inverse document frequency on the unstemmed text field.
func rareTerms(ctx context.Context, g *generation, text string) ([]query.Query, error) {
	freq, err := g.frequencies()
	if err != nil {
		return nil, err
	}
	defer freq.close()
	total, err := freq.total()
	if err != nil {
		return nil, err
	}
	type weighted struct {
		word string
		idf  float64
	}
	var ws []weighted
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if seen[w] || len([]rune(w)) < minSimilarWord {
			continue
		}
		seen[w] = true
		df, err := freq.passages(ctx, []byte(w))
		if err != nil {
			return nil, err
		}
		if df > 0 {
			ws = append(ws, weighted{w, math.Log(float64(total+1) / float64(df))})
		}
	}
	slices.SortFunc(ws, func(a, b weighted) int {
		if a.idf != b.idf {
			return cmpFloat(b.idf, a.idf)
		}
		return strings.Compare(a.word, b.word)
	})
	qs := make([]query.Query, 0, similarTerms)
	for _, w := range ws[:min(len(ws), similarTerms)] {
		qs = append(qs, term(indexer.FieldText, w.word))
	}
	return qs, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Comparison is what states said on one principle, topic or norm.
type Comparison struct {
	Field  string          `json:"field"` // principle, topic or norm
	Value  string          `json:"value"`
	Label  string          `json:"label"`
	States []StatePosition `json:"states"`
}

// StatePosition is one state's most relevant passages on a Comparison's subject.
type StatePosition struct {
	State string `json:"state"`
	Label string `json:"label"`
	Total uint64 `json:"total"` // passages of the state tagged with the subject
	Hits  []Hit  `json:"hits"`
}

// Compare returns, for each state, its perState most relevant passages
// tagged with value in field (principle, topic or norm): passages authored
// by the state and tagged so, ranked by the words of the subject's label.
func (ix *Index) Compare(ctx context.Context, field, value string, states []string, perState int) (*Comparison, error) {
	if field != FieldPrinciple && field != FieldTopic && field != FieldNorm {
		return nil, &Error{Code: "bad_filter", Message: fmt.Sprintf("cannot compare by %q", field),
			Hint: "compare by principle, topic or norm"}
	}
	if value == "" || len(states) == 0 || len(states) > MaxCompared {
		return nil, &Error{Code: "bad_filter", Message: "compare needs a subject and 1 to 30 states",
			Hint: "e.g. principle=sovereignty&state=FRA&state=NLD"}
	}
	if perState <= 0 || perState > MaxCompareSize {
		perState = 3
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	c := &Comparison{Field: field, Value: value, Label: corpus.Label(field, value), States: []StatePosition{}}
	for _, s := range states {
		pos, err := statePosition(ctx, g.idx, field, value, c.Label, s, perState)
		if err != nil {
			return nil, err
		}
		c.States = append(c.States, pos)
	}
	return c, nil
}

// statePosition finds one state's passages tagged with the subject; the
// words of the subject's label rank them without being required.
func statePosition(ctx context.Context, idx bleve.Index, field, value, label, state string, size int) (StatePosition, error) {
	pos := StatePosition{State: state, Label: corpus.Label(FieldState, state), Hits: []Hit{}}
	b := bleve.NewBooleanQuery()
	b.AddMust(term(field, value), term(FieldState, state))
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= minSimilarWord {
			m := bleve.NewMatchQuery(w)
			m.SetField(indexer.FieldText)
			b.AddShould(m)
		}
	}
	sr := bleve.NewSearchRequestOptions(b, size, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	sr.SortByCustom(sortOrder(SortRelevance))
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return pos, fmt.Errorf("search: compare %s: %w", state, err)
	}
	pos.Total = res.Total
	for _, dm := range res.Hits {
		h, err := passageHit(dm, false)
		if err != nil {
			return pos, err
		}
		pos.Hits = append(pos.Hits, h)
	}
	return pos, nil
}
