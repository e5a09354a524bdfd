package search

import (
	"context"
	"reflect"
	"testing"
)

func TestAnswerCacheBounds(t *testing.T) {
	tests := []struct {
		name               string
		maxEntries, maxB   int
		sizes              []int
		wantLen, wantBytes int
	}{
		{"entries bound drops the oldest", 2, 1000, []int{10, 10, 10}, 2, 2 * 12},
		{"bytes bound drops the oldest", 10, 50, []int{20, 20, 20}, 2, 2 * 22},
		{"too large for the cache is not kept", 10, 50, []int{100}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newAnswerCache(tt.maxEntries, tt.maxB)
			for i, size := range tt.sizes {
				c.add(string(rune('a'+i))+"k", i, size)
			}
			if c.len() != tt.wantLen || c.bytes != tt.wantBytes {
				t.Fatalf("len %d bytes %d, want %d and %d", c.len(), c.bytes, tt.wantLen, tt.wantBytes)
			}
			if tt.wantLen > 0 {
				last := string(rune('a'+len(tt.sizes)-1)) + "k"
				if v, ok := c.get(last); !ok || v != len(tt.sizes)-1 {
					t.Errorf("newest entry %v %v", v, ok)
				}
				if _, ok := c.get("ak"); ok {
					t.Error("oldest entry kept")
				}
			}
		})
	}
}

func TestAnswerCacheKeepsRecentlyUsed(t *testing.T) {
	c := newAnswerCache(2, 1000)
	c.add("a", 1, 1)
	c.add("b", 2, 1)
	c.get("a")
	c.add("c", 3, 1)
	if _, ok := c.get("a"); !ok {
		t.Error("recently used entry dropped")
	}
	if _, ok := c.get("b"); ok {
		t.Error("least recently used entry kept")
	}
}

func TestRequestKeyNormalisesFilters(t *testing.T) {
	a := Request{Query: "x", Filters: map[string][]string{FieldState: {"NLD", "FRA"}, FieldBody: {"GA"}}}
	b := Request{Query: "x", Filters: map[string][]string{FieldBody: {"GA"}, FieldState: {"FRA", "NLD", "FRA"}}}
	if requestKey("s", a) != requestKey("s", b) {
		t.Error("same filters in another order give another key")
	}
	if requestKey("s", a) == requestKey("s", Request{Query: "x"}) {
		t.Error("filters ignored by the key")
	}
	if a.Filters[FieldState][0] != "NLD" {
		t.Error("requestKey changed the caller's filters")
	}
}

// TestCachedSearch checks that a repeated request and a facet's own
// multi-select counts come from the cache with the same answer, and that a
// caller changing its answer does not change the cached one.
func TestCachedSearch(t *testing.T) {
	ix := openFixture(t)
	ctx := context.Background()
	req := Request{Query: "*", Facets: []string{FieldState, FieldYear}, Filters: map[string][]string{FieldState: {"FRA"}}}
	first, err := ix.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	g := ix.current.Load()
	if n := g.cache.len(); n != 2 { // the response and the state facet's counts
		t.Fatalf("%d cache entries, want 2", n)
	}
	first.Hits[0].ID = "changed"
	first.Facets[0].Terms[0].Count = -1
	again, err := ix.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Open(ix.dataDir) // another generation object: an empty cache
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want, err := fresh.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	again.TookMS, want.TookMS = 0, 0
	if !reflect.DeepEqual(again, want) {
		t.Errorf("cached answer differs:\n%+v\nwant\n%+v", again, want)
	}
	more := req
	more.Filters = map[string][]string{FieldState: {"FRA", "NLD"}}
	if _, err := ix.Search(ctx, more); err != nil {
		t.Fatal(err)
	}
	if n := g.cache.len(); n != 3 { // the state facet's counts are shared
		t.Errorf("%d cache entries after picking a second state, want 3", n)
	}
}

func TestOpenWithoutAnswerCache(t *testing.T) {
	ix, err := OpenWith(buildFixtureIndex(t), Options{NoAnswerCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	req := Request{Query: "*", Facets: []string{FieldState, FieldTopic}}
	for range 2 {
		if _, err := ix.Search(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	if n := ix.current.Load().cache.len(); n != 0 {
		t.Errorf("%d answers cached with the cache off", n)
	}
}
