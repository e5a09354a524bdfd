package testcorpus

import "strings"

// Edit is a change a diplomat's pasted text may carry, for tests of
// tracing pasted wording (corpus/lineage directly, search through the
// index).
type Edit struct {
	Name string
	Edit func(string) string
}

// PasteEdits are the edits pasted-text tests apply to real paragraphs.
var PasteEdits = []Edit{
	{"word changed", func(s string) string {
		w := strings.Fields(s)
		w[len(w)/2] = "notably"
		return strings.Join(w, " ")
	}},
	{"clause dropped", func(s string) string {
		first := strings.Index(s, ",")
		second := strings.Index(s[first+1:], ",")
		if first < 0 || second < 0 {
			return s
		}
		return s[:first] + s[first+1+second:]
	}},
	{"line breaks and quotes", func(s string) string {
		w := strings.Fields(strings.NewReplacer("\u201c", "\"", "\u201d", "\"", "'", "\u2019").Replace(s))
		for i := 6; i < len(w); i += 7 {
			w[i] += "\n"
		}
		return strings.Join(w, " ")
	}},
	{"two thirds of the paragraph", func(s string) string {
		w := strings.Fields(s)
		return strings.Join(w[:max(len(w)*2/3, 8)], " ")
	}},
}
