// Package web serves Precedent's web page: one HTML page, one script and one
// stylesheet, embedded in the binary, built on the public /v1 JSON API.
// The page works offline (no CDN) and needs no build step.
//
// The page is served at "/" and its assets under "/assets/" with their
// content hash in their name, so they can be cached forever; the page itself
// is revalidated with an ETag. Every view of the page (search, document,
// lineage, compare) lives at "/" with its state in the query string.
//
// Dependency rule: web imports only the standard library; api mounts
// Handler.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var static embed.FS

// AssetPrefix is the path under which the page's script and stylesheet are
// served.
const AssetPrefix = "/assets/"

// contentSecurityPolicy allows only the page's own script, style and API:
// no inline script, so markup smuggled into a document's text cannot run even
// if it reached the DOM.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// file is one embedded response, kept plain and gzipped.
type file struct {
	body     []byte
	gz       []byte
	ctype    string
	etag     string
	cache    string
	hashName string
}

// site is the page and its assets, ready to serve.
type site struct {
	index  *file
	assets map[string]*file // by hashed name, e.g. "app.3f2a9c01de.js"
}

// Handler returns the handler of the web page: "/" serves the page and
// "/assets/<name>.<hash>.<ext>" its script and stylesheet. Other paths are 404.
func Handler() http.Handler {
	s, err := load()
	if err != nil {
		// The assets are embedded at compile time; failing to read them is a
		// broken build, which the package's tests catch.
		panic(err)
	}
	return s
}

// load reads the embedded assets, names them by hash and renders the page
// with those names.
func load() (*site, error) {
	s := &site{assets: map[string]*file{}}
	names := map[string]string{}
	for _, name := range []string{"app.js", "app.css"} {
		body, err := static.ReadFile("static/" + name)
		if err != nil {
			return nil, err
		}
		f := newFile(body, name, "public, max-age=31536000, immutable")
		ext := path.Ext(name)
		f.hashName = strings.TrimSuffix(name, ext) + "." + f.etag[1:11] + ext
		s.assets[f.hashName] = f
		names["{{"+name+"}}"] = AssetPrefix + f.hashName
	}
	page, err := static.ReadFile("static/index.html")
	if err != nil {
		return nil, err
	}
	for placeholder, url := range names {
		if !bytes.Contains(page, []byte(placeholder)) {
			return nil, fmt.Errorf("web: index.html lacks %s", placeholder)
		}
		page = bytes.ReplaceAll(page, []byte(placeholder), []byte(url))
	}
	s.index = newFile(page, "index.html", "no-cache")
	return s, nil
}

func newFile(body []byte, name, cache string) *file {
	sum := sha256.Sum256(body)
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(body)
	w.Close()
	return &file{
		body:  body,
		gz:    gz.Bytes(),
		ctype: mime.TypeByExtension(path.Ext(name)),
		etag:  `"` + hex.EncodeToString(sum[:8]) + `"`,
		cache: cache,
	}
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var f *file
	switch {
	case r.URL.Path == "/":
		f = s.index
	case strings.HasPrefix(r.URL.Path, AssetPrefix):
		f = s.assets[strings.TrimPrefix(r.URL.Path, AssetPrefix)]
	}
	if f == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	f.serve(w, r)
}

func (f *file) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", f.cache)
	h.Set("ETag", f.etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("Referrer-Policy", "same-origin")
	if etagMatches(r.Header.Get("If-None-Match"), f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.body
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// etagMatches reports whether an If-None-Match header names etag (or "*").
func etagMatches(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}
