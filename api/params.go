package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/precedent/precedent/search"
)

// Bounds on a search request. They are public API, described in docs/API.md.
const (
	MaxQueryLen     = 1000 // bytes of q
	MaxValueLen     = 200  // bytes of one filter value
	MaxFieldValues  = 50   // values of one filter field
	MaxFilterValues = 200  // values of all filter fields together
	MaxCursorLen    = 2048 // bytes of an opaque cursor
	DefaultSize     = 20
	MaxSize         = 100
	MaxFacetSize    = 100
	MaxSearchBody   = 1 << 20 // bytes of a POST /v1/search body
)

// filterFields are the filter parameters, OR within a field, AND across:
// search's filter fields but the year, which from and to bound.
var filterFields = slices.DeleteFunc(slices.Clone(search.FilterFields),
	func(f string) bool { return f == search.FieldYear })

// facetFields are the fields that can be counted.
var facetFields = append(append([]string{}, filterFields...), search.FieldYear)

// scalarParams are the search parameters that take one value.
var scalarParams = []string{"q", "from", "to", "facets", "facet_size", "unit", "sort", "size", "cursor", "highlight"}

// searchParams are the parameters a search URL may carry, plus extra ones a
// route adds (format for exports).
func searchParams(extra ...string) []string {
	all := append(append(append([]string{}, scalarParams...), filterFields...), extra...)
	sort.Strings(all)
	return all
}

// checkParams rejects any query parameter not in allowed, and repeated
// scalar parameters.
func checkParams(q url.Values, allowed []string) error {
	for name, vals := range q {
		if !slices.Contains(allowed, name) {
			return badRequest("unknown_parameter", fmt.Sprintf("unknown parameter %q", clip(name)),
				"valid parameters: "+strings.Join(allowed, ", "))
		}
		if len(vals) > 1 && !slices.Contains(filterFields, name) {
			return badRequest("repeated_parameter", fmt.Sprintf("parameter %q given %d times", name, len(vals)),
				"give "+name+" once; only filter fields ("+strings.Join(filterFields, ", ")+") repeat")
		}
	}
	return nil
}

