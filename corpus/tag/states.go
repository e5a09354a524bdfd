package tag

import (
	"slices"
	"strings"

	"github.com/precedent/precedent/corpus"
)

// demonymNouns are the words after which a demonym ("French", "Dutch")
// names its state: "the French Government" mentions France, "the French
// text" or "the Russian language" does not.
var demonymNouns = []string{
	"government", "governments", "authorities", "authority", "territory", "delegation", "position", "positions",
	"view", "views", "state", "officials", "forces", "armed", "military", "ministry", "minister", "president",
	"presidency", "parliament", "legislation", "courts", "court", "citizens", "nationals", "people", "digital",
	"infrastructure", "networks", "systems", "elections", "election", "sovereignty", "embassy", "intelligence",
	"cyber", "side", "approach", "proposal", "initiative", "statement", "contribution", "mission", "representative",
	"companies", "company", "agencies", "agency", "institutions", "cyberspace", "critical", "national", "troops",
}

// stateExceptions are capitalised phrases that contain a state's name but
// do not mention it.
var stateExceptions = []string{"Gulf of Guinea", "New Guinea", "New Mexico", "American Convention", "Korean Peninsula"}

func (t *tagger) addStates() {
	for _, s := range corpus.States() {
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			t.stateSet.add(name, phrase{labels: []string{s.Code}, capital: true, exactCase: isAcronym(name),
				closeParen: strings.HasSuffix(name, ")")})
		}
		for _, adj := range s.Adjectives {
			t.stateSet.add(adj, phrase{labels: []string{s.Code}, capital: true, adjective: true})
		}
	}
	for _, e := range stateExceptions {
		t.stateSet.add(e, phrase{})
	}
	for _, n := range demonymNouns {
		t.nouns[t.vocab.id(n)] = true
	}
}

func (t *tagger) addGroups() {
	for _, g := range corpus.Groups() {
		for _, name := range append([]string{g.Name}, g.Aliases...) {
			t.groupSet.add(name, phrase{labels: []string{g.ID}, capital: true, exactCase: isAcronym(name)})
		}
	}
}

// isAcronym reports whether a name is written in capitals only ("US",
// "U.S.", "UAE"): such names match only in capitals.
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters > 0
}

// acceptName is the matching rule for names: capitalised, acronyms in
// capitals, demonyms only before a noun of the noun set.
func (t *tagger) acceptName(toks []token, demonyms bool) func(p *phrase, from, to int) bool {
	return func(p *phrase, from, to int) bool {
		if p.labels == nil {
			return true
		}
		if p.capital && toks[from].flags&capitalised == 0 {
			return false
		}
		if p.exactCase {
			for _, tk := range toks[from:to] {
				if tk.flags&allUpper == 0 {
					return false
				}
			}
		}
		if p.adjective {
			return demonyms && to < len(toks) && toks[to].id >= 0 && t.nouns[toks[to].id]
		}
		return true
	}
}

// mentions returns the states a tokenised text names, each with evidence,
// in order of first mention.
func (t *tagger) mentions(text string, toks []token) []corpus.Tag {
	var c collector
	for _, m := range t.stateSet.find(toks, t.acceptName(toks, true), nil) {
		if len(m.phrase.labels) == 0 {
			continue
		}
		start, end := int(toks[m.from].start), int(toks[m.to-1].end)
		if m.phrase.closeParen && end < len(text) && text[end] == ')' {
			end++
		}
		c.add(m.phrase.labels[0], text, start, end)
	}
	out := make([]corpus.Tag, 0, len(c.order))
	for _, code := range c.order {
		out = append(out, corpus.Tag{ID: code, Evidence: c.ev[code]})
	}
	return out
}

// FindStates returns the states a text mentions by name, short or former
// name, acronym or demonym (before a noun such as "Government"), each with
// its evidence, in order of first mention. The longest name wins: "South
// Sudan" is not "Sudan", "Papua New Guinea" is not "Guinea".
func FindStates(text string) []corpus.Tag {
	t := shared()
	return t.mentions(text, t.vocab.tokenise(text, nil))
}

// ResolveStates resolves a list of state names as printed in a draft's
// sponsor line ("Algeria, Iran (Islamic Republic of), ... and Zimbabwe",
// broken across lines anywhere) into alpha-3 codes, in order. unresolved
// holds the parts of the list that name no state, other than "and".
func ResolveStates(list string) (codes []string, unresolved []string) {
	t := shared()
	toks := t.vocab.tokenise(list, nil)
	and := t.vocab.ids["and"]
	gapFrom := -1
	flush := func(to int) {
		if gapFrom >= 0 {
			unresolved = append(unresolved, list[toks[gapFrom].start:toks[to-1].end])
			gapFrom = -1
		}
	}
	next := 0
	for _, m := range t.stateSet.find(toks, t.acceptName(toks, false), nil) {
		for i := next; i < m.from; i++ {
			if toks[i].id == and {
				flush(i)
			} else if gapFrom < 0 {
				gapFrom = i
			}
		}
		flush(m.from)
		if len(m.phrase.labels) > 0 && !slices.Contains(codes, m.phrase.labels[0]) {
			codes = append(codes, m.phrase.labels[0])
		}
		next = m.to
	}
	for i := next; i < len(toks); i++ {
		if toks[i].id == and {
			flush(i)
		} else if gapFrom < 0 {
			gapFrom = i
		}
	}
	flush(len(toks))
	return codes, unresolved
}

// FindGroups returns the ids of the groups a text names, such as the
// "* On behalf of ... the Movement of Non-Aligned Countries" footnote of a
// draft.
func FindGroups(text string) []string {
	t := shared()
	toks := t.vocab.tokenise(text, nil)
	var ids []string
	for _, m := range t.groupSet.find(toks, t.acceptName(toks, false), nil) {
		if id := m.phrase.labels[0]; !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// sectionState returns the state a passage's innermost state heading names
// ("Australia", "3. Netherlands (Kingdom of the)"), or "".
func (t *tagger) sectionState(headings []string) string {
	for i := len(headings) - 1; i >= 0; i-- {
		toks := t.vocab.tokenise(headings[i], nil)
		k := 0
		for k < len(toks) && isNumbering(headings[i][toks[k].start:toks[k].end]) {
			k++
		}
		if k == len(toks) {
			continue
		}
		end, p := t.stateSet.longestAt(toks, k, t.acceptName(toks, false))
		if p != nil && len(p.labels) > 0 && end == len(toks) {
			return p.labels[0]
		}
	}
	return ""
}

// isNumbering reports whether a heading's word is a section number: digits,
// a single letter or a Roman numeral.
func isNumbering(w string) bool {
	if len(w) == 1 {
		return true
	}
	return strings.Trim(w, "0123456789") == "" || strings.Trim(w, "IVXLC") == ""
}
