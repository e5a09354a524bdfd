package search

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestForms: a word expands to the indexed forms sharing its stem, the
// form typed first; a word with no other form stays alone.
func TestForms(t *testing.T) {
	ix := openFixture(t)
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	c := &compiler{idx: g.idx, shards: g.shards, formCache: g.forms}
	for word, want := range map[string][]string{
		"attack":      {"attack", "attacking", "attacks"},
		"attacks":     {"attacks", "attack", "attacking"},
		"hospitals":   {"hospitals"},
		"sovereignty": {"sovereignty"},
	} {
		got, err := c.forms(word)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("forms(%q) = %v, want %v", word, got, want)
		}
	}
}

// TestStemmedHighlight: every form a word matched is marked in snippets.
func TestStemmedHighlight(t *testing.T) {
	ix := openFixture(t)
	resp, err := ix.Search(context.Background(), Request{Query: "attack", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	marked := map[string]bool{}
	for _, h := range resp.Hits {
		for _, part := range strings.Split(h.Snippet, "<mark>")[1:] {
			marked[strings.ToLower(strings.SplitN(part, "</mark>", 2)[0])] = true
		}
	}
	for _, w := range []string{"attack", "attacks", "attacking"} {
		if !marked[w] {
			t.Errorf("%q not marked in the snippets (marked: %v)", w, marked)
		}
	}
}

// TestFrenchForms: a French word finds its other forms in the French
// Paris Call of the shared corpus (the index holds "acteurs" only).
func TestFrenchForms(t *testing.T) {
	ix := realIndex(t)
	resp, err := ix.Search(context.Background(), Request{Query: "acteur",
		Filters: map[string][]string{FieldLanguage: {"fr"}}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Total == 0 {
		t.Error("'acteur' finds no French passage")
	}
}