// searchBody is the JSON body of POST /v1/search: the same fields as the URL,
// filters as top-level arrays.
type searchBody struct {
	Q         string   `json:"q"`
	State     []string `json:"state"`
	Group     []string `json:"group"`
	Mentions  []string `json:"mentions"`
	Topic     []string `json:"topic"`
	Norm      []string `json:"norm"`
	Principle []string `json:"principle"`
	Body      []string `json:"body"`
	Type      []string `json:"type"`
	Language  []string `json:"language"`
	Symbol    []string `json:"symbol"`
	Family    []string `json:"family"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Facets    []string `json:"facets"`
	FacetSize *int     `json:"facet_size"`
	Unit      string   `json:"unit"`
	Sort      string   `json:"sort"`
	Size      *int     `json:"size"`
	Cursor    string   `json:"cursor"`
	Highlight bool     `json:"highlight"`
}

func (b *searchBody) filters() map[string][]string {
	return map[string][]string{
		search.FieldState: b.State, search.FieldGroup: b.Group, search.FieldMentions: b.Mentions,
		search.FieldTopic: b.Topic, search.FieldNorm: b.Norm, search.FieldPrinciple: b.Principle,
		search.FieldBody: b.Body, search.FieldType: b.Type, search.FieldLanguage: b.Language,
		search.FieldSymbol: b.Symbol, search.FieldFamily: b.Family,
	}
}

// parseSearchURL turns query parameters into a validated search.Request.
func parseSearchURL(q url.Values, extra ...string) (search.Request, error) {
	if err := checkParams(q, searchParams(extra...)); err != nil {
		return search.Request{}, err
	}
	req := search.Request{Query: q.Get("q"), From: q.Get("from"), To: q.Get("to"),
		Unit: q.Get("unit"), Sort: q.Get("sort"), Cursor: q.Get("cursor"), Filters: map[string][]string{}}
	for _, f := range filterFields {
		req.Filters[f] = splitValues(q[f])
	}
	if v := q.Get("facets"); v != "" {
		req.Facets = strings.Split(v, ",")
	}
	var err error
	if req.Size, err = intParam(q, "size", DefaultSize, 1, MaxSize); err != nil {
		return req, err
	}
	if req.FacetSize, err = intParam(q, "facet_size", 10, 1, MaxFacetSize); err != nil {
		return req, err
	}
	if v := q.Get("highlight"); v != "" {
		if req.Highlight, err = strconv.ParseBool(v); err != nil {
			return req, badRequest("bad_parameter", fmt.Sprintf("highlight=%q is not a boolean", clip(v)),
				"use highlight=true or highlight=false")
		}
	}
	return req, validate(&req)
}

// splitValues keeps repeated parameters as separate values and drops empty ones.
func splitValues(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("bad_parameter", fmt.Sprintf("%s=%q is not a whole number from %d to %d", name, clip(v), lo, hi),
			fmt.Sprintf("use %s between %d and %d; page further with the cursor", name, lo, hi))
	}
	return n, nil
}

// parseSearchJSON reads a POST body into a validated search.Request.
func parseSearchJSON(r *http.Request) (search.Request, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return search.Request{}, &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
				Message: fmt.Sprintf("content type %q is not JSON", clip(ct)), Hint: "send Content-Type: application/json"}
		}
	}
	var b searchBody
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return search.Request{}, jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return search.Request{}, badRequest("bad_json", "the body holds more than one JSON value", "send one JSON object")
	}
	req := search.Request{Query: b.Q, From: b.From, To: b.To, Facets: b.Facets, Unit: b.Unit,
		Sort: b.Sort, Cursor: b.Cursor, Highlight: b.Highlight, Size: DefaultSize, FacetSize: 10, Filters: map[string][]string{}}
	for f, vals := range b.filters() {
		req.Filters[f] = splitValues(vals)
	}
	if b.Size != nil {
		req.Size = *b.Size
	}
	if b.FacetSize != nil {
		req.FacetSize = *b.FacetSize
	}
	if req.Size < 1 || req.Size > MaxSize {
		return req, badRequest("bad_parameter", fmt.Sprintf("size %d is out of range", req.Size),
			fmt.Sprintf("use size between 1 and %d; page further with the cursor", MaxSize))
	}
	if req.FacetSize < 1 || req.FacetSize > MaxFacetSize {
		return req, badRequest("bad_parameter", fmt.Sprintf("facet_size %d is out of range", req.FacetSize),
			fmt.Sprintf("use facet_size between 1 and %d", MaxFacetSize))
	}
	return req, validate(&req)
}

// jsonError explains a JSON decoding failure; a body over the limit stays a 413.
func jsonError(err error) error {
	var mbe *http.MaxBytesError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return err
	case errors.As(err, &te):
		return badRequest("bad_json", fmt.Sprintf("field %q has the wrong type", te.Field),
			"filters and facets are arrays of strings, size and facet_size numbers, highlight a boolean")
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return badRequest("unknown_field", clip(err.Error()), "valid fields: "+strings.Join(searchParams(), ", "))
	case errors.Is(err, io.EOF):
		return badRequest("bad_json", "empty body", `send a JSON object such as {"q":"sovereignty"}`)
	}
	return badRequest("bad_json", "the body is not valid JSON: "+clip(err.Error()), `send a JSON object such as {"q":"sovereignty","state":["FRA"]}`)
}

// validate checks the bounds and enumerations of a parsed request.
func validate(req *search.Request) error {
	if len(req.Query) > MaxQueryLen {
		return badRequest("too_large", fmt.Sprintf("q is %d bytes long", len(req.Query)),
			fmt.Sprintf("keep q under %d bytes; use filters rather than long OR lists", MaxQueryLen))
	}
	if err := checkText("q", req.Query); err != nil {
		return err
	}
	if err := validateFilters(req.Filters); err != nil {
		return err
	}
	if err := validateFacets(req.Facets); err != nil {
		return err
	}
	if err := validateDates(req.From, req.To); err != nil {
		return err
	}
	return validateEnums(req)
}

func validateFilters(filters map[string][]string) error {
	total := 0
	for f, vals := range filters {
		if len(vals) == 0 {
			delete(filters, f)
			continue
		}
		total += len(vals)
		if len(vals) > MaxFieldValues || total > MaxFilterValues {
			return badRequest("too_many_values", fmt.Sprintf("too many filter values (%s has %d)", f, len(vals)),
				fmt.Sprintf("give at most %d values per field and %d in all; use group= for many states", MaxFieldValues, MaxFilterValues))
		}
		for _, v := range vals {
			if len(v) > MaxValueLen {
				return badRequest("too_large", fmt.Sprintf("a %s value is %d bytes long", f, len(v)),
					fmt.Sprintf("filter values are ids of at most %d bytes; GET /v1/facets/%s lists them", MaxValueLen, f))
			}
			if err := checkText(f, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateFacets(facets []string) error {
	seen := map[string]bool{}
	for _, f := range facets {
		if !slices.Contains(facetFields, f) {
			return badRequest("unknown_field", fmt.Sprintf("unknown facet field %q", clip(f)),
				"facets is a comma-separated list of: "+strings.Join(facetFields, ", "))
		}
		if seen[f] {
			return badRequest("bad_parameter", fmt.Sprintf("facet %q requested twice", f), "name each facet once")
		}
		seen[f] = true
	}
	return nil
}

// dateLayouts are the accepted forms of from and to.
var dateLayouts = []string{"2006", "2006-01", "2006-01-02"}

func parseDate(name, v string) (time.Time, error) {
	for _, l := range dateLayouts {
		if len(v) == len(l) {
			if t, err := time.Parse(l, v); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, badRequest("bad_date", fmt.Sprintf("%s=%q is not a year or a date", name, clip(v)),
		"use a year (2015), a month (2015-07) or a date (2015-07-22)")
}

func validateDates(from, to string) error {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = parseDate("from", from); err != nil {
			return err
		}
	}
	if to != "" {
		if t, err = parseDate("to", to); err != nil {
			return err
		}
	}
	if from != "" && to != "" && t.Before(f) {
		return badRequest("bad_date", fmt.Sprintf("from=%s is after to=%s", from, to), "swap from and to")
	}
	return nil
}

func validateEnums(req *search.Request) error {
	switch req.Unit {
	case "", "passage", "document":
	default:
		return badRequest("bad_parameter", fmt.Sprintf("unit=%q is unknown", clip(req.Unit)), "use unit=passage (default) or unit=document")
	}
	switch req.Sort {
	case "", "relevance", "date", "-date":
	default:
		return badRequest("bad_parameter", fmt.Sprintf("sort=%q is unknown", clip(req.Sort)), "use sort=relevance (default), sort=date or sort=-date")
	}
	if len(req.Cursor) > MaxCursorLen {
		return badRequest("bad_cursor", "cursor is too long", "pass back next_cursor exactly as a previous answer gave it")
	}
	return nil
}

// checkText rejects invalid UTF-8 and control characters in a parameter.
func checkText(name, v string) error {
	if !utf8.ValidString(v) {
		return badRequest("bad_encoding", name+" is not valid UTF-8", "percent-encode text as UTF-8")
	}
	for _, r := range v {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return badRequest("bad_encoding", fmt.Sprintf("%s holds control character %U", name, r), "remove control characters")
		}
	}
	return nil
}

// clip shortens a client's value before it is echoed in an error message.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	for i := max; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "..."
		}
	}
	return s[:max]
}
