package search

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/internal/testcorpus"
)

// The real-corpus tests and benchmarks share one index of ../shared/corpus.
// PRECEDENT_TEST_DATA names a data directory already built with
// 'precedent index --corpus ../shared/corpus --data DIR' (fast); without
// it the index is built once per test binary (about a minute), and not at
// all under -short.
var real struct {
	once sync.Once
	ix   *Index
	err  error
	dir  string
}

func realIndex(tb testing.TB) *Index {
	tb.Helper()
	corpusDir := testcorpus.Corpus(tb)
	data := os.Getenv("PRECEDENT_TEST_DATA")
	if data == "" && testing.Short() {
		tb.Skip("builds the real corpus index; set PRECEDENT_TEST_DATA or run without -short")
	}
	real.once.Do(func() {
		if data == "" {
			if real.dir, real.err = os.MkdirTemp("", "precedent-search-"); real.err != nil {
				return
			}
			data = real.dir
			opt := indexer.CorpusOptions(corpusDir, data, nil)
			if _, real.err = indexer.Build(context.Background(), opt); real.err != nil {
				return
			}
		}
		real.ix, real.err = Open(data)
	})
	if real.err != nil {
		tb.Fatal(real.err)
	}
	return real.ix
}

func TestMain(m *testing.M) {
	code := m.Run()
	if real.ix != nil {
		real.ix.Close()
	}
	if real.dir != "" {
		os.RemoveAll(real.dir)
	}
	os.Exit(code)
}

// TestRealCorpusFacetSums checks the facet sum property on the shared
// corpus, for the benchmark queries with and without filters.
func TestRealCorpusFacetSums(t *testing.T) {
	ix := realIndex(t)
	filters := []map[string][]string{nil, {FieldState: {"FRA", "NLD", "USA"}}, {FieldGroup: {"LAS"}, FieldType: {"draft_resolution"}}}
	for _, q := range append(append([]string{"*"}, plainQueries...), phraseQueries...) {
		for _, f := range filters {
			resp, err := ix.Search(context.Background(), Request{Query: q, Filters: f, Facets: singleValued, FacetSize: 5})
			if err != nil {
				t.Fatal(err)
			}
			for _, fc := range resp.Facets {
				sum := fc.Other + fc.Missing
				for _, term := range fc.Terms {
					sum += term.Count
				}
				if sum != fc.Total {
					t.Errorf("q=%q filters=%v facet %s: terms+other+missing = %d, total %d", q, f, fc.Field, sum, fc.Total)
				}
			}
		}
	}
}

// TestRealCorpusDatePaging pages by date through passages some of which
// have no date (they sort last and are paged by offset).
func TestRealCorpusDatePaging(t *testing.T) {
	ix := realIndex(t)
	for _, sort := range []string{SortDate, SortDateDesc} {
		checkPaging(t, ix, Request{Query: "information OR mechanism OR sovereignty", Sort: sort, Size: MaxSize})
	}
}
