// Package segment splits a document's text into citable passages: the
// numbered operative paragraphs and sub-items of UN documents with their
// numbers exactly as printed, the preambular paragraphs of resolutions, the
// paragraphs of reports and position papers under their section headings,
// and footnotes kept apart. It removes what is layout, not text: mastheads,
// running headers, page numbers, job numbers and barcodes.
//
// Dependency rule: segment imports corpus and the standard library only.
package segment

import (
	"github.com/precedent/precedent/corpus"
)

// Page is one page of a document's text, as a PDF extractor or SplitPages
// gives it: Number is 1-based, Footnotes are the page's footnotes already
// separated from its text (may be empty; footnotes still inside Text below
// a "_____" rule are separated here).
type Page struct {
	Number    int
	Text      string
	Footnotes []string
}

// Block is one unit of structure read from a structured format (Markdown,
// HTML): a heading when Level > 0 (1 is outermost), else a paragraph.
type Block struct {
	Level int
	Text  string
	Page  int
}

// Pages segments the text of a document given as pages and sets
// d.Passages (with ids, ordinals and citations) from the document's
// metadata: a UN masthead on the first page is skipped, resolutions get
// preambular passages.
func Pages(d *corpus.Document, pages []Page) {
	cleaned := cleanPages(pages, d.Symbol, d.Title)
	lines, resolution := bodyLines(cleaned, d)
	blocks := paragraphBlocks(lines)
	b := newBuilder(resolution)
	for _, bl := range blocks {
		b.add(bl)
	}
	for _, p := range cleaned {
		for _, f := range p.Footnotes {
			b.footnote(f, p.Number)
		}
	}
	finish(d, b.passages)
}

// Blocks segments a document already split into headings and paragraphs
// (Markdown, HTML) and sets d.Passages. Paragraph numbers printed at the
// start of a paragraph ("12.", "§ 1.1.1.") are recognised.
func Blocks(d *corpus.Document, blocks []Block) {
	b := newBuilder(false)
	b.structured = true
	for _, bl := range blocks {
		if bl.Level > 0 {
			b.heading(bl.Level, normalise(bl.Text))
			continue
		}
		b.add(rawBlock{lines: []string{bl.Text}, pageFrom: bl.Page, pageTo: bl.Page})
	}
	finish(d, b.passages)
}

// finish gives passages their ids, ordinals and citations, and stores them.
func finish(d *corpus.Document, passages []corpus.Passage) {
	for i := range passages {
		passages[i].Ordinal = i + 1
		passages[i].DocID = d.ID
		passages[i].ID = corpus.PassageID(d.ID, i+1)
	}
	d.Passages = passages
	for i := range d.Passages {
		d.Passages[i].Citation = corpus.Citation(d, &d.Passages[i])
	}
}
