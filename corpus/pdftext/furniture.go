package pdftext

import (
	"regexp"
	"strings"
)

// Page furniture: running headers and footers, page numbers, UN job numbers
// and barcodes, the document symbol repeated at the top of pages, and the
// masthead of a UN document's first page.

var (
	jobNumber       = regexp.MustCompile(`^\d{2}-\d{5}(\s*\([A-Z]\))?(\s+\d{6})?(\s+\d{6})?$`)
	barcode         = regexp.MustCompile(`^\*\d{7,8}\*$`)
	pageOfPages     = regexp.MustCompile(`^(page\s+)?[-–]?\s*\d{1,4}\s*(/|of)?\s*\d{0,4}\s*[-–]?$`)
	unSymbol        = regexp.MustCompile(`^[A-Z]{1,8}(/[A-Z0-9][A-Za-z0-9.\-()*]*){1,7}$`)
	mastheadCue     = regexp.MustCompile(`^(United Nations|Nations Unies|Naciones Unidas|Distr\.?:?\s|Distr\.$|Original:)`)
	strongFurniture = regexp.MustCompile(`^(\d{2}-\d{5}|\d{1,4}/\d{1,4}|\*\d{7,8}\*)$`)
	digits          = regexp.MustCompile(`\d+`)
	// furnitureWord is one word of a footer such as "2/17  25-16444 (E)  161025".
	furnitureWord = regexp.MustCompile(`^(\d{2}-\d{5}|\([A-Z]\)|\d{6}|\d{1,4}/\d{1,4}|\*\d{7,8}\*|\d{1,4})$`)
)

// edgeLines is how many rows at the top and at the bottom of a page are
// examined as possible running headers and footers.
const edgeLines = 3

// pageLines is one page's rows in reading order plus its geometry.
type pageLines struct {
	lines     []line
	rules     []rule
	top, bot  float64 // the page's media box, y up
	furniture []string
}

// dropFurniture removes running headers and footers from every page.
func dropFurniture(pages []*pageLines) {
	repeated := repeatedEdges(pages)
	for i, p := range pages {
		keep := p.lines[:0:0]
		for j, l := range p.lines {
			if isFurniture(p, j, l, repeated, i == 0) {
				p.furniture = append(p.furniture, l.text())
				continue
			}
			keep = append(keep, l)
		}
		p.lines = keep
	}
}

// edge reports whether row j is among the top or bottom rows of the page
// by position (rows of two columns on one baseline count once).
func edge(p *pageLines, j int) bool {
	h := p.top - p.bot
	l := p.lines[j]
	above, below := map[int]bool{}, map[int]bool{}
	for _, m := range p.lines {
		switch {
		case m.y > l.y+1:
			above[int(m.y)] = true
		case m.y < l.y-1:
			below[int(m.y)] = true
		}
	}
	inTop := len(above) < edgeLines && l.y > p.top-0.15*h
	inBottom := len(below) < edgeLines && l.y < p.bot+0.12*h
	return inTop || inBottom
}

func isFurniture(p *pageLines, j int, l line, repeated map[string]bool, first bool) bool {
	if aboveHeaderRule(p, l, first) {
		return true
	}
	t := strings.TrimSpace(l.text())
	if !edge(p, j) || separatorRow.MatchString(t) {
		return false // footnote separators are left to splitFootnotes
	}
	if repeated[edgeKey(t)] || jobNumber.MatchString(t) || barcode.MatchString(t) ||
		pageOfPages.MatchString(strings.ToLower(t)) || allFurnitureWords(l) {
		return true
	}
	if l.y > (p.top+p.bot)/2 && unSymbol.MatchString(t) {
		return true
	}
	if l.y > (p.top+p.bot)/2 && len(l.words) > 1 {
		// "A/78/123   Running title" or "Running title   A/78/123"
		if unSymbol.MatchString(l.words[0].s) || unSymbol.MatchString(l.words[len(l.words)-1].s) {
			return true
		}
	}
	return false
}

// aboveHeaderRule reports whether l sits above a wide rule at the top of
// the page that closes a running header (at most six rows) or, on the first
// page, a UN masthead.
func aboveHeaderRule(p *pageLines, l line, first bool) bool {
	h := p.top - p.bot
	ruleY := 0.0
	for _, r := range p.rules {
		if r.y > p.top-0.35*h && r.x1-r.x0 > 200 && r.y > ruleY {
			ruleY = r.y
		}
	}
	if ruleY == 0 || l.y < ruleY {
		return false
	}
	above, cue := 0, false
	for _, m := range p.lines {
		if m.y > ruleY {
			above++
			cue = cue || mastheadCue.MatchString(m.text())
		}
	}
	if first {
		return cue
	}
	return above <= 6 && ruleY > p.top-0.2*h
}

// edgeKey normalises a row for comparison across pages: digits are
// wildcards, spaces ignored.
func edgeKey(t string) string {
	return strings.ToLower(strings.Join(strings.Fields(digits.ReplaceAllString(t, "#")), ""))
}

// repeatedEdges returns the keys of top and bottom rows that recur on at
// least three pages and on at least a third of them.
func repeatedEdges(pages []*pageLines) map[string]bool {
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for j, l := range p.lines {
			if edge(p, j) {
				seen[edgeKey(l.text())] = true
			}
		}
		for k := range seen {
			count[k]++
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		if n >= 3 && 3*n >= len(pages) && k != "" {
			out[k] = true
		}
	}
	return out
}

// allFurnitureWords reports a row made only of job-number, page-number,
// barcode and symbol words, with at least one job number, page-of-pages or
// barcode.
func allFurnitureWords(l line) bool {
	strong := false
	for _, w := range l.words {
		if !furnitureWord.MatchString(w.s) && !unSymbol.MatchString(w.s) {
			return false
		}
		strong = strong || strongFurniture.MatchString(w.s)
	}
	return strong
}
