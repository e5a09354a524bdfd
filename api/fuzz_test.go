package api

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzParseSearchURL checks that any query string either parses into a
// request within the bounds or is refused with a client error.
func FuzzParseSearchURL(f *testing.F) {
	for _, s := range []string{"q=sovereignty&state=FRA&state=NLD&facets=state,year", "size=-1", "from=2015-02-30",
		"q=%22exact+phrase%22&sort=-date&cursor=abc", "facets=,,", "highlight=TRUE&unit=document"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		req, err := parseSearchURL(q, "format")
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: error %T is not a client error", raw, err)
			}
			return
		}
		if req.Size < 1 || req.Size > MaxSize || req.FacetSize < 1 || req.FacetSize > MaxFacetSize || len(req.Query) > MaxQueryLen {
			t.Fatalf("%q: out of bounds request %+v", raw, req)
		}
	})
}

// FuzzParseSearchJSON does the same for POST bodies.
func FuzzParseSearchJSON(f *testing.F) {
	for _, s := range []string{`{"q":"x","state":["FRA"],"size":5}`, `{"facets":["state","year"],"facet_size":0}`,
		`{"q":`, `[]`, `{"size":1e100}`, `{"from":"2015","to":"2014"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/v1/search", strings.NewReader(body))
		req, err := parseSearchJSON(r)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: error %T is not a client error", body, err)
			}
			return
		}
		if req.Size < 1 || req.Size > MaxSize || req.FacetSize < 1 || req.FacetSize > MaxFacetSize {
			t.Fatalf("%q: out of bounds request %+v", body, req)
		}
	})
}
