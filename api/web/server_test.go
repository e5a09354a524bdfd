package web_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/api/web"
	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/load"
	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/search"
)

// loadFile is the real loader, with its skips turned into the indexer's.
func loadFile(root, rel string) (*corpus.Document, error) {
	doc, err := load.File(root, rel, load.Options{})
	var skip *load.SkipError
	if errors.As(err, &skip) {
		return nil, &indexer.Skipped{Reason: skip.Reason}
	}
	return doc, err
}

// startServer indexes the corpus at root with loadDoc into a temporary data
// directory and serves the API and the web page on loopback.
func startServer(t *testing.T, root string, loadDoc func(root, rel string) (*corpus.Document, error)) string {
	t.Helper()
	data := t.TempDir()
	opt := indexer.Options{Corpus: root, Data: data, Load: loadDoc, IsMetadataFile: load.IsMetadataFile, Version: "browser-test"}
	if _, err := indexer.Build(context.Background(), opt); err != nil {
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
