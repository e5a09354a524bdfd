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
	c := testCollector(t)
	if err := c.add(doc("A_RES_70_237.en-p1", "A_RES_70_237.en-p2")); err != nil {
		t.Fatalf("passages numbered by PassageID: %v", err)
	}
	if err := c.finish(); err != nil {
		t.Fatal(err)
	}
	recs := runRecordsOf(t, c.records)
	if len(recs) != 1 || recs[0].Document != "A_RES_70_237.en" || recs[0].Passages != 2 {
		t.Errorf("records %+v, want the document's id and 2 passages", recs)
	}
	c = testCollector(t)
	err := c.add(doc("A_RES_70_237.en-p1", "A_RES_70_237.en-p3"))
	if err == nil || !strings.Contains(err.Error(), `"A_RES_70_237.en-p3"`) {
		t.Errorf("a passage numbered out of order: %v, want an error naming it", err)
	}
}

// testCollector is a collector without a live generation or a lineage.
func testCollector(t *testing.T) *collector {
	t.Helper()
	run, err := newRunRecords(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.close() })
	c, err := newCollector(&Report{}, nil, run, nil, listingOf(t, "A_RES_70_237.en.txt"), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.close() })
	return c
}

// runRecordsOf reads a run's records back.
func runRecordsOf(t *testing.T, run *runRecords) []fileRecord {
	t.Helper()
	next, err := run.reader(nil)
	if err != nil {
		t.Fatal(err)
	}
	var recs []fileRecord
	if err := join(nil, next, func(_, cur *fileRecord) error { recs = append(recs, *cur); return nil }); err != nil {
		t.Fatal(err)
	}
	return recs
}

// manifestRecords reads the manifest of a generation directory.
func manifestRecords(t *testing.T, dir string) []fileRecord {
	t.Helper()
	r, closeFile, err := openManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer closeFile()
	var recs []fileRecord
	if err := join(r, nil, func(old, _ *fileRecord) error { recs = append(recs, *old); return nil }); err != nil {
		t.Fatal(err)
	}
	return recs
}
