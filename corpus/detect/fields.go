package detect

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/precedent/precedent/corpus"
)

var (
	// symbolRe matches UN document symbols: A/70/174, A/RES/73/27,
	// A/C.1/80/L.13, A/AC.290/2021/CRP.2, S/2021/123, E/CN.4/2004/L.1.
	symbolRe     = regexp.MustCompile(`\b(?:A|S|E|CCPR|UNEP)/(?:[A-Z]+(?:\.\d+)?/){0,2}\d+(?:/[A-Z]+(?:\.\d+)?|/\d+)*(?:/(?:Rev|Add|Corr)\.\d+)*\b`)
	dateRe       = regexp.MustCompile(`\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b`)
	adoptedRe    = regexp.MustCompile(`Resolution adopted by the General Assembly\s+on\s+(\d{1,2}\s+\w+\s+\d{4})`)
	sessionRe    = regexp.MustCompile(`(?i)^([a-z]+(?:-[a-z]+)?)\s+(?:special\s+)?session\b`)
	agendaRe     = regexp.MustCompile(`(?i)^agenda items?\s+(.+?)\s*$`)
	symSessionRe = regexp.MustCompile(`^A/(?:RES/|C\.\d/|INF/)?(\d{1,3})/`)
)

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// Symbol returns the UN symbol printed alone on a masthead line, or else
// one that ends a line of the first few ("United Nations A/RES/73/27", as
// PDF extraction may join the masthead's columns), or "".
func Symbol(head []string) string {
	for _, l := range head {
		l = trimmed(l)
		if s := symbolRe.FindString(l); s != "" && s == l {
			return s
		}
	}
	for i, l := range head {
		if i == symbolLines {
			break
		}
		l = trimmed(l)
		if loc := symbolRe.FindAllStringIndex(l, -1); loc != nil && loc[len(loc)-1][1] == len(l) {
			return l[loc[len(loc)-1][0]:]
		}
	}
	return ""
}

// symbolLines is how many lines from the top may end with the symbol.
const symbolLines = 8

// Date returns the adoption date of a resolution ("Resolution adopted by the
// General Assembly on 5 December 2018"), else the first full date of the
// masthead, as "YYYY-MM-DD", or "".
func Date(head []string) string {
	joined := strings.Join(trimmedLines(head), " ")
	if m := adoptedRe.FindStringSubmatch(joined); m != nil {
		if d := isoDate(m[1]); d != "" {
			return d
		}
	}
	for _, l := range head {
		if d := isoDate(l); d != "" {
			return d
		}
	}
	return ""
}

