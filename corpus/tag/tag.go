// Package tag labels passages with what they are about and who speaks:
// topics, norms and legal principles of the taxonomy (each with the phrases
// that triggered it and their byte offsets), the states a passage mentions,
// and its author states and groups (from document metadata, a draft's
// sponsors and "on behalf of" footnote, or the state heading of the section
// of a compilation of national views).
//
// Tagging is by curated phrase patterns matched word by word on a single
// tokenisation of the passage (see concepts.go), plus one rule for
// statements that international law applies. Names of states come from the
// gazetteer in package corpus.
//
// Dependency rule: tag imports corpus and the standard library only; never
// indexer, search or api.
package tag

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/precedent/precedent/corpus"
)

// maxEvidence caps the evidence kept per tag and passage.
const maxEvidence = 5

var shared = sync.OnceValue(newTagger)

// Document resolves doc.Sponsors and doc.OnBehalfOf into doc.States and
// doc.Groups (added to what metadata gave), then tags every passage: its
// topics, norms and principles with evidence, the states it mentions, its
// author states (the document's, or the state its section is headed by) and
// author groups (the document's and those of the author states).
func Document(doc *corpus.Document) {
	t := shared()
	if doc.Sponsors != "" {
		codes, _ := ResolveStates(doc.Sponsors)
		doc.States = union(doc.States, codes)
	}
	if doc.OnBehalfOf != "" {
		doc.Groups = union(doc.Groups, FindGroups(doc.OnBehalfOf))
	}
	buf := make([]token, 0, 256)
	for i := range doc.Passages {
		p := &doc.Passages[i]
		buf = t.vocab.tokenise(p.Text, buf[:0])
		p.Tags = t.concepts(p.Text, buf)
		p.Tags.Mentions = t.mentions(p.Text, buf)
		authors := doc.States
		if code := t.sectionState(p.Headings); code != "" {
			authors = []string{code}
		}
		p.Tags.States = slices.Clone(authors)
		p.Tags.Groups = authorGroups(doc.Groups, authors)
	}
}

// authorGroups returns the named groups and the groups of the author
// states, sorted and without duplicates.
func authorGroups(named, states []string) []string {
	groups := slices.Clone(named)
	for _, s := range states {
		groups = append(groups, corpus.GroupsOf(s)...)
	}
	sort.Strings(groups)
	return slices.Compact(groups)
}

// union returns a with the elements of b it lacks appended.
func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// Passage tags one passage's text (topics, norms, principles, mentions); it
// leaves author states and groups empty. Callers with a whole document use
// Document.
func Passage(text string) corpus.Tags {
	t := shared()
	toks := t.vocab.tokenise(text, nil)
	tags := t.concepts(text, toks)
	tags.Mentions = t.mentions(text, toks)
	return tags
}

// collector gathers evidence per label in order of first occurrence.
type collector struct {
	order []string
	ev    map[string][]corpus.Evidence
}

func (c *collector) add(label string, text string, start, end int) {
	if c.ev == nil {
		c.ev = map[string][]corpus.Evidence{}
	}
	ev, seen := c.ev[label]
	if !seen {
		c.order = append(c.order, label)
	}
	if len(ev) < maxEvidence {
		c.ev[label] = append(ev, corpus.Evidence{Phrase: text[start:end], Start: start, End: end})
	}
}

func (c *collector) has(label string) bool {
	_, ok := c.ev[label]
	return ok
}

// tags returns the collected labels with the given prefix, in the order of
// the concepts list.
func (c *collector) tags(prefix string, concepts []corpus.Concept) []corpus.Tag {
	var out []corpus.Tag
	for _, k := range concepts {
		if ev, ok := c.ev[prefix+k.ID]; ok {
			out = append(out, corpus.Tag{ID: k.ID, Evidence: ev})
		}
	}
	return out
}

func (c *collector) hasPrefix(prefix string) bool {
	for _, l := range c.order {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
