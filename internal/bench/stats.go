package bench

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Stats are the latencies of one query class.
type Stats struct {
	N        int        `json:"n"`
	Errors   int        `json:"errors"`
	MedianMS float64    `json:"median_ms"`
	P95MS    float64    `json:"p95_ms"`
	P99MS    float64    `json:"p99_ms"`
	MaxMS    float64    `json:"max_ms"`
	QPS      float64    `json:"qps"`                   // queries answered per second of wall time
	FirstErr string     `json:"first_error,omitempty"` // the first failure, when Errors > 0
	Slowest  *QueryTime `json:"slowest,omitempty"`     // the query of the class with the highest median
}

// QueryTime is one query of a class and the median of its latencies.
type QueryTime struct {
	Query    string  `json:"query"`
	N        int     `json:"n"`
	MedianMS float64 `json:"median_ms"`
}

// sample is one timed run of the query at index q of its class.
type sample struct {
	q int
	d time.Duration
}

// newStats summarises latencies measured over wall time.
func newStats(lat []time.Duration, errors int, wall time.Duration) *Stats {
	s := &Stats{N: len(lat), Errors: errors}
	if len(lat) == 0 {
		return s
	}
	slices.Sort(lat)
	s.MedianMS = percentile(lat, 0.50)
	s.P95MS = percentile(lat, 0.95)
	s.P99MS = percentile(lat, 0.99)
	s.MaxMS = ms(lat[len(lat)-1])
	s.QPS = float64(len(lat)) / wall.Seconds()
	return s
}

// percentile returns the nearest-rank percentile of sorted latencies in ms.
func percentile(sorted []time.Duration, p float64) float64 {
	i := int(p*float64(len(sorted))+0.999999) - 1
	return ms(sorted[max(0, min(i, len(sorted)-1))])
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Budget bounds the queries of one class: at most Count queries, stopping
// early after Time.
type Budget struct {
	Count   int
	Time    time.Duration
	Clients int // concurrent clients; 1 runs them one after another
}

// runClass runs the class's queries round robin under the budget and
// returns their stats. The first pass over the queries warms up and is not
// counted.
func runClass(ctx context.Context, queries []Query, b Budget, run func(context.Context, Query) error) *Stats {
	for _, q := range queries {
		_ = run(ctx, q)
	}
	clients := max(1, b.Clients)
	var next atomic.Int64
	var mu sync.Mutex
	var samples []sample
	errors, firstErr := 0, ""
	start := time.Now()
	deadline := start.Add(b.Time)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []sample
			bad, msg := 0, ""
			for i := next.Add(1) - 1; i < int64(b.Count) && time.Now().Before(deadline) && ctx.Err() == nil; i = next.Add(1) - 1 {
				t, q := time.Now(), int(i)%len(queries)
				if err := run(ctx, queries[q]); err != nil {
					bad++
					msg = cmp.Or(msg, err.Error())
					continue
				}
				mine = append(mine, sample{q, time.Since(t)})
			}
			mu.Lock()
			samples, errors, firstErr = append(samples, mine...), errors+bad, cmp.Or(firstErr, msg)
			mu.Unlock()
		}()
	}
	wg.Wait()
	lat := make([]time.Duration, len(samples))
	for i, sm := range samples {
		lat[i] = sm.d
	}
	st := newStats(lat, errors, time.Since(start))
	st.FirstErr = firstErr
	st.Slowest = slowest(queries, samples)
	return st
}

// slowest is the query whose latencies have the highest median.
func slowest(queries []Query, samples []sample) *QueryTime {
	per := make([][]time.Duration, len(queries))
	for _, sm := range samples {
		per[sm.q] = append(per[sm.q], sm.d)
	}
	var worst *QueryTime
	for q, lat := range per {
		if len(lat) == 0 {
			continue
		}
		slices.Sort(lat)
		if m := percentile(lat, 0.50); worst == nil || m > worst.MedianMS {
			worst = &QueryTime{Query: queries[q].label(), N: len(lat), MedianMS: m}
		}
	}
	return worst
}

// byClass groups the mix by class.
func byClass(mix []Query) map[string][]Query {
	m := map[string][]Query{}
	for _, q := range mix {
		m[q.Class] = append(m[q.Class], q)
	}
	return m
}

// runMix runs every class of the mix under the budget.
func runMix(ctx context.Context, mix []Query, b Budget, run func(context.Context, Query) error) map[string]*Stats {
	out := map[string]*Stats{}
	groups := byClass(mix)
	for _, c := range Classes {
		if qs := groups[c]; len(qs) > 0 {
			out[c] = runClass(ctx, qs, b, run)
		}
	}
	return out
}
