package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/precedent/precedent/api/web"
	"github.com/precedent/precedent/search"
)

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// do sends one request to a Server and returns the recorded answer.
func do(t *testing.T, h http.Handler, method, target, body string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decodeError(t *testing.T, rec *httptest.ResponseRecorder) *Error {
	t.Helper()
	var b struct{ Error *Error }
	if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil || b.Error == nil {
		t.Fatalf("status %d: body is not a JSON error: %q", rec.Code, rec.Body.String())
	}
	return b.Error
}

func TestSearchParsesURLAndJSONAlike(t *testing.T) {
	fs := &fakeSearcher{n: 3}
	srv := New(fs, Options{Logger: quietLogger()})
	want := search.Request{Query: `"critical infrastructure" -attack`, From: "2015", To: "2021-06",
		Filters: map[string][]string{"state": {"FRA", "NLD"}, "principle": {"sovereignty"}},
		Facets:  []string{"state", "year"}, FacetSize: 5, Unit: "document", Sort: "-date", Size: 7, Highlight: true}
	cases := []struct{ name, method, target, body string }{
		{"GET", "GET", "/v1/search?q=%22critical+infrastructure%22+-attack&state=FRA&state=NLD&principle=sovereignty" +
			"&from=2015&to=2021-06&facets=state,year&facet_size=5&unit=document&sort=-date&size=7&highlight=true", ""},
		{"POST", "POST", "/v1/search", `{"q":"\"critical infrastructure\" -attack","state":["FRA","NLD"],"principle":["sovereignty"],` +
			`"from":"2015","to":"2021-06","facets":["state","year"],"facet_size":5,"unit":"document","sort":"-date","size":7,"highlight":true}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := do(t, srv, c.method, c.target, c.body, map[string]string{"Content-Type": "application/json"})
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if got := fs.lastRequest(); !reflect.DeepEqual(got, want) {
				t.Errorf("request\n got %+v\nwant %+v", got, want)
			}
			var resp search.Response
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Hits) != 3 || len(resp.Facets) != 2 {
				t.Errorf("response %s (err %v)", rec.Body, err)
			}
		})
	}
}

func TestDocumentsAndPassages(t *testing.T) {
	srv := New(&fakeSearcher{n: 3}, Options{Logger: quietLogger()})
	cases := []struct {
		target string
		status int
		want   string
	}{
		{"/v1/documents/A_RES_99_1.en", 200, `"symbol":"A/RES/99/1"`},
		{"/v1/documents/A_RES_99_2.en", 404, `"code":"not_found"`},
		{"/v1/passages/A_RES_99_1.en-p1", 200, `"next":"A_RES_99_1.en-p2"`},
		{"/v1/passages/nope-p9", 404, `"hint"`},
		{"/v1/documents?state=FRA", 200, `"total":3`},
		{"/v1/facets/state", 200, `"label":"France"`},
		{"/v1/taxonomy", 200, `"principles":[`},
		{"/v1/states", 200, `"groups":[`},
		{"/healthz", 200, `"ok"`},
		{"/readyz", 200, `"ready"`},
	}
	for _, c := range cases {
		t.Run(c.target, func(t *testing.T) {
			rec := do(t, srv, "GET", c.target, "", nil)
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
				t.Errorf("status %d body %.300s; want %d with %s", rec.Code, rec.Body, c.status, c.want)
			}
		})
	}
}

func TestDocumentsListIsByDocumentNewestFirst(t *testing.T) {
	fs := &fakeSearcher{n: 3}
	srv := New(fs, Options{Logger: quietLogger()})
	if rec := do(t, srv, "GET", "/v1/documents?type=resolution", "", nil); rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	if got := fs.lastRequest(); got.Unit != "document" || got.Sort != "-date" {
		t.Errorf("unit %q sort %q, want document and -date", got.Unit, got.Sort)
	}
}

func TestNotReady(t *testing.T) {
	srv := New(&fakeSearcher{notReady: true}, Options{Logger: quietLogger()})
	for _, target := range []string{"/readyz", "/v1/search?q=x", "/v1/documents/A_RES_99_1.en"} {
		rec := do(t, srv, "GET", target, "", nil)
		if rec.Code != http.StatusServiceUnavailable || decodeError(t, rec).Code != "not_ready" {
			t.Errorf("%s: status %d body %s", target, rec.Code, rec.Body)
		}
	}
	if rec := do(t, srv, "GET", "/healthz", "", nil); rec.Code != 200 {
		t.Errorf("healthz while not ready: %d", rec.Code)
	}
}

func TestServerFailuresHideInternals(t *testing.T) {
	srv := New(&fakeSearcher{n: 1, panicOn: "boom", failOn: "fail"}, Options{Logger: quietLogger()})
	for _, q := range []string{"boom", "fail"} {
		t.Run(q, func(t *testing.T) {
			rec := do(t, srv, "GET", "/v1/search?q="+q, "", nil)
			e := decodeError(t, rec)
			if rec.Code != 500 || e.Code != "internal" || strings.Contains(rec.Body.String(), "secret") ||
				strings.Contains(rec.Body.String(), "exploded") {
				t.Errorf("status %d body %s", rec.Code, rec.Body)
			}
		})
	}
	// The server still answers after a panic.
	if rec := do(t, srv, "GET", "/v1/search?q=fine", "", nil); rec.Code != 200 {
		t.Errorf("after panic: %d", rec.Code)
	}
}

func TestBusyAndDeadline(t *testing.T) {
	block := make(chan struct{})
	entered := make(chan struct{}, 1)
	fs := &fakeSearcher{n: 1, block: block, entered: entered}
	srv := New(fs, Options{Logger: quietLogger(), MaxConcurrent: 1, QueueWait: 30 * time.Millisecond,
		RequestTimeout: 500 * time.Millisecond})
	first := make(chan *httptest.ResponseRecorder)
	go func() { first <- do(t, srv, "GET", "/v1/search?q=slow", "", nil) }()
	<-entered // the first request holds the only slot
	rec := do(t, srv, "GET", "/v1/search?q=second", "", nil)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("second request: status %d, want 429 with Retry-After", rec.Code)
	}
	if r := <-first; r.Code != http.StatusServiceUnavailable || decodeError(t, r).Code != "timeout" {
		t.Errorf("blocked request: status %d body %s, want 503 timeout", r.Code, r.Body)
	}
	close(block)
	if rec := do(t, srv, "GET", "/v1/search?q=third", "", nil); rec.Code != 200 {
		t.Errorf("after the slot is free: %d", rec.Code)
	}
}

func TestMetricsByRouteTemplate(t *testing.T) {
	srv := New(&fakeSearcher{n: 1}, Options{Logger: quietLogger()})
	do(t, srv, "GET", "/v1/documents/A_RES_99_1.en", "", nil)
	do(t, srv, "GET", "/v1/nothing-here", "", nil)
	body := do(t, srv, "GET", "/metrics", "", nil).Body.String()
	for _, want := range []string{
		`precedent_http_requests_total{method="GET",route="/v1/documents/{id}",status="200"} 1`,
		`precedent_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`precedent_http_request_duration_seconds_bucket{method="GET",route="/v1/documents/{id}",le=`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestPrecedentLanguageRoutes(t *testing.T) {
	srv := New(&fakeSearcher{n: 3}, Options{Logger: quietLogger()})
	js := map[string]string{"Content-Type": "application/json"}
	cases := []struct {
		method, target, body string
		status               int
		want                 string
	}{
		{"GET", "/v1/passages/A_RES_99_1.en-p1/lineage", "", 200, `"family":"f1"`},
		{"GET", "/v1/passages/nope-p1/lineage", "", 404, `"not_found"`},
		{"GET", "/v1/passages/A_RES_99_1.en-p1/lineage?format=ris", "", 200, "TY  - GOVDOC"},
		{"POST", "/v1/lineage", `{"text":"Lighthouse keepers shall cooperate"}`, 200, `"similarity":0.9`},
		{"POST", "/v1/lineage?format=csv", `{"text":"Lighthouse keepers shall cooperate"}`, 200, "citation,symbol,title"},
		{"GET", "/v1/passages/A_RES_99_1.en-p1/similar?size=5", "", 200, `"hits":[{"id":"A_RES_99_1.en-p2"`},
		{"GET", "/v1/compare?principle=sovereignty&state=FRA&state=NLD", "", 200, `"state":"NLD"`},
		{"GET", "/v1/compare?topic=cbms&state=FRA&format=bibtex", "", 200, "@misc{A_RES_99_1.en-p1,"},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.target, func(t *testing.T) {
			rec := do(t, srv, c.method, c.target, c.body, js)
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
				t.Errorf("status %d body %.300s; want %d with %s", rec.Code, rec.Body, c.status, c.want)
			}
		})
	}
}

func TestWebPageMountedWithoutSwallowingTheAPI(t *testing.T) {
	srv := New(&fakeSearcher{n: 1}, Options{Logger: quietLogger(), Web: web.Handler()})
	cases := []struct {
		target string
		status int
		ctype  string
	}{
		{"/", 200, "text/html"},
		{"/?q=sovereignty&state=FRA", 200, "text/html"},
		{"/v1/nothing", 404, "application/json"},
		{"/etc/passwd", 404, "application/json"},
		{"/v1/search?q=x", 200, "application/json"},
	}
	for _, c := range cases {
		rec := do(t, srv, "GET", c.target, "", nil)
		if rec.Code != c.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), c.ctype) {
			t.Errorf("%s: %d %s, want %d %s", c.target, rec.Code, rec.Header().Get("Content-Type"), c.status, c.ctype)
		}
	}
}
