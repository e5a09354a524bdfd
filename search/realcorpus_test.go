package search

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/precedent/precedent/internal/testindex"
)

// The real-corpus tests and benchmarks share one index of ../shared/corpus
// (see internal/testindex: PRECEDENT_TEST_DATA, or built once per binary).
var real struct {
	once sync.Once
	ix   *Index
	err  error
}

func realIndex(tb testing.TB) *Index {
	tb.Helper()
	data := testindex.Shared(tb)
	real.once.Do(func() { real.ix, real.err = Open(data) })
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
	testindex.Cleanup()
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
			checkFacetSums(t, fmt.Sprintf("q=%q filters=%v", q, f), resp.Facets)
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
