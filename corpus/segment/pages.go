package segment

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	pageNumRe   = regexp.MustCompile(`^(\d{1,4})\s*/\s*\d{1,4}$`)
	jobNumRe    = regexp.MustCompile(`^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{6})?$`)
	barcodeRe   = regexp.MustCompile(`^\*\d{7,8}\*$`)
	ruleRe      = regexp.MustCompile(`^_{5,}$`)
	footStartRe = regexp.MustCompile(`^(\d{1,3}|\*{1,3})\s+(\S.*)$`)
	digitsRe    = regexp.MustCompile(`\d+`)
	// inlineRuleRe is a rule of dashes inside a line: it separates
	// paragraphs (quotations run together in one line).
	inlineRuleRe = regexp.MustCompile(`[ \t]-{10,}(?:[ \t]|$)`)
	// inlineSectionRe is a "§ 2.2.1." paragraph number after the end of a
	// sentence inside a line: quoted paragraphs run together.
	inlineSectionRe = regexp.MustCompile(`([.;”"])[ \t]+(§[ \t]?\d{1,3}(?:\.\d{1,3})*\.[ \t])`)
)

// headerLines is how many lines at the top and bottom of a page may be
// running header or footer.
const headerLines = 8

// SplitPages splits a document's text with page breaks marked by an empty
// line (the text of the General Assembly JSON files: pages end with "\n\n")
// into pages, numbered from their "2/17" page marks where present.
func SplitPages(text string) []Page {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	parts := strings.Split(text, "\n\n")
	pages := make([]Page, 0, len(parts))
	for i, p := range parts {
		n := i + 1
		for _, l := range firstAndLast(strings.Split(p, "\n")) {
			if m := pageNumRe.FindStringSubmatch(normalise(l)); m != nil {
				n, _ = strconv.Atoi(m[1])
				break
			}
		}
		if len(pages) > 0 && n <= pages[len(pages)-1].Number {
			n = pages[len(pages)-1].Number + 1
		}
		pages = append(pages, Page{Number: n, Text: p})
	}
	return pages
}

func firstAndLast(lines []string) []string {
	if len(lines) <= 2*headerLines {
		return lines
	}
	return append(append([]string{}, lines[:headerLines]...), lines[len(lines)-headerLines:]...)
}

// cleanPages removes running headers and footers and separates footnotes
// below a "_____" rule from the text.
func cleanPages(pages []Page, symbol, title string) []Page {
	running := runningLines(pages)
	title = strings.ToLower(normalise(title))
	out := make([]Page, len(pages))
	for i, p := range pages {
		body := inlineRuleRe.ReplaceAllString(strings.ReplaceAll(p.Text, "\r\n", "\n"), "\n\n")
		body = inlineSectionRe.ReplaceAllString(body, "$1\n\n$2")
		lines := strings.Split(body, "\n")
		notes := append([]string{}, p.Footnotes...)
		if len(notes) == 0 && symbol == "" && !strings.Contains(body, "_____") {
			body, notes = trailingFootnotes(body)
			lines = strings.Split(body, "\n")
		}
		for j, l := range lines {
			if ruleRe.MatchString(normalise(l)) {
				notes = append(notes, footnotes(lines[j+1:])...)
				lines = lines[:j]
				break
			}
		}
		isHeader := func(l string) bool { return headerLine(l, symbol, title, running, i == 0) }
		lines = trimEdges(lines, isHeader)
		out[i] = Page{Number: p.Number, Text: strings.Join(lines, "\n"), Footnotes: notes}
		if out[i].Number == 0 {
			out[i].Number = i + 1
		}
	}
	return out
}

// trimEdges drops header/footer lines (and blank lines) among the first and
// last lines of a page.
func trimEdges(lines []string, isHeader func(string) bool) []string {
	start, seen := 0, 0
	for i := 0; i < len(lines) && seen < headerLines; i++ {
		if normalise(lines[i]) == "" {
			start = i + 1
			continue
		}
		if seen++; isHeader(lines[i]) {
			start = i + 1
			continue
		}
		break
	}
	lines = lines[start:]
	end, seen := len(lines), 0
	for i := len(lines) - 1; i >= 0 && seen < headerLines; i-- {
		if normalise(lines[i]) == "" {
			end = i
			continue
		}
		if seen++; isHeader(lines[i]) {
			end = i
			continue
		}
		break
	}
	return lines[:end]
}

// headerLine says whether a line at a page's edge is layout: page number,
// job number, barcode, the document's symbol, a line repeated at the edges
// of several pages, or a piece of the running title.
func headerLine(l, symbol, title string, running map[string]bool, first bool) bool {
	n := normalise(l)
	switch {
	case pageNumRe.MatchString(n), jobNumRe.MatchString(n), barcodeRe.MatchString(n):
		return true
	case first:
		return false // the first page's masthead is read by bodyLines
	case symbol != "" && n == symbol:
		return true
	case running[shape(n)]:
		return true
	}
	return len(n) >= 15 && title != "" && strings.Contains(title, strings.ToLower(n))
}

// runningLines returns the shapes of lines that recur at the edges of at
// least two pages and of a third of them: running headers and footers.
func runningLines(pages []Page) map[string]bool {
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range edgeLines(p.Text) {
			n := normalise(l)
			if startsParagraph(n) {
				continue
			}
			if s := shape(n); s != "" && !seen[s] {
				seen[s] = true
				count[s]++
			}
		}
	}
	out := map[string]bool{}
	for s, c := range count {
		if c >= 2 && c*3 >= len(pages) {
			out[s] = true
		}
	}
	return out
}

func edgeLines(text string) []string {
	var ls []string
	for _, l := range strings.Split(text, "\n") {
		if normalise(l) != "" {
			ls = append(ls, l)
		}
	}
	const edge = 4
	if len(ls) <= 2*edge {
		return ls
	}
	return append(append([]string{}, ls[:edge]...), ls[len(ls)-edge:]...)
}

// shape is a line with its digits replaced, so that "2/17" and "3/17"
// count as the same running line.
func shape(n string) string {
	return digitsRe.ReplaceAllString(n, "#")
}

// footnotes splits the lines below a footnote rule into footnotes, each
// starting with its marker ("1", "*").
func footnotes(lines []string) []string {
	var notes []string
	var cur []string
	last := 0
	flush := func() {
		if len(cur) > 0 {
			notes = append(notes, joinLines(cur, nil))
			cur = nil
		}
	}
	for _, l := range lines {
		n := normalise(l)
		if m := footStartRe.FindStringSubmatch(n); m != nil {
			num, err := strconv.Atoi(m[1])
			if err != nil || len(cur) == 0 || num == last+1 || last == 0 {
				flush()
				if err == nil {
					last = num
				}
			}
		}
		if n != "" {
			cur = append(cur, n)
		}
	}
	flush()
	return notes
}
