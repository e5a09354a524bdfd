package bench

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestNewStatsPercentiles(t *testing.T) {
	lat := make([]time.Duration, 0, 100)
	for i := 100; i >= 1; i-- {
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	s := newStats(lat, 2, 2*time.Second)
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"median", s.MedianMS, 50},
		{"p95", s.P95MS, 95},
		{"p99", s.P99MS, 99},
		{"max", s.MaxMS, 100},
		{"qps", s.QPS, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
			}
		})
	}
}

func TestRunClassBudget(t *testing.T) {
	qs := []Query{{Class: ClassRare, Q: "a"}, {Class: ClassRare, Q: "b"}}
	calls := 0
	s := runClass(context.Background(), qs, Budget{Count: 7, Time: time.Minute, Clients: 1}, func(context.Context, Query) error {
		calls++
		if calls == 5 {
			return errors.New("boom")
		}
		return nil
	})
	if calls != 2+7 || s.N != 6 || s.Errors != 1 || s.FirstErr != "boom" {
		t.Errorf("calls %d (want 9: 2 warm-up + 7), stats %+v", calls, s)
	}
}

func TestSlowestQuery(t *testing.T) {
	qs := []Query{{Class: ClassFilter, Q: "a", Filters: map[string][]string{"state": {"FRA", "NLD"}}}, {Class: ClassFilter, Q: "b", From: 2020, To: 2025}}
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	// "a" has the slowest single run, "b" the highest median.
	got := slowest(qs, []sample{{0, ms(1)}, {0, ms(1)}, {0, ms(90)}, {1, ms(5)}, {1, ms(6)}, {1, ms(7)}})
	want := &QueryTime{Query: "b 2020-2025", N: 3, MedianMS: 6}
	if *got != *want {
		t.Errorf("slowest %+v, want %+v", got, want)
	}
	if l := qs[0].label(); l != "a state=FRA,NLD" {
		t.Errorf("label %q", l)
	}
	if slowest(qs, nil) != nil {
		t.Error("a slowest query without runs")
	}
}
