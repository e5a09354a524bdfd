package load

import (
	"errors"
	"fmt"
	"strings"

	"github.com/precedent/precedent/corpus/pdftext"
	"github.com/precedent/precedent/corpus/segment"
)

// Options configure File.
type Options struct {
	// ExtractPDF extracts the text of a PDF; nil means pdftext.ExtractFile.
	// The indexer passes one that runs extraction in a child process.
	ExtractPDF func(path string) (*pdftext.Document, error)
}

func readPDF(full string, opt Options) (text, error) {
	extract := opt.ExtractPDF
	if extract == nil {
		extract = pdftext.ExtractFile
	}
	doc, err := extract(full)
	switch {
	case errors.Is(err, pdftext.ErrNoTextLayer):
		return text{}, &SkipError{Reason: "no text layer (needs OCR)"}
	case errors.Is(err, pdftext.ErrEncrypted):
		return text{}, &SkipError{Reason: "encrypted PDF"}
	case err != nil:
		return text{}, &SkipError{Reason: fmt.Sprintf("broken PDF: %v", err)}
	case doc == nil:
		return text{}, &SkipError{Reason: "broken PDF: no document"}
	}
	pages := make([]segment.Page, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = segment.Page{Number: p.Number, Text: p.Text, Footnotes: p.Footnotes}
	}
	t := text{pages: pages, infoTitle: doc.Title}
	if len(doc.Pages) > 0 {
		// The masthead (symbol, date) was removed from the text as page
		// furniture; metadata detection still reads it.
		t.masthead = strings.Join(doc.Pages[0].Furniture, "\n")
	}
	return t, nil
}
