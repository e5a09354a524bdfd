package lineage

import (
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
)

// TestMatchEditedMembers pastes edited texts of hand-built family members
// and checks that the band keys and MatchText still find the family:
// candidates are the passages sharing a band key. (The search index finds
// candidates by rare words instead; search's
// TestRealCorpusLineageOfEditedText pastes the same edits through it.)
func TestMatchEditedMembers(t *testing.T) {
	docs := sharedDocuments(t)
	items, byID := passageItems(docs)
	hand := handLabels(t, docs)
	index := map[string][]int{}
	for i, it := range items {
		for _, k := range Bands(Sign(it.Words)) {
			index[k] = append(index[k], i)
		}
	}
	for _, e := range testcorpus.PasteEdits {
		t.Run(e.Name, func(t *testing.T) {
			found, total := 0, 0
			for name, ids := range hand {
				member := map[string]bool{}
				for _, id := range ids {
					member[id] = true
				}
				text := e.Edit(byID[ids[0]].Text)
				matches := MatchText(text, candidates(text, items, index))
				total++
				if len(matches) > 0 && member[matches[0].ID] {
					found++
				} else {
					t.Logf("%s: best matches %v", name, matches)
				}
			}
			t.Logf("%d of %d families found", found, total)
			if found*100 < total*95 {
				t.Errorf("found %d of %d families, want >= 95%%", found, total)
			}
		})
	}
}

// candidates returns the items sharing a band key with text.
func candidates(text string, items []Item, index map[string][]int) []Item {
	seen := map[int]bool{}
	var out []Item
	for _, k := range Bands(Sign(Normalise(text))) {
		for _, i := range index[k] {
			if !seen[i] {
				seen[i] = true
				out = append(out, items[i])
			}
		}
	}
	return out
}
