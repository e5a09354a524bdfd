package bench

import (
	"math"
	"testing"
)

// TestStolenCPUTime reads the steal column of /proc/stat's first line and
// turns two readings into the share of CPU time stolen between them.
func TestStolenCPUTime(t *testing.T) {
	before := parseCPUTimes("cpu  100 5 20 800 10 0 5 60 7 0\ncpu0 50 2 10 400 5 0 2 30 3 0\n")
	if before != (cpuTimes{total: 1000, steal: 60}) {
		t.Fatalf("parsed %+v, want total 1000 (guest not counted twice), steal 60", before)
	}
	after := cpuTimes{total: 1400, steal: 160}
	if got := after.stolenSince(before); got == nil || math.Abs(*got-0.25) > 1e-9 {
		t.Errorf("stolen share %v, want 0.25", got)
	}
	for _, stat := range []string{"", "intr 1 2 3", "cpu 1 2 x 4 5 6 7 8", "cpu 1 2 3"} {
		if got := parseCPUTimes(stat); got != (cpuTimes{}) {
			t.Errorf("parseCPUTimes(%q) = %+v, want zero", stat, got)
		}
	}
	if got := before.stolenSince(after); got != nil {
		t.Errorf("a reading older than the one before gives %v, want not measured", *got)
	}
	if got := after.stolenSince(cpuTimes{}); got != nil {
		t.Errorf("an unreadable first reading gives %v, want not measured", *got)
	}
	if got := percent(nil); got != "not measured" {
		t.Errorf("percent(nil) = %q", got)
	}
}
