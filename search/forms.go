package search

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/precedent/precedent/indexer"
)

// maxFormScan bounds the indexed terms read per language to find the forms
// of one word.
const maxFormScan = 2000

// forms returns the indexed forms of word (one token of the text
// analyser) that share its stem in one of the UN languages, word first:
// "attack" finds "attacks", "attacked", "attacking" if the index has them.
// The index holds words as written; stemming happens here, once per word
// and generation (the answers are cached): for each language's stemming
// analyser, the terms that start like the word's stem are read from every
// shard and kept when they stem the same. Stop words of a language (its
// analyser drops them) have no other forms in it.
func (c *compiler) forms(word string) ([]string, error) {
	key := "forms:" + word
	if cached, ok := c.cache.get(key); ok {
		return cached.([]string), nil
	}
	m := c.idx.Mapping()
	found := []string{word}
	for _, lang := range indexer.Languages {
		name, ok := indexer.StemmingAnalyzers[lang]
		if !ok {
			continue
		}
		an := m.AnalyzerNamed(name)
		stem, ok := stemOf(an, word)
		if !ok {
			continue
		}
		for _, s := range c.shards {
			terms, err := prefixTerms(s.idx, stemPrefix(stem), maxFormScan)
			if err != nil {
				return nil, fmt.Errorf("search: forms of %q: %w", word, err)
			}
			for _, t := range terms {
				if st, ok := stemOf(an, t); ok && st == stem {
					found = append(found, t)
				}
			}
		}
	}
	slices.Sort(found[1:])
	found = append(found[:1], slices.DeleteFunc(slices.Compact(found[1:]), func(t string) bool { return t == word })...)
	c.cache.add(key, found, 64+16*len(found))
	return found, nil
}

// stemOf is the stem of word by an, when an keeps it as one token.
func stemOf(an analysis.Analyzer, word string) (string, bool) {
	toks := an.Analyze([]byte(word))
	if len(toks) != 1 {
		return "", false
	}
	return string(toks[0].Term), true
}

// stemPrefix is what the forms of a stem start with: the stem without its
// last letter ("happi" stems "happy"), at least three letters.
func stemPrefix(stem string) string {
	n := utf8.RuneCountInString(stem)
	if n <= 3 {
		return stem
	}
	_, size := utf8.DecodeLastRuneInString(stem)
	return stem[:len(stem)-size]
}
