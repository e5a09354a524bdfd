package lineage

import (
	"cmp"
	"slices"
)

// Trace answers "where did this wording first appear, and where is it
// now?" over items without an index: the items that carry text's wording
// (MatchText over those sharing an LSH band key with it) and the other
// members of their families (Families), in date order, each with its
// Similarity to text. The search package answers the same question from
// the index.
func Trace(text string, items []Item) []Match {
	words := Normalise(text)
	keys := map[string]bool{}
	for _, k := range Bands(Sign(words)) {
		keys[k] = true
	}
	var cands []Item
	for _, it := range items {
		for _, k := range Bands(Sign(it.Words)) {
			if keys[k] {
				cands = append(cands, it)
				break
			}
		}
	}
	matches := MatchText(text, cands)
	if len(matches) == 0 {
		return nil
	}
	families := Families(items)
	wanted, seen := map[string]bool{}, map[string]bool{}
	for _, m := range matches {
		seen[m.ID] = true
		if f := families[m.ID]; f != "" {
			wanted[f] = true
		}
	}
	var l lcs[string]
	for _, it := range items {
		if !seen[it.ID] && wanted[families[it.ID]] {
			n := l.common(words, it.Words)
			matches = append(matches, Match{ID: it.ID, Date: it.Date,
				Similarity:  2 * float64(n) / float64(len(words)+len(it.Words)),
				Containment: float64(n) / float64(len(words))})
		}
	}
	slices.SortStableFunc(matches, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	return matches
}
