package search

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want node // nil: an error is expected
	}{
		{"", matchAllNode{}},
		{" * ", matchAllNode{}},
		{"armed attack", boolNode{Must: []node{wordNode{Text: "armed"}, wordNode{Text: "attack"}}}},
		{`"armed  attack"`, phraseNode{Text: "armed attack"}},
		{"“armed attack”", phraseNode{Text: "armed attack"}},
		{"a OR b", boolNode{Should: []node{wordNode{Text: "a"}, wordNode{Text: "b"}}}},
		{"a AND b OR c", boolNode{Should: []node{boolNode{Must: []node{wordNode{Text: "a"}, wordNode{Text: "b"}}}, wordNode{Text: "c"}}}},
		{"a -b", boolNode{Must: []node{wordNode{Text: "a"}}, MustNot: []node{wordNode{Text: "b"}}}},
		{"a NOT b", boolNode{Must: []node{wordNode{Text: "a"}}, MustNot: []node{wordNode{Text: "b"}}}},
		{"+a", wordNode{Text: "a"}},
		{"state-sponsored", wordNode{Text: "state-sponsored"}},
		{"state:FRA", fieldNode{Field: "state", Value: "FRA"}},
		{`symbol:"A/70/174"`, fieldNode{Field: "symbol", Value: "A/70/174"}},
		{"Sovereign*", wordNode{Text: "sovereign", Prefix: true}},
		{"attak~", wordNode{Text: "attak", Fuzzy: 1}},
		{"attak~2", wordNode{Text: "attak", Fuzzy: 2}},
		{"(a)", wordNode{Text: "a"}},
		{`"unbalanced`, nil},
		{"(a OR b", nil},
		{"a)", nil},
		{"a OR", nil},
		{"AND a", nil},
		{"NOT", nil},
		{"()", nil},
		{`""`, nil},
		{"ab*", nil},
		{"a~3", nil},
		{"colour:red", nil},
		{"state:", nil},
		{strings.Repeat("a", MaxQueryLength+1), nil},
		{strings.Repeat("w ", MaxQueryClauses+1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got, err := parseQuery(tt.q)
			if tt.want == nil {
				var e *Error
				if !errors.As(err, &e) || e.Hint == "" {
					t.Fatalf("parseQuery(%q) = %v, %v; want an *Error with a hint", tt.q, got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !equalNodes(got, tt.want) {
				t.Errorf("parseQuery(%q) = %#v, want %#v", tt.q, got, tt.want)
			}
		})
	}
}

func equalNodes(a, b node) bool {
	ab, ok1 := a.(boolNode)
	bb, ok2 := b.(boolNode)
	if ok1 != ok2 {
		return false
	}
	if !ok1 {
		return a == b
	}
	return equalNodeLists(ab.Must, bb.Must) && equalNodeLists(ab.Should, bb.Should) && equalNodeLists(ab.MustNot, bb.MustNot)
}

func equalNodeLists(a, b []node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equalNodes(a[i], b[i]) {
			return false
		}
	}
	return true
}

// FuzzParseQuery runs arbitrary query text through the parser and a real
// search: the only errors allowed are the client's (*Error with a hint).
func FuzzParseQuery(f *testing.F) {
	ix := openFixture(f)
	f.Fuzz(func(t *testing.T, q string) {
		_, err := ix.Search(context.Background(), Request{Query: q, Size: 5, Highlight: true})
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) || e.Code == "" || e.Hint == "" {
			t.Fatalf("query %q: server error %v", q, err)
		}
	})
}
