package lineage

import (
	"cmp"
	"slices"
)

// Match thresholds for text that need not be in the corpus.
const (
	// MatchThreshold is the Similarity pasted text needs with a passage.
	MatchThreshold = 0.6
	// ContainThreshold is the share of the pasted text's words a longer
	// passage must carry in order, for a quoted sentence to match the
	// paragraph it comes from.
	ContainThreshold = 0.85
)

// Match is one passage whose wording pasted text shares.
type Match struct {
	ID          string  `json:"id"`
	Date        string  `json:"date,omitempty"`
	Similarity  float64 `json:"similarity"`  // see Similarity
	Containment float64 `json:"containment"` // share of the text's words found, in order, in the passage
}

// MatchText compares text with candidate passages (the search index finds
// them by the text's rarest words; sharing a band key, see Bands, also
// serves) and returns those that carry its wording, most similar first,
// ties by date. Text of fewer than MinWords
// words matches only by Similarity.
func MatchText(text string, candidates []Item) []Match {
	words := Normalise(text)
	if len(words) == 0 {
		return nil
	}
	var out []Match
	var l lcs[string]
	for _, c := range candidates {
		n := l.common(words, c.Words)
		m := Match{ID: c.ID, Date: c.Date,
			Similarity:  2 * float64(n) / float64(len(words)+len(c.Words)),
			Containment: float64(n) / float64(len(words))}
		contained := len(words) >= MinWords && m.Containment >= ContainThreshold
		if m.Similarity >= MatchThreshold || contained {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Similarity, a.Similarity), cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	return out
}
