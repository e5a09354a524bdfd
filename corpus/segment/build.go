package segment

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/precedent/precedent/corpus"
)

var (
	headingRe = regexp.MustCompile(`^(?:[IVXL]{1,6}|[A-Z])\.\s+\p{Lu}`)
	annexRe   = regexp.MustCompile(`^(?:Annex|Appendix)(?:\s+[IVXL\d]+)?$`)
	partRe    = regexp.MustCompile(`^(?:(?:Part|Chapter)\s+[IVXL\d]+|Preamble)$`)
	articleRe = regexp.MustCompile(`^Article\s+\d+\.?$`)
	// plainHeadingRe is a short line without closing punctuation that
	// starts with a capital: an unnumbered heading ("Introduction").
	plainHeadingRe = regexp.MustCompile(`^\p{Lu}[^.;:,!?]{0,70}[\p{L})]$`)
	leadersRe      = regexp.MustCompile(`(?:\.\s?){5,}\s*\d+`)
	// openingRe matches the opening of a preamble: "The General Assembly,",
	// "The States Parties to the present Convention,".
	openingRe = regexp.MustCompile(`^The (?:General Assembly|States Parties|Parties|Security Council|Human Rights Council)\b[^.;:]{0,80},$`)
)

// heading levels of headings found in plain text.
const (
	levelAnnex   = 1
	levelPart    = 2
	levelRoman   = 3
	levelLetter  = 4
	levelArticle = 5
)

type heading struct {
	level int
	text  string
}

// builder turns paragraphs into passages, keeping the heading path and the
// numbering context (the operative paragraph that sub-items belong to).
type builder struct {
	passages   []corpus.Passage
	headings   []heading
	resolution bool
	preamble   bool // in a resolution's preamble: unnumbered paragraphs are preambular
	top        string
	topInt     int
	letter     string // last sub-item letter, "" before any
	roman      bool   // in roman sub-sub-items
	bare       bool   // the last block was a bare heading ("Article 5") whose title may follow
	structured bool   // blocks come from a structured format: headings are marked, not guessed
}

// titleOfHeading appends a short title line to the bare heading above it
// ("Article 1" + "Statement of purpose"), and says whether it did.
func (b *builder) titleOfHeading(text string) bool {
	b.bare = false
	if len(strings.Fields(text)) > 12 || endsTermRe.MatchString(text) || strings.HasSuffix(text, ",") ||
		startsParagraph(text) || headingLevel(text) > 0 {
		return false
	}
	h := &b.headings[len(b.headings)-1]
	h.text += " – " + text
	return true
}

func newBuilder(resolution bool) *builder {
	return &builder{resolution: resolution, preamble: resolution}
}

// heading records a section heading at level, closing deeper ones.
func (b *builder) heading(level int, text string) {
	for len(b.headings) > 0 && b.headings[len(b.headings)-1].level >= level {
		b.headings = b.headings[:len(b.headings)-1]
	}
	if text != "" {
		b.headings = append(b.headings, heading{level, text})
	}
}

func (b *builder) path() []string {
	if len(b.headings) == 0 {
		return nil
	}
	p := make([]string, len(b.headings))
	for i, h := range b.headings {
		p[i] = h.text
	}
	return p
}

// add reads one paragraph: a heading, or a passage with its number.
func (b *builder) add(rb rawBlock) {
	text := joinLines(rb.lines, rb.vocab)
	if text == "" {
		return
	}
	if b.bare && b.titleOfHeading(text) {
		return
	}
	b.bare = false
	if level := headingLevel(text); level > 0 && !b.structured {
		b.heading(level, text)
		b.bare = len(strings.Fields(text)) <= 2
		if level == levelAnnex || level == levelArticle {
			b.preamble, b.top, b.topInt, b.letter = false, "", 0, ""
		}
		return
	}
	if openingRe.MatchString(text) {
		b.preamble, b.resolution = true, true
		return
	}
	if len(leadersRe.FindAllStringIndex(text, 2)) == 2 {
		return // a table of contents: "I. Introduction ........ 396"
	}
	number, kind, body := b.number(text)
	if body == "" {
		return
	}
	b.passages = append(b.passages, corpus.Passage{Number: number, Kind: kind,
		PageFrom: rb.pageFrom, PageTo: rb.pageTo, Headings: b.path(), Text: body})
}

