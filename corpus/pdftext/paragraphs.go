package pdftext

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// column holds a column's left edge, usual right edge and line spacing on
// one page, measured from its rows.
type column struct{ left, right, leading float64 }

func measureColumns(lines []line) map[int]column {
	xs, rs, gaps := map[int][]float64{}, map[int][]float64{}, map[int][]float64{}
	for i, l := range lines {
		xs[l.col] = append(xs[l.col], l.x0)
		rs[l.col] = append(rs[l.col], l.x1)
		if i > 0 && lines[i-1].col == l.col {
			if d := lines[i-1].y - l.y; d > 0 && d < 2.5*l.size {
				gaps[l.col] = append(gaps[l.col], d)
			}
		}
	}
	out := map[int]column{}
	for c := range xs {
		out[c] = column{left: modeOf(xs[c]), right: quantile(rs[c], 0.9), leading: quantile(gaps[c], 0.5)}
	}
	return out
}

// modeOf returns the most frequent value rounded to whole points, the
// smallest on a tie.
func modeOf(v []float64) float64 {
	n := map[int]int{}
	best, bestN := 0, 0
	for _, f := range v {
		k := int(f + 0.5)
		n[k]++
		if n[k] > bestN || n[k] == bestN && k < best {
			best, bestN = k, n[k]
		}
	}
	return float64(best)
}

func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[int(q*float64(len(s)-1))]
}

// startsParagraph reports whether cur begins a new paragraph after prev.
func startsParagraph(prev, cur line, cols map[int]column) bool {
	if cur.col != prev.col || abs(cur.size-prev.size) > 0.15*prev.size {
		return true
	}
	c := cols[cur.col]
	gap := prev.y - cur.y
	if gap <= 0 || c.leading > 0 && gap > c.leading*1.3+0.5 {
		return true
	}
	em := cur.size
	indented := cur.x0 > c.left+0.8*em
	short := prev.x1 < c.right-2*em
	switch {
	case indented && cur.x0 > prev.x0+0.8*em:
		return true
	case short && indented:
		return true
	case short && endsSentence(prev.text()):
		return true
	}
	return false
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\u201d\u2019\")"))
	return r == '.' || r == ';' || r == ':' || r == '!' || r == '?'
}

// pageParagraphs groups a page's body rows into paragraphs of row texts.
func pageParagraphs(lines []line) [][]string {
	cols := measureColumns(lines)
	var paras [][]string
	for i, l := range lines {
		if i == 0 || startsParagraph(lines[i-1], l, cols) {
			paras = append(paras, nil)
		}
		n := len(paras) - 1
		paras[n] = append(paras[n], l.text())
	}
	return paras
}

// joinHyphenated joins a word broken across rows by a hyphen: a soft
// hyphen marks a hyphenation break and is removed ("implemen-" + "tation");
// a hyphen alone is removed when the joined word occurs elsewhere in the
// document and the hyphenated one does not, kept when the hyphenated one
// occurs ("Secretary-" + "General"), and otherwise removed only if
// joinByDefault (see hyphenationUsual). The continuation moves up a row.
func joinHyphenated(rows []string, vocab map[string]int, joinByDefault bool) []string {
	for i := 0; i+1 < len(rows); i++ {
		stem, hyphen, ok := hyphenEnding(rows[i])
		next := strings.TrimLeft(rows[i+1], " ")
		first, rest, _ := strings.Cut(next, " ")
		r, _ := utf8.DecodeRuneInString(first)
		if !ok || !unicode.IsLetter(r) {
			continue
		}
		if strings.Contains(hyphen, "\u00ad") || preferJoined(lastWord(stem), first, vocab, joinByDefault) {
			hyphen = ""
		}
		rows[i] = stem + hyphen + first
		rows[i+1] = rest
	}
	out := rows[:0]
	for _, r := range rows {
		if strings.TrimSpace(r) != "" {
			out = append(out, r)
		}
	}
	return out
}

// hyphenEnding splits a row ending in a hyphen after a letter into the row
// without it and the hyphen as printed (soft hyphens dropped from it).
func hyphenEnding(s string) (stem, hyphen string, ok bool) {
	t := s
	for {
		r, n := utf8.DecodeLastRuneInString(t)
		if r == '\u00ad' || r == '-' || r == '\u2010' {
			t = t[:len(t)-n]
			continue
		}
		if t == s || !unicode.IsLetter(r) {
			return s, "", false
		}
		h := s[len(t):]
		if strings.Contains(h, "\u00ad") {
			return t, "\u00ad", true
		}
		return t, h, true
	}
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func preferJoined(stem, next string, vocab map[string]int, joinByDefault bool) bool {
	head := strings.ToLower(trimWord(stem))
	tail := strings.ToLower(trimWord(next))
	switch {
	case vocab[head+"-"+tail] > 0 || strings.Contains(stem, "/"):
		return false // a known compound, or a URL
	case vocab[head+tail] > 0:
		return true
	}
	return joinByDefault
}

// hyphenationUsual reports whether the document's row-final hyphens are
// mostly hyphenation (a journal set justified) rather than compounds (a UN
// text): among those the vocabulary can decide, more join than not.
func hyphenationUsual(pages []*pageLines, vocab map[string]int) bool {
	joined, kept := 0, 0
	for _, p := range pages {
		for i := 0; i+1 < len(p.lines); i++ {
			ws, next := p.lines[i].words, p.lines[i+1].words
			stem, hyphen, ok := hyphenEnding(ws[len(ws)-1].s)
			if !ok || hyphen == "\u00ad" {
				continue
			}
			head, tail := strings.ToLower(trimWord(stem)), strings.ToLower(trimWord(next[0].s))
			switch {
			case vocab[head+"-"+tail] > 0:
				kept++
			case vocab[head+tail] > 0:
				joined++
			}
		}
	}
	return joined > kept
}

func trimWord(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}

// vocabulary counts the document's lowercased words.
func vocabulary(pages []*pageLines) map[string]int {
	v := map[string]int{}
	for _, p := range pages {
		for _, l := range p.lines {
			for _, w := range l.words {
				v[strings.ToLower(trimWord(w.s))]++
			}
		}
	}
	return v
}
