// Package testindex gives tests a data directory holding an index of the
// shared corpus, built with the real pipeline. PRECEDENT_TEST_DATA names one
// built beforehand ('precedent index --corpus ../shared/corpus --data DIR',
// as scripts/test does), so the packages of one test run share
// it; without it the index is built once per test binary into a temporary
// directory. It imports indexer, so indexer's own tests cannot use it.
package testindex

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/internal/testcorpus"
)

// TestShards is the number of shards of the shared test index: more than
// one, so that the tests of search and api cover merging shards (scripts/test
// builds PRECEDENT_TEST_DATA with 'precedent index --shards 2').
const TestShards = 2

var shared struct {
	once sync.Once
	dir  string
	err  error
}

// Shared returns a data directory with an index of the shared corpus. It
// skips or fails t as testcorpus does when the corpus is absent, and skips
// under -short unless PRECEDENT_TEST_DATA is set. Call Cleanup from TestMain
// to remove a directory it built.
func Shared(tb testing.TB) string {
	tb.Helper()
	corpusDir := testcorpus.Corpus(tb)
	if data := os.Getenv("PRECEDENT_TEST_DATA"); data != "" {
		if _, err := indexer.CurrentGeneration(data); err != nil {
			tb.Fatalf("PRECEDENT_TEST_DATA=%s holds no index: %v", data, err)
		}
		return data
	}
	if testing.Short() {
		tb.Skip("builds the shared corpus index; set PRECEDENT_TEST_DATA or run without -short")
	}
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "precedent-testindex-"); shared.err != nil {
			return
		}
		opt := indexer.CorpusOptions(corpusDir, shared.dir, nil)
		opt.Shards = TestShards
		_, shared.err = indexer.Build(context.Background(), opt)
	})
	if shared.err != nil {
		tb.Fatalf("indexing the shared corpus: %v", shared.err)
	}
	return shared.dir
}

// Cleanup removes the directory Shared built, if any.
func Cleanup() {
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
}
