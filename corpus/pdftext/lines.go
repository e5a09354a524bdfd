package pdftext

import (
	"sort"
	"strings"
	"unicode"
)

// word is a run of glyphs without a space between them.
type word struct {
	x0, x1, y, size float64
	s               string
}

// line is a row of words sharing a baseline, possibly only one column's
// part of a page-wide row.
type line struct {
	words           []word
	x0, x1, y, size float64
	col             int // 0: spans the page, 1: left column, 2: right column
}

func (l *line) text() string {
	parts := make([]string, len(l.words))
	for i, w := range l.words {
		parts[i] = w.s
	}
	return strings.Join(parts, " ")
}

// spaceFactor is the gap between glyphs, as a fraction of the font size,
// above which a space is inferred.
const spaceFactor = 0.15

// buildLines groups glyphs into rows by baseline, top to bottom, and each
// row into words.
func buildLines(gs []glyph) []line {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var rows [][]glyph
	var base, size float64
	for _, g := range gs {
		n := len(rows)
		if n > 0 && sameRow(g, base, size) {
			rows[n-1] = append(rows[n-1], g)
			if g.size > size*1.05 && !isBlank(g.s) {
				base, size = g.y, g.size
			}
			continue
		}
		rows = append(rows, []glyph{g})
		base, size = g.y, g.size
	}
	lines := make([]line, 0, len(rows))
	for _, row := range rows {
		if l, ok := rowLine(row); ok {
			lines = append(lines, l)
		}
	}
	return lines
}

// orderRow puts a row's glyphs left to right. Runs drawn in sequence
// (chunks) stay whole and are sorted by their start, so a producer's
// imprecise glyph widths cannot interleave the letters of two words.
func orderRow(row []glyph) []glyph {
	sort.Slice(row, func(i, j int) bool { return row[i].seq < row[j].seq })
	var chunks [][]glyph
	for i, g := range row {
		if i == 0 || g.x < row[i-1].x-0.1*g.size || g.x > row[i-1].x+row[i-1].w+g.size {
			chunks = append(chunks, nil)
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], g)
	}
	sort.SliceStable(chunks, func(i, j int) bool { return chunks[i][0].x < chunks[j][0].x })
	out := row[:0:0]
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out
}

// sameRow reports whether g sits on the row with the given baseline and
// font size. A smaller glyph (superscript) or a somewhat larger one may be
// raised by half the larger size; glyphs twice as large as the others or
// more (drop capitals, decorative letters) stay on rows of their own.
func sameRow(g glyph, base, size float64) bool {
	if g.size >= 2*size || size >= 2*g.size {
		return false
	}
	return abs(g.y-base) < 0.45*max(size, g.size)
}

// rowLine turns one row of glyphs into a line of words.
func rowLine(row []glyph) (line, bool) {
	row = orderRow(row)
	var words []word
	var cur strings.Builder
	var w word
	var prevEnd float64
	flush := func() {
		if cur.Len() > 0 {
			w.s = cur.String()
			words = append(words, w)
			cur.Reset()
		}
	}
	for i, g := range row {
		if isBlank(g.s) {
			if softHyphenSpace(row[i:]) && cur.Len() > 0 {
				cur.WriteString("\u00ad")
			} else {
				flush()
			}
			continue
		}
		if i > 0 && duplicateGlyph(row[i-1], g) {
			continue
		}
		gap := g.x - prevEnd
		if cur.Len() > 0 && gap > spaceFactor*max(g.size, w.size) && !hyphenAtEnd(row[i:], gap) {
			flush()
		}
		if cur.Len() == 0 {
			w = word{x0: g.x, y: g.y, size: g.size}
		}
		cur.WriteString(g.s)
		prevEnd = g.x + g.w
		w.x1 = max(w.x1, prevEnd)
		if g.size > w.size {
			w.size, w.y = g.size, g.y
		}
	}
	flush()
	if len(words) == 0 {
		return line{}, false
	}
	return newLine(words, 0), true
}

// hyphenAtEnd reports whether rest starts with a hyphen that ends the row
// close to the word before it: a hyphenation break set flush right.
func hyphenAtEnd(rest []glyph, gap float64) bool {
	g := rest[0]
	if g.s != "\u00ad" && g.s != "\u2010" && g.s != "-" || gap > 2.5*g.size {
		return false
	}
	for _, h := range rest[1:] {
		if !isBlank(h.s) && h.s != "\u2010" {
			return false
		}
	}
	return true
}

// softHyphenSpace reports a blank glyph drawn under a row-final hyphen:
// some producers map the soft hyphen of a hyphenation break to a space.
func softHyphenSpace(rest []glyph) bool {
	return len(rest) > 1 && rest[1].x-rest[0].x < 0.5 && hyphenAtEnd(rest[1:], 0)
}

// duplicateGlyph reports a glyph drawn twice at the same place (fake bold).
func duplicateGlyph(a, b glyph) bool {
	return a.s == b.s && abs(a.x-b.x) < 0.1*a.size && abs(a.y-b.y) < 0.1*a.size
}

// newLine computes a line's box from its words; the baseline and size are
// those of its largest word.
func newLine(words []word, col int) line {
	l := line{words: words, x0: words[0].x0, x1: words[0].x1, col: col}
	for _, w := range words {
		l.x0, l.x1 = min(l.x0, w.x0), max(l.x1, w.x1)
		if w.size > l.size {
			l.size, l.y = w.size, w.y
		}
	}
	return l
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
