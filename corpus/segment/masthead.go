package segment

import (
	"regexp"
	"strings"

	"github.com/precedent/precedent/corpus"
)

// line is one line of body text and the page it is on.
type line struct {
	text      string
	page      int
	pageStart bool // first line of its page
}

var (
	mastheadRe = regexp.MustCompile(`(?i)^(?:United Nations|General Assembly|Security Council|Economic and Social Council` +
		`|Distr\.:?.*|Original:.*|.*\bsession|.*\bCommittee|Agenda items? .*|.*\bdraft (?:resolution|decision).*` +
		`|Resolution adopted by .*|\[on the report .*|\[without reference .*|\d{1,2} \w+ \d{4})$`)
	// mastheadStartRe matches lines that open a UN masthead once an
	// extractor has removed its furniture (symbol, date).
	mastheadStartRe = regexp.MustCompile(`^(?:[A-Z][a-z]+(?:-[a-z]+)? (?:special )?session|Agenda items? \d.*|Distr\.:? .*)$`)
	symbolLineRe    = regexp.MustCompile(`^[A-Z]{1,4}/[A-Za-z0-9./-]*\d[A-Za-z0-9./-]*$`)
	introRe         = regexp.MustCompile(`^The General Assembly\s*,?$`)
	decisionRe      = regexp.MustCompile(`^The General Assembly,\s+\p{Ll}`)
	plenaryRe       = regexp.MustCompile(`(?i)^\d+(?:st|nd|rd|th) plenary meeting$`)
	footMarkNearRe  = regexp.MustCompile(`([\p{L})”’"])([,;.:])(\d{1,3})(\s|$)`)
)

// bodyLines returns the lines of the document's body, after the masthead of
// a UN document, and whether the body is a resolution's (preamble, then
// numbered operative paragraphs).
func bodyLines(pages []Page, d *corpus.Document) ([]line, bool) {
	var lines []line
	var notes []string
	for _, p := range pages {
		notes = append(notes, p.Footnotes...)
	}
	marks := footnoteMarks(notes)
	for _, p := range pages {
		started := false
		for _, l := range strings.Split(p.Text, "\n") {
			if len(marks) > 0 {
				l = stripFootnoteMarks(l, marks)
			}
			n := normalise(l)
			lines = append(lines, line{text: n, page: p.Number, pageStart: !started && n != ""})
			started = started || n != ""
		}
	}
	first := 0
	if len(pages) > 0 {
		first = strings.Count(pages[0].Text, "\n") + 1
	}
	start, resolution := bodyStart(lines[:first], d)
	return dropClosing(lines[start:]), resolution
}

// bodyStart finds where the body begins on the first page: after the
// "The General Assembly," of a resolution, or after the masthead blocks of
// another UN document, or at the top.
func bodyStart(first []line, d *corpus.Document) (int, bool) {
	for i, l := range first {
		if introRe.MatchString(l.text) {
			return i + 1, true
		}
		if decisionRe.MatchString(l.text) {
			return i, false
		}
	}
	title := foldQuotes(strings.ToLower(normalise(d.Title)))
	if !hasMasthead(first) {
		return titleLines(first, title), false
	}
	i := 0
	for i < len(first) {
		j := i
		for j < len(first) && first[j].text != "" {
			j++
		}
		if j > i && !mastheadBlock(first[i:j], title) {
			return i, false
		}
		i = j + 1
	}
	return len(first), false
}

func hasMasthead(first []line) bool {
	seen := 0
	for _, l := range first {
		if l.text == "" {
			continue
		}
		if seen++; seen > 5 {
			return false
		}
		if l.text == "United Nations" || symbolLineRe.MatchString(l.text) || mastheadStartRe.MatchString(l.text) {
			return true
		}
	}
	return false
}

func mastheadBlock(block []line, title string) bool {
	texts := make([]string, len(block))
	for i, l := range block {
		if mastheadRe.MatchString(l.text) || symbolLineRe.MatchString(l.text) ||
			jobNumRe.MatchString(l.text) || barcodeRe.MatchString(l.text) {
			return true
		}
		texts[i] = l.text
	}
	joined := foldQuotes(strings.ToLower(joinLines(texts, nil)))
	return title != "" && (strings.Contains(title, joined) || strings.Contains(joined, title))
}

// titleLines returns how many lines at the top of a document without a UN
// masthead repeat its title (a cover page's title lines), to skip them.
func titleLines(first []line, title string) int {
	n := 0
	for i, l := range first {
		if l.text == "" {
			continue
		}
		if title == "" || len(l.text) < 8 || !strings.Contains(title, foldQuotes(strings.ToLower(l.text))) {
			break
		}
		n = i + 1
	}
	return n
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

func foldQuotes(s string) string { return quoteFolder.Replace(s) }

// dropClosing removes the closing lines of a resolution ("45th plenary
// meeting" and the date under it).
func dropClosing(lines []line) []line {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		if plenaryRe.MatchString(lines[i].text) {
			if i+1 < len(lines) && isoDateLine(lines[i+1].text) {
				i++
			}
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

var dateLineRe = regexp.MustCompile(`^\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$`)

func isoDateLine(s string) bool { return dateLineRe.MatchString(s) }

// footnoteMarks returns the numeric markers of a page's footnotes.
func footnoteMarks(notes []string) map[string]bool {
	marks := map[string]bool{}
	for _, n := range notes {
		if m := footStartRe.FindStringSubmatch(normalise(n)); m != nil && m[1][0] != '*' {
			marks[m[1]] = true
		}
	}
	return marks
}

// stripFootnoteMarks removes footnote reference numbers glued after
// punctuation ("Secretary-General,1 ") when the document has that footnote.
func stripFootnoteMarks(l string, marks map[string]bool) string {
	return footMarkNearRe.ReplaceAllStringFunc(l, func(s string) string {
		m := footMarkNearRe.FindStringSubmatch(s)
		if !marks[m[3]] {
			return s
		}
		return m[1] + m[2] + m[4]
	})
}
