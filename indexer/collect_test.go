package indexer

import (
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
)

// TestCollectorChecksPassageIDs: the manifest keeps a document's id and
// passage count, from which updates rebuild the passage ids they delete,
// so a document whose passages are numbered otherwise is refused instead
// of leaving stale passages behind on its next change.
func TestCollectorChecksPassageIDs(t *testing.T) {
	doc := func(ids ...string) fileResult {
		d := &corpus.Document{ID: "A_RES_70_237.en"}
		for _, id := range ids {
			d.Passages = append(d.Passages, corpus.Passage{ID: id, Text: "Welcomes the report"})
		}
		key := strings.Join(ids, " ")
		return fileResult{file: corpusFile{rel: d.ID + ".txt", contentHash: key, key: key}, entry: cacheEntry{Document: d}}
	}
	c := newCollector(&Report{}, nil, nil, 2, nil)
	if err := c.add(doc("A_RES_70_237.en-p1", "A_RES_70_237.en-p2")); err != nil {
		t.Fatalf("passages numbered by PassageID: %v", err)
	}
	if len(c.kept) != 1 || c.kept[0].doc != "A_RES_70_237.en" || c.kept[0].passages != 2 {
		t.Errorf("kept %+v, want the document's id and 2 passages", c.kept)
	}
	c = newCollector(&Report{}, nil, nil, 2, nil)
	err := c.add(doc("A_RES_70_237.en-p1", "A_RES_70_237.en-p3"))
	if err == nil || !strings.Contains(err.Error(), `"A_RES_70_237.en-p3"`) {
		t.Errorf("a passage numbered out of order: %v, want an error naming it", err)
	}
}
