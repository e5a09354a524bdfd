package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
	"github.com/precedent/precedent/indexer"
)

// Bounds of lineage lookups.
const (
	MaxLineageMembers   = 500  // members of one answer
	MaxLineageText      = 5000 // bytes of pasted text
	lineageMinTextWords = 3
)

// Lineage is a language family: passages that carry the same or nearly
// the same wording, in date order.
type Lineage struct {
	Family  string          `json:"family,omitempty"` // family id; empty when the wording has no family
	Members []LineageMember `json:"members"`
}

// LineageMember is one passage of a family with what changed: DiffPrevious
// goes from the previous member to this one, DiffFirst from the earliest
// member to this one (both empty for the earliest).
type LineageMember struct {
	Passage      corpus.Passage `json:"passage"`
	Document     DocumentInfo   `json:"document"`
	Citation     string         `json:"citation"`
	Similarity   float64        `json:"similarity"` // to the queried passage or text, 0..1
	DiffPrevious []lineage.Op   `json:"diff_previous,omitempty"`
	DiffFirst    []lineage.Op   `json:"diff_first,omitempty"`
}

// Lineage returns the family of a passage in date order; a passage without
// family is its own only member. Unknown ids give ErrNotFound.
func (ix *Index) Lineage(ctx context.Context, passageID string) (*Lineage, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	origin, err := storedPassage(ctx, g.idx, passageID)
	if err != nil {
		return nil, err
	}
	members := []member{origin}
	family := origin.Passage.Family
	if family != "" {
		if members, err = storedPassages(ctx, g.idx, term(FieldFamily, family), MaxLineageMembers); err != nil {
			return nil, err
		}
	}
	return &Lineage{Family: family, Members: explain(members, lineage.Normalise(origin.Passage.Text))}, nil
}

// LineageOfText finds where pasted wording appears: passages with half of
// its rarest words are candidates (see textCandidates), lineage.MatchText
// keeps those that carry its wording (whole, or as a quoted part of a
// longer paragraph), and the answer is them and their families in date
// order.
func (ix *Index) LineageOfText(ctx context.Context, text string) (*Lineage, error) {
	if len(text) > MaxLineageText {
		return nil, &Error{Code: "too_large", Message: fmt.Sprintf("text is %d bytes long", len(text)),
			Hint: fmt.Sprintf("paste at most %d bytes: one paragraph", MaxLineageText)}
	}
	// Words as typed: Normalise joins a run of capitalised words into one
	// name, so a title of twenty words may be two of its words.
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < lineageMinTextWords {
		return nil, &Error{Code: "bad_query", Message: "the text is too short to trace",
			Hint: fmt.Sprintf("paste a sentence of at least %d words", lineageMinTextWords)}
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	cands, matches, err := textCandidates(ctx, g, text)
	if err != nil {
		return nil, err
	}
	l := &Lineage{Members: []LineageMember{}}
	if len(matches) == 0 {
		return l, nil
	}
	byID := make(map[string]member, len(cands))
	for _, c := range cands {
		byID[c.Passage.ID] = c
	}
	members, err := withFamilies(ctx, g.idx, matches, byID)
	if err != nil {
		return nil, err
	}
	l.Family = byID[matches[0].ID].Passage.Family
	l.Members = explain(members, words)
	return l, nil
}

// member is a stored passage with its document.
type member struct {
	Passage  corpus.Passage
	Document corpus.Document
}

// withFamilies returns the matched passages and every member of their
// families, each once.
func withFamilies(ctx context.Context, idx bleve.Index, matches []lineage.Match, byID map[string]member) ([]member, error) {
	seen := map[string]bool{}
	var out []member
	add := func(m member) {
		if !seen[m.Passage.ID] && len(out) < MaxLineageMembers {
			seen[m.Passage.ID] = true
			out = append(out, m)
		}
	}
	families := map[string]bool{}
	for _, mt := range matches {
		m := byID[mt.ID]
		add(m)
		if f := m.Passage.Family; f != "" && !families[f] {
			families[f] = true
			fam, err := storedPassages(ctx, idx, term(FieldFamily, f), MaxLineageMembers)
			if err != nil {
				return nil, err
			}
			for _, fm := range fam {
				add(fm)
			}
		}
	}
	return out, nil
}

// explain orders members by date (then id) and adds each one's similarity
// to the queried words and its diffs against the previous and first member.
func explain(members []member, queried []string) []LineageMember {
	slices.SortStableFunc(members, func(a, b member) int {
		return cmp.Or(cmp.Compare(a.Document.Date, b.Document.Date), cmp.Compare(a.Passage.ID, b.Passage.ID))
	})
	out := make([]LineageMember, len(members))
	for i, m := range members {
		out[i] = LineageMember{Passage: m.Passage, Document: documentInfo(m.Document), Citation: m.Passage.Citation,
			Similarity: lineage.Similarity(queried, lineage.Normalise(m.Passage.Text))}
		if i > 0 {
			out[i].DiffPrevious = lineage.Diff(members[i-1].Passage.Text, m.Passage.Text)
			out[i].DiffFirst = lineage.Diff(members[0].Passage.Text, m.Passage.Text)
		}
	}
	return out
}

// storedPassage returns the passage with id and its document, or
// ErrNotFound.
func storedPassage(ctx context.Context, idx bleve.Index, id string) (member, error) {
	found, err := storedPassages(ctx, idx, bleve.NewDocIDQuery([]string{id}), 1)
	if err != nil {
		return member{}, fmt.Errorf("passage %s: %w", id, err)
	}
	if len(found) == 0 {
		return member{}, ErrNotFound
	}
	return found[0], nil
}

// storedPassages returns up to size passages matching q (by relevance)
// with their documents.
func storedPassages(ctx context.Context, idx bleve.Index, q query.Query, size int) ([]member, error) {
	sr := bleve.NewSearchRequestOptions(q, size, 0, false)
	sr.Fields = []string{indexer.FieldPassage, indexer.FieldDocument}
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]member, 0, len(res.Hits))
	for _, dm := range res.Hits {
		p, d, err := decodeStored(dm)
		if err != nil {
			return nil, err
		}
		out = append(out, member{Passage: p, Document: d})
	}
	return out, nil
}
