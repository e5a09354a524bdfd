package indexer

import (
	"fmt"
	"slices"
	"testing"
)

// TestCorpusLineage: passages added in several chunks (signed by the
// lineage's own goroutine) all reach Families; Close without Families
// stops the signer and releases the store.
func TestCorpusLineage(t *testing.T) {
	const n = 2*lineageChunk + 7 // two full chunks and a pending one
	text := "States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs"
	add := func(l *corpusLineage) {
		for i := range n {
			l.Add(fmt.Sprintf("doc-%d-1", i), fmt.Sprintf("%d", 2000+i%20), text)
		}
	}
	l := newCorpusLineage(t.TempDir())
	add(l)
	fams, err := l.Families()
	if err != nil {
		t.Fatal(err)
	}
	defer fams.Close()
	if len(fams.Number) != n || len(fams.IDs) != 1 || slices.Contains(fams.Number, 0) {
		t.Errorf("%d families for %d identical passages, all in one: %v", len(fams.Number), n, fams)
	}
	if err := l.Close(); err != nil {
		t.Errorf("Close after Families: %v", err)
	}

	l = newCorpusLineage(t.TempDir())
	add(l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if l.queue != nil || l.store != nil {
		t.Error("Close left the signer or the store open")
	}
}
