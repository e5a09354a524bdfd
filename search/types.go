// Package search answers queries over a Precedent index: it opens an index
// generation read-only, turns a Request (query text in the syntax people
// type, filters, facets, paging) into a Bleve search, and turns Bleve's
// answer back into domain results: hits with citations, tags and snippets,
// and facet counts.
//
// Dependency rule: search imports corpus, corpus/lineage (to explain a
// family's wording), indexer (for the schema: field names and the generation
// layout) and bleve; never api. No Bleve type leaves this
// package: api sees only the types below.
package search

import (
	"errors"

	"github.com/precedent/precedent/corpus"
)

// Filter field names, also the facet names. They are public API.
const (
	FieldState     = "state"     // author state, ISO alpha-3
	FieldGroup     = "group"     // author group (members' passages included)
	FieldMentions  = "mentions"  // state mentioned in the text
	FieldTopic     = "topic"     // topic id
	FieldNorm      = "norm"      // norm id 13a..13k
	FieldPrinciple = "principle" // legal principle id
	FieldBody      = "body"
	FieldType      = "type"
	FieldYear      = "year"
	FieldLanguage  = "language"
	FieldSymbol    = "symbol"
	FieldFamily    = "family" // language family id
)

// Request is one search, as parsed and validated from a URL or JSON body.
type Request struct {
	Query     string              `json:"q"`                    // user syntax; "" or "*" browses everything
	Filters   map[string][]string `json:"filters,omitempty"`    // field -> values: OR within a field, AND across fields
	From      string              `json:"from,omitempty"`       // year or date, inclusive
	To        string              `json:"to,omitempty"`         // year or date, inclusive
	Facets    []string            `json:"facets,omitempty"`     // fields to count
	FacetSize int                 `json:"facet_size,omitempty"` // terms per facet
	Unit      string              `json:"unit,omitempty"`       // "passage" (default) or "document"
	Sort      string              `json:"sort,omitempty"`       // "relevance" (default), "date", "-date"
	Size      int                 `json:"size,omitempty"`       // hits per page
	Cursor    string              `json:"cursor,omitempty"`     // opaque, from a previous Response
	Highlight bool                `json:"highlight,omitempty"`  // snippets with <mark>
}

// Response is the answer to a Request.
type Response struct {
	Total      uint64  `json:"total"`
	TotalExact bool    `json:"total_exact"`
	TookMS     float64 `json:"took_ms"`
	Hits       []Hit   `json:"hits"`
	Facets     []Facet `json:"facets,omitempty"`
	NextCursor string  `json:"next_cursor,omitempty"`
}

// DocumentInfo is the metadata of a hit's document.
type DocumentInfo struct {
	ID           string   `json:"id"`
	Symbol       string   `json:"symbol,omitempty"`
	Title        string   `json:"title"`
	Body         string   `json:"body"`
	Type         string   `json:"type"`
	Date         string   `json:"date,omitempty"`
	Language     string   `json:"language"`
	States       []string `json:"states,omitempty"`
	Groups       []string `json:"groups,omitempty"`
	Completeness string   `json:"completeness,omitempty"`
}

// Hit is one passage that matched, or with Unit "document" one document with
// its best passages in Passages.
type Hit struct {
	ID       string           `json:"id"` // passage id, or document id for unit=document
	Score    float64          `json:"score"`
	Document DocumentInfo     `json:"document"`
	Passage  *corpus.Passage  `json:"passage,omitempty"`
	Passages []corpus.Passage `json:"passages,omitempty"` // unit=document: best passages first
	Snippet  string           `json:"snippet,omitempty"`  // HTML-escaped text with <mark> around matches
	Citation string           `json:"citation"`
}

// Facet is the counts of one field's values.
type Facet struct {
	Field   string      `json:"field"`
	Total   int         `json:"total"`   // hits counted, with the other facets' filters applied
	Missing int         `json:"missing"` // hits without a value in the field
	Other   int         `json:"other"`   // counts of values beyond the returned terms
	Terms   []FacetTerm `json:"terms"`
}

// FacetTerm is one value of a facet with its count and human label.
type FacetTerm struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Error is a client's mistake in a Request: the api answers it with a 4xx,
// its Message and its Hint.
type Error struct {
	Code    string // "bad_query", "unknown_field", "too_large", ...
	Message string
	Hint    string
}

// Error returns the message, without code or hint.
func (e *Error) Error() string { return e.Message }

// PassageView is one passage with its document and neighbours.
type PassageView struct {
	Passage  corpus.Passage `json:"passage"`
	Document DocumentInfo   `json:"document"`
	Previous string         `json:"previous,omitempty"` // id of the passage before, if any
	Next     string         `json:"next,omitempty"`     // id of the passage after, if any
}

// ErrNotFound is returned for an unknown document or passage id.
var ErrNotFound = errors.New("not found")
