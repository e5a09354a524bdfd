package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func hitIDs(r *Response) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestSearchMatches(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"phrase exact", Request{Query: `"armed attack"`}, []string{pid("X/1/1", 1)}},
		{"phrase no stemming", Request{Query: `"armed attacks"`}, []string{pid("X/2/2", 1)}},
		{"word stemmed", Request{Query: "attack"}, []string{pid("X/1/1", 1), pid("X/2/2", 1), pid("X/3/3", 2)}},
		{"phrase across line breaks", Request{Query: `"deserves protection against hostile"`}, []string{pid("X/1/1", 3)}},
		{"implicit and", Request{Query: "capacity infrastructure"}, []string{pid("X/3/3", 1)}},
		{"or", Request{Query: "hospitals OR directory"}, []string{pid("X/2/2", 1), pid("X/4/4", 2)}},
		{"not", Request{Query: "sovereignty NOT damage"}, []string{pid("X/2/2", 2)}},
		{"minus", Request{Query: "sovereignty -damage"}, []string{pid("X/2/2", 2)}},
		{"parentheses", Request{Query: "(hospitals OR directory) contact"}, []string{pid("X/4/4", 2)}},
		{"field in query", Request{Query: "building state:SAU"}, []string{pid("X/5/5", 2)}},
		{"prefix", Request{Query: "sovereign*"}, []string{pid("X/2/2", 2), pid("X/2/2", 3)}},
		{"fuzzy", Request{Query: "sovreignty~"}, []string{pid("X/2/2", 2), pid("X/2/2", 3)}},
		{"filter or within field", Request{Query: "building", Filters: map[string][]string{"state": {"EGY", "SAU"}}},
			[]string{pid("X/4/4", 1), pid("X/5/5", 2)}},
		{"filter and across fields", Request{Query: "building", Filters: map[string][]string{"state": {"EGY", "SAU"}, "type": {"statement"}}},
			[]string{pid("X/5/5", 2)}},
		{"date range", Request{Query: "building", From: "2022", To: "2023-12"}, []string{pid("X/4/4", 1)}},
		{"match all with filter", Request{Query: "*", Filters: map[string][]string{"symbol": {"X/4/4"}}},
			[]string{pid("X/4/4", 1), pid("X/4/4", 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if got := hitIDs(resp); !slices.Equal(got, want) {
				t.Errorf("hits = %v, want %v", got, want)
			}
			if resp.Total != uint64(len(tt.want)) || !resp.TotalExact {
				t.Errorf("total = %d (exact %v), want %d", resp.Total, resp.TotalExact, len(tt.want))
			}
		})
	}
}

func TestSearchErrors(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name string
		req  Request
		code string
	}{
		{"unbalanced quote", Request{Query: `"armed attack`}, "bad_query"},
		{"unknown query field", Request{Query: "colour:red"}, "unknown_field"},
		{"unknown filter", Request{Filters: map[string][]string{"colour": {"red"}}}, "unknown_field"},
		{"unknown facet", Request{Facets: []string{"colour"}}, "unknown_field"},
		{"bad date", Request{From: "last year"}, "bad_filter"},
		{"size", Request{Size: 101}, "bad_size"},
		{"sort", Request{Sort: "title"}, "bad_sort"},
		{"cursor", Request{Cursor: "eyJhIjpbIjEiLCJ4Il0sInMiOiIwIn0"}, "bad_cursor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.req)
			var e *Error
			if !errors.As(err, &e) || e.Code != tt.code || e.Hint == "" {
				t.Fatalf("err = %v, want *Error %s with a hint", err, tt.code)
			}
		})
	}
}

func TestHighlightEscapes(t *testing.T) {
	ix := openFixture(t)
	resp, err := ix.Search(context.Background(), Request{Query: "markup", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Hits) != 1 {
		t.Fatalf("%d hits", len(resp.Hits))
	}
	s := resp.Hits[0].Snippet
	if strings.Contains(s, "<script>") || !strings.Contains(s, "&lt;script&gt;") || !strings.Contains(s, "<mark>markup</mark>") {
		t.Errorf("snippet = %q", s)
	}
}
