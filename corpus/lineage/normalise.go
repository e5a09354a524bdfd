// Package lineage finds near-duplicate language across passages: it
// normalises wording, signs passages with MinHash over word shingles, groups
// them into language families with locality-sensitive hashing and an exact
// word alignment, and explains changes between members with word-level diffs.
//
// Dependency rule: lineage imports the standard library, golang.org/x/text
// and github.com/sergi/go-diff; never corpus' other subpackages, indexer,
// search or api. Callers turn passages into Items themselves.
package lineage

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// abbreviations are spelled out before comparison: General Assembly texts
// wrote "ICTs" until 2019 and "information and communications technologies"
// from 2020, and the change should not hide a paragraph's lineage.
var abbreviations = map[string][]string{
	"ict":  {"information", "and", "communications", "technology"},
	"icts": {"information", "and", "communications", "technologies"},
}

// nameJoiners are the lower-case words a proper name may contain
// ("Group of Governmental Experts on Developments in the Field of ...").
var nameJoiners = map[string]bool{"of": true, "on": true, "in": true, "the": true, "and": true, "for": true, "to": true}

// minNameWords is how many capitalised words make a run a proper name.
const minNameWords = 3

// Normalise returns the words of text as lineage compares them: NFKC,
// split at anything that is not a letter, digit or combining mark (so
// punctuation, quotes, dashes, hyphens and line breaks do not matter),
// lower-cased, with the abbreviations ICT and ICTs spelled out, and each
// proper name of three or more capitalised words ("Charter of the United
// Nations", the seventeen words naming the Group of Governmental Experts)
// joined into one word, so that long names shared by otherwise different
// paragraphs do not make them look alike.
func Normalise(text string) []string {
	words := strings.FieldsFunc(norm.NFKC.String(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		if n := nameLength(words[i:]); n > 0 {
			out = append(out, strings.ToLower(strings.Join(words[i:i+n], "_")))
			i += n
			continue
		}
		w := strings.ToLower(words[i])
		if long, ok := abbreviations[w]; ok {
			out = append(out, long...)
		} else {
			out = append(out, w)
		}
		i++
	}
	return out
}

// nameLength returns how many words at the start of words form a proper
// name (at least minNameWords capitalised words, joined only by
// nameJoiners), or 0.
func nameLength(words []string) int {
	caps, end := 0, 0
	for i, w := range words {
		switch {
		case capitalised(w):
			caps, end = caps+1, i+1
		case nameJoiners[w] && caps > 0:
		default:
			if caps >= minNameWords {
				return end
			}
			return 0
		}
	}
	if caps >= minNameWords {
		return end
	}
	return 0
}

func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// quoteDash maps typographic quotes and dashes to their ASCII forms, so a
// diff does not report a word as changed because of its quotes.
var quoteDash = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u2032", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u00ab", "\"", "\u00bb", "\"",
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2212", "-",
)

// tokens splits text into its printed words (whitespace-separated, with
// their punctuation) and returns them with the keys a diff compares: NFKC
// with quotes and dashes unified.
func tokens(text string) (printed, keys []string) {
	printed = strings.Fields(text)
	keys = make([]string, len(printed))
	for i, w := range printed {
		keys[i] = quoteDash.Replace(norm.NFKC.String(w))
	}
	return printed, keys
}
