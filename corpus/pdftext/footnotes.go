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
// rows: the rows below a separator (a row of underscores or a rule in the
// lower half), in the separator's column, all set smaller than the body.
func splitFootnotes(p *pageLines, body float64, vocab map[string]int, joinByDefault bool) []string {
	sep, ok := findSeparator(p, body)
	if !ok {
		return nil
	}
	var keep, notes []line
	for i, l := range p.lines {
		switch {
		case i == sep.row:
			p.furniture = append(p.furniture, l.text())
		case sep.covers(l):
			notes = append(notes, l)
		default:
			keep = append(keep, l)
		}
	}
	p.lines = keep
	var out, cur []string
	for i, l := range notes {
		if i > 0 && footnoteStart.MatchString(l.words[0].s) && l.x0 <= notes[i-1].x0+1 {
			out = append(out, joinFootnote(cur, vocab, joinByDefault))
			cur = nil
		}
		cur = append(cur, l.text())
	}
	if len(cur) > 0 {
		out = append(out, joinFootnote(cur, vocab, joinByDefault))
	}
	return out
}

func joinFootnote(rows []string, vocab map[string]int, joinByDefault bool) string {
	return strings.Join(joinHyphenated(rows, vocab, joinByDefault), " ")
}

// separator is where a page's footnotes begin: below y, in column col (0:
// any), drawn as row number row (-1 for a rule).
type separator struct {
	y        float64
	col, row int
}

func (s separator) covers(l line) bool {
	return l.y < s.y-0.5 && (s.col == 0 || l.col == s.col || l.col == 0)
}

func (s separator) notes(lines []line) []line {
	var out []line
	for _, l := range lines {
		if s.covers(l) {
			out = append(out, l)
		}
	}
	return out
}

// findSeparator finds a footnote separator with only small rows below it.
func findSeparator(p *pageLines, body float64) (separator, bool) {
	mid := (p.top + p.bot) / 2
	for j, l := range p.lines {
		s := separator{y: l.y, col: l.col, row: j}
		if l.y < mid && separatorRow.MatchString(l.text()) && smallBelow(s.notes(p.lines), body) {
			return s, true
		}
	}
	rules := append([]rule(nil), p.rules...)
	sort.Slice(rules, func(a, b int) bool { return rules[a].y > rules[b].y })
	for _, r := range rules {
		s := separator{y: r.y, row: -1}
		if r.y < mid && smallBelow(s.notes(p.lines), body) {
			return s, true
		}
	}
	return separator{}, false
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
