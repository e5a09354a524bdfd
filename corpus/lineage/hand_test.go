package lineage

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/precedent/precedent/corpus"
)

// handFamilies is testdata/families.json: families built by reading.
type handFamilies struct {
	Families []struct {
		Name    string       `json:"name"`
		Members []handMember `json:"members"`
	} `json:"families"`
}

type handMember struct {
	Doc    string `json:"doc"`    // file name in ga/ without .json
	Para   string `json:"para"`   // operative paragraph number
	Starts string `json:"starts"` // first words of a preambular paragraph
}

// handLabels resolves the hand-built families to passage ids.
func handLabels(t *testing.T, docs []*corpus.Document) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("testdata/families.json")
	if err != nil {
		t.Fatal(err)
	}
	var hf handFamilies
	if err := json.Unmarshal(data, &hf); err != nil {
		t.Fatal(err)
	}
	bySource := map[string]*corpus.Document{}
	for _, d := range docs {
		bySource[d.Source] = d
	}
	out := map[string][]string{}
	for _, f := range hf.Families {
		for _, m := range f.Members {
			d := bySource["ga/"+m.Doc+".json"]
			if d == nil {
				t.Fatalf("family %s: no document %s", f.Name, m.Doc)
			}
			p, ok := resolve(d, m)
			if !ok {
				t.Fatalf("family %s: %+v does not point at exactly one passage", f.Name, m)
			}
			out[f.Name] = append(out[f.Name], p.ID)
		}
	}
	return out
}

// TestHandFamilies is the acceptance test of issue 5: lineage over every
// passage of the shared corpus must put each hand-built family's members
// in one family, and nothing else with them.
func TestHandFamilies(t *testing.T) {
	docs := sharedDocuments(t)
	items, byID := passageItems(docs)
	got := Families(items)
	hand := handLabels(t, docs)
	members := map[string][]string{} // predicted family -> passages
	for id, f := range got {
		members[f] = append(members[f], id)
	}
	truth := map[string]string{} // passage -> hand family
	for name, ids := range hand {
		for _, id := range ids {
			truth[id] = name
		}
	}
	var tp, predPairs, truePairs int
	for name, ids := range hand {
		fam, hits := dominant(ids, got)
		size := len(members[fam])
		t.Logf("%-28s members %2d  found %2d  family size %2d  P %.2f  R %.2f", name, len(ids), hits, size,
			ratio(hits, size), ratio(hits, len(ids)))
		truePairs += len(ids) * (len(ids) - 1) / 2
		for _, id := range members[fam] {
			if truth[id] != name {
				t.Logf("    not a member: %s %.70q", id, byID[id].Text)
			}
		}
		for _, id := range ids {
			if got[id] != fam {
				t.Logf("    missed: %s %.70q", id, byID[id].Text)
			}
		}
	}
	for _, ids := range members {
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				if truth[a] == "" && truth[b] == "" {
					continue
				}
				predPairs++
				if truth[a] != "" && truth[a] == truth[b] {
					tp++
				}
			}
		}
	}
	p, r := ratio(tp, predPairs), ratio(tp, truePairs)
	t.Logf("pairs: precision %.3f (%d/%d), recall %.3f (%d/%d)", p, tp, predPairs, r, tp, truePairs)
	if p < 0.95 || r < 0.95 {
		t.Errorf("pairwise precision %.3f, recall %.3f; want both >= 0.95", p, r)
	}
}

// dominant returns the predicted family most members of ids share and how
// many of them are in it.
func dominant(ids []string, got map[string]string) (string, int) {
	count := map[string]int{}
	best, n := "", 0
	for _, id := range ids {
		if f := got[id]; f != "" {
			count[f]++
			if count[f] > n {
				best, n = f, count[f]
			}
		}
	}
	return best, n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
