package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/precedent/precedent/search"
)

// Bounds of the precedent-language routes.
const (
	MaxLineageBody  = 64 << 10 // bytes of a POST /v1/lineage body
	DefaultSimilar  = 10
	DefaultCompared = 5 // passages per state
)

func (s *Server) passageLineage(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), []string{"format"}); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	l, err := s.search.Lineage(r.Context(), id)
	if err != nil {
		return err
	}
	return s.answerLineage(w, r, l)
}

// lineageBody is the JSON body of POST /v1/lineage.
type lineageBody struct {
	Text string `json:"text"`
}

func (s *Server) textLineage(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), []string{"format"}); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxLineageBody)
	var b lineageBody
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		e := jsonError(err)
		if ae, ok := e.(*Error); ok {
			ae.Hint = `send {"text":"a sentence or paragraph to trace"}`
		}
		return e
	}
	if strings.TrimSpace(b.Text) == "" {
		return badRequest("bad_parameter", "text is empty", `send {"text":"a sentence or paragraph to trace"}`)
	}
	if err := checkText("text", b.Text); err != nil {
		return err
	}
	l, err := s.search.LineageOfText(r.Context(), b.Text)
	if err != nil {
		return err
	}
	return s.answerLineage(w, r, l)
}

// answerLineage writes a family as JSON or, with format=, as an export.
func (s *Server) answerLineage(w http.ResponseWriter, r *http.Request, l *search.Lineage) error {
	format := r.URL.Query().Get("format")
	if format == "" || format == "json" {
		if l.Members == nil {
			l.Members = []search.LineageMember{}
		}
		writeJSON(w, http.StatusOK, l)
		return nil
	}
	f, err := exportFormat(format)
	if err != nil {
		return err
	}
	ew := startExport(w, f)
	for _, m := range l.Members {
		h := search.Hit{ID: m.Passage.ID, Score: m.Similarity, Document: m.Document, Citation: m.Citation}
		if err := ew.Write(record(h, &m.Passage)); err != nil {
			return s.finishExport(r, ew, err)
		}
	}
	return s.finishExport(r, ew, nil)
}

func (s *Server) similar(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), []string{"size"}); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	size, err := intParam(r.URL.Query(), "size", DefaultSimilar, 1, MaxSize)
	if err != nil {
		return err
	}
	hits, err := s.search.Similar(r.Context(), id, size)
	if err != nil {
		return err
	}
	if hits == nil {
		hits = []search.Hit{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"hits": hits})
	return nil
}

// compareFields are the subjects a comparison can be on.
var compareFields = []string{search.FieldPrinciple, search.FieldTopic, search.FieldNorm}

func (s *Server) compare(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkParams(q, append([]string{search.FieldState, "size", "format"}, compareFields...)); err != nil {
		return err
	}
	field, value, err := compareSubject(q)
	if err != nil {
		return err
	}
	states := splitValues(q[search.FieldState])
	if len(states) == 0 || len(states) > search.MaxCompared {
		return badRequest("bad_parameter", fmt.Sprintf("%d states given", len(states)),
			fmt.Sprintf("give 1 to %d states: state=FRA&state=NLD (or use group= in /v1/search)", search.MaxCompared))
	}
	if err := validateFilters(map[string][]string{search.FieldState: states, field: {value}}); err != nil {
		return err
	}
	size, err := intParam(q, "size", DefaultCompared, 1, search.MaxCompareSize)
	if err != nil {
		return err
	}
	c, err := s.search.Compare(r.Context(), field, value, states, size)
	if err != nil {
		return err
	}
	return s.answerComparison(w, r, c)
}

// compareSubject returns the one principle=, topic= or norm= of a comparison.
func compareSubject(q map[string][]string) (field, value string, err error) {
	for _, f := range compareFields {
		if vs := q[f]; len(vs) > 0 {
			if field != "" || len(vs) > 1 {
				return "", "", badRequest("bad_parameter", "a comparison has one subject",
					"give exactly one of principle=, topic= or norm=")
			}
			field, value = f, strings.TrimSpace(vs[0])
		}
	}
	if field == "" || value == "" {
		return "", "", badRequest("bad_parameter", "no subject to compare on",
			"add principle=sovereignty (or topic=, norm=); GET /v1/taxonomy lists the ids")
	}
	return field, value, nil
}

func (s *Server) answerComparison(w http.ResponseWriter, r *http.Request, c *search.Comparison) error {
	format := r.URL.Query().Get("format")
	if format == "" || format == "json" {
		writeJSON(w, http.StatusOK, c)
		return nil
	}
	f, err := exportFormat(format)
	if err != nil {
		return err
	}
	ew := startExport(w, f)
	for _, st := range c.States {
		for _, h := range st.Hits {
			if err := writeHit(ew, h); err != nil {
				return s.finishExport(r, ew, err)
			}
		}
	}
	return s.finishExport(r, ew, nil)
}
