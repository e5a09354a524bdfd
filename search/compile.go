package search

import (
	"fmt"
	"slices"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/indexer"
)

// MaxPrefixExpansion bounds the terms a prefix* expands to.
const MaxPrefixExpansion = 200

// compiler turns a parsed query into a Bleve query over one generation.
type compiler struct {
	idx       bleve.Index // every shard: for the mapping
	shards    []*shard
	formCache *answerCache // the generation's forms of words
}

// compile returns the Bleve query of n; nil means n matches nothing useful
// (a "word" of punctuation only) and is left out of its parent.
func (c *compiler) compile(n node) (query.Query, error) {
	switch n := n.(type) {
	case matchAllNode:
		return bleve.NewMatchAllQuery(), nil
	case phraseNode:
		return newPhrase(c.textAnalyzer(), n.Text), nil
	case fieldNode:
		return filterQuery(n.Field, []string{n.Value})
	case wordNode:
		return c.word(n)
	case boolNode:
		return c.boolean(n)
	}
	return nil, fmt.Errorf("search: unknown query node %T", n)
}

// word matches a word in all its forms (see forms), the form typed
// counting a little more; a "word" the text analyser splits (A/70/174)
// matches as a phrase, so that its parts stay together.
func (c *compiler) word(n wordNode) (query.Query, error) {
	if !hasLetterOrDigit(n.Text) {
		return nil, nil
	}
	switch {
	case n.Prefix:
		return c.prefix(n.Text)
	case n.Fuzzy > 0:
		q := bleve.NewFuzzyQuery(n.Text)
		q.SetField(indexer.FieldText)
		q.SetFuzziness(n.Fuzzy)
		return q, nil
	}
	an := c.textAnalyzer()
	toks := an.Analyze([]byte(n.Text))
	if len(toks) != 1 {
		return newPhrase(an, n.Text), nil
	}
	forms, err := c.forms(string(toks[0].Term))
	if err != nil {
		return nil, err
	}
	if len(forms) == 1 {
		return term(indexer.FieldText, forms[0]), nil
	}
	return &formsQuery{forms: forms}, nil
}

func (c *compiler) textAnalyzer() analysis.Analyzer {
	return c.idx.Mapping().AnalyzerNamed(indexer.AnalyzerText)
}

// prefix expands pre* against the terms of the text field, at most
// MaxPrefixExpansion of them (the first in order, over every shard), so a
// short prefix cannot blow up a search.
func (c *compiler) prefix(p string) (query.Query, error) {
	var words []string
	for _, s := range c.shards {
		found, err := prefixTerms(s.idx, p, MaxPrefixExpansion)
		if err != nil {
			return nil, fmt.Errorf("search: expanding %s*: %w", p, err)
		}
		words = append(words, found...)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	if len(words) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	terms := make([]query.Query, 0, min(len(words), MaxPrefixExpansion))
	for _, w := range words[:min(len(words), MaxPrefixExpansion)] {
		terms = append(terms, term(indexer.FieldText, w))
	}
	return bleve.NewDisjunctionQuery(terms...), nil
}

// prefixTerms returns the first max terms of the text field of idx that
// start with p.
func prefixTerms(idx bleve.Index, p string, max int) ([]string, error) {
	dict, err := idx.FieldDictPrefix(indexer.FieldText, []byte(p))
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var words []string
	for len(words) < max {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		words = append(words, e.Term)
	}
	return words, nil
}

func (c *compiler) boolean(n boolNode) (query.Query, error) {
	must, err := c.compileAll(n.Must)
	if err != nil {
		return nil, err
	}
	should, err := c.compileAll(n.Should)
	if err != nil {
		return nil, err
	}
	mustNot, err := c.compileAll(n.MustNot)
	if err != nil {
		return nil, err
	}
	if len(must)+len(should)+len(mustNot) == 0 {
		return nil, nil
	}
	if len(mustNot) == 0 {
		switch {
		case len(must) == 1 && len(should) == 0:
			return must[0], nil
		case len(should) > 0 && len(must) == 0:
			return bleve.NewDisjunctionQuery(should...), nil
		}
	}
	b := bleve.NewBooleanQuery()
	if len(must) == 0 && len(should) == 0 {
		must = []query.Query{bleve.NewMatchAllQuery()} // NOT x alone: everything but x
	}
	if len(must) > 0 {
		b.AddMust(must...)
	}
	if len(should) > 0 {
		b.AddShould(should...)
	}
	if len(mustNot) > 0 {
		b.AddMustNot(mustNot...)
	}
	return b, nil
}

func (c *compiler) compileAll(ns []node) ([]query.Query, error) {
	var qs []query.Query
	for _, n := range ns {
		q, err := c.compile(n)
		if err != nil {
			return nil, err
		}
		if q != nil {
			qs = append(qs, q)
		}
	}
	return qs, nil
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
