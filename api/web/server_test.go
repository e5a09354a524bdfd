package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/api/web"
	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/search"
)

// startServer indexes the corpus at root with Precedent's real pipeline
// (loader, tagger, language families) into a temporary data directory and
// serves the API with the web page on loopback. It returns the base URL.
func startServer(t *testing.T, root string) string {
	t.Helper()
	data := t.TempDir()
	if _, err := indexer.Build(context.Background(), indexer.CorpusOptions(root, data, nil)); err != nil {
		t.Fatalf("indexing %s: %v", root, err)
	}
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
