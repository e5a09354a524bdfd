package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	designatorRe  = regexp.MustCompile(`^([IVXL]{1,6}|[A-Z]|\d{1,3}(?:\.\d{1,3})*)\.\s`)
	annexCiteRe   = regexp.MustCompile(`^(?i)(annex|appendix)(\s+[IVXL\d]+)?\b`)
	articleCiteRe = regexp.MustCompile(`^Article (\d+)\b`)
	trailParenRe  = regexp.MustCompile(`\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$`)
)

// Citation returns a ready-to-paste reference to a passage of a document:
// "A/RES/73/27, para. 1.3", "A/70/174, para. 13 (f)", "A/RES/73/27,
// preamble, para. 4" (preambular paragraphs are cited by their position in
// the preamble), "A/RES/73/27, annex, para. 2", "A/RES/73/27, footnote 2";
// for documents without a symbol "France, national position (2019), para.
// 12", "Israel, national position (2020), section III", "Paris Call for
// Trust and Security in Cyberspace (2018), para. 3". Unnumbered paragraphs
// of complete documents are cited by their position; those of excerpts
// (completeness "partial") only by their section, since their position in
// the original is unknown.
func Citation(d *Document, p *Passage) string {
	parts := []string{citedName(d)}
	if a := annexOf(p.Headings); a != "" {
		parts = append(parts, a)
	}
	if a := articleOf(p.Headings); a != "" {
		parts = append(parts, a)
	}
	switch {
	case p.Kind == KindFootnote && p.Number != "":
		parts = append(parts, "footnote "+p.Number)
	case p.Kind == KindPreambular:
		if n := position(d, p, func(q *Passage) bool { return q.Kind == KindPreambular }); n > 0 {
			parts = append(parts, "preamble, para. "+strconv.Itoa(n))
		} else {
			parts = append(parts, "preamble")
		}
	case strings.HasPrefix(p.Number, "§"):
		parts = append(parts, p.Number)
	case p.Number != "":
		parts = append(parts, "para. "+p.Number)
	default:
		if s := section(p.Headings); s != "" {
			parts = append(parts, "section "+s)
		} else if d.Completeness != "partial" && !hasNumbers(d) && p.Kind != KindFootnote {
			if n := position(d, p, func(q *Passage) bool { return q.Kind == KindParagraph }); n > 0 {
				parts = append(parts, "para. "+strconv.Itoa(n))
			}
		}
	}
	return strings.Join(parts, ", ")
}

// citedName is how a document is named in a citation: its symbol, else
// "<State>, national position (<year>)" or its title with the year.
func citedName(d *Document) string {
	if d.Symbol != "" {
		return d.Symbol
	}
	year := ""
	if y := d.Year(); y > 0 {
		year = " (" + strconv.Itoa(y) + ")"
	}
	if d.Type == TypeNationalPosition {
		kind := "national position"
		if len(d.States) == 0 {
			kind = "position"
		}
		return authorName(d) + ", " + kind + year
	}
	title := strings.TrimSpace(trailParenRe.ReplaceAllString(d.Title, ""))
	if title == "" {
		title = d.Source
	}
	return title + year
}

// authorName is the name of the author of a position: the part of its
// title before ':' ("France: positions on ..."), else the name of its first
// author state or group in the gazetteer, else that state's code.
func authorName(d *Document) string {
	if name, _, ok := strings.Cut(d.Title, ":"); ok && len(name) <= 60 {
		return strings.TrimSpace(name)
	}
	if len(d.States) > 0 {
		if name := StateName(d.States[0]); name != "" {
			return name
		}
		return d.States[0]
	}
	if len(d.Groups) > 0 {
		if g, ok := GroupByID(d.Groups[0]); ok && g.Name != "" {
			return g.Name
		}
		return d.Groups[0]
	}
	return strings.TrimSpace(trailParenRe.ReplaceAllString(d.Title, ""))
}

// annexOf returns "annex" or "annex I" when the passage is in an annex.
func annexOf(headings []string) string {
	for _, h := range headings {
		if m := annexCiteRe.FindStringSubmatch(h); m != nil {
			return strings.ToLower(m[1]) + m[2]
		}
	}
	return ""
}

// articleOf returns "art. 5" when the passage is in an article.
func articleOf(headings []string) string {
	for i := len(headings) - 1; i >= 0; i-- {
		if m := articleCiteRe.FindStringSubmatch(headings[i]); m != nil {
			return "art. " + m[1]
		}
	}
	return ""
}

// section returns the designators of the headings above a passage,
// outermost first: "III", "III.A".
func section(headings []string) string {
	var ds []string
	for _, h := range headings {
		if m := designatorRe.FindStringSubmatch(h); m != nil {
			ds = append(ds, m[1])
		}
	}
	return strings.Join(ds, ".")
}

// position returns the 1-based position of p among the passages of d that
// match keep, or 0 when p is not among them.
func position(d *Document, p *Passage, keep func(*Passage) bool) int {
	n := 0
	for i := range d.Passages {
		q := &d.Passages[i]
		if keep(q) && annexOf(q.Headings) == annexOf(p.Headings) {
			n++
		}
		if q.Ordinal == p.Ordinal && q.Text == p.Text {
			return n
		}
	}
	return 0
}

func hasNumbers(d *Document) bool {
	for _, q := range d.Passages {
		if q.Number != "" && q.Kind != KindFootnote {
			return true
		}
	}
	return false
}
