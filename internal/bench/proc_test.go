package bench

import (
	"runtime"
	"testing"
	"time"
)

func TestP90(t *testing.T) {
	for _, c := range []struct {
		samples []int64
		want    int64
	}{
		{nil, 0},
		{[]int64{7}, 7},
		{[]int64{10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, 9},       // nearest rank 9 of 10
		{[]int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100}, 10}, // rank 10 of 11: the spike is above it
	} {
		if got := p90(c.samples); got != c.want {
			t.Errorf("p90(%v) = %d, want %d", c.samples, got, c.want)
		}
	}
}

// TestMemorySamplerPhases: each phase gets its own samples, and its p90s
// lie between zero and its peaks.
func TestMemorySamplerPhases(t *testing.T) {
	m := startMemorySampler("first")
	time.Sleep(3 * sampleEvery)
	m.enter("second")
	ballast := make([]byte, 64<<20)
	for i := range ballast {
		ballast[i] = 1 // touch the pages, so they are resident
	}
	time.Sleep(3 * sampleEvery)
	phases := m.finish()
	if procStatus("VmRSS") == 0 {
		t.Skip("no /proc/self/status to sample")
	}
	if len(phases) != 2 || phases[0].Phase != "first" || phases[1].Phase != "second" {
		t.Fatalf("phases %+v, want first and second", phases)
	}
	for _, p := range phases {
		if p.P90RSSAnon <= 0 || p.P90RSSAnon > p.PeakRSSAnon || p.P90Live > p.PeakLive {
			t.Errorf("%s: p90 anon %d, peak %d; p90 live %d, peak %d", p.Phase, p.P90RSSAnon, p.PeakRSSAnon, p.P90Live, p.PeakLive)
		}
	}
	if grew := phases[1].P90RSSAnon - phases[0].P90RSSAnon; grew < 32<<20 {
		t.Errorf("a 64 MB ballast raised the second phase's p90 anonymous RSS by %d bytes only", grew)
	}
	runtime.KeepAlive(ballast)
}
