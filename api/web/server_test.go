package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/api/web"
	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/internal/testindex"
	"github.com/precedent/precedent/search"
)

// startServer indexes the corpus at root with Precedent's real pipeline
// (loader, tagger, language families) into a temporary data directory and
// serves it, see serveData.
func startServer(t *testing.T, root string) string {
	t.Helper()
	data := t.TempDir()
	if _, err := indexer.Build(context.Background(), indexer.CorpusOptions(root, data, nil)); err != nil {
		t.Fatalf("indexing %s: %v", root, err)
	}
	return serveData(t, data)
}

// serveData serves the API with the web page over the index in data on
// loopback. It returns the base URL.
func serveData(t *testing.T, data string) string {
	t.Helper()
	ix, err := search.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	srv := api.New(ix, api.Options{Web: web.Handler(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts.URL
}

func TestMain(m *testing.M) {
	code := m.Run()
	testindex.Cleanup()
	os.Exit(code)
}
