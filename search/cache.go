package search

import (
	"container/list"
	"encoding/json"
	"slices"
	"sync"
)

// Bounds of the per-generation answer cache. Responses and facet counts
// of one generation never change, so they are kept until the generation
// is switched out (the cache lives in the generation) or pushed out by
// newer entries (least recently used first).
const (
	cacheEntries = 1024
	cacheBytes   = 32 << 20
)

// Bounds of the per-generation cache of word forms (see forms): they are
// the index's vocabulary grouped by stem, what a stemmed field's term
// dictionary would hold, not answers, so they are kept when the answer
// cache is off.
const (
	formsEntries = 20000
	formsBytes   = 8 << 20
)

// answerCache is an LRU of values bounded in entries and in estimated
// bytes. Hand-written because the bound in bytes is what matters here
// and the LRU libraries at hand bound only the number of entries. Safe
// for concurrent use; values must not be changed once added.
type answerCache struct {
	mu         sync.Mutex
	order      *list.List // of *cacheEntry, most recently used first
	byKey      map[string]*list.Element
	bytes      int
	maxEntries int
	maxBytes   int
}

type cacheEntry struct {
	key   string
	value any
	size  int
}

func newAnswerCache(maxEntries, maxBytes int) *answerCache {
	return &answerCache{order: list.New(), byKey: map[string]*list.Element{}, maxEntries: maxEntries, maxBytes: maxBytes}
}

// get returns the value under key and marks it recently used.
func (c *answerCache) get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).value, true
}

// add stores value under key, its size estimated in bytes, and drops the
// least recently used entries beyond the bounds. A value larger than the
// whole cache is not kept.
func (c *answerCache) add(key string, value any, size int) {
	size += len(key)
	if size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		c.bytes -= el.Value.(*cacheEntry).size
		c.order.Remove(el)
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key: key, value: value, size: size})
	c.bytes += size
	for c.order.Len() > c.maxEntries || c.bytes > c.maxBytes {
		el := c.order.Back()
		e := el.Value.(*cacheEntry)
		c.order.Remove(el)
		delete(c.byKey, e.key)
		c.bytes -= e.size
	}
}

// len returns the number of entries.
func (c *answerCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// requestKey is a validated request in a normal form: filter values
// sorted and without repeats, defaults filled in (validate does that), so
// requests that must get the same answer share a key.
func requestKey(kind string, req Request) string {
	if len(req.Filters) > 0 {
		fs := make(map[string][]string, len(req.Filters))
		for f, vs := range req.Filters {
			fs[f] = slices.Compact(slices.Sorted(slices.Values(vs)))
		}
		req.Filters = fs
	}
	b, _ := json.Marshal(req) // a Request always marshals
	return kind + string(b)
}

// responseSize estimates the bytes a cached Response holds.
func responseSize(r *Response) int {
	n := 256 + len(r.NextCursor)
	for _, h := range r.Hits {
		n += 512 + len(h.Snippet)
		if h.Passage != nil {
			n += len(h.Passage.Text)
		}
		for _, p := range h.Passages {
			n += 256 + len(p.Text)
		}
	}
	for _, f := range r.Facets {
		n += facetSize(f)
	}
	return n
}

// facetSize estimates the bytes a cached Facet holds.
func facetSize(f Facet) int {
	n := 64
	for _, t := range f.Terms {
		n += 48 + len(t.Value) + len(t.Label)
	}
	return n
}

// copyResponse returns a copy of a cached response whose slices the
// caller may change without touching the cache.
func copyResponse(r *Response) *Response {
	out := *r
	out.Hits = slices.Clone(r.Hits)
	out.Facets = slices.Clone(r.Facets)
	for i := range out.Facets {
		out.Facets[i].Terms = slices.Clone(r.Facets[i].Terms)
	}
	return &out
}
