package bench

import (
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/search"
)

// englishPassages returns the English passages with at least minWords words.
func englishPassages(docs []corpus.Document, minWords int) []corpus.Passage {
	var out []corpus.Passage
	for _, d := range docs {
		if d.Language != "en" {
			continue
		}
		for _, p := range d.Passages {
			if len(strings.Fields(p.Text)) >= minWords {
				out = append(out, p)
			}
		}
	}
	return out
}

// phrases returns n three-word phrases of consecutive letter-only words.
func phrases(rng *rand.Rand, docs []corpus.Document, n int) []Query {
	ps := englishPassages(docs, 12)
	var mix []Query
	for try := 0; len(mix) < n && try < 100*n && len(ps) > 0; try++ {
		f := strings.Fields(ps[rng.IntN(len(ps))].Text)
		i := rng.IntN(len(f) - 3)
		w := letterWords(strings.Join(f[i:i+3], " "))
		if len(w) != 3 {
			continue
		}
		ph := `"` + strings.Join(w, " ") + `"`
		mix = append(mix, Query{Class: ClassPhrase, Q: ph, Match: ph})
	}
	return mix
}

// booleans returns n queries cycling AND, OR and NOT over mid-frequency words.
func booleans(rng *rand.Rand, words []string, n int) []Query {
	var mix []Query
	if len(words) == 0 {
		return nil
	}
	for i := range n {
		a, b := words[rng.IntN(len(words))], words[rng.IntN(len(words))]
		q := Query{Class: ClassBoolean}
		switch i % 3 {
		case 0:
			q.Q, q.Match = a+" AND "+b, quote(a)+" AND "+quote(b)
		case 1:
			q.Q, q.Match = a+" OR "+b, quote(a)+" OR "+quote(b)
		default:
			q.Q, q.Match = a+" -"+b, quote(a)+" NOT "+quote(b)
		}
		mix = append(mix, q)
	}
	return mix
}

// filters returns n common-word queries filtered by an author state, a
// principle, or a year range, in turn.
func filters(rng *rand.Rand, docs []corpus.Document, common []string, n int) []Query {
	states, principles, years := facetValues(docs)
	var mix []Query
	if len(common) == 0 || len(states) == 0 || len(principles) == 0 || len(years) == 0 {
		return nil
	}
	for i := range n {
		w := common[rng.IntN(len(common))]
		q := Query{Class: ClassFilter, Q: w, Match: quote(w)}
		switch i % 3 {
		case 0:
			q.Filters = map[string][]string{search.FieldState: {states[rng.IntN(len(states))]}}
		case 1:
			q.Filters = map[string][]string{search.FieldPrinciple: {principles[rng.IntN(len(principles))]}}
		default:
			q.From = years[rng.IntN(len(years))]
			q.To = q.From + 5
		}
		mix = append(mix, q)
	}
	return mix
}

// facetValues returns the author states, principles and years present in
// the tagged documents, sorted.
func facetValues(docs []corpus.Document) (states, principles []string, years []int) {
	st, pr, yr := map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, d := range docs {
		if y := d.Year(); y > 0 {
			yr[y] = true
		}
		for _, p := range d.Passages {
			for _, s := range p.Tags.States {
				st[s] = true
			}
			for _, t := range p.Tags.Principles {
				pr[t.ID] = true
			}
		}
	}
	for s := range st {
		states = append(states, s)
	}
	for p := range pr {
		principles = append(principles, p)
	}
	for y := range yr {
		years = append(years, y)
	}
	sort.Strings(states)
	sort.Strings(principles)
	sort.Ints(years)
	return states, principles, years
}

// lineageQueries returns n lineage lookups of passages and n of pasted
// text (a passage with a word or two changed).
func lineageQueries(rng *rand.Rand, docs []corpus.Document, n int) []Query {
	ps := englishPassages(docs, 20)
	var mix []Query
	if len(ps) == 0 {
		return nil
	}
	for range n {
		p := ps[rng.IntN(len(ps))]
		mix = append(mix, Query{Class: ClassLineagePassage, PassageID: p.ID, Match: orMatch(p.Text)})
	}
	for range n {
		text := perturb(rng, ps[rng.IntN(len(ps))].Text)
		mix = append(mix, Query{Class: ClassLineageText, Pasted: text, Match: orMatch(text)})
	}
	return mix
}

// orMatch is the FTS5 way to look for passages like text: an OR of its
// distinct words of 3+ letters (at most 32), ranked by bm25.
func orMatch(text string) string {
	seen := map[string]bool{}
	var terms []string
	for _, w := range letterWords(text) {
		if len(w) >= 3 && !seen[w] && len(terms) < 32 {
			seen[w] = true
			terms = append(terms, quote(w))
		}
	}
	return strings.Join(terms, " OR ")
}
