package api

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/gorilla/mux"
)

// TestOpenAPIMatchesRoutes checks that every route of the router is
// described in openapi.json with its methods, and every described path and
// method is a route.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	srv := New(&fakeSearcher{}, Options{Logger: quietLogger(),
		Admin: &Admin{Token: "t", Store: &Uploads{Dir: t.TempDir()}, Reindex: func(context.Context) error { return nil }}})
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	routed := map[string]bool{} // "GET /v1/search"
	err := srv.Router().Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := route.GetPathTemplate()
		if err != nil {
			return nil
		}
		methods, err := route.GetMethods()
		if err != nil {
			return nil // a prefix subrouter
		}
		for _, m := range methods {
			routed[m+" "+path] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	described := map[string]bool{}
	for path, ops := range doc.Paths {
		for m := range ops {
			described[strings.ToUpper(m)+" "+path] = true
		}
	}
	for _, k := range sortedKeys(routed) {
		if !described[k] {
			t.Errorf("route %s is not described in openapi.json", k)
		}
	}
	for _, k := range sortedKeys(described) {
		if !routed[k] {
			t.Errorf("openapi.json describes %s, which is not a route", k)
		}
	}
	if len(routed) < 15 {
		t.Errorf("only %d routes walked", len(routed))
	}
	rec := do(t, srv, http.MethodGet, "/openapi.json", "", nil)
	if rec.Code != 200 || rec.Body.Len() != len(openAPI) {
		t.Errorf("GET /openapi.json: %d, %d bytes", rec.Code, rec.Body.Len())
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
