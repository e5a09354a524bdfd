package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus/lineage"
	"github.com/precedent/precedent/indexer"
)

// Bounds of the word query that finds the candidates for pasted text: it
// ORs only the text's rarest indexed words, so its cost does not grow with
// the text's common words (rare words have short posting lists), and a
// candidate must carry half of them, so an edited word or a dropped clause
// still finds the passage while unrelated passages sharing one rare word
// do not crowd it out.
const (
	lineageRareWords = 16
	lineageRareShare = 0.5
	// lineageRarePostings bounds the passages the rare words may occur in
	// together (rarest first, at least lineageMinRareWords of them), so a
	// paragraph with few rare words does not OR its common ones.
	lineageRarePostings = 20000
	lineageMinRareWords = 4
	// lineageCandidates is how many of the best passages by the rare
	// words lineage.MatchText confirms (100 cost twice the CPU of 30 and
	// found no more of the hand-built families).
	lineageCandidates = 30
)

// textCandidates returns candidates for pasted text (the best passages by
// its rarest words, see rareWordsQuery) and those of them that carry its
// wording (whole, or as a quoted part of a longer paragraph).
func textCandidates(ctx context.Context, g *generation, text string) ([]member, []lineage.Match, error) {
	q, err := rareWordsQuery(ctx, g, text)
	if err != nil || q == nil {
		return nil, nil, err
	}
	cands, err := storedPassages(ctx, g.idx, q, lineageCandidates)
	if err != nil {
		return nil, nil, err
	}
	return cands, matchCandidates(text, cands), nil
}

// matchCandidates returns the candidates that carry text's wording.
func matchCandidates(text string, cands []member) []lineage.Match {
	items := make([]lineage.Item, len(cands))
	for i, c := range cands {
		items[i] = lineage.Item{ID: c.Passage.ID, Date: c.Document.Date, Words: lineage.Normalise(c.Passage.Text)}
	}
	return lineage.MatchText(text, items)
}

// rareWordsQuery returns a query for passages whose unstemmed text has at
// least half of text's rarest indexed words, or nil when none of its
// words is indexed.
func rareWordsQuery(ctx context.Context, g *generation, text string) (query.Query, error) {
	terms, err := rarestTerms(ctx, g, text, lineageRareWords)
	if err != nil || len(terms) == 0 {
		return nil, err
	}
	qs := make([]query.Query, len(terms))
	for i, t := range terms {
		qs[i] = term(indexer.FieldText, t)
	}
	d := bleve.NewDisjunctionQuery(qs...)
	d.SetMin(float64(max(1, int(float64(len(terms))*lineageRareShare+0.5))))
	return d, nil
}

// rarestTerms analyses text as the unstemmed text field is and returns up
// to n of its distinct terms that occur in the index, rarest (fewest
// passages) first, within lineageRarePostings.
func rarestTerms(ctx context.Context, g *generation, text string, n int) ([]string, error) {
	m := g.idx.Mapping()
	analyzer := m.AnalyzerNamed(m.AnalyzerNameForPath(indexer.FieldText))
	if analyzer == nil {
		return nil, fmt.Errorf("search: no analyzer for field %s", indexer.FieldText)
	}
	freq, err := g.frequencies()
	if err != nil {
		return nil, err
	}
	defer freq.close()
	type counted struct {
		term  string
		count uint64
	}
	var found []counted
	seen := map[string]bool{}
	for _, tok := range analyzer.Analyze([]byte(text)) {
		t := string(tok.Term)
		if seen[t] {
			continue
		}
		seen[t] = true
		c, err := freq.passages(ctx, tok.Term)
		if err != nil {
			return nil, err
		}
		if c > 0 {
			found = append(found, counted{t, c})
		}
	}
	slices.SortFunc(found, func(a, b counted) int { return cmp.Or(cmp.Compare(a.count, b.count), cmp.Compare(a.term, b.term)) })
	out := make([]string, 0, min(n, len(found)))
	var postings uint64
	for _, c := range found[:min(n, len(found))] {
		if postings += c.count; postings > lineageRarePostings && len(out) >= lineageMinRareWords {
			break
		}
		out = append(out, c.term)
	}
	return out, nil
}
