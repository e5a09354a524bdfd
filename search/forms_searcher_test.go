package search

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestFormsAgreeWithBleve: on the shared corpus, a word with several
// forms finds the passages Bleve's disjunction of its forms finds, with
// the same scores and marked locations, alone and under a filter (which
// advances the searcher), and its hit set is Bleve's too.
func TestFormsAgreeWithBleve(t *testing.T) {
	ix := realIndex(t)
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	filter, err := filterQuery(FieldBody, []string{"GA", "national"})
	if err != nil {
		t.Fatal(err)
	}
	c := &compiler{idx: g.idx, shards: g.shards, formCache: g.forms}
	tested := 0
	for _, w := range []string{"states", "attacks", "sovereign", "informing", "applies", "infrastructures", "norm", "cooperate"} {
		q, err := c.word(wordNode{Text: w})
		if err != nil {
			t.Fatal(err)
		}
		ours, ok := q.(*formsQuery)
		if !ok {
			continue // one form: Bleve's term searcher
		}
		tested++
		theirs := ours.bleve()
		for i, s := range g.shards {
			name := fmt.Sprintf("%s %v in shard %d", w, ours.forms, i)
			compareMarkedHits(t, name, markedHits(t, s.idx, theirs), markedHits(t, s.idx, ours))
			compareMarkedHits(t, name+" filtered", markedHits(t, s.idx, bleve.NewConjunctionQuery(theirs, filter)),
				markedHits(t, s.idx, bleve.NewConjunctionQuery(ours, filter)))
			compareHitSets(t, name, s, ours, theirs)
		}
	}
	if tested < 4 {
		t.Errorf("only %d words with several forms: the test tests little", tested)
	}
}
