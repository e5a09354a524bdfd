// Package corpus is Precedent's domain: documents, their citable passages,
// metadata, the taxonomy of topics, norms and legal principles, the gazetteer
// of states and groups, and citation formatting.
//
// Dependency rule: corpus imports only the standard library. Its subpackages
// (load, detect, pdftext, segment, tag, lineage, export) may import corpus
// and well-kept libraries, never indexer, search or api.
package corpus

// Document types (the "type" facet). Ids are public API.
const (
	TypeResolution       = "resolution"
	TypeDraftResolution  = "draft_resolution"
	TypeConsensusReport  = "consensus_report"
	TypeProgressReport   = "progress_report"
	TypeChairSummary     = "chair_summary"
	TypeWorkingPaper     = "working_paper"
	TypeNationalPosition = "national_position"
	TypeStatement        = "statement"
	TypeSGReport         = "sg_report"
	TypeOther            = "other"
)

// Bodies (the "body" facet). Ids are public API.
const (
	BodyGA       = "GA"
	BodyGGE      = "GGE"
	BodyOEWG     = "OEWG"
	BodyNational = "national"
	BodyRegional = "regional"
	BodyOther    = "other"
)

// Document is one source document: a resolution, a report, a national
// position paper, a statement. Its passages are the units people cite.
type Document struct {
	ID           string    `json:"id"`                     // stable id, see DocumentID
	Symbol       string    `json:"symbol,omitempty"`       // UN symbol, e.g. "A/70/174"
	Title        string    `json:"title"`                  // title as the document gives it
	Body         string    `json:"body"`                   // one of the Body* ids
	Type         string    `json:"type"`                   // one of the Type* ids
	Date         string    `json:"date,omitempty"`         // "2015-07-22", or "2021" when only the year is known
	Session      string    `json:"session,omitempty"`      // GA session, e.g. "80"
	AgendaItem   string    `json:"agenda_item,omitempty"`  // e.g. "99 (k)"
	Language     string    `json:"language"`               // ISO 639-1: en, fr, es, ru, ar, zh
	States       []string  `json:"states,omitempty"`       // author states, ISO 3166 alpha-3
	Groups       []string  `json:"groups,omitempty"`       // author groups, e.g. "NAM", "EU"
	Sponsors     string    `json:"sponsors,omitempty"`     // the sponsor line(s) of a draft as printed
	OnBehalfOf   string    `json:"on_behalf_of,omitempty"` // the "* On behalf of ..." footnote of a draft
	Completeness string    `json:"completeness,omitempty"` // "full" or "partial" (excerpts)
	Source       string    `json:"source,omitempty"`       // file path relative to the corpus root
	SourceURL    string    `json:"source_url,omitempty"`   // where the file came from, if known
	ContentHash  string    `json:"content_hash,omitempty"` // sha256 of the source file, hex
	Pages        int       `json:"pages,omitempty"`        // page count, when known
	Passages     []Passage `json:"passages,omitempty"`
}

// Year returns the document's year, or 0 when its date is unknown.
func (d *Document) Year() int {
	if len(d.Date) < 4 {
		return 0
	}
	y := 0
	for _, c := range d.Date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// Passage kinds.
const (
	KindPreambular = "preambular" // a preambular paragraph of a resolution ("Recalling ...")
	KindOperative  = "operative"  // a numbered operative paragraph or sub-item
	KindParagraph  = "paragraph"  // a paragraph of a report or position paper
	KindFootnote   = "footnote"   // a footnote, kept apart from the paragraph it interrupts
)

// Passage is one citable unit of a document: a numbered paragraph, a
// sub-item, a preambular paragraph, or a paragraph of a position paper under
// its section headings.
type Passage struct {
	ID       string   `json:"id"` // DocumentID + "-" + ordinal, see PassageID
	DocID    string   `json:"doc_id"`
	Ordinal  int      `json:"ordinal"`          // 1-based position in the document
	Number   string   `json:"number,omitempty"` // paragraph number exactly as printed: "13", "13 (f)", "1.3"
	Kind     string   `json:"kind"`             // one of the Kind* constants
	PageFrom int      `json:"page_from,omitempty"`
	PageTo   int      `json:"page_to,omitempty"`
	Headings []string `json:"headings,omitempty"` // section headings above the passage, outermost first
	Text     string   `json:"text"`
	Citation string   `json:"citation"` // ready to paste: "A/70/174, para. 13 (f)"
	Tags     Tags     `json:"tags"`
	Family   string   `json:"family,omitempty"` // language family id (near-duplicate wording)
}

// Tags are what the tagger found in a passage, each with its evidence.
type Tags struct {
	Topics     []Tag    `json:"topics,omitempty"`
	Norms      []Tag    `json:"norms,omitempty"`
	Principles []Tag    `json:"principles,omitempty"`
	States     []string `json:"states,omitempty"`   // author states (ISO alpha-3)
	Groups     []string `json:"groups,omitempty"`   // author groups, incl. groups of author states
	Mentions   []Tag    `json:"mentions,omitempty"` // states mentioned in the text (ID = ISO alpha-3)
}

// Tag is one label on a passage with the phrases that triggered it.
type Tag struct {
	ID       string     `json:"id"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is a phrase of the passage's text and its byte offsets in Text.
type Evidence struct {
	Phrase string `json:"phrase"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// IDs returns the ids of tags, in order.
func IDs(tags []Tag) []string {
	ids := make([]string, len(tags))
	for i, t := range tags {
		ids[i] = t.ID
	}
	return ids
}
