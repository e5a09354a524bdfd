package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/precedent/precedent/indexer"
)

// maxFormScan bounds the indexed terms read per language to find the forms
// of one word.
const maxFormScan = 2000

// forms returns the indexed forms of word (one token of the text
// analyser) that share its stem in one of the UN languages, word first:
// "attack" finds "attacks", "attacked", "attacking" if the index has them.
// The index holds words as written; stemming happens here, once per word
// and generation (kept in the generation's forms cache): the terms that start like the
// word's stem in some language are read from every shard (one scan per
// prefix not covered by a shorter one) and kept when they stem the same in
// that language. Stop words of a language (its analyser drops them) have
// no other forms in it.
func (c *compiler) forms(word string) ([]string, error) {
	if cached, ok := c.formCache.get(word); ok {
		return cached.([]string), nil
	}
	stems := stemsOf(c.idx.Mapping(), word)
	found := []string{word}
	for _, p := range scanPrefixes(stems) {
		for _, s := range c.shards {
			terms, err := prefixTerms(s.idx, p, maxFormScan)
			if err != nil {
				return nil, fmt.Errorf("search: forms of %q: %w", word, err)
			}
			for _, t := range terms {
				if t != word && sameStem(stems, t) {
					found = append(found, t)
				}
			}
		}
	}
	slices.Sort(found[1:])
	found = append(found[:1], slices.Compact(found[1:])...)
	c.formCache.add(word, found, 64+16*len(found))
	return found, nil
}

// languageStem is a word's stem by one language's analyser, and what the
// word's forms in that language start with.
type languageStem struct {
	an     analysis.Analyzer
	stem   string
	prefix string
}

// stemsOf returns word's stem in every language whose analyser keeps it.
func stemsOf(m mapping.IndexMapping, word string) []languageStem {
	var stems []languageStem
	for _, lang := range indexer.Languages {
		name, ok := indexer.StemmingAnalyzers[lang]
		if !ok {
			continue
		}
		an := m.AnalyzerNamed(name)
		if stem, ok := stemOf(an, word); ok {
			stems = append(stems, languageStem{an: an, stem: stem, prefix: stemPrefix(stem)})
		}
	}
	return stems
}

// scanPrefixes are the distinct prefixes of stems, without those that a
// shorter one covers.
func scanPrefixes(stems []languageStem) []string {
	var ps []string
	for _, s := range stems {
		ps = append(ps, s.prefix)
	}
	slices.Sort(ps) // a prefix sorts right before the words it covers
	var out []string
	for _, p := range ps {
		if len(out) == 0 || !strings.HasPrefix(p, out[len(out)-1]) {
			out = append(out, p)
		}
	}
	return out
}

// sameStem reports whether term stems like the word in some language.
func sameStem(stems []languageStem, term string) bool {
	for _, s := range stems {
		if strings.HasPrefix(term, s.prefix) {
			if st, ok := stemOf(s.an, term); ok && st == s.stem {
				return true
			}
		}
	}
	return false
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
