package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// Query classes of the latency benchmarks, over the shared corpus.
var (
	plainQueries = []string{
		"sovereignty", "armed attack", "capacity building", "critical infrastructure", "human rights privacy",
		"due diligence", "countermeasures", "points of contact", "supply chain", "elections interference",
		"international humanitarian law", "attribution", "programme of action", "cybercrime convention", "neutrality",
	}
	phraseQueries = []string{
		`"armed attack"`, `"due diligence"`, `"critical infrastructure"`, `"programme of action"`, `"supply chain"`,
		`"international humanitarian law"`, `"use of force"`, `"points of contact"`, `"human rights"`, `"open-ended working group"`,
	}
	fiveFacets = []string{FieldState, FieldTopic, FieldPrinciple, FieldBody, FieldYear}
)

// benchmarkQueries runs one query per iteration, cycling through queries,
// and reports the median and 99th percentile latency as metrics
// (run with -benchtime=200x for 200 queries per class).
// The answer cache is off, so each query costs a search; the Repeated
// benchmarks measure the cached path.
func benchmarkQueries(b *testing.B, queries []string, build func(q string) Request) {
	ix := realIndex(b)
	withoutCache(b, ix)
	benchmarkSearches(b, ix, queries, build)
}

// withoutCache gives the live generation an answer cache that keeps
// nothing until the benchmark ends.
func withoutCache(b *testing.B, ix *Index) {
	g := ix.current.Load()
	kept := g.cache
	g.cache = newAnswerCache(0, 0)
	b.Cleanup(func() { g.cache = kept })
}

// benchmarkSearches runs the queries round robin on ix and reports latency.
func benchmarkSearches(b *testing.B, ix *Index, queries []string, build func(q string) Request) {
	ctx := context.Background()
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := ix.Search(ctx, build(queries[i%len(queries)])); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	reportLatency(b, times)
}

// reportLatency reports the median and 99th percentile of times as metrics.
func reportLatency(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[min(len(times)-1, len(times)*99/100)]), "p99-ms")
}

func BenchmarkPlainQuery(b *testing.B) {
	benchmarkQueries(b, plainQueries, func(q string) Request { return Request{Query: q} })
}

func BenchmarkPhraseQuery(b *testing.B) {
	benchmarkQueries(b, phraseQueries, func(q string) Request { return Request{Query: q} })
}

func BenchmarkFiveFacets(b *testing.B) {
	benchmarkQueries(b, plainQueries, func(q string) Request { return Request{Query: q, Facets: fiveFacets} })
}

// BenchmarkFiveFacetsFiltered has two active filters, so two facets cost
// one extra search each (multi-select).
func BenchmarkFiveFacetsFiltered(b *testing.B) {
	benchmarkQueries(b, plainQueries, func(q string) Request {
		return Request{Query: q, Facets: fiveFacets,
			Filters: map[string][]string{FieldBody: {"national", "GA"}, FieldYear: {"2019", "2021", "2024"}}}
	})
}

func BenchmarkHighlightedPage(b *testing.B) {
	benchmarkQueries(b, plainQueries, func(q string) Request { return Request{Query: q, Highlight: true, Size: 20} })
}

func BenchmarkDocumentUnit(b *testing.B) {
	benchmarkQueries(b, plainQueries, func(q string) Request { return Request{Query: q, Unit: UnitDocument} })
}

// BenchmarkBrowseFiveFacets counts five facets over every passage, the
// request a browsing page sends first.
func BenchmarkBrowseFiveFacets(b *testing.B) {
	benchmarkQueries(b, []string{"*"}, func(q string) Request { return Request{Query: q, Facets: fiveFacets} })
}

// BenchmarkLineageText traces pasted text: a passage of the index with
// its third word dropped, as people paste wording they have edited.
func BenchmarkLineageText(b *testing.B) {
	ix := realIndex(b)
	ctx := context.Background()
	var texts []string
	for _, q := range plainQueries {
		res, err := ix.Search(ctx, Request{Query: q, Size: 1})
		if err != nil || len(res.Hits) == 0 {
			continue
		}
		words := strings.Fields(res.Hits[0].Passage.Text)
		if len(words) < 12 {
			continue
		}
		texts = append(texts, strings.Join(append(words[:2:2], words[3:]...), " "))
	}
	if len(texts) == 0 {
		b.Skip("no passage long enough to paste")
	}
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := ix.LineageOfText(ctx, texts[i%len(texts)]); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	reportLatency(b, times)
}

// BenchmarkBrowseFiveFacetsRepeated asks the browsing page's request
// again, as every visitor of the search page does: a cache hit.
func BenchmarkBrowseFiveFacetsRepeated(b *testing.B) {
	benchmarkSearches(b, realIndex(b), []string{"*"}, func(q string) Request { return Request{Query: q, Facets: fiveFacets} })
}
