package indexer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/precedent/precedent/internal/testcorpus"
)

// TestSharedCorpus indexes a copy of ../shared/corpus with the real
// pipeline: every file is indexed, skipped with a reason, or a duplicate;
// the image-only PDF needs OCR; a re-run redoes nothing; a changed file is
// redone alone; the French Paris Call is searchable in French.
func TestSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the whole shared corpus; skipped with -short")
	}
	src := testcorpus.Corpus(t)
	dir := copyTree(t, src)
	opt := CorpusOptions(dir, t.TempDir(), nil)
	ctx := context.Background()
	r, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkReconciles(t, r)
	t.Logf("files %d, indexed %d, passages %d, skipped %d, duplicates %d, timings %+v, index %d bytes",
		r.FilesSeen, r.Indexed, r.Passages, len(r.Skipped), len(r.Duplicates), r.Timings, r.IndexBytes)
	ocr := false
	for _, s := range r.Skipped {
		if s.Error {
			t.Errorf("unexplained failure: %s: %s", s.Path, s.Reason)
		}
		if strings.HasSuffix(s.Path, "un-ola-note-verbale-2022-03-04-ukr.pdf") && strings.Contains(s.Reason, "needs OCR") {
			ocr = true
		}
	}
	if !ocr {
		t.Errorf("the image-only PDF is not reported as needing OCR: %+v", r.Skipped)
	}
	checkFrench(t, opt.Data)

	again, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.NewGeneration || again.Extracted != 0 || again.Unchanged != r.FilesSeen {
		t.Errorf("re-run: new generation %v, extracted %d, unchanged %d of %d; want no work",
			again.NewGeneration, again.Extracted, again.Unchanged, r.FilesSeen)
	}
	t.Logf("re-run without changes: %d ms", again.Timings.TotalMS)

	appendText(t, filepath.Join(dir, "positions-excerpts", "australia.txt"),
		"\n\nAn invented closing paragraph about harbour lanterns, added by the test.\n")
	third, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkReconciles(t, third)
	if !third.NewGeneration || third.Extracted != 1 || third.Changed != 1 || third.Passages <= r.Passages {
		t.Errorf("after changing one file: new %v, extracted %d, changed %d, passages %d (before %d)",
			third.NewGeneration, third.Extracted, third.Changed, third.Passages, r.Passages)
	}
	t.Logf("re-run after one change: %+v", third.Timings)
}

// checkFrench: the French Paris Call is indexed as French, its words as
// written (search finds their other forms, see search's stemming tests).
func checkFrench(t *testing.T, data string) {
	t.Helper()
	idx := openLive(t, data)
	count := func(word string) uint64 {
		q := bleve.NewMatchQuery(word)
		q.SetField(FieldText)
		lang := bleve.NewTermQuery("fr")
		lang.SetField(FieldLanguage)
		res, err := idx.Search(bleve.NewSearchRequest(bleve.NewConjunctionQuery(q, lang)))
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if n := count("acteurs"); n == 0 {
		t.Errorf("no French passage has the word 'acteurs'")
	}
	if n := count("acteur"); n != 0 {
		t.Errorf("the text field matches 'acteur' in %d French passages; it should hold the exact forms", n)
	}
}