// number splits a paragraph's printed number from its text and says what
// kind of passage it is.
func (b *builder) number(text string) (number, kind, body string) {
	if m := sectionRe.FindStringSubmatch(text); m != nil {
		return "§ " + m[1], corpus.KindParagraph, m[2]
	}
	if m := numInlineRe.FindStringSubmatch(text); m != nil {
		num, rest := m[1]+m[3], m[2]+m[4]
		b.setTop(num)
		if sub := subItemRe.FindStringSubmatch(rest); sub != nil {
			b.subItem(sub[1]) // "3. (a) Each State ...": (b) follows
		}
		return num, b.numberedKind(), rest
	}
	if m := numAloneRe.FindStringSubmatch(text); m != nil {
		b.setTop(m[1] + m[2])
		return b.top, b.numberedKind(), ""
	}
	if m := subItemRe.FindStringSubmatch(text); m != nil && !b.preamble {
		num := b.subItem(m[1])
		if inner := subItemRe.FindStringSubmatch(m[2]); inner != nil {
			num, m = b.subItem(inner[1]), inner // "(a) (i) The conversion ..."
		}
		return num, b.numberedKind(), m[2]
	}
	if b.preamble {
		return "", corpus.KindPreambular, text
	}
	return "", corpus.KindParagraph, text
}

func (b *builder) numberedKind() string {
	if b.resolution {
		return corpus.KindOperative
	}
	return corpus.KindParagraph
}

func (b *builder) setTop(num string) {
	b.top, b.letter, b.roman, b.preamble = num, "", false, false
	if n, err := strconv.Atoi(num); err == nil {
		b.topInt = n
	}
}

// subItem returns the full number of a sub-item "(x)": "13 (f)", or
// "4 (a) (ii)" for a roman item under a letter.
func (b *builder) subItem(x string) string {
	isRoman := strings.Trim(x, "ivxl") == "" && (b.roman || b.letter == "" && x == "i" ||
		b.letter != "" && x != nextLetter(b.letter))
	if isRoman && b.letter != "" {
		b.roman = true
		return strings.TrimSpace(b.top + " (" + b.letter + ") (" + x + ")")
	}
	b.letter, b.roman = x, false
	return strings.TrimSpace(b.top + " (" + x + ")")
}

func nextLetter(l string) string {
	if len(l) != 1 || l == "z" {
		return ""
	}
	return string(l[0] + 1)
}

// headingLevel returns the level of a paragraph that is a section heading
// ("I. Introduction", "A. Norms", "Annex"), or 0.
func headingLevel(text string) int {
	if len(text) > 200 || strings.HasSuffix(text, ",") || strings.HasSuffix(text, ";") {
		return 0
	}
	switch {
	case annexRe.MatchString(text):
		return levelAnnex
	case partRe.MatchString(text):
		return levelPart
	case articleRe.MatchString(text):
		return levelArticle
	case plainHeadingRe.MatchString(text) && len(strings.Fields(text)) <= 8:
		return levelRoman
	case headingRe.MatchString(text) && !strings.HasSuffix(text, "."):
		if text[1] == '.' && text[0] >= 'A' && text[0] <= 'Z' && !strings.ContainsAny(text[:1], "IVXL") {
			return levelLetter
		}
		return levelRoman
	}
	return 0
}

// footnote adds a page's footnote as a passage of its own, numbered by its
// marker; "* On behalf of" notes are metadata of drafts and skipped.
func (b *builder) footnote(note string, page int) {
	n := normalise(note)
	m := footStartRe.FindStringSubmatch(n)
	if m == nil {
		b.passages = append(b.passages, corpus.Passage{Kind: corpus.KindFootnote, PageFrom: page, PageTo: page, Text: n})
		return
	}
	if m[1][0] == '*' && strings.HasPrefix(m[2], "On behalf of") {
		return
	}
	b.passages = append(b.passages, corpus.Passage{Number: m[1], Kind: corpus.KindFootnote,
		PageFrom: page, PageTo: page, Text: m[2]})
}
