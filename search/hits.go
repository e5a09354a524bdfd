package search

import (
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// passageHit decodes a Bleve hit into a Hit with its passage, document
// and, when highlight is set, a snippet.
func passageHit(dm *search.DocumentMatch, highlight bool) (Hit, error) {
	p, d, err := decodeStored(dm)
	if err != nil {
		return Hit{}, err
	}
	h := Hit{ID: p.ID, Score: dm.Score, Document: documentInfo(d), Passage: &p, Citation: p.Citation}
	if highlight {
		h.Snippet = snippet(p.Text, dm.Locations[indexer.FieldText])
	}
	return h, nil
}

// decodeStored reads the passage and document JSON stored on a hit: the
// document's whole metadata on its first passage, else the metadata a hit
// shows (DocumentInfo; see indexer.FieldDocument).
func decodeStored(dm *search.DocumentMatch) (corpus.Passage, corpus.Document, error) {
	var p corpus.Passage
	var d corpus.Document
	ps, _ := dm.Fields[indexer.FieldPassage].(string)
	ds, _ := dm.Fields[indexer.FieldDocument].(string)
	if err := json.Unmarshal([]byte(ps), &p); err != nil {
		return p, d, fmt.Errorf("search: passage %s: stored passage: %w", dm.ID, err)
	}
	if err := json.Unmarshal([]byte(ds), &d); err != nil {
		return p, d, fmt.Errorf("search: passage %s: stored document: %w", dm.ID, err)
	}
	return p, d, nil
}

func documentInfo(d corpus.Document) DocumentInfo {
	return DocumentInfo{
		ID: d.ID, Symbol: d.Symbol, Title: d.Title, Body: d.Body, Type: d.Type, Date: d.Date,
		Language: d.Language, States: d.States, Groups: d.Groups, Completeness: d.Completeness,
	}
}

// Snippet bounds: a passage shorter than snippetWhole bytes is shown
// whole, else a window of about snippetWindow bytes around the matches.
const (
	snippetWhole  = 400
	snippetWindow = 300
)

// apostrophes are what the text analyser's char filter turns into "'";
// match offsets refer to the filtered text, so the snippet uses it too.
var apostrophes = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u02bc", "'", "`", "'", "\u00b4", "'")

// snippet returns text HTML-escaped with <mark> around the matched
// ranges; the text is untrusted, so nothing else of it survives as markup.
func snippet(text string, terms search.TermLocationMap) string {
	text = apostrophes.Replace(text)
	ranges := matchRanges(terms, len(text))
	from, to := 0, len(text)
	if len(text) > snippetWhole {
		from, to = window(text, ranges)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, r := range ranges {
		if r[0] < pos || r[1] > to {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:r[0]]))
		b.WriteString("<mark>" + html.EscapeString(text[r[0]:r[1]]) + "</mark>")
		pos = r[1]
	}
	b.WriteString(html.EscapeString(text[pos:to]))
	if to < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// matchRanges returns the byte ranges of matches, sorted and merged;
// matches one byte apart ("armed attack") become one range.
func matchRanges(terms search.TermLocationMap, n int) [][2]int {
	var rs [][2]int
	for _, locs := range terms {
		for _, l := range locs {
			if int(l.Start) < int(l.End) && int(l.End) <= n {
				rs = append(rs, [2]int{int(l.Start), int(l.End)})
			}
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var merged [][2]int
	for _, r := range rs {
		if k := len(merged) - 1; k >= 0 && r[0] <= merged[k][1]+1 {
			merged[k][1] = max(merged[k][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// window picks about snippetWindow bytes starting a little before the first
// match, cut at spaces.
func window(text string, ranges [][2]int) (int, int) {
	from := 0
	if len(ranges) > 0 {
		from = max(0, ranges[0][0]-snippetWindow/4)
	}
	to := min(len(text), from+snippetWindow)
	if from > 0 {
		if i := strings.IndexByte(text[from:], ' '); i >= 0 && from+i < ranges[0][0] {
			from += i + 1
		}
	}
	if to < len(text) {
		if i := strings.LastIndexByte(text[from:to], ' '); i > 0 {
			to = from + i
		}
	}
	return from, to
}

// label is the human label of a facet value, from the gazetteer and
// taxonomy; a value they do not know is its own label.
func label(field, value string) string {
	return corpus.Label(field, value)
}
