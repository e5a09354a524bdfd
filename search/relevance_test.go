package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// relevanceCase is one query of testdata/relevance.json: the passages of
// Expect must all be among the first K hits (K defaults to 10), those of
// Exclude none of them, and the values of Facet.Includes among the facet's
// terms.
type relevanceCase struct {
	Name    string              `json:"name"`
	Query   string              `json:"query"`
	Filters map[string][]string `json:"filters,omitempty"`
	From    string              `json:"from,omitempty"`
	To      string              `json:"to,omitempty"`
	K       int                 `json:"k,omitempty"`
	Expect  []locator           `json:"expect"`
	Exclude []locator           `json:"exclude,omitempty"` // must not be among the first K
	Facet   *struct {
		Field    string   `json:"field"`
		Includes []string `json:"includes"`
	} `json:"facet,omitempty"`
}

// locator names a passage stably: its document id and its paragraph
// number as printed, or, for paragraphs without a number (excerpts of
// national positions, preambles), the opening of its text as a hash (see
// opening), which survives changes of segmentation that shift ordinals
// and quotes nothing. A locator with neither matches any passage of the
// document.
type locator struct {
	Doc     string `json:"doc"`
	Number  string `json:"number,omitempty"`
	Opening string `json:"opening,omitempty"`
}

func (l locator) matches(h Hit) bool {
	p := h.Passage
	return p.DocID == l.Doc && (l.Number == "" || p.Number == l.Number) && (l.Opening == "" || opening(p.Text) == l.Opening)
}

func (l locator) String() string {
	switch {
	case l.Number != "":
		return l.Doc + " para. " + l.Number
	case l.Opening != "":
		return l.Doc + " opening " + l.Opening
	}
	return l.Doc
}

// opening returns the first 12 hex digits of the SHA-256 of a text's first
// eight words (lower case, letters and digits only, joined by spaces).
func opening(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	sum := sha256.Sum256([]byte(strings.Join(words[:min(8, len(words))], " ")))
	return hex.EncodeToString(sum[:6])
}

func TestRelevance(t *testing.T) {
	b, err := os.ReadFile("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []relevanceCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Errorf("%d relevance cases, want at least 40", len(cases))
	}
	ix := realIndex(t)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { checkRelevance(t, ix, c) })
	}
}

func checkRelevance(t *testing.T, ix *Index, c relevanceCase) {
	k := c.K
	if k == 0 {
		k = 10
	}
	req := Request{Query: c.Query, Filters: c.Filters, From: c.From, To: c.To, Size: k}
	if c.Facet != nil {
		req.Facets, req.FacetSize = []string{c.Facet.Field}, 50
	}
	resp, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range c.Expect {
		if !slices.ContainsFunc(resp.Hits, want.matches) {
			var got []string
			for _, h := range resp.Hits {
				got = append(got, h.Citation+" ["+h.ID+"]")
			}
			t.Errorf("%s not in the first %d hits of %q; got %v", want, k, c.Query, got)
		}
	}
	for _, bad := range c.Exclude {
		if slices.ContainsFunc(resp.Hits, bad.matches) {
			t.Errorf("%s is in the first %d hits of %q", bad, k, c.Query)
		}
	}
	if c.Facet != nil {
		for _, v := range c.Facet.Includes {
			if !slices.ContainsFunc(resp.Facets[0].Terms, func(ft FacetTerm) bool { return ft.Value == v && ft.Count > 0 }) {
				t.Errorf("facet %s lacks %s: %+v", c.Facet.Field, v, resp.Facets[0].Terms)
			}
		}
	}
}
