// Package detect reads a document's metadata from its own text: UN symbol,
// date, body, document type, session, agenda item, language, and the sponsor
// line and "on behalf of" footnote of drafts. It never resolves sponsor names
// to state codes; the tagger does that from the raw strings found here.
//
// Dependency rule: detect imports corpus, the standard library and
// github.com/abadojack/whatlanggo, nothing else of Precedent.
package detect

import (
	"strings"

	"github.com/precedent/precedent/corpus"
)

// mastheadLines is how many lines from the top of a document are searched
// for masthead fields (symbol, date, session, agenda item, sponsors).
const mastheadLines = 80

// Metadata is what the text of a document says about itself. Empty fields
// were not found.
type Metadata struct {
	Symbol     string
	Title      string // the title under a UN masthead
	Date       string // ISO 8601 date "2018-12-05"
	Body       string // a corpus.Body* id
	Type       string // a corpus.Type* id
	Session    string // GA session number, e.g. "80"
	AgendaItem string // e.g. "99 (k)"
	Language   string // ISO 639-1 code of one of the six UN languages
	Sponsors   string // a draft's sponsor line, joined into one line
	OnBehalfOf string // a draft's "* On behalf of ..." footnote, without the marker
}

// Text detects the metadata of a document from its full text (the first page
// matters most: the masthead of UN documents is there).
func Text(text string) Metadata {
	lines := strings.Split(text, "\n")
	head := lines
	if len(head) > mastheadLines {
		head = head[:mastheadLines]
	}
	var m Metadata
	m.Symbol = Symbol(head)
	m.Title = Title(head)
	m.Date = Date(head)
	m.Session = Session(head, m.Symbol)
	m.AgendaItem = AgendaItem(head)
	m.Sponsors = Sponsors(head)
	m.OnBehalfOf = OnBehalfOf(lines)
	m.Body = Body(m.Symbol, head)
	m.Type = Type(m.Symbol, head)
	m.Language = Language(text)
	return m
}

// Fill sets every empty metadata field of d from m; fields d already has
// (from a sidecar or manifest) win.
func (m Metadata) Fill(d *corpus.Document) {
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	set(&d.Symbol, m.Symbol)
	set(&d.Title, m.Title)
	set(&d.Date, m.Date)
	set(&d.Body, m.Body)
	set(&d.Type, m.Type)
	set(&d.Session, m.Session)
	set(&d.AgendaItem, m.AgendaItem)
	set(&d.Language, m.Language)
	set(&d.Sponsors, m.Sponsors)
	set(&d.OnBehalfOf, m.OnBehalfOf)
}

// trimmed returns the line without surrounding white space, non-breaking
// spaces included.
func trimmed(line string) string {
	return strings.TrimSpace(nbspReplacer.Replace(line))
}

var nbspReplacer = strings.NewReplacer("\u00a0", " ", "\u202f", " ")
