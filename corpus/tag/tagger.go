package tag

import (
	"slices"

	"github.com/precedent/precedent/corpus"
)

// tagger holds the compiled patterns. It is built once and read-only after.
type tagger struct {
	vocab      *vocabulary
	conceptSet *phraseSet
	stateSet   *phraseSet
	groupSet   *phraseSet
	nouns      map[int32]bool // words after which a demonym names its state
	word       map[string]int32
	lawList    map[int32]bool // words of a list of bodies of law ("international human rights law and ...")
}

// ruleWords are the words the applicability rule looks at.
var ruleWords = []string{"international", "law", "charter", "how", "principle", "principles", "of", "the",
	"apply", "applies", "applicable", "applicability", "that", "which", "it", "as"}

// lawListWords are the words that may stand between "international law" or
// "the Charter" and "applies" when they only enumerate further bodies of law
// ("the UN Charter, international human rights law and international
// humanitarian law, fully applies").
var lawListWords = []string{"international", "human", "rights", "humanitarian", "law", "and", "in", "particular",
	"including", "the", "united", "nations", "un", "charter", "of", "customary", "fully", "also", "its", "entirety"}

func newTagger() *tagger {
	v := newVocabulary()
	t := &tagger{vocab: v, conceptSet: newPhraseSet(v), stateSet: newPhraseSet(v), groupSet: newPhraseSet(v),
		nouns: map[int32]bool{}, word: map[string]int32{}, lawList: map[int32]bool{}}
	for _, w := range ruleWords {
		t.word[w] = v.id(w)
	}
	for _, w := range lawListWords {
		t.lawList[v.id(w)] = true
	}
	for _, c := range conceptPatterns {
		labels := c.labels
		if len(labels) == 1 && labels[0] == "" {
			labels = nil
		}
		for _, p := range c.patterns {
			t.conceptSet.add(p, phrase{labels: labels})
		}
	}
	t.addStates()
	t.addGroups()
	return t
}

// concepts finds topics, norms and principles in a tokenised passage.
func (t *tagger) concepts(text string, toks []token) corpus.Tags {
	var c collector
	type weakMatch struct {
		rule  weakRule
		start int
		end   int
	}
	var weak []weakMatch
	for _, m := range t.conceptSet.find(toks, nil, nil) {
		start, end := int(toks[m.from].start), int(toks[m.to-1].end)
		for _, l := range m.phrase.labels {
			if r, ok := weakRules[l]; ok {
				weak = append(weak, weakMatch{r, start, end})
				continue
			}
			c.add(l, text, start, end)
		}
	}
	for _, ev := range t.applicability(toks) {
		c.add("principle:applicability", text, ev[0], ev[1])
	}
	for _, w := range weak {
		if !slices.ContainsFunc(w.rule.unless, c.hasPrefix) {
			c.add(w.rule.label, text, w.start, w.end)
		}
	}
	c.implied("norm:", "topic:norms", text)
	c.implied("principle:", "topic:international_law", text)
	return corpus.Tags{
		Topics:     c.tags("topic:", corpus.Topics()),
		Norms:      c.tags("norm:", corpus.Norms()),
		Principles: c.tags("principle:", corpus.Principles()),
	}
}

// implied adds the topic when a label with the prefix was found and the
// topic was not, with that label's first evidence.
func (c *collector) implied(prefix, topic, text string) {
	if c.has(topic) {
		return
	}
	for _, l := range c.order {
		if len(l) > len(prefix) && l[:len(prefix)] == prefix {
			e := c.ev[l][0]
			c.add(topic, text, e.Start, e.End)
			return
		}
	}
}

// applicability finds statements that international law or the Charter
// applies ("international law, and in particular the Charter ..., is
// applicable", "the applicability of international law"), but not questions
// of how it applies nor a single named principle said to apply. It returns
// evidence spans as [start, end] byte offsets.
func (t *tagger) applicability(toks []token) [][2]int {
	var out [][2]int
	w := t.word
	for i, tk := range toks {
		switch tk.id {
		case w["applicability"]:
			for j := i + 1; j < len(toks) && j <= i+14 && toks[j].flags&sentenceStart == 0; j++ {
				if t.isLawOrCharter(toks, j) {
					out = append(out, [2]int{int(tk.start), int(toks[j].end)})
					break
				}
			}
		case w["apply"], w["applies"], w["applicable"]:
			if subj := t.applySubject(toks, i); subj >= 0 {
				out = append(out, [2]int{int(toks[subj].start), int(tk.end)})
			}
		}
	}
	return out
}

// isLawOrCharter reports whether token j ends "international law" or is
// "Charter".
func (t *tagger) isLawOrCharter(toks []token, j int) bool {
	if toks[j].id == t.word["charter"] {
		return true
	}
	return toks[j].id == t.word["law"] && j > 0 && toks[j-1].id == t.word["international"]
}

// applySubject returns the token where "international law" or "Charter"
// begins as the subject of the verb at i, or -1.
func (t *tagger) applySubject(toks []token, i int) int {
	start := i
	for start > 0 && i-start < 40 && toks[start].flags&sentenceStart == 0 {
		start--
	}
	subj := -1
	for j := i - 1; j >= start; j-- {
		if t.isLawOrCharter(toks, j) {
			subj = j
			if toks[j].id == t.word["law"] {
				subj = j - 1
			}
			break
		}
	}
	if subj < 0 {
		return -1
	}
	w := t.word
	if t.clauseBetween(toks, subj, i) {
		return -1
	}
	for k := start; k < i; k++ {
		id := toks[k].id
		if id == w["how"] {
			return -1
		}
		if (id == w["principle"] || id == w["principles"]) && k+2 < i && toks[k+1].id == w["of"] {
			// "the principles of international law apply" is general; one
			// principle, or a named one, is a single rule said to apply.
			if next := toks[k+2].id; id == w["principle"] || (next != w["the"] && next != w["international"] && next != w["charter"]) {
				return -1
			}
		}
	}
	return subj
}

// clauseBetween reports whether the words between the subject at subj and
// the verb at i show that the verb is not the subject's: more than five
// words that are not just a list of bodies of law ("According to
// international law, the right of self-defence may also apply"), or a
// relative or comparative clause ("law that also applies", "international
// law, as it applies").
func (t *tagger) clauseBetween(toks []token, subj, i int) bool {
	end := subj + 1
	if toks[subj].id == t.word["international"] {
		end = subj + 2
	}
	if i-end > 5 && !t.onlyLawList(toks[end:i]) {
		return true
	}
	for _, tk := range toks[end:i] {
		switch tk.id {
		case t.word["that"], t.word["which"], t.word["it"], t.word["as"]:
			return true
		}
	}
	return false
}

// onlyLawList reports whether every token is a word of a list of bodies of
// law.
func (t *tagger) onlyLawList(toks []token) bool {
	for _, tk := range toks {
		if !t.lawList[tk.id] {
			return false
		}
	}
	return true
}
