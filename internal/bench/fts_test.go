package bench

import (
	"context"
	"database/sql"
	"testing"

	"github.com/precedent/precedent/search"
)

// TestFTSPeerAgreesOnPhrases checks that the peer answers the same work:
// on phrases of letter-only words, the tokens both analysers agree on (the
// mix is built from such phrases), FTS5's count equals Precedent's total.
// The tolerance is zero there; words with digits, apostrophes, hyphens or
// diacritics may tokenise differently (Precedent's analyser keeps
// diacritics and splits on apostrophes its own way; unicode61 with
// remove_diacritics folds them), which is why the mix avoids them.
func TestFTSPeerAgreesOnPhrases(t *testing.T) {
	s := Scaler{Base: fixtureBase(), Seed: 2026}
	const copies = 3
	ix, res := fixtureIndex(t, s, copies)
	if res.Passages != copies*s.Passages() {
		t.Fatalf("indexed %d passages, want %d", res.Passages, copies*s.Passages())
	}
	db, err := openFTS(fixtureFTS(t, s, copies))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, phrase := range []string{
		`"information technologies"`,
		`"the conduct of states"`,
		`"critical infrastructure"`,
		`"international law"`,
		`"armed attack"`,
		`"prohibition of intervention"`,
		`"no such wording anywhere"`,
	} {
		t.Run(phrase, func(t *testing.T) {
			sameCount(t, ix, db, Query{Class: ClassPhrase, Q: phrase, Match: phrase})
		})
	}
}

// TestFTSFacetsAnswer checks that the peer's five-facet and filtered
// queries run on the same data (the SQL is valid and the counts agree on
// a filter both tag the same way).
func TestFTSFacetsAnswer(t *testing.T) {
	s := Scaler{Base: fixtureBase(), Seed: 2026}
	ix, _ := fixtureIndex(t, s, 2)
	db, err := openFTS(fixtureFTS(t, s, 2))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []Query{
		{Class: ClassFacets, Q: "states", Match: `"states"`, Facets: FiveFacets},
		{Class: ClassBrowse, Facets: FiveFacets},
		{Class: ClassFilter, Q: "states", Match: `"states"`, Filters: map[string][]string{"body": {"GGE"}}},
		{Class: ClassFilter, Q: "states", Match: `"states"`, From: 2014, To: 2019},
	} {
		t.Run(q.Class, func(t *testing.T) {
			sameCount(t, ix, db, q)
		})
	}
}

// sameCount checks that FTS5 and Precedent count the same passages for q.
func sameCount(t *testing.T, ix *search.Index, db *sql.DB, q Query) {
	t.Helper()
	resp, err := ix.Search(context.Background(), q.Request())
	if err != nil {
		t.Fatal(err)
	}
	n, err := ftsQuery(context.Background(), db, q)
	if err != nil {
		t.Fatal(err)
	}
	if uint64(n) != resp.Total {
		t.Errorf("FTS5 counts %d passages, Precedent %d", n, resp.Total)
	}
}
