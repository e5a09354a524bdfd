package search

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/load"
	"github.com/precedent/precedent/internal/testcorpus"
)

// handFamiliesFile holds the language families built by hand by reading the
// General Assembly resolutions (corpus/lineage's acceptance data).
const handFamiliesFile = "../corpus/lineage/testdata/families.json"

// handFamily is one family of handFamiliesFile: a member is an operative
// paragraph by number (Para) or a preambular one by its first words
// (Starts) of the document ga/<Doc>.json.
type handFamily struct {
	Name    string `json:"name"`
	Members []struct {
		Doc    string `json:"doc"`
		Para   string `json:"para"`
		Starts string `json:"starts"`
	} `json:"members"`
}

// handFirstMembers returns, per hand family, the first member's passage.
func handFirstMembers(t *testing.T) map[string]*corpus.Passage {
	t.Helper()
	root := testcorpus.Corpus(t)
	data, err := os.ReadFile(handFamiliesFile)
	if err != nil {
		t.Fatal(err)
	}
	var hf struct{ Families []handFamily }
	if err := json.Unmarshal(data, &hf); err != nil {
		t.Fatal(err)
	}
	out := map[string]*corpus.Passage{}
	for _, f := range hf.Families {
		m := f.Members[0]
		doc, err := load.File(root, "ga/"+m.Doc+".json", load.Options{})
		if err != nil {
			t.Fatalf("family %s: %v", f.Name, err)
		}
		i := slices.IndexFunc(doc.Passages, func(p corpus.Passage) bool {
			return m.Para != "" && p.Kind == corpus.KindOperative && p.Number == m.Para ||
				m.Starts != "" && p.Kind == corpus.KindPreambular && strings.HasPrefix(p.Text, m.Starts)
		})
		if i < 0 {
			t.Fatalf("family %s: no passage for %+v", f.Name, m)
		}
		out[f.Name] = &doc.Passages[i]
	}
	return out
}

// TestRealCorpusLineageOfEditedText pastes edited texts of the hand-built
// families' first members and checks that LineageOfText answers with the
// member's family (or, for a member without family, the member itself).
func TestRealCorpusLineageOfEditedText(t *testing.T) {
	ix := realIndex(t)
	ctx := context.Background()
	firsts := handFirstMembers(t)
	for _, e := range testcorpus.PasteEdits {
		t.Run(e.Name, func(t *testing.T) {
			for name, p := range firsts {
				own, err := ix.Lineage(ctx, p.ID)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				got, err := ix.LineageOfText(ctx, e.Edit(p.Text))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if got.Family != own.Family || !slices.Contains(memberIDs(got), p.ID) {
					t.Errorf("%s: family %q with %d members, want %q holding %s", name, got.Family, len(got.Members), own.Family, p.ID)
				}
			}
			t.Logf("%d families pasted", len(firsts))
		})
	}
}
