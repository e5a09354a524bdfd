package search

import (
	"context"
	"fmt"
	"testing"
)

// TestCursorPaging walks every page of several searches and checks that
// together they hold every hit exactly once.
func TestCursorPaging(t *testing.T) {
	ix := openFixture(t)
	for _, sort := range []string{SortRelevance, SortDate, SortDateDesc} {
		for _, q := range []string{"*", "states OR building OR attack", "-sovereignty"} {
			for _, size := range []int{1, 2, 5} {
				t.Run(fmt.Sprintf("%s/%s/%d", sort, q, size), func(t *testing.T) {
					checkPaging(t, ix, Request{Query: q, Sort: sort, Size: size})
				})
			}
		}
	}
}

func checkPaging(t *testing.T, ix *Index, req Request) {
	all, err := ix.Search(context.Background(), Request{Query: req.Query, Size: MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for page := 0; ; page++ {
		resp, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range resp.Hits {
			if seen[h.ID] {
				t.Fatalf("page %d repeats %s", page, h.ID)
			}
			seen[h.ID] = true
		}
		if resp.NextCursor == "" {
			break
		}
		req.Cursor = resp.NextCursor
	}
	if len(seen) != int(all.Total) {
		t.Errorf("pages hold %d hits, total is %d", len(seen), all.Total)
	}
}

func TestCursorTampered(t *testing.T) {
	ix := openFixture(t)
	resp, err := ix.Search(context.Background(), Request{Query: "*", Size: 2})
	if err != nil || resp.NextCursor == "" {
		t.Fatalf("no cursor: %v", err)
	}
	c := []byte(resp.NextCursor)
	c[len(c)/2] ^= 1
	for name, req := range map[string]Request{
		"altered":     {Query: "*", Size: 2, Cursor: string(c)},
		"other query": {Query: "building", Size: 2, Cursor: resp.NextCursor},
		"other sort":  {Query: "*", Size: 2, Sort: SortDate, Cursor: resp.NextCursor},
		"not base64":  {Query: "*", Size: 2, Cursor: "%%%"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), req)
			if e, ok := err.(*Error); !ok || e.Code != "bad_cursor" {
				t.Errorf("err = %v, want bad_cursor", err)
			}
		})
	}
}
