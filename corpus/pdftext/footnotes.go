package pdftext

import (
	"regexp"
	"sort"
	"strings"
)

var (
	separatorRow  = regexp.MustCompile(`^[_\x{2014}\x{2015}-]{5,}$`)
	footnoteStart = regexp.MustCompile(`^([0-9]{1,3}|[*\x{2020}\x{2021}]{1,3}|[a-z])$|^[0-9]{1,3}[A-Za-z\x{201c}"(]`)
)

// bodySize returns the font size carrying the most characters on a page.
func bodySize(lines []line) float64 {
	chars := map[float64]int{}
	for _, l := range lines {
		for _, w := range l.words {
			chars[roundHalf(w.size)] += len(w.s)
		}
	}
	best, n := 0.0, -1
	for s, c := range chars {
		if c > n || c == n && s > best {
			best, n = s, c
		}
	}
	return best
}

func roundHalf(f float64) float64 { return float64(int(f*2+0.5)) / 2 }

// splitFootnotes moves the footnotes at the bottom of a page out of its
// rows: the rows below a separator (a row of underscores or a short rule
// at the left) that are set smaller than the body.
func splitFootnotes(p *pageLines, body float64, vocab map[string]int, joinByDefault bool) []string {
	cut := separatorIndex(p, body)
	if cut < 0 {
		return nil
	}
	notes := p.lines[cut:]
	if separatorRow.MatchString(notes[0].text()) {
		p.furniture = append(p.furniture, notes[0].text())
		notes = notes[1:]
	}
	p.lines = p.lines[:cut]
	var out []string
	var cur []string
	for i, l := range notes {
		t := l.text()
		if i == 0 || footnoteStart.MatchString(l.words[0].s) && l.x0 <= notes[i-1].x0+1 {
			if len(cur) > 0 {
				out = append(out, joinFootnote(cur, vocab, joinByDefault))
			}
			cur = nil
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		out = append(out, joinFootnote(cur, vocab, joinByDefault))
	}
	return out
}

func joinFootnote(rows []string, vocab map[string]int, joinByDefault bool) string {
	return strings.Join(joinHyphenated(rows, vocab, joinByDefault), " ")
}

// separatorIndex finds the first footnote row's index, or -1.
func separatorIndex(p *pageLines, body float64) int {
	mid := (p.top + p.bot) / 2
	for j, l := range p.lines {
		if l.y > mid || l.col == 2 {
			continue
		}
		if separatorRow.MatchString(l.text()) && smallBelow(p.lines[j+1:], body) {
			return j
		}
	}
	rules := append([]rule(nil), p.rules...)
	sort.Slice(rules, func(a, b int) bool { return rules[a].y > rules[b].y })
	for _, r := range rules {
		if r.y > mid {
			continue
		}
		for j, l := range p.lines {
			if l.y < r.y && smallBelow(p.lines[j:], body) {
				return j
			}
		}
	}
	return -1
}

// smallBelow reports whether rows exist and are all smaller than the body.
func smallBelow(rows []line, body float64) bool {
	if len(rows) == 0 {
		return false
	}
	for _, l := range rows {
		if l.size > body*0.97 {
			return false
		}
	}
	return true
}
