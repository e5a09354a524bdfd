package indexer

import (
	"fmt"
	"os"
	"testing"

	"github.com/precedent/precedent/corpus"
)

// TestKeptDocuments: the table finds every key it was given, under its own
// kind only, keeps the first file of a key, and holds three keys for each
// file it was sized for.
func TestKeptDocuments(t *testing.T) {
	const files = 1000
	dir := t.TempDir()
	k, err := newKeptDocuments(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	defer k.release()
	for f := range files {
		v := fmt.Sprint(f)
		k.add(byContent, "c"+v, f)
		k.add(bySymbol, "s"+v, f)
		k.add(byID, "i"+v, f)
	}
	k.add(byID, "i7", 999) // already there: the first file stays
	for f := range files {
		v := fmt.Sprint(f)
		for _, key := range [][2]string{{byContent, "c" + v}, {bySymbol, "s" + v}, {byID, "i" + v}} {
			if got, ok := k.find(key[0], key[1]); !ok || got != f {
				t.Fatalf("find %v = %d, %v; want %d", key, got, ok, f)
			}
		}
	}
	for _, key := range [][2]string{{byContent, "i7"}, {byID, "c7"}, {byID, "i1000"}, {bySymbol, ""}} {
		if got, ok := k.find(key[0], key[1]); ok {
			t.Errorf("find %v = %d, want nothing", key, got)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("the table's file is visible: %v", left)
	}
}

// TestCollectorFindsDuplicates: a document is a duplicate of the first one
// kept with its content, else its symbol and language, else its id; the
// report names that first file and the reason.
func TestCollectorFindsDuplicates(t *testing.T) {
	type file struct{ rel, content, symbol, lang, id string }
	files := []file{
		{"a.txt", "h1", "A/70/174", "en", "A_70_174.en"},
		{"b.txt", "h1", "", "en", "other"},                 // same content as a
		{"c.txt", "h2", "A/70/174", "en", "A_70_174.en.2"}, // same symbol and language as a
		{"d.txt", "h3", "A/70/174", "fr", "A_70_174.fr"},   // another language: kept
		{"e.txt", "h4", "", "fr", "A_70_174.fr"},           // same id as d
		{"f.txt", "h5", "", "en", "A_70_174.en.untitled"},  // kept
	}
	var rels []string
	for _, f := range files {
		rels = append(rels, f.rel)
	}
	run, err := newRunRecords(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer run.close()
	r := &Report{}
	c, err := newCollector(r, nil, run, nil, listingOf(t, rels...), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	for _, f := range files {
		doc := &corpus.Document{ID: f.id, Symbol: f.symbol, Language: f.lang}
		res := fileResult{file: corpusFile{rel: f.rel, contentHash: f.content, key: f.rel}, entry: cacheEntry{Document: doc}}
		if err := c.add(res); err != nil {
			t.Fatal(err)
		}
	}
	want := []Duplicate{
		{Path: "b.txt", DuplicateOf: "a.txt", Why: "same content"},
		{Path: "c.txt", DuplicateOf: "a.txt", Why: "same symbol and language"},
		{Path: "e.txt", DuplicateOf: "d.txt", Why: "same document id"},
	}
	if fmt.Sprint(r.Duplicates) != fmt.Sprint(want) || r.Indexed != 3 {
		t.Errorf("duplicates %+v and %d indexed, want %+v and 3", r.Duplicates, r.Indexed, want)
	}
	err = c.add(fileResult{file: corpusFile{rel: "g.txt"}})
	if err == nil {
		t.Error("a result beyond the listing was accepted")
	}
}
