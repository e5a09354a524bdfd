package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

func TestDocumentAndPassage(t *testing.T) {
	ix := openFixture(t)
	ctx := context.Background()
	docID := corpus.DocumentID("X/2/2", "en", "")
	doc, err := ix.Document(ctx, docID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Symbol != "X/2/2" || len(doc.Passages) != 3 {
		t.Fatalf("document %s with %d passages", doc.Symbol, len(doc.Passages))
	}
	for i, p := range doc.Passages {
		if p.Ordinal != i+1 {
			t.Errorf("passage %d has ordinal %d", i, p.Ordinal)
		}
	}
	tests := []struct {
		ordinal    int
		prev, next string
	}{
		{1, "", pid("X/2/2", 2)},
		{2, pid("X/2/2", 1), pid("X/2/2", 3)},
		{3, pid("X/2/2", 2), ""},
	}
	for _, tt := range tests {
		v, err := ix.Passage(ctx, pid("X/2/2", tt.ordinal))
		if err != nil {
			t.Fatal(err)
		}
		if v.Previous != tt.prev || v.Next != tt.next || v.Document.ID != docID {
			t.Errorf("passage %d: prev %q next %q doc %q", tt.ordinal, v.Previous, v.Next, v.Document.ID)
		}
	}
	if _, err := ix.Document(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
	if _, err := ix.Passage(ctx, "nope-p1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown passage: %v", err)
	}
}

func TestFacetValues(t *testing.T) {
	ix := openFixture(t)
	f, err := ix.FacetValues(context.Background(), FieldState)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Terms) != 8 || f.Total != 19 {
		t.Errorf("state values: %d terms, total %d", len(f.Terms), f.Total)
	}
	if _, err := ix.FacetValues(context.Background(), "colour"); err == nil {
		t.Error("unknown field accepted")
	}
}

func TestUnitDocument(t *testing.T) {
	ix := openFixture(t)
	req := Request{Query: "building OR states OR sovereignty", Unit: UnitDocument, Size: 2}
	seen := map[string]bool{}
	var total uint64
	for {
		resp, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		total = resp.Total
		for _, h := range resp.Hits {
			if seen[h.ID] || len(h.Passages) == 0 || h.Passages[0].DocID != h.ID {
				t.Errorf("document hit %s: repeated or without its passages", h.ID)
			}
			seen[h.ID] = true
		}
		if resp.NextCursor == "" {
			break
		}
		req.Cursor = resp.NextCursor
	}
	if total != 5 || len(seen) != 5 {
		t.Errorf("total %d, pages hold %d documents; want 5", total, len(seen))
	}
}

// TestGenerationSwitch: a new generation named in CURRENT is picked up
// without reopening, and searches keep working across the switch.
func TestGenerationSwitch(t *testing.T) {
	data := buildFixtureIndex(t)
	ix, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	first := ix.Generation()
	// A second data directory's generation, moved in as gen-99.
	other := buildFixtureIndex(t)
	src, err := indexer.CurrentGeneration(other)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(indexer.IndexDir(data), "gen-99")
	if err := os.Rename(src, dst); err != nil {
		t.Fatal(err)
	}
	held, err := ix.acquire() // a search in flight on the old generation
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(indexer.IndexDir(data), "CURRENT"), []byte("gen-99\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ix.reload(); err != nil {
		t.Fatal(err)
	}
	if ix.Generation() != dst || first == dst {
		t.Fatalf("generation %s, want %s", ix.Generation(), dst)
	}
	if _, err := held.idx.DocCount(); err != nil {
		t.Errorf("old generation closed under an in-flight search: %v", err)
	}
	held.release()
	if _, err := held.idx.DocCount(); err == nil {
		t.Error("old generation still open after its last search")
	}
	resp, err := ix.Search(context.Background(), Request{Query: "*"})
	if err != nil || resp.Total != 19 {
		t.Fatalf("search after switch: %v", err)
	}
}
