package search

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/precedent/precedent/indexer"
)

// cursor is where the next page starts: Bleve search_after values when
// the last hit has them (a passage without a date has none), and always
// the number of hits before the page, which unit=document pages by and
// search_after falls back to.
type cursor struct {
	After  []string `json:"a,omitempty"`
	Offset int      `json:"o,omitempty"`
	Sig    string   `json:"s"`
}

// fingerprint identifies what a cursor may continue: the same query,
// filters, sort and unit. A cursor from another search is refused.
func (p *plan) fingerprint() string {
	var b strings.Builder
	b.WriteString(p.req.Query)
	b.WriteByte(0)
	for _, f := range FilterFields {
		for _, v := range p.req.Filters[f] {
			b.WriteString(f + "=" + v + "\x00")
		}
	}
	b.WriteString(p.req.From + "\x00" + p.req.To + "\x00" + p.req.Sort + "\x00" + p.req.Unit)
	return b.String()
}

func (c cursor) signature(fingerprint string) string {
	h := sha256.New()
	h.Write([]byte(fingerprint))
	for _, a := range c.After {
		h.Write([]byte{0})
		h.Write([]byte(a))
	}
	h.Write([]byte{1})
	h.Write([]byte(strconv.Itoa(c.Offset)))
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// maxOffset bounds how deep offset paging goes.
const maxOffset = 10000

// encodeCursor returns the opaque, URL-safe form of c.
func encodeCursor(c cursor, fingerprint string) string {
	c.Sig = c.signature(fingerprint)
	b, _ := json.Marshal(c) // strings and an int: cannot fail
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor checks and decodes a cursor; anything altered, or made for
// another search, is a bad_cursor error.
func decodeCursor(s, fingerprint string) (*cursor, error) {
	bad := &Error{Code: "bad_cursor", Message: "the cursor is not valid for this search",
		Hint: "pass next_cursor from the previous page unchanged, with the same query, filters and sort"}
	if len(s) > 4096 {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.Offset < 0 || len(c.After) > 2 {
		return nil, bad
	}
	if c.Sig != c.signature(fingerprint) || c.Offset > maxOffset {
		return nil, bad
	}
	return &c, nil
}

// sortOrder is the Bleve sort of a Request's sort; ties are broken by
// passage id so that paging is stable.
func sortOrder(sort string) search.SortOrder {
	id := &search.SortDocID{}
	switch sort {
	case SortDate, SortDateDesc:
		return search.SortOrder{&search.SortField{
			Field: indexer.FieldDate, Type: search.SortFieldAsDate,
			Desc: sort == SortDateDesc, Missing: search.SortFieldMissingLast,
		}, id}
	}
	return search.SortOrder{&search.SortScore{Desc: true}, id}
}

// afterValues are the search_after values of a hit for sort, or nil when
// the hit has no usable value (no date).
func afterValues(dm *search.DocumentMatch, sort string) []string {
	if sort == SortRelevance {
		return []string{strconv.FormatFloat(dm.Score, 'g', -1, 64), dm.ID}
	}
	if len(dm.DecodedSort) == 0 {
		return nil
	}
	if _, err := time.Parse(time.RFC3339Nano, dm.DecodedSort[0]); err != nil {
		return nil
	}
	return []string{dm.DecodedSort[0], dm.ID}
}

// validAfter reports whether search_after values fit sort, so that a
// forged cursor cannot reach Bleve.
func validAfter(after []string, sort string) bool {
	if after == nil {
		return true
	}
	if len(after) != 2 {
		return false
	}
	if sort == SortRelevance {
		_, err := strconv.ParseFloat(after[0], 64)
		return err == nil
	}
	_, err := time.Parse(time.RFC3339Nano, after[0])
	return err == nil
}
