package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// assetBudget is the most the page may weigh, uncompressed: HTML, script
// and stylesheet together.
const assetBudget = 60 << 10

func get(t *testing.T, h http.Handler, method, path string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func assetPaths(t *testing.T, page string) []string {
	t.Helper()
	paths := regexp.MustCompile(`(?:href|src)="(/assets/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(paths) != 2 {
		t.Fatalf("page links %d assets, want script and stylesheet: %v", len(paths), paths)
	}
	return []string{paths[0][1], paths[1][1]}
}

func TestPageAndAssets(t *testing.T) {
	h := Handler()
	res := get(t, h, http.MethodGet, "/", nil)
	page, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if got := res.Header.Get("Cache-Control"); got != "no-cache" {
		t.Errorf("page Cache-Control = %q, want no-cache (revalidate by ETag)", got)
	}
	if !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("page lacks a CSP that forbids inline script: %q", res.Header.Get("Content-Security-Policy"))
	}
	total := len(page)
	wantTypes := map[string]string{".js": "text/javascript", ".css": "text/css"}
	for _, p := range assetPaths(t, string(page)) {
		if !regexp.MustCompile(`^/assets/app\.[0-9a-f]{10}\.(js|css)$`).MatchString(p) {
			t.Errorf("asset %s is not named by its hash", p)
		}
		res := get(t, h, http.MethodGet, p, nil)
		body, _ := io.ReadAll(res.Body)
		total += len(body)
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("GET %s = %d, Cache-Control %q", p, res.StatusCode, res.Header.Get("Cache-Control"))
		}
		ext := p[strings.LastIndex(p, "."):]
		if !strings.HasPrefix(res.Header.Get("Content-Type"), wantTypes[ext]) {
			t.Errorf("GET %s Content-Type = %q, want %s", p, res.Header.Get("Content-Type"), wantTypes[ext])
		}
	}
	if total > assetBudget {
		t.Errorf("page weighs %d bytes, over the %d budget", total, assetBudget)
	}
	t.Logf("page weighs %d bytes uncompressed", total)
}

func TestRevalidationAndGzip(t *testing.T) {
	h := Handler()
	first := get(t, h, http.MethodGet, "/", nil)
	plain, _ := io.ReadAll(first.Body)
	etag := first.Header.Get("ETag")
	tests := []struct {
		name   string
		header map[string]string
		status int
		gzip   bool
	}{
		{"matching etag", map[string]string{"If-None-Match": etag}, http.StatusNotModified, false},
		{"weak matching etag among others", map[string]string{"If-None-Match": `"x", W/` + etag}, http.StatusNotModified, false},
		{"stale etag", map[string]string{"If-None-Match": `"stale"`}, http.StatusOK, false},
		{"gzip accepted", map[string]string{"Accept-Encoding": "br, gzip"}, http.StatusOK, true},
		{"gzip refused", map[string]string{"Accept-Encoding": "gzip;q=0"}, http.StatusOK, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := get(t, h, http.MethodGet, "/", tc.header)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			if got := res.Header.Get("Content-Encoding") == "gzip"; got != tc.gzip {
				t.Fatalf("gzip = %v, want %v", got, tc.gzip)
			}
			if tc.status != http.StatusOK {
				return
			}
			var body io.Reader = res.Body
			if tc.gzip {
				zr, err := gzip.NewReader(res.Body)
				if err != nil {
					t.Fatal(err)
				}
				body = zr
			}
			got, _ := io.ReadAll(body)
			if !bytes.Equal(got, plain) {
				t.Errorf("body differs from the plain page")
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/assets/app.0000000000.js", http.StatusNotFound},
		{http.MethodGet, "/assets/app.js", http.StatusNotFound},
		{http.MethodGet, "/static/index.html", http.StatusNotFound},
		{http.MethodGet, "/nothing-here", http.StatusNotFound},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodHead, "/", http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			if res := get(t, h, tc.method, tc.path, nil); res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
		})
	}
}

// TestNoHTMLInjectionSinks keeps the script free of the DOM APIs that parse
// strings as HTML: document text must only ever become text nodes.
func TestNoHTMLInjectionSinks(t *testing.T) {
	js, err := static.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, sink := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "createContextualFragment"} {
		if bytes.Contains(js, []byte(sink)) {
			t.Errorf("app.js uses %s", sink)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := map[string]bool{
		"": false, "gzip": true, "GZIP": true, "deflate, gzip;q=0.5": true, "gzip; q=0": false, "br": false, "x-gzip": false,
	}
	for header, want := range tests {
		t.Run(header, func(t *testing.T) {
			if got := acceptsGzip(header); got != want {
				t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
			}
		})
	}
}
