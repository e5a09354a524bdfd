package api

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var hostileTable = flag.String("hostile-table", "", "write the hostile-request table as Markdown to this file")

// hostile is one malformed or hostile request and the answer it must get.
type hostile struct {
	name   string
	method string
	target string
	body   string
	header map[string]string
	status int
	code   string // expected error code; "" accepts any
}

func hostileRequests(t *testing.T) []hostile {
	bearer := map[string]string{"Authorization": "Bearer " + testToken}
	js := map[string]string{"Content-Type": "application/json"}
	long := strings.Repeat("a", MaxQueryLen+1)
	upload, uploadCT := multipartBody(t, "x.exe", []byte{0x4d, 0x5a, 0, 0, 1, 2}, `{"title":"t"}`)
	big, bigCT := multipartBody(t, "big.txt", []byte(strings.Repeat("b", 5000)), `{"title":"t"}`)
	noMeta, noMetaCT := multipartBody(t, "a.txt", []byte("text"), "")
	badMeta, badMetaCT := multipartBody(t, "a.txt", []byte("text"), `{"title":"t","path":"/etc"}`)
	badState, badStateCT := multipartBody(t, "a.txt", []byte("text"), `{"title":"t","states":["../x"]}`)
	return []hostile{
		{"unbalanced parentheses", "GET", "/v1/search?q=(((", "", nil, 400, "bad_query"},
		{"unknown parameter", "GET", "/v1/search?q=x&sate=FRA", "", nil, 400, "unknown_parameter"},
		{"unknown parameter typo of facets", "GET", "/v1/search?facet=state", "", nil, 400, "unknown_parameter"},
		{"unknown facet field", "GET", "/v1/search?facets=state,colour", "", nil, 400, "unknown_field"},
		{"duplicate facet", "GET", "/v1/search?facets=state,state", "", nil, 400, "bad_parameter"},
		{"query too long", "GET", "/v1/search?q=" + long, "", nil, 400, "too_large"},
		{"too many values of a field", "GET", "/v1/search?" + strings.Repeat("state=FRA&", MaxFieldValues+1), "", nil, 400, "too_many_values"},
		{"filter value too long", "GET", "/v1/search?topic=" + strings.Repeat("z", MaxValueLen+1), "", nil, 400, "too_large"},
		{"size zero", "GET", "/v1/search?size=0", "", nil, 400, "bad_parameter"},
		{"negative size", "GET", "/v1/search?size=-5", "", nil, 400, "bad_parameter"},
		{"size over max", "GET", "/v1/search?size=101", "", nil, 400, "bad_parameter"},
		{"size not a number", "GET", "/v1/search?size=ten", "", nil, 400, "bad_parameter"},
		{"size overflow", "GET", "/v1/search?size=99999999999999999999", "", nil, 400, "bad_parameter"},
		{"facet_size over max", "GET", "/v1/search?facets=state&facet_size=1000", "", nil, 400, "bad_parameter"},
		{"negative facet_size", "GET", "/v1/search?facets=state&facet_size=-1", "", nil, 400, "bad_parameter"},
		{"repeated scalar", "GET", "/v1/search?size=1&size=2", "", nil, 400, "repeated_parameter"},
		{"bad unit", "GET", "/v1/search?unit=chapter", "", nil, 400, "bad_parameter"},
		{"bad sort", "GET", "/v1/search?sort=score", "", nil, 400, "bad_parameter"},
		{"semicolon in query string", "GET", "/v1/search?sort=date;drop", "", nil, 400, "bad_query_string"},
		{"bad percent escape", "GET", "/v1/search?q=%zz", "", nil, 400, "bad_query_string"},
		{"bad highlight", "GET", "/v1/search?highlight=maybe", "", nil, 400, "bad_parameter"},
		{"invalid date", "GET", "/v1/search?from=2015-13-40", "", nil, 400, "bad_date"},
		{"date as words", "GET", "/v1/search?to=yesterday", "", nil, 400, "bad_date"},
		{"from after to", "GET", "/v1/search?from=2021&to=2015", "", nil, 400, "bad_date"},
		{"bad cursor", "GET", "/v1/search?q=x&cursor=bogus", "", nil, 400, "bad_cursor"},
		{"huge cursor", "GET", "/v1/search?cursor=" + strings.Repeat("c", MaxCursorLen+1), "", nil, 400, "bad_cursor"},
		{"control character in q", "GET", "/v1/search?q=a%00b", "", nil, 400, "bad_encoding"},
		{"invalid UTF-8 in q", "GET", "/v1/search?q=%ff%fe", "", nil, 400, "bad_encoding"},
		{"bad export format", "GET", "/v1/export?format=xlsx", "", nil, 400, "bad_parameter"},
		{"export limit over max", "GET", "/v1/export?limit=10001", "", nil, 400, "bad_parameter"},
		{"export unknown parameter", "GET", "/v1/export?fmt=csv", "", nil, 400, "unknown_parameter"},
		{"documents with unit=passage", "GET", "/v1/documents?unit=passage", "", nil, 400, "bad_parameter"},
		{"POST bad JSON", "POST", "/v1/search", `{"q":`, js, 400, "bad_json"},
		{"POST empty body", "POST", "/v1/search", "", js, 400, "bad_json"},
		{"POST unknown field", "POST", "/v1/search", `{"q":"x","stat":["FRA"]}`, js, 400, "unknown_field"},
		{"POST filter as string", "POST", "/v1/search", `{"state":"FRA"}`, js, 400, "bad_json"},
		{"POST two objects", "POST", "/v1/search", `{"q":"a"}{"q":"b"}`, js, 400, "bad_json"},
		{"POST size negative", "POST", "/v1/search", `{"size":-1}`, js, 400, "bad_parameter"},
		{"POST array body", "POST", "/v1/search", `["q"]`, js, 400, "bad_json"},
		{"POST wrong content type", "POST", "/v1/search", `q=x`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"},
		{"POST body over 1 MiB", "POST", "/v1/search", `{"q":"` + strings.Repeat("x", MaxSearchBody) + `"}`, js, 413, "too_large"},
		{"POST unknown query parameter", "POST", "/v1/search?debug=1", `{}`, js, 400, "unknown_parameter"},
		{"traversal in document id", "GET", "/v1/documents/..%2f..%2fetc%2fpasswd", "", nil, 400, "bad_id"},
		{"encoded dot-dot id", "GET", "/v1/documents/%2e%2e", "", nil, 400, "bad_id"},
		{"plain traversal path", "GET", "/v1/documents/../../etc/passwd", "", nil, 404, "not_found"},
		{"backslash traversal in passage id", "GET", "/v1/passages/..%5c..%5cwin.ini", "", nil, 400, "bad_id"},
		{"id too long", "GET", "/v1/passages/" + strings.Repeat("p", MaxIDLen+1), "", nil, 400, "bad_id"},
		{"unknown document", "GET", "/v1/documents/NOPE.en", "", nil, 404, "not_found"},
		{"parameter on document", "GET", "/v1/documents/A_RES_99_1.en?fields=all", "", nil, 400, "unknown_parameter"},
		{"unknown facet route", "GET", "/v1/facets/password", "", nil, 400, "unknown_field"},
		{"unknown route", "GET", "/v2/search", "", nil, 404, "not_found"},
		{"DELETE search", "DELETE", "/v1/search", "", nil, 405, "method_not_allowed"},
		{"PUT document", "PUT", "/v1/documents/A_RES_99_1.en", "{}", nil, 405, "method_not_allowed"},
		{"POST taxonomy", "POST", "/v1/taxonomy", "{}", nil, 405, "method_not_allowed"},
		{"GET admin upload", "GET", "/v1/admin/documents", "", nil, 405, "method_not_allowed"},
		{"URI too long", "GET", "/v1/search?q=" + strings.Repeat("a", MaxURILen), "", nil, 414, "uri_too_long"},
		{"headers too large", "GET", "/v1/search", "", map[string]string{"X-Junk": strings.Repeat("j", MaxHeaderLen+1)}, 431, "headers_too_large"},
		{"lineage of a traversal id", "GET", "/v1/passages/..%2fx/lineage", "", nil, 400, "bad_id"},
		{"lineage with unknown parameter", "GET", "/v1/passages/A_RES_99_1.en-p1/lineage?depth=9", "", nil, 400, "unknown_parameter"},
		{"pasted lineage empty", "POST", "/v1/lineage", `{"text":"   "}`, js, 400, "bad_parameter"},
		{"pasted lineage unknown field", "POST", "/v1/lineage", `{"txt":"x"}`, js, 400, "unknown_field"},
		{"pasted lineage text too long", "POST", "/v1/lineage", `{"text":"` + strings.Repeat("w ", 3000) + `"}`, js, 400, "too_large"},
		{"pasted lineage body too large", "POST", "/v1/lineage", `{"text":"` + strings.Repeat("w", MaxLineageBody) + `"}`, js, 413, "too_large"},
		{"pasted lineage wrong method", "GET", "/v1/lineage?text=x", "", nil, 405, "method_not_allowed"},
		{"similar size negative", "GET", "/v1/passages/A_RES_99_1.en-p1/similar?size=-3", "", nil, 400, "bad_parameter"},
		{"compare without subject", "GET", "/v1/compare?state=FRA&state=NLD", "", nil, 400, "bad_parameter"},
		{"compare two subjects", "GET", "/v1/compare?principle=sovereignty&topic=norms&state=FRA", "", nil, 400, "bad_parameter"},
		{"compare without states", "GET", "/v1/compare?principle=sovereignty", "", nil, 400, "bad_parameter"},
		{"compare too many states", "GET", "/v1/compare?principle=sovereignty" + strings.Repeat("&state=FRA", 31), "", nil, 400, "bad_parameter"},
		{"compare size over max", "GET", "/v1/compare?principle=sovereignty&state=FRA&size=500", "", nil, 400, "bad_parameter"},
		{"compare bad export format", "GET", "/v1/compare?principle=sovereignty&state=FRA&format=docx", "", nil, 400, "bad_parameter"},
		{"admin without token", "POST", "/v1/admin/documents", upload, map[string]string{"Content-Type": uploadCT}, 401, "unauthorized"},
		{"admin wrong token", "POST", "/v1/admin/documents", upload, map[string]string{"Content-Type": uploadCT, "Authorization": "Bearer " + testToken + "x"}, 401, "unauthorized"},
		{"admin token without Bearer", "DELETE", "/v1/admin/documents/x", "", map[string]string{"Authorization": testToken}, 401, "unauthorized"},
		{"admin basic auth", "DELETE", "/v1/admin/documents/x", "", map[string]string{"Authorization": "Basic YWRtaW46YWRtaW4="}, 401, "unauthorized"},
		{"admin empty bearer", "DELETE", "/v1/admin/documents/x", "", map[string]string{"Authorization": "Bearer "}, 401, "unauthorized"},
		{"admin executable upload", "POST", "/v1/admin/documents", upload, map[string]string{"Content-Type": uploadCT, "Authorization": bearer["Authorization"]}, 415, "unsupported_media_type"},
		{"admin upload too large", "POST", "/v1/admin/documents", big, map[string]string{"Content-Type": bigCT, "Authorization": bearer["Authorization"]}, 413, "too_large"},
		{"admin upload without metadata", "POST", "/v1/admin/documents", noMeta, map[string]string{"Content-Type": noMetaCT, "Authorization": bearer["Authorization"]}, 400, "bad_upload"},
		{"admin metadata unknown field", "POST", "/v1/admin/documents", badMeta, map[string]string{"Content-Type": badMetaCT, "Authorization": bearer["Authorization"]}, 400, "bad_metadata"},
		{"admin metadata bad state", "POST", "/v1/admin/documents", badState, map[string]string{"Content-Type": badStateCT, "Authorization": bearer["Authorization"]}, 400, "bad_metadata"},
		{"admin upload not multipart", "POST", "/v1/admin/documents", `{"file":"x"}`, map[string]string{"Content-Type": "application/json", "Authorization": bearer["Authorization"]}, 415, "unsupported_media_type"},
		{"admin delete traversal", "DELETE", "/v1/admin/documents/..%2f..%2fdata", "", bearer, 400, "bad_id"},
		{"admin delete a corpus document", "DELETE", "/v1/admin/documents/A_RES_99_1.en", "", bearer, 404, "not_found"},
	}
}

// TestHostileRequests sends each hostile request and checks its status,
// that the body is a JSON error with a hint, and that nothing is a 5xx.
func TestHostileRequests(t *testing.T) {
	srv, _, _ := adminServer(t)
	cases := hostileRequests(t)
	if len(cases) < 50 {
		t.Fatalf("only %d hostile requests", len(cases))
	}
	var table strings.Builder
	table.WriteString("| # | request | status | code |\n|---|---|---|---|\n")
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := do(t, srv, c.method, c.target, c.body, c.header)
			var b struct{ Error *Error }
			err := json.Unmarshal(rec.Body.Bytes(), &b)
			switch {
			case rec.Code != c.status:
				t.Errorf("status %d, want %d; body %.300s", rec.Code, c.status, rec.Body)
			case err != nil || b.Error == nil:
				t.Errorf("body is not a JSON error: %.300s", rec.Body)
			case b.Error.Hint == "":
				t.Errorf("error without a hint: %+v", b.Error)
			case c.code != "" && b.Error.Code != c.code:
				t.Errorf("code %q, want %q (%s)", b.Error.Code, c.code, b.Error.Message)
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Errorf("content type %q", rec.Header().Get("Content-Type"))
			}
			fmt.Fprintf(&table, "| %d | %s: `%s %s` | %d | %s |\n", i+1, c.name, c.method, clip(c.target), rec.Code, c.code)
		})
	}
	if *hostileTable != "" {
		if err := os.WriteFile(*hostileTable, []byte(table.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
