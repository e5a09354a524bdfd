package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/search"
)

// fixtureBase is an invented corpus of three small documents (our own
// text, not the shared corpus), untagged as the loader returns them.
func fixtureBase() []corpus.Document {
	texts := [][]string{
		{
			"Welcomes the continued work of the open-ended working group on security in the use of information technologies.",
			"Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security.",
			"Decides to include in the provisional agenda of its next session the item entitled developments in the field of information technologies.",
		},
		{
			"International law, and in particular the Charter of the United Nations, is applicable to the conduct of States in their use of information technologies.",
			"State sovereignty and international norms and principles that flow from sovereignty apply to the conduct by States of technology related activities.",
			"States should not conduct or knowingly support activity that intentionally damages critical infrastructure providing services to the public.",
		},
		{
			"Our government considers that the prohibition of intervention in the internal affairs of other States applies to operations in cyberspace.",
			"Due diligence requires a State to take reasonable measures against malicious activity originating from its territory and affecting the rights of other States.",
			"The right of self-defence under Article 51 of the Charter may be invoked in response to a cyber operation amounting to an armed attack.",
		},
	}
	meta := []corpus.Document{
		{Symbol: "A/RES/71/28", Title: "Developments in the field of information technologies", Body: corpus.BodyGA, Type: corpus.TypeResolution, Date: "2016-12-05", Language: "en"},
		{Symbol: "A/70/174", Title: "Report of the group of experts", Body: corpus.BodyGGE, Type: corpus.TypeConsensusReport, Date: "2015-07-22", Language: "en"},
		{Title: "National position on international law in cyberspace", Body: corpus.BodyNational, Type: corpus.TypeNationalPosition, Date: "2021", Language: "en", States: []string{"NLD"}, Source: "positions/invented.txt"},
	}
	for i := range meta {
		d := &meta[i]
		d.ID = corpus.DocumentID(d.Symbol, d.Language, d.Source)
		for j, text := range texts[i] {
			cite := d.Title + ", para. " + string(rune('1'+j))
			if d.Symbol != "" {
				cite = d.Symbol + ", para. " + string(rune('1'+j))
			}
			d.Passages = append(d.Passages, corpus.Passage{ID: corpus.PassageID(d.ID, j+1), DocID: d.ID, Ordinal: j + 1,
				Number: string(rune('1' + j)), Kind: corpus.KindParagraph, Text: text, Citation: cite})
		}
	}
	return meta
}

// fixtureIndex indexes copies of the fixture with the indexer's pipeline
// and opens it.
func fixtureIndex(tb testing.TB, s Scaler, copies int) (*search.Index, *IndexResult) {
	tb.Helper()
	dir := tb.TempDir()
	if err := WriteScaledCorpus(filepath.Join(dir, "corpus"), s, copies); err != nil {
		tb.Fatal(err)
	}
	res, err := IndexScaled(context.Background(), s, copies, filepath.Join(dir, "corpus"), filepath.Join(dir, "data"))
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "data"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix, res
}

// fixtureFTS builds the FTS5 peer over the same copies.
func fixtureFTS(tb testing.TB, s Scaler, copies int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "fts5.db")
	if _, err := BuildFTS(context.Background(), s, copies, path); err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestIndexScaledBuildsAnew: indexing into the data folder of an earlier
// run measures a full build again, not the indexer's no-op update.
func TestIndexScaledBuildsAnew(t *testing.T) {
	s := Scaler{Base: fixtureBase(), Seed: 2026}
	dir := t.TempDir()
	if err := WriteScaledCorpus(filepath.Join(dir, "corpus"), s, 2); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		res, err := IndexScaled(context.Background(), s, 2, filepath.Join(dir, "corpus"), filepath.Join(dir, "data"))
		if err != nil {
			t.Fatal(err)
		}
		if res.Timings.IndexMS == 0 {
			t.Errorf("run %d wrote no index (timings %+v)", run+1, res.Timings)
		}
	}
}
