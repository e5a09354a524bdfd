package api

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/gorilla/mux"

	"github.com/precedent/precedent/search"
)

// MaxIDLen bounds a document or passage id in a URL.
const MaxIDLen = 200

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) error {
	if err := s.search.Ready(); err != nil {
		return notReady(err)
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	return nil
}

func (s *Server) searchGET(w http.ResponseWriter, r *http.Request) error {
	req, err := parseSearchURL(r.URL.Query(), "format")
	if err != nil {
		return err
	}
	return s.answerSearch(w, r, req, r.URL.Query().Get("format"))
}

func (s *Server) searchPOST(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), []string{"format"}); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxSearchBody)
	req, err := parseSearchJSON(r)
	if err != nil {
		return err
	}
	return s.answerSearch(w, r, req, r.URL.Query().Get("format"))
}

// answerSearch runs one page of a search and writes it as JSON, or in an
// export format when one is asked for.
func (s *Server) answerSearch(w http.ResponseWriter, r *http.Request, req search.Request, format string) error {
	if format != "" && format != "json" {
		return s.exportPage(w, r, req, format)
	}
	resp, err := s.search.Search(r.Context(), req)
	if err != nil {
		return err
	}
	if resp.Hits == nil {
		resp.Hits = []search.Hit{}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request) error {
	req, err := parseSearchURL(r.URL.Query())
	if err != nil {
		return err
	}
	if req.Unit != "" && req.Unit != "document" {
		return badRequest("bad_parameter", "unit must be document here", "drop unit, or use /v1/search for passages")
	}
	req.Unit = "document"
	if req.Sort == "" && (req.Query == "" || req.Query == "*") {
		req.Sort = "-date"
	}
	return s.answerSearch(w, r, req, "")
}

// pathID returns the {id} of a route, unescaped and checked to look like an id.
func pathID(r *http.Request) (string, error) {
	raw := mux.Vars(r)["id"]
	id, err := url.PathUnescape(raw)
	if err != nil || !validID(id) {
		return "", badRequest("bad_id", fmt.Sprintf("%q is not a document or passage id", clip(raw)),
			"ids hold only letters, digits, '.', '-' and '_' (e.g. A_RES_73_27.en-p4); take them from search hits")
	}
	return id, nil
}

func validID(id string) bool {
	if id == "" || len(id) > MaxIDLen || id == "." || id == ".." {
		return false
	}
	for _, c := range id {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_'
		if !ok {
			return false
		}
	}
	return true
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	doc, err := s.search.Document(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, doc)
	return nil
}

func (s *Server) passage(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.search.Passage(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *Server) facetValues(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return err
	}
	field := mux.Vars(r)["field"]
	if !slices.Contains(facetFields, field) {
		return badRequest("unknown_field", fmt.Sprintf("unknown facet field %q", clip(field)),
			"GET /v1/facets/{field} with one of: "+strings.Join(facetFields, ", "))
	}
	f, err := s.search.FacetValues(r.Context(), field)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, f)
	return nil
}
