package search

import (
	"fmt"
	"testing"

	"github.com/precedent/precedent/indexer"
)

// TestChunkSkip: in a segment where "the" spans several chunks, phrases
// of it and a rare word, whose few passages lie in different chunks, find
// what Bleve's phrase query finds, with the same scores and marked
// locations; and the skip is found on zap's iterators, so that a Bleve
// upgrade that renames zap's fields fails here instead of slowing phrases
// down unnoticed.
func TestChunkSkip(t *testing.T) {
	idx, m := scratchIndex(t)
	b := idx.NewBatch()
	for i := range 5000 {
		text := "the harbour of the north and the south"
		switch i % 700 {
		case 3:
			text = "the lighthouse of the north and the lighthouse of the south"
		case 350:
			text = "of the lighthouse the keepers"
		}
		if err := b.Index(fmt.Sprint(i), map[string]any{indexer.FieldText: text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(indexer.AnalyzerText)
	for _, text := range []string{"the lighthouse", "lighthouse of the", "of the lighthouse the", "the south"} {
		q := newPhrase(an, text).(*phraseQuery)
		want := markedHits(t, idx, q.bleve())
		if len(want) == 0 {
			t.Fatalf("%s: Bleve finds nothing, the case tests nothing", text)
		}
		compareMarkedHits(t, text, want, markedHits(t, idx, q))
	}

	r := snapshotOf(t, idx)
	dict, err := r.Segments()[0].Segment().Dictionary(indexer.FieldText)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := dict.PostingsList([]byte("the"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	skip := chunkSkipOf(pl.Iterator(true, true, true, nil))
	if skip.cursor == nil || skip.size == 0 || skip.size >= pl.Count() {
		t.Fatalf("no chunk skip on zap's iterator of %d postings (chunk size %d)", pl.Count(), skip.size)
	}
}
