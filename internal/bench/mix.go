package bench

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/tag"
	"github.com/precedent/precedent/search"
)

// Query classes of the mix.
const (
	ClassRare           = "word_rare"
	ClassCommon         = "word_common"
	ClassPhrase         = "phrase"
	ClassBoolean        = "boolean"
	ClassFilter         = "filter"
	ClassFacets         = "facets5"
	ClassBrowse         = "browse_facets5"
	ClassLineagePassage = "lineage_passage"
	ClassLineageText    = "lineage_text"
)

// Classes lists the query classes in report order.
var Classes = []string{ClassRare, ClassCommon, ClassPhrase, ClassBoolean, ClassFilter,
	ClassFacets, ClassBrowse, ClassLineagePassage, ClassLineageText}

// FiveFacets are the facets of the five-facet classes.
var FiveFacets = []string{search.FieldState, search.FieldTopic, search.FieldPrinciple, search.FieldBody, search.FieldYear}

// Query is one query of the mix, in Precedent's syntax and as the FTS5 peer
// asks it. Lineage classes use PassageID (lineage of a passage) or Pasted
// (lineage of pasted text); FTS5 answers both with Match, an OR of the
// text's words ranked by bm25.
type Query struct {
	Class     string              `json:"class"`
	Q         string              `json:"q,omitempty"`     // Precedent query syntax
	Match     string              `json:"match,omitempty"` // FTS5 MATCH expression; "" matches every passage
	Filters   map[string][]string `json:"filters,omitempty"`
	From      int                 `json:"from,omitempty"` // year, inclusive
	To        int                 `json:"to,omitempty"`
	Facets    []string            `json:"facets,omitempty"`
	PassageID string              `json:"passage_id,omitempty"`
	Pasted    string              `json:"pasted,omitempty"`
}

// Request returns the search request of a search-class query.
func (q Query) Request() search.Request {
	r := search.Request{Query: q.Q, Filters: q.Filters, Facets: q.Facets, Size: 20, FacetSize: 10}
	if q.From > 0 {
		r.From, r.To = fmt.Sprint(q.From), fmt.Sprint(q.To)
	}
	return r
}

// MixSize is the number of queries per class of a mix.
type MixSize int

// BuildMix derives the fixed query mix from the base corpus (copy 0, which
// every scaled corpus contains), deterministically from seed.
func BuildMix(base []corpus.Document, seed uint64, n MixSize) []Query {
	docs := make([]corpus.Document, len(base))
	for i := range base {
		docs[i] = base[i]
		docs[i].Passages = append([]corpus.Passage(nil), base[i].Passages...)
		tag.Document(&docs[i])
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	v := newVocabulary(docs)
	var mix []Query
	for _, w := range pick(rng, v.band(3, 10), int(n)) {
		mix = append(mix, Query{Class: ClassRare, Q: w, Match: quote(w)})
	}
	common := v.top(int(n) + 2)
	for _, w := range common[:min(int(n), len(common))] {
		mix = append(mix, Query{Class: ClassCommon, Q: w, Match: quote(w)})
	}
	mix = append(mix, phrases(rng, docs, int(n))...)
	mid := v.top(300)
	mix = append(mix, booleans(rng, mid[len(mid)/6:], int(n))...)
	mix = append(mix, filters(rng, docs, common, int(n))...)
	for _, w := range common[min(2, len(common)):] {
		mix = append(mix, Query{Class: ClassFacets, Q: w, Match: quote(w), Facets: FiveFacets})
	}
	mix = append(mix, Query{Class: ClassBrowse, Facets: FiveFacets})
	return append(mix, lineageQueries(rng, docs, int(n))...)
}

func quote(w string) string { return `"` + w + `"` }

// label names q in a report: its query with its filters, the passage
// whose lineage it asks, or the start of the pasted text.
func (q Query) label() string {
	switch {
	case q.PassageID != "":
		return q.PassageID
	case q.Pasted != "":
		if r := []rune(q.Pasted); len(r) > 40 {
			return string(r[:40]) + "…"
		}
		return q.Pasted
	}
	l := q.Q
	if l == "" {
		l = "*"
	}
	keys := make([]string, 0, len(q.Filters))
	for k := range q.Filters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l += fmt.Sprintf(" %s=%s", k, strings.Join(q.Filters[k], ","))
	}
	if q.From > 0 {
		l += fmt.Sprintf(" %d-%d", q.From, q.To)
	}
	return l
}

// letterWords returns the lower-cased words of text made of letters only,
// the tokens Precedent's analyser and FTS5's unicode61 agree on.
func letterWords(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

// vocabulary is the passage frequency of English words of 5+ letters.
type vocabulary map[string]int

func newVocabulary(docs []corpus.Document) vocabulary {
	v := vocabulary{}
	for _, d := range docs {
		if d.Language != "en" {
			continue
		}
		for _, p := range d.Passages {
			seen := map[string]bool{}
			for _, w := range letterWords(p.Text) {
				if len(w) >= 5 && !seen[w] {
					seen[w] = true
					v[w]++
				}
			}
		}
	}
	return v
}

// band returns the words with frequency in [lo, hi], sorted.
func (v vocabulary) band(lo, hi int) []string {
	var out []string
	for w, n := range v {
		if n >= lo && n <= hi {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// top returns the n most frequent words (ties by spelling).
func (v vocabulary) top(n int) []string {
	out := make([]string, 0, len(v))
	for w := range v {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if v[out[i]] != v[out[j]] {
			return v[out[i]] > v[out[j]]
		}
		return out[i] < out[j]
	})
	return out[:min(n, len(out))]
}

func pick(rng *rand.Rand, from []string, n int) []string {
	if len(from) == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for range n {
		out = append(out, from[rng.IntN(len(from))])
	}
	return out
}
