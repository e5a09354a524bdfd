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

// Normalise returns the words of text as lineage compares them: NFKC,
// lower-cased, split at anything that is not a letter, digit or combining
// mark (so punctuation, quotes, dashes, hyphens and line breaks do not
// matter).
func Normalise(text string) []string {
	text = strings.ToLower(norm.NFKC.String(text))
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
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
