package api

import (
	"net/http/httptest"
	"testing"
)

// BenchmarkSearchHandler measures the API's own cost per search (parsing,
// validation, limits, metrics, JSON) over a fake searcher of 20 hits.
func BenchmarkSearchHandler(b *testing.B) {
	srv := New(&fakeSearcher{n: 20}, Options{Logger: quietLogger()})
	target := "/v1/search?q=%22critical+infrastructure%22&state=FRA&state=NLD&facets=state,topic,principle,body,year&size=20"
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func TestHTTPServerHasTimeoutsAndLimits(t *testing.T) {
	hs := New(&fakeSearcher{}, Options{Logger: quietLogger()}).HTTPServer("127.0.0.1:0")
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 ||
		hs.MaxHeaderBytes < MaxHeaderLen || hs.MaxHeaderBytes > 1<<20 {
		t.Errorf("server limits: %+v", hs)
	}
}
