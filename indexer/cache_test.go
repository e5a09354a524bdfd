package indexer

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/precedent/precedent/corpus"
)

// TestCacheRoundTrip: an entry reads back as it was put, every field of a
// tagged document included; a missing or corrupt entry is a miss.
func TestCacheRoundTrip(t *testing.T) {
	c, err := openCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ev := []corpus.Evidence{{Phrase: "due diligence", Start: 4, End: 17}}
	doc := &corpus.Document{
		ID: "a-70-174-en", Symbol: "A/70/174", Title: "Report", Body: "gge", Type: "report",
		Date: "2015-07-22", Session: "70", AgendaItem: "93", Language: "en", States: []string{"FRA"},
		Groups: []string{"EU"}, Sponsors: "France", OnBehalfOf: "the EU", Completeness: "full",
		Source: "un/a.txt", SourceURL: "https://undocs.org/A/70/174", ContentHash: "ab", Pages: 3,
		Passages: []corpus.Passage{{
			ID: "a-70-174-en-1", DocID: "a-70-174-en", Ordinal: 1, Number: "13 (f)", Kind: corpus.KindOperative,
			PageFrom: 2, PageTo: 3, Headings: []string{"III"}, Text: "The due diligence ...", Citation: "A/70/174, para. 13 (f)",
			Tags: corpus.Tags{Topics: []corpus.Tag{{ID: "norms", Evidence: ev}}, Norms: []corpus.Tag{{ID: "n13f"}},
				Principles: []corpus.Tag{{ID: "due_diligence", Evidence: ev}}, States: []string{"FRA"},
				Groups: []string{"EU"}, Mentions: []corpus.Tag{{ID: "USA", Evidence: ev}}},
			Family: "fam-1",
		}},
	}
	for key, e := range map[string]cacheEntry{"doc": {Document: doc}, "skip": {Skip: "not a UN document"}} {
		if err := c.put(key, e); err != nil {
			t.Fatal(err)
		}
		got, ok := c.get(key)
		if !ok || !reflect.DeepEqual(got, e) {
			t.Errorf("%s: got %+v, %v; want %+v", key, got, ok, e)
		}
	}
	if _, ok := c.get("absent"); ok {
		t.Error("an absent entry was found")
	}
	if err := os.WriteFile(filepath.Join(c.dir, "bad"+cacheSuffix), []byte("not snappy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.get("bad"); ok {
		t.Error("a corrupt entry was found")
	}
}

// TestPruneCache: pruning keeps the entries of the run's files and deletes
// the others and leftover temporary files, whatever the directory's size.
func TestPruneCache(t *testing.T) {
	data := t.TempDir()
	cache, err := openCache(data)
	if err != nil {
		t.Fatal(err)
	}
	run, err := newRunRecords(data)
	if err != nil {
		t.Fatal(err)
	}
	defer run.close()
	key := func(i int) string { return fmt.Sprintf("%x", sha256.Sum256(fmt.Append(nil, i))) } // as describeFile's
	const entries = 2500                                                                      // more than one slice of the directory
	for i := range entries {
		if err := cache.put(key(i), cacheEntry{Skip: "unsupported format"}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			if err := run.write(&fileRecord{Path: fmt.Sprintf("f%05d", i), Key: key(i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := run.finishWriting(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cache.dir, ".tmp-123"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := pruneCache(cache, run, entries, data); err != nil {
		t.Fatal(err)
	}
	for i := range entries {
		_, ok := cache.get(key(i))
		if ok != (i%2 == 0) {
			t.Fatalf("entry %d kept: %v, want %v", i, ok, i%2 == 0)
		}
	}
	if left, _ := os.ReadDir(cache.dir); len(left) != entries/2 {
		t.Errorf("%d files left in the cache, want %d", len(left), entries/2)
	}
}
