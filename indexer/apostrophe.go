package indexer

import (
	"bytes"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// apostropheFilter is the char filter of AnalyzerText, registered with
// Bleve under this name: it turns the apostrophe look-alikes (U+2018,
// U+2019, U+02BC, grave and acute accents) into "'", so "Ruritania’s" and
// "Ruritania's" are indexed alike. A byte replacer, which leaves text
// without look-alikes untouched (a regexp char filter cost 1.4% of
// indexing).
const apostropheFilter = "precedent_apostrophe"

const apostropheLookalikes = "\u2018\u2019\u02bc`\u00b4"

var apostropheReplacer = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u02bc", "'", "`", "'", "\u00b4", "'")

type apostropheCharFilter struct{}

// Filter returns input with its apostrophe look-alikes replaced.
func (apostropheCharFilter) Filter(input []byte) []byte {
	if !bytes.ContainsAny(input, apostropheLookalikes) {
		return input
	}
	return []byte(apostropheReplacer.Replace(string(input)))
}

func init() {
	err := registry.RegisterCharFilter(apostropheFilter, func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) {
		return apostropheCharFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
