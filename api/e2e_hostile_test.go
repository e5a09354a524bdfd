package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestHostileQueriesOverRealIndex sends expensive or malformed queries to
// the real search package: each is a 4xx with a hint, or a bounded 200,
// never a 5xx.
func TestHostileQueriesOverRealIndex(t *testing.T) {
	ts, _, _ := fixtureServer(t, "")
	queries := []string{
		strings.Repeat("(", 400) + "a" + strings.Repeat(")", 400),
		strings.Repeat("a OR ", 150) + "b",
		"*", "**", "a*", "*a", "a~9", "lighthouse~", "\"unclosed phrase",
		"title:", ":", "state:FRA", "nosuchfield:x", "-", "NOT", "AND OR NOT", "a AND", "(a OR b", "a)",
		"\u0000", "\"\"", "x" + strings.Repeat("?", 100), strings.Repeat("ab* ", 200),
	}
	for _, q := range queries {
		resp, err := http.Get(ts.URL + "/v1/search?q=" + url.QueryEscape(q) + "&facets=state,topic,principle,body,year")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch {
		case resp.StatusCode >= 500:
			t.Errorf("q=%.60q: %d %s", q, resp.StatusCode, body)
		case resp.StatusCode >= 400:
			var e struct {
				Error struct{ Code, Message, Hint string }
			}
			if json.Unmarshal(body, &e) != nil || e.Error.Hint == "" {
				t.Errorf("q=%.60q: %d without a JSON hint: %s", q, resp.StatusCode, body)
			}
		}
		t.Logf("q=%.40q -> %d %.120s", q, resp.StatusCode, body)
	}
}
