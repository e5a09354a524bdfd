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
	for i := end - 1; i > 0; i-- {
		m := noteBlockRe.FindStringSubmatch(strings.TrimSpace(blocks[i]))
		if m == nil {
			break
		}
		n, _ := strconv.Atoi(m[1])
		if next != 0 && n != next-1 || !referenced(strings.Join(blocks[:i], "\n"), m[1]) {
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

// referenced says whether a footnote mark n is glued after a word or
// punctuation in text ("domain.1 ", "possible;4"), not inside a symbol
// ("L.15").
func referenced(text, n string) bool {
	re := regexp.MustCompile(`(?:[\p{Ll},;:)”’"]|\p{Ll}\.)` + n + `(?:\s|$)`)
	return re.MatchString(text)
}
