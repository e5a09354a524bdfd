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
