// Package export writes passages found by a search, a lineage or a
// comparison in formats people take elsewhere: CSV for spreadsheets and
// statistics (fixed column order, readable values), NDJSON for notebooks, and
// RIS and BibTeX for reference managers. Writers stream: each Record is
// written as it comes, so an export never holds its rows in memory.
//
// Dependency rule: export imports only the standard library; callers turn
// their results into Records with readable values (labels, not ids).
package export

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Record is one exported passage with its document's metadata, as readable
// values: state names and topic labels rather than ids.
type Record struct {
	Citation   string   `json:"citation"`
	Symbol     string   `json:"symbol,omitempty"`
	Title      string   `json:"title"`
	Date       string   `json:"date,omitempty"`
	Body       string   `json:"body"`
	Type       string   `json:"type"`
	States     []string `json:"states,omitempty"`
	Paragraph  string   `json:"paragraph,omitempty"` // paragraph number as printed
	Topics     []string `json:"topics,omitempty"`
	Principles []string `json:"principles,omitempty"`
	Text       string   `json:"text"`

	DocumentID string  `json:"document_id"`
	PassageID  string  `json:"passage_id,omitempty"`
	Language   string  `json:"language,omitempty"`
	URL        string  `json:"url,omitempty"`   // where the document can be read
	Score      float64 `json:"score,omitempty"` // relevance or similarity, when there is one
}

// Writer writes Records one by one; Close flushes what is buffered.
type Writer interface {
	Write(Record) error
	Close() error
}

// Format is one export format.
type Format struct {
	Name        string // the format= value
	ContentType string
	Ext         string // file name extension, without the dot
	New         func(io.Writer) Writer
}

var formats = map[string]Format{
	"csv":    {Name: "csv", ContentType: "text/csv; charset=utf-8", Ext: "csv", New: NewCSV},
	"ndjson": {Name: "ndjson", ContentType: "application/x-ndjson", Ext: "ndjson", New: NewNDJSON},
	"ris":    {Name: "ris", ContentType: "application/x-research-info-systems", Ext: "ris", New: NewRIS},
	"bibtex": {Name: "bibtex", ContentType: "application/x-bibtex; charset=utf-8", Ext: "bib", New: NewBibTeX},
}

// Lookup returns the format with that name, or an error naming the valid ones.
func Lookup(name string) (Format, error) {
	f, ok := formats[name]
	if !ok {
		return Format{}, fmt.Errorf("unknown export format %q: use one of %s", name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// Names returns the names of the export formats, sorted.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// oneLine folds line breaks and runs of white space into single spaces, for
// formats whose values must stay on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// year returns the leading four digits of a date, or "".
func year(date string) string {
	if len(date) < 4 {
		return ""
	}
	for _, c := range date[:4] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return date[:4]
}
