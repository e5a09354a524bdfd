package segment

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rawBlock is a paragraph's lines before it is read as a passage.
type rawBlock struct {
	lines            []string
	pageFrom, pageTo int
	vocab            map[string]bool
}

var (
	numAloneRe  = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.$|^(\d{1,3}(?:\.\d{1,3})+)$`)
	numInlineRe = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.\s+(\S.*)$|^(\d{1,3}(?:\.\d{1,3})+)\s+(\p{Lu}.*)$`)
	sectionRe   = regexp.MustCompile(`^§\s*(\d{1,3}(?:\.\d{1,3})*)\.?(?:\s+(.*))?$`)
	subItemRe   = regexp.MustCompile(`^\(([a-z]{1,2}|[ivxl]{1,5})\)(?:\s+(.*))?$`)
	endsTermRe  = regexp.MustCompile(`[.;:!?]["”’)]*$`)
	// trailingMarkRe is a footnote mark after the last punctuation of a
	// line ("resolution 79/45,1", "domain.1"), not a symbol's number
	// ("EC-94/DEC.2").
	trailingMarkRe = regexp.MustCompile(`((?:\p{Ll}[.!?]|[,;:])["”’)]*)\d{1,3}$`)
)

// startsParagraph says whether a line opens a new paragraph by its marker:
// a paragraph number, a sub-item letter, a section sign.
func startsParagraph(l string) bool {
	return numAloneRe.MatchString(l) || numInlineRe.MatchString(l) ||
		sectionRe.MatchString(l) || subItemRe.MatchString(l)
}

// paragraphBlocks groups body lines into paragraphs: a blank line or a
// paragraph marker starts a new one; at a page break a paragraph goes on
// unless the new page visibly starts another.
func paragraphBlocks(lines []line) []rawBlock {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	vocab := vocabulary(texts)
	var blocks []rawBlock
	open := false
	for _, l := range lines {
		if l.text == "" {
			open = false
			continue
		}
		if l.pageStart && len(blocks) > 0 {
			open = continues(blocks[len(blocks)-1], l.text)
		}
		if !open || startsParagraph(l.text) && !bareNumber(blocks[len(blocks)-1]) {
			blocks = append(blocks, rawBlock{pageFrom: l.page, vocab: vocab})
			open = true
		}
		b := &blocks[len(blocks)-1]
		b.lines = append(b.lines, l.text)
		b.pageTo = l.page
	}
	return blocks
}

// bareNumber says whether a block holds only a paragraph number ("3."),
// whose text follows on the next line even when that opens with "(a)".
func bareNumber(b rawBlock) bool {
	return len(b.lines) == 1 && numAloneRe.MatchString(b.lines[0])
}

// continues says whether the first line of a page carries on the last
// paragraph of the previous page: it does unless that paragraph ended a
// sentence or clause, or ended with a comma and the line starts with a
// capital (a new preambular paragraph: "Recalling ...").
func continues(prev rawBlock, next string) bool {
	if startsParagraph(next) || len(prev.lines) == 0 {
		return false
	}
	last := trailingMarkRe.ReplaceAllString(prev.lines[len(prev.lines)-1], "$1")
	if endsTermRe.MatchString(last) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if strings.HasSuffix(last, ",") && unicode.IsUpper(r) {
		return false
	}
	return true
}
