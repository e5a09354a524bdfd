package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/precedent/precedent/indexer"
)

// TestPhraseAgreesWithBleve: on the shared corpus, phraseQuery finds the
// passages Bleve's phrase query finds, with the same scores and marked
// locations, alone and under a filter (which advances the searcher), and
// the hit set's bitmap of a phrase is Bleve's too.
func TestPhraseAgreesWithBleve(t *testing.T) {
	ix := realIndex(t)
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	phrases := append(slices.Clone(phraseQueries), corpusPhrases(t, ix)...)
	filter, err := filterQuery(FieldBody, []string{"GA", "national"})
	if err != nil {
		t.Fatal(err)
	}
	an := g.idx.Mapping().AnalyzerNamed(indexer.AnalyzerText)
	for _, ph := range phrases {
		text := strings.Trim(ph, `"`)
		ours, ok := newPhrase(an, text).(*phraseQuery)
		if !ok {
			t.Fatalf("%s: not run as a phraseQuery", ph)
		}
		found := 0
		for i, s := range g.shards {
			name := fmt.Sprintf("%s in shard %d", ph, i)
			theirs := ours.bleve()
			want := markedHits(t, s.idx, theirs)
			found += len(want)
			compareMarkedHits(t, name, want, markedHits(t, s.idx, ours))
			compareMarkedHits(t, name+" filtered", markedHits(t, s.idx, bleve.NewConjunctionQuery(theirs, filter)),
				markedHits(t, s.idx, bleve.NewConjunctionQuery(ours, filter)))
			compareHitSets(t, name, s, ours, theirs)
		}
		if found == 0 {
			t.Errorf("%s: no hit, the case tests nothing", ph)
		}
	}
}

// corpusPhrases are windows of two to six words of passages of the
// shared corpus, among them some with a word twice ("the ... of the").
func corpusPhrases(t *testing.T, ix *Index) []string {
	var out []string
	repeated := 0
	for _, q := range plainQueries {
		res, err := ix.Search(context.Background(), Request{Query: q, Size: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			words := strings.Fields(h.Passage.Text)
			for n := 2; n <= 6 && n < len(words); n += 2 {
				out = append(out, strings.Join(words[1:1+n], " "))
			}
			for i := 0; i+5 < len(words) && repeated < 10; i++ {
				w := strings.ToLower(strings.Join(words[i:i+5], " "))
				if f := strings.Fields(w); len(f) == 5 && slices.Contains(f[1:], f[0]) {
					out, repeated = append(out, w), repeated+1
				}
			}
		}
	}
	if repeated == 0 {
		t.Fatal("no phrase with a repeated word in the corpus's hits")
	}
	return out
}

// markedHit is what a search tells of a hit: its score and the positions
// of each word marked.
type markedHit struct {
	score     float64
	positions map[string][]uint64
}

func markedHits(t *testing.T, idx bleve.Index, q query.Query) map[string]markedHit {
	t.Helper()
	sr := bleve.NewSearchRequestOptions(q, 100000, 0, false)
	sr.IncludeLocations = true
	res, err := idx.Search(sr)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]markedHit{}
	for _, h := range res.Hits {
		ph := markedHit{score: h.Score, positions: map[string][]uint64{}}
		for term, locs := range h.Locations[indexer.FieldText] {
			for _, l := range locs {
				ph.positions[term] = append(ph.positions[term], l.Pos)
			}
			slices.Sort(ph.positions[term])
		}
		out[h.ID] = ph
	}
	return out
}

func compareMarkedHits(t *testing.T, name string, want, got map[string]markedHit) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d hits, Bleve %d", name, len(got), len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		switch {
		case !ok:
			t.Errorf("%s: %s missing", name, id)
		case math.Abs(g.score-w.score) > 1e-9*w.score:
			t.Errorf("%s: %s scores %v, Bleve %v", name, id, g.score, w.score)
		case fmt.Sprint(g.positions) != fmt.Sprint(w.positions):
			t.Errorf("%s: %s marks %v, Bleve %v", name, id, g.positions, w.positions)
		}
	}
}

