// Package indexer writes Precedent's Bleve index: it walks a corpus, turns
// files into documents and passages (through the corpus packages), and
// builds a new index generation beside the live one, switching atomically.
//
// Dependency rule: indexer imports corpus (and its subpackages) and bleve;
// never search or api. search imports indexer only for this schema and the
// generation layout.
package indexer

// Field names of the Bleve index. One Bleve document is one passage; its
// document's metadata is copied onto it so filters and facets need no join.
// These names are the contract between indexer and search. Only what
// search reads is indexed (the document's title, a passage's ordinal,
// headings, number, citation and pages are in the stored JSON only; the
// ordinal is also the end of the passage id, see corpus.PassageID).
const (
	// FieldKind is the corpus.Kind* of the passage (keyword, no doc
	// values): every passage has one, so its postings are all passages.
	FieldKind = "kind"

	// FieldText holds the passage analysed without stemming (unicode
	// tokens, lower-cased), with term vectors: words, exact phrases and
	// highlighting use it; it is not stored (the passage JSON holds the
	// text). Search matches a word in all its forms by expanding it to the
	// indexed forms that share its stem (see StemmingAnalyzers), so no
	// stemmed copy of the text is indexed.
	FieldText = "text"

	FieldDocID = "doc_id" // keyword: a document's passages, documents facet
	FieldDate  = "date"   // datetime; documents with only a year get Jan 1

	// Keyword facet fields (one term per value, not analysed).
	FieldState     = "state"
	FieldGroup     = "group"
	FieldMentions  = "mentions"
	FieldTopic     = "topic"
	FieldNorm      = "norm"
	FieldPrinciple = "principle"
	FieldBody      = "body"
	FieldType      = "type"
	FieldYear      = "year" // keyword "2015", so it facets as terms
	FieldLanguage  = "language"
	FieldSymbol    = "symbol"
	FieldFamily    = "family"

	// FieldPassage stores the whole corpus.Passage as JSON (not indexed), and
	// FieldDocument its document's metadata without passages, so a hit can
	// be answered without a second lookup: the whole metadata on the
	// document's first passage (lowest ordinal), documentSummary on the
	// others.
	FieldPassage  = "passage_json"
	FieldDocument = "document_json"
)

// Languages are the six UN languages.
var Languages = []string{"en", "fr", "es", "ru", "ar", "zh"}
