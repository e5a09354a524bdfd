package lineage

import (
	"strings"
	"testing"
)

// edits are the changes a diplomat's pasted text may carry.
var edits = []struct {
	name string
	edit func(string) string
}{
	{"word changed", func(s string) string {
		w := strings.Fields(s)
		w[len(w)/2] = "notably"
		return strings.Join(w, " ")
	}},
	{"clause dropped", func(s string) string {
		first := strings.Index(s, ",")
		second := strings.Index(s[first+1:], ",")
		if first < 0 || second < 0 {
			return s
		}
		return s[:first] + s[first+1+second:]
	}},
	{"line breaks and quotes", func(s string) string {
		w := strings.Fields(strings.NewReplacer("\u201c", "\"", "\u201d", "\"", "'", "\u2019").Replace(s))
		for i := 6; i < len(w); i += 7 {
			w[i] += "\n"
		}
		return strings.Join(w, " ")
	}},
	{"one sentence of the paragraph", func(s string) string {
		w := strings.Fields(s)
		return strings.Join(w[:max(len(w)*2/3, 8)], " ")
	}},
}

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
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			found, total := 0, 0
			for name, ids := range hand {
				member := map[string]bool{}
				for _, id := range ids {
					member[id] = true
				}
				text := e.edit(byID[ids[0]].Text)
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
