package search

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/precedent/precedent/indexer"
)

// cursor is where the next page starts. A passage page starts after
// Shards[i] hits of each shard i: pages are cut from one order (see
// mergeHits) with Bleve's From on each shard, so the sort needs no
// tie-breaking field (loading every hit's id to break ties would cost a
// stored-document read per hit). A document page starts after Offset
// documents. Both are bounded by maxOffset.
type cursor struct {
	Offset int    `json:"o,omitempty"`
	Shards []int  `json:"h,omitempty"`
	Sig    string `json:"s"`
}

// depth is the number of hits or documents before the page.
func (c cursor) depth() int {
	n := c.Offset
	for _, o := range c.Shards {
		n += o
	}
	return n
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
	for _, o := range append([]int{c.Offset}, c.Shards...) {
		h.Write([]byte{1})
		h.Write([]byte(strconv.Itoa(o)))
	}
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
	if err := json.Unmarshal(b, &c); err != nil || c.Offset < 0 || slices.ContainsFunc(c.Shards, func(o int) bool { return o < 0 }) {
		return nil, bad
	}
	if c.Sig != c.signature(fingerprint) || c.depth() > maxOffset {
		return nil, bad
	}
	return &c, nil
}

// passageOrder is the Bleve sort of a Request's sort for passage pages:
// score or date only (see cursor).
func passageOrder(sort string) search.SortOrder {
	switch sort {
	case SortDate, SortDateDesc:
		return search.SortOrder{&search.SortField{
			Field: indexer.FieldDate, Type: search.SortFieldAsDate,
			Desc: sort == SortDateDesc, Missing: search.SortFieldMissingLast,
		}}
	}
	return search.SortOrder{&search.SortScore{Desc: true}}
}

// sortOrder is passageOrder with ties broken by passage id, for the
// document scan, which continues from chunk to chunk with search_after.
func sortOrder(sort string) search.SortOrder {
	return append(passageOrder(sort), &search.SortDocID{})
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
