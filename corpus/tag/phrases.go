package tag

// phrase is one pattern of a phraseSet: a sequence of words and what a match
// of it means.
type phrase struct {
	labels     []string // what the phrase tags ("" entries are suppressors: they tag nothing)
	exactCase  bool     // every token must be upper case (acronyms such as "US")
	capital    bool     // the first token must be capitalised (names of states)
	adjective  bool     // a demonym: counts only before a word of the noun set
	closeParen bool     // the pattern ends with ")": extend the evidence over it
}

// trieNode is a node of the word trie of a phraseSet.
type trieNode struct {
	next   map[int32]*trieNode
	phrase *phrase
}

// phraseSet finds the leftmost-longest occurrences of many phrases in a
// token sequence, in time linear in the number of tokens times the length
// of the longest phrase.
type phraseSet struct {
	vocab *vocabulary
	root  trieNode
}

func newPhraseSet(v *vocabulary) *phraseSet { return &phraseSet{vocab: v} }

// add registers text as a phrase meaning p. A later phrase with the same
// words replaces an earlier one.
func (s *phraseSet) add(text string, p phrase) {
	n := &s.root
	for _, id := range s.vocab.words(text) {
		if n.next == nil {
			n.next = map[int32]*trieNode{}
		}
		child, ok := n.next[id]
		if !ok {
			child = &trieNode{}
			n.next[id] = child
		}
		n = child
	}
	pp := p
	n.phrase = &pp
}

// match is one occurrence of a phrase: tokens [from, to).
type match struct {
	from, to int
	phrase   *phrase
}

// longestAt returns the end of the longest phrase starting at token i that
// accept allows, or 0 and nil.
func (s *phraseSet) longestAt(toks []token, i int, accept func(p *phrase, from, to int) bool) (int, *phrase) {
	n := &s.root
	bestEnd, best := 0, (*phrase)(nil)
	for j := i; j < len(toks); j++ {
		if toks[j].id < 0 || n.next == nil {
			break
		}
		child, ok := n.next[toks[j].id]
		if !ok {
			break
		}
		n = child
		if n.phrase != nil && (accept == nil || accept(n.phrase, i, j+1)) {
			bestEnd, best = j+1, n.phrase
		}
	}
	return bestEnd, best
}

// find appends the leftmost-longest, non-overlapping matches in toks.
func (s *phraseSet) find(toks []token, accept func(p *phrase, from, to int) bool, out []match) []match {
	for i := 0; i < len(toks); {
		if end, p := s.longestAt(toks, i, accept); p != nil {
			out = append(out, match{from: i, to: end, phrase: p})
			i = end
			continue
		}
		i++
	}
	return out
}