// isoDate converts the first "10 October 2025" in s to "2025-10-10".
func isoDate(s string) string {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	day, _ := strconv.Atoi(m[1])
	year, _ := strconv.Atoi(m[3])
	if day < 1 || day > 31 {
		return ""
	}
	return strconv.Itoa(year) + "-" + pad2(months[strings.ToLower(m[2])]) + "-" + pad2(day)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Session returns the GA session: from a masthead line ("Eightieth
// session" -> "80"), else from the symbol ("A/RES/73/27" -> "73"), or "".
func Session(head []string, symbol string) string {
	for _, l := range head {
		if m := sessionRe.FindStringSubmatch(trimmed(l)); m != nil {
			if n := ordinal(m[1]); n > 0 {
				return strconv.Itoa(n)
			}
		}
	}
	if m := symSessionRe.FindStringSubmatch(symbol); m != nil {
		return strings.TrimLeft(m[1], "0")
	}
	return ""
}

var (
	units = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
		"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
		"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
		"seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
	tens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90}
	tenths = map[string]int{"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
		"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
)

// ordinal converts an English ordinal word below 100 ("seventy-third") to
// its number, or 0.
func ordinal(w string) int {
	w = strings.ToLower(w)
	if n, ok := units[w]; ok {
		return n
	}
	if n, ok := tenths[w]; ok {
		return n
	}
	ten, unit, ok := strings.Cut(w, "-")
	if !ok || tens[ten] == 0 || units[unit] == 0 || units[unit] > 9 {
		return 0
	}
	return tens[ten] + units[unit]
}

// AgendaItem returns the agenda item(s) of the masthead ("99 (k)"), or "".
func AgendaItem(head []string) string {
	for _, l := range head {
		if m := agendaRe.FindStringSubmatch(trimmed(l)); m != nil {
			return m[1]
		}
	}
	return ""
}

// Body returns the body a document comes from, by its symbol and masthead:
// OEWG and GGE documents by their symbols and titles, the General Assembly
// (plenary and Main Committees) for other A/ symbols, or "".
func Body(symbol string, head []string) string {
	switch {
	case strings.HasPrefix(symbol, "A/AC.290/"), strings.HasPrefix(symbol, "A/AC.292/"),
		lineStarts(head, "open-ended working group on"):
		return corpus.BodyOEWG
	case lineStarts(head, "report of the group of governmental experts"), lineStarts(head, "group of governmental experts on"):
		return corpus.BodyGGE
	case strings.HasPrefix(symbol, "A/"):
		return corpus.BodyGA
	}
	return ""
}

// Type returns the document type by symbol and masthead wording, or "" when
// nothing says.
func Type(symbol string, head []string) string {
	raw := strings.Join(trimmedLines(head), " ")
	joined := strings.ToLower(raw)
	switch {
	case strings.HasPrefix(symbol, "A/RES/"):
		return corpus.TypeResolution
	case strings.Contains(symbol, "/L."):
		return corpus.TypeDraftResolution
	case strings.Contains(raw, "Resolution adopted by the General Assembly"):
		return corpus.TypeResolution
	case strings.Contains(joined, "draft resolution"), strings.Contains(joined, "draft decision"):
		return corpus.TypeDraftResolution
	case strings.Contains(symbol, "/CRP."), strings.Contains(symbol, "/WP."), strings.Contains(joined, "working paper"):
		return corpus.TypeWorkingPaper
	case strings.Contains(joined, "chair's summary"), strings.Contains(joined, "chair’s summary"):
		return corpus.TypeChairSummary
	case strings.Contains(joined, "progress report"):
		return corpus.TypeProgressReport
	case strings.Contains(joined, "report of the group of governmental experts"),
		strings.Contains(joined, "final report of the open-ended working group"):
		return corpus.TypeConsensusReport
	case strings.Contains(joined, "report of the secretary-general"):
		return corpus.TypeSGReport
	case strings.HasPrefix(joined, "statement by"):
		return corpus.TypeStatement
	}
	return ""
}

// unLanguages maps whatlanggo's languages to the six UN languages.
var unLanguages = map[whatlanggo.Lang]string{whatlanggo.Eng: "en", whatlanggo.Fra: "fr",
	whatlanggo.Spa: "es", whatlanggo.Rus: "ru", whatlanggo.Arb: "ar", whatlanggo.Cmn: "zh"}

// languageSample is how many bytes of a text language detection reads.
const languageSample = 6000

// Language returns the ISO 639-1 code of the UN language the text is
// written in, or "" when it is none of the six or too short to tell.
func Language(text string) string {
	if len(text) > languageSample {
		text = strings.ToValidUTF8(text[:languageSample], "")
	}
	opts := whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}}
	for l := range unLanguages {
		opts.Whitelist[l] = true
	}
	if utf8.RuneCountInString(strings.TrimSpace(text)) < 8 {
		return ""
	}
	return unLanguages[whatlanggo.DetectLangWithOptions(text, opts)]
}

// lineStarts says whether a line of head starts with prefix (lower case).
func lineStarts(head []string, prefix string) bool {
	for _, l := range head {
		if strings.HasPrefix(strings.ToLower(trimmed(l)), prefix) {
			return true
		}
	}
	return false
}

func trimmedLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = trimmed(l)
	}
	return out
}
