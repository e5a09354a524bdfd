package search

import (
	"context"
	"fmt"
	"testing"
)

// TestFiltersKeepScores: on the shared corpus, a filter narrows a search
// without changing its hits' scores: each filtered hit scores what it
// scores unfiltered, and the filtered hits come in the unfiltered order.
func TestFiltersKeepScores(t *testing.T) {
	ix := realIndex(t)
	ctx := context.Background()
	filters := []Request{
		{Filters: map[string][]string{FieldState: {"FRA", "NLD", "USA", "CHN", "RUS"}}},
		{Filters: map[string][]string{FieldPrinciple: {"sovereignty", "due_diligence"}}},
		{From: "2015", To: "2021"},
		{Filters: map[string][]string{FieldBody: {"GA"}}, From: "2019"},
	}
	for _, q := range []string{"sovereignty", "attacks", `"critical infrastructure"`, "norms AND states"} {
		all := map[string]float64{}
		for page := (Request{Query: q, Size: MaxSize}); ; {
			res, err := ix.Search(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				all[h.ID] = h.Score
			}
			if res.NextCursor == "" || len(all) >= 2000 {
				break
			}
			page.Cursor = res.NextCursor
		}
		for _, f := range filters {
			req := f
			req.Query, req.Size = q, MaxSize
			name := fmt.Sprintf("%s %v %s-%s", q, f.Filters, f.From, f.To)
			res, err := ix.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Errorf("%s: no hit, the case tests nothing", name)
			}
			for i, h := range res.Hits {
				want, ok := all[h.ID]
				if ok && h.Score != want {
					t.Errorf("%s: %s scores %v filtered, %v unfiltered", name, h.ID, h.Score, want)
				}
				if i > 0 && h.Score > res.Hits[i-1].Score {
					t.Errorf("%s: hit %d scores more than hit %d", name, i, i-1)
				}
			}
		}
	}
}

// TestYearRangeMatchesDates: a range of whole years, run on the year
// field's terms, matches the passages the date field's range matches.
func TestYearRangeMatchesDates(t *testing.T) {
	ix := realIndex(t)
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	ctx := context.Background()
	for _, r := range [][2]string{{"2015", "2021"}, {"2019", ""}, {"", "2016"}, {"2021", "2021"}} {
		years, err := dateRange(r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		// The same range as dates: a month bound keeps it on the date field.
		from, to := r[0], r[1]
		if from != "" {
			from += "-01"
		}
		if to != "" {
			to += "-12"
		}
		dates, err := dateRange(from, to)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%T", years) == fmt.Sprintf("%T", dates) {
			t.Fatalf("%v: both ranges are %T", r, years)
		}
		var found uint64
		for i, s := range g.shards {
			got, err := s.hits(ctx, years)
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.hits(ctx, dates)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equals(want) {
				t.Errorf("%v in shard %d: %d passages by year, %d by date", r, i, got.GetCardinality(), want.GetCardinality())
			}
			found += want.GetCardinality()
		}
		if found == 0 {
			t.Errorf("%v: no passage, the case tests nothing", r)
		}
	}
}