// compareHitSets checks that the hit set of ours is Bleve's of theirs.
func compareHitSets(t *testing.T, name string, s *shard, ours, theirs query.Query) {
	t.Helper()
	h, err := s.hitSet()
	if err != nil {
		t.Fatal(err)
	}
	defer h.close()
	ctx := context.Background()
	want, err := h.search(ctx, theirs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := h.eval(ctx, ours)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equals(want) {
		t.Errorf("%s: hit set of %d passages, Bleve's %d", name, got.GetCardinality(), want.GetCardinality())
	}
}

// TestSearchersOverSegments runs a phrase and a word's forms over an
// index of three segments with a deleted passage, and advances their
// searchers forwards and back.
func TestSearchersOverSegments(t *testing.T) {
	idx, m := scratchIndex(t)
	texts := []string{
		"the lighthouse keepers meet at the harbour of the north",
		"no keepers here, only the harbour",
		"keepers of the harbour of the north and of the south",
		"the harbour of the north is closed",
	}
	for seg := range 3 {
		b := idx.NewBatch()
		for i, text := range texts {
			if err := b.Index(fmt.Sprintf("s%d-p%d", seg, i), map[string]any{indexer.FieldText: text}); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Delete("s1-p3"); err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(indexer.AnalyzerText)
	q := newPhrase(an, "harbour of the north").(*phraseQuery)
	want := markedHits(t, idx, q.bleve())
	if len(want) != 8 {
		t.Fatalf("Bleve finds %d passages, want 8", len(want))
	}
	compareMarkedHits(t, "harbour of the north", want, markedHits(t, idx, q))
	checkAdvance(t, idx, q)
	forms := &formsQuery{forms: []string{"keepers", "harbour", "lighthouse"}}
	if want := markedHits(t, idx, forms.bleve()); len(want) != 11 {
		t.Errorf("Bleve finds %d passages with the forms, want 11", len(want))
	}
	compareMarkedHits(t, "forms", markedHits(t, idx, forms.bleve()), markedHits(t, idx, forms))
	checkAdvance(t, idx, forms)
}

// checkAdvance advances q's searcher to every hit in turn and then back
// and forth between the first two: each time it lands on the hit asked for.
func checkAdvance(t *testing.T, idx bleve.Index, q query.Query) {
	r := snapshotOf(t, idx)
	h := &hitSet{m: idx.Mapping(), r: r, snap: r}
	bm, err := h.eval(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	s, err := q.Searcher(context.Background(), r, idx.Mapping(), bsearch.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(10, 0)}
	hits := bm.ToArray()
	for _, n := range append(hits, hits[0], hits[1], hits[0]) { // back across segments, then within one
		dm, err := s.Advance(sctx, index.NewIndexInternalID(nil, uint64(n)))
		if err != nil || dm == nil || dm.IndexInternalID.Value() != uint64(n) {
			t.Fatalf("advance to %d: %v, %v", n, dm, err)
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	if dm, err := s.Advance(sctx, index.NewIndexInternalID(nil, uint64(hits[len(hits)-1]+1))); dm != nil || err != nil {
		t.Errorf("advance past the last hit: %v, %v", dm, err)
	}
}

// TestPhraseLeavesEmptyPostingsAlone: a phrase with a word missing from a
// segment finds nothing there and leaves that word's iterator alone. The
// segment format shares one iterator among all empty postings lists; the
// searcher once narrowed it to its candidates, a race between searches.
func TestPhraseLeavesEmptyPostingsAlone(t *testing.T) {
	m, err := indexer.NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	// Two segments: the first passage is persisted (the index closed) before
	// the second is indexed, or the persister may merge both into one.
	dir := t.TempDir()
	idx, err := bleve.New(dir, m)
	if err == nil {
		err = idx.Index("0", map[string]any{indexer.FieldText: "the harbour of the north"})
	}
	if err == nil {
		err = idx.Close()
	}
	if err == nil {
		idx, err = bleve.Open(dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if err := idx.Index("1", map[string]any{indexer.FieldText: "only the harbour"}); err != nil {
		t.Fatal(err)
	}
	q := newPhrase(m.AnalyzerNamed(indexer.AnalyzerText), "harbour of the north").(*phraseQuery)
	if hits := markedHits(t, idx, q); len(hits) != 1 {
		t.Fatalf("%d hits, want 1", len(hits))
	}
	r := snapshotOf(t, idx)
	for _, ss := range r.Segments() {
		dict, err := ss.Segment().Dictionary(indexer.FieldText)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := dict.PostingsList([]byte("north"), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Count() > 0 {
			continue
		}
		if bm := liveBitmap(pl); !bm.IsEmpty() {
			t.Errorf("the shared empty iterator holds %v", bm)
		}
		if op := pl.Iterator(false, false, false, nil).(segment.OptimizablePostingsIterator); op.ActualBitmap() != nil {
			t.Errorf("the shared empty iterator was narrowed to %v", op.ActualBitmap())
		}
		return
	}
	t.Fatal("no segment without the word: the test tests nothing")
}

// scratchIndex is an empty index with the indexer's mapping, closed when
// the test ends.
func scratchIndex(t *testing.T) (bleve.Index, mapping.IndexMapping) {
	t.Helper()
	m, err := indexer.NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.New(t.TempDir(), m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx, m
}

// snapshotOf is a reader of idx, closed when the test ends.
func snapshotOf(t *testing.T, idx bleve.Index) *scorch.IndexSnapshot {
	t.Helper()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r.(*scorch.IndexSnapshot)
}
