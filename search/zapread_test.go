package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/precedent/precedent/indexer"
)

// TestWordReader: in a segment where "the" spans several chunks, phrases
// of it and a rare word, whose few passages lie in different chunks, find
// what Bleve's phrase query finds, with the same scores and marked
// locations; among the passages are deleted ones, whose postings the
// segment keeps, and long ones, whose positions, offsets and locations'
// sizes take varints of two and three bytes. And zap's postings lists are
// read by a wordReader, so that a Bleve upgrade that renames zap's fields
// fails here instead of sending phrases to Bleve's slower searcher
// unnoticed.
func TestWordReader(t *testing.T) {
	idx, m := scratchIndex(t)
	b := idx.NewBatch()
	long := strings.Repeat("the north and ", 2000) + "the lighthouse of the south"
	for i := range 5000 {
		text := "the harbour of the north and the south"
		switch i % 700 {
		case 3:
			text = "the lighthouse of the north and the lighthouse of the south"
		case 350:
			text = "of the lighthouse the keepers"
		case 500:
			text = long
		}
		if err := b.Index(fmt.Sprint(i), map[string]any{indexer.FieldText: text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"2", "4", "703", "1049", "1051", "1199", "1201"} { // around and among the phrases' passages
		if err := idx.Delete(id); err != nil {
			t.Fatal(err)
		}
	}
	an := m.AnalyzerNamed(indexer.AnalyzerText)
	for _, text := range []string{"the lighthouse", "lighthouse of the", "of the lighthouse the", "the south", "the lighthouse of the south"} {
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
	l, err := readWordList(pl)
	if err != nil {
		t.Fatalf("zap's postings list of %d postings is not read: %v", pl.Count(), err)
	}
	if len(l.freqs.ends) < 2 || len(l.freqs.ends) != len(l.locs.ends) {
		t.Fatalf("%d chunks of frequencies and %d of locations, want several of each", len(l.freqs.ends), len(l.locs.ends))
	}
}

// TestPhraseWithoutZapLayout: where zap's fields are not found, a phrase
// runs on Bleve's phrase searcher, scored and as a hit set, and finds what
// it finds.
func TestPhraseWithoutZapLayout(t *testing.T) {
	idx, m := scratchIndex(t)
	for i, text := range []string{"the harbour of the north", "the north of the harbour", "only the harbour"} {
		if err := idx.Index(fmt.Sprint(i), map[string]any{indexer.FieldText: text}); err != nil {
			t.Fatal(err)
		}
	}
	saved := zapLayout
	zapLayout.ok = false
	t.Cleanup(func() { zapLayout = saved })
	q := newPhrase(m.AnalyzerNamed(indexer.AnalyzerText), "the harbour").(*phraseQuery)
	r := snapshotOf(t, idx)
	if _, err := openPhrase(r, q.words); !errors.Is(err, errZapLayout) {
		t.Fatalf("openPhrase: %v, want errZapLayout", err)
	}
	want := markedHits(t, idx, q.bleve())
	if len(want) != 3 {
		t.Fatalf("Bleve finds %d passages, want 3", len(want))
	}
	compareMarkedHits(t, "the harbour", want, markedHits(t, idx, q))
	h := &hitSet{m: idx.Mapping(), r: r, snap: r}
	bm, err := h.eval(context.Background(), q)
	if err != nil || bm.GetCardinality() != 3 {
		t.Errorf("hit set: %v, %v; want 3 passages", bm, err)
	}
}
