package search_test

import (
	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/search"
)

// The api talks to *search.Index through api.Searcher.
var _ api.Searcher = (*search.Index)(nil)
