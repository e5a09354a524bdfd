// Package api serves Precedent over HTTP: gorilla/mux routes under /v1/,
// request parsing and validation into typed structs, JSON errors, middleware
// (deadlines, limits, metrics, logging) and the embedded web page.
//
// It also owns the guarded write path (uploads kept beside the corpus and
// re-indexed through a function the binary passes in) and the HTTP side of
// exports (corpus/export writes the formats).
//
// Dependency rule: api imports corpus (with corpus/export, and corpus/load
// for the uploads' sidecar format), search's types and api/web; never bleve
// or indexer (its end-to-end tests do, to build real indexes). Handlers
// talk to the Searcher interface, so their tests run on a fake.
package api

import (
	"context"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/search"
)

// Searcher is what the API needs of the search package.
type Searcher interface {
	// Search runs a validated request; a *search.Error is the client's fault.
	Search(ctx context.Context, req search.Request) (*search.Response, error)
	// Document returns a document with its passages in order, or search.ErrNotFound.
	Document(ctx context.Context, id string) (*corpus.Document, error)
	// Passage returns a passage with its neighbours, or search.ErrNotFound.
	Passage(ctx context.Context, id string) (*search.PassageView, error)
	// FacetValues returns every value of a facet field with its count.
	FacetValues(ctx context.Context, field string) (*search.Facet, error)
	// Ready reports whether an index generation is open.
	Ready() error

	// Lineage returns the language family of a passage in date order, with
	// word diffs, or search.ErrNotFound.
	Lineage(ctx context.Context, passageID string) (*search.Lineage, error)
	// LineageOfText returns where pasted wording appears, with its families.
	LineageOfText(ctx context.Context, text string) (*search.Lineage, error)
	// Similar returns passages close in meaning to a passage but outside its
	// family, or search.ErrNotFound.
	Similar(ctx context.Context, passageID string, size int) ([]search.Hit, error)
	// Compare returns each state's most relevant passages on a principle,
	// topic or norm (field), side by side.
	Compare(ctx context.Context, field, value string, states []string, perState int) (*search.Comparison, error)
}
