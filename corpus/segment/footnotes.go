package segment

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	blockSplitRe = regexp.MustCompile(`\n[ \t\x{a0}]*\n`)
	noteBlockRe  = regexp.MustCompile(`^(\d{1,3})\.?\s+\S`)
	pageFolioRe  = regexp.MustCompile(`^(?:\d{1,4}|\d{1,4}\s*/\s*\d{1,4})$`)
	// noteMarkRe is a footnote mark glued after a word or punctuation
	// ("domain.1 ", "possible;4"), not inside a symbol ("L.15").
	noteMarkRe = regexp.MustCompile(`(?:[\p{Ll},;:)”’"]|\p{Ll}\.)(\d{1,3})(?:\s|$)`)
)

// trailingFootnotes separates footnotes that an extractor left at the end of
// a page's text: the last blank-line separated blocks of the page that open
// with a number N ("4. Hague Convention ...") in ascending order, each
// referenced by a mark glued to the text above ("possible;4"). It returns
// the page text without them and the footnotes.
func trailingFootnotes(text string) (string, []string) {
	blocks := blockSplitRe.Split(strings.TrimRight(text, " \t\n"), -1)
	end := len(blocks) // a page number below the footnotes stays for trimEdges
	for end > 1 && pageFolioRe.MatchString(strings.TrimSpace(blocks[end-1])) {
		end--
	}
	cut := end
	next := 0
	var firstMark map[string]int // mark -> first block that carries it
	for i := end - 1; i > 0; i-- {
		m := noteBlockRe.FindStringSubmatch(strings.TrimSpace(blocks[i]))
		if m == nil {
			break
		}
		n, _ := strconv.Atoi(m[1])
		if next != 0 && n != next-1 {
			break
		}
		if firstMark == nil {
			firstMark = noteMarks(blocks[:i])
		}
		if at, ok := firstMark[m[1]]; !ok || at >= i {
			break
		}
		cut, next = i, n
	}
	if cut == end {
		return text, nil
	}
	notes := make([]string, 0, end-cut)
	for _, b := range blocks[cut:end] {
		notes = append(notes, normalise(b))
	}
	return strings.Join(append(blocks[:cut:cut], blocks[end:]...), "\n\n"), notes
}

// noteMarks maps each footnote mark in blocks to the index of the first
// block that carries it; a footnote is referenced from the blocks above it.
func noteMarks(blocks []string) map[string]int {
	first := map[string]int{}
	for i, b := range blocks {
		for _, m := range noteMarkRe.FindAllStringSubmatch(b, -1) {
			if _, ok := first[m[1]]; !ok {
				first[m[1]] = i
			}
		}
	}
	return first
}
