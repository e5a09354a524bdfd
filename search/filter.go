package search

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// FilterFields are the fields a Request may filter and facet on, and the
// fields a query's field:value may name.
var FilterFields = []string{
	FieldState, FieldGroup, FieldMentions, FieldTopic, FieldNorm, FieldPrinciple,
	FieldBody, FieldType, FieldYear, FieldLanguage, FieldSymbol, FieldFamily,
}

// MaxFilterValues bounds the values of one filter field.
const MaxFilterValues = 200

func validFilterField(f string) bool {
	for _, v := range FilterFields {
		if v == f {
			return true
		}
	}
	return false
}

func unknownField(field, where string) *Error {
	return &Error{
		Code:    "unknown_field",
		Message: fmt.Sprintf("unknown %s field %q", where, field),
		Hint:    "valid fields: " + strings.Join(FilterFields, ", "),
	}
}

// filterQuery matches passages with any of values in field. A group
// matches passages tagged with the group (the indexer derives a passage's
// groups from its author states too) or authored by any of its members, so
// a passage is found even when its group tag was not derived.
func filterQuery(field string, values []string) (query.Query, error) {
	if !validFilterField(field) {
		return nil, unknownField(field, "filter")
	}
	if len(values) > MaxFilterValues {
		return nil, &Error{Code: "too_large", Message: fmt.Sprintf("%d values for filter %s", len(values), field),
			Hint: fmt.Sprintf("use at most %d values per field", MaxFilterValues)}
	}
	var alts []query.Query
	for _, v := range values {
		alts = append(alts, term(field, v))
		if field == FieldGroup {
			if g, ok := corpus.GroupByID(v); ok {
				for _, m := range g.Members {
					alts = append(alts, term(FieldState, m))
				}
			}
		}
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return bleve.NewDisjunctionQuery(alts...), nil
}

func term(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

// filterSet is the validated filters of a Request: one query per field
// plus the date range.
type filterSet struct {
	fields map[string]query.Query
	dates  query.Query
}

func newFilterSet(req Request) (*filterSet, error) {
	fs := &filterSet{fields: map[string]query.Query{}}
	for field, values := range req.Filters {
		values = nonEmpty(values)
		if len(values) == 0 {
			if !validFilterField(field) {
				return nil, unknownField(field, "filter")
			}
			continue
		}
		q, err := filterQuery(field, values)
		if err != nil {
			return nil, err
		}
		fs.fields[field] = q
	}
	if req.From != "" || req.To != "" {
		q, err := dateRange(req.From, req.To)
		if err != nil {
			return nil, err
		}
		fs.dates = q
	}
	return fs, nil
}

// except returns the filter queries of every field but skip ("" for all).
func (fs *filterSet) except(skip string) []query.Query {
	fields := make([]string, 0, len(fs.fields))
	for f := range fs.fields {
		if f != skip {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	qs := make([]query.Query, 0, len(fields)+1)
	for _, f := range fields {
		qs = append(qs, fs.fields[f])
	}
	if fs.dates != nil {
		qs = append(qs, fs.dates)
	}
	return qs
}

func nonEmpty(values []string) []string {
	out := values[:0:0]
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// dateRange matches passages dated from..to inclusive; each end is a year
// ("2015") or a date ("2015-07-22"); a year as "to" means its end.
func dateRange(from, to string) (query.Query, error) {
	var start, end time.Time
	var err error
	if from != "" {
		if start, err = parseDateBound(from, false); err != nil {
			return nil, err
		}
	}
	if to != "" {
		if end, err = parseDateBound(to, true); err != nil {
			return nil, err
		}
	}
	if from != "" && to != "" && end.Before(start) {
		return nil, &Error{Code: "bad_filter", Message: fmt.Sprintf("from %s is after to %s", from, to),
			Hint: "swap from and to"}
	}
	inclusive := true
	if isYear(from) && isYear(to) { // the years' own terms: a few bitmaps, not a numeric range
		q := bleve.NewTermRangeInclusiveQuery(from, to, &inclusive, &inclusive)
		q.SetField(indexer.FieldYear)
		return q, nil
	}
	q := bleve.NewDateRangeInclusiveQuery(start, end, &inclusive, &inclusive)
	q.SetField(indexer.FieldDate)
	return q, nil
}

// isYear says whether a range bound is a year of four digits, or absent.
func isYear(s string) bool {
	if s == "" {
		return true
	}
	_, err := strconv.Atoi(s)
	return len(s) == 4 && err == nil
}

func parseDateBound(s string, end bool) (time.Time, error) {
	layouts := []string{"2006", "2006-01", "2006-01-02"}
	for _, layout := range layouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006":
				t = t.AddDate(1, 0, 0)
			case "2006-01":
				t = t.AddDate(0, 1, 0)
			default:
				t = t.AddDate(0, 0, 1)
			}
			t = t.Add(-time.Nanosecond)
		}
		return t, nil
	}
	return time.Time{}, &Error{Code: "bad_filter", Message: fmt.Sprintf("bad date %q", s),
		Hint: "write a year (2015), a month (2015-07) or a date (2015-07-22)"}
}
