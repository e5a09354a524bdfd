package lineage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// scaled returns the corpus items and factor-1 copies of each, generated
// deterministically: copy k is re-dated k years later and has one to three
// words replaced or dropped, as yearly resolutions change, so copies form
// families with their originals; one copy in ten has most of its words
// replaced, so it stays apart.
func scaled(base []Item, factor int) []Item {
	out := make([]Item, 0, len(base)*factor)
	out = append(out, base...)
	for k := 1; k < factor; k++ {
		rng := rand.New(rand.NewPCG(uint64(k), 2026))
		for _, it := range base {
			words := append([]string(nil), it.Words...)
			edits := 1 + rng.IntN(3)
			if rng.IntN(10) == 0 {
				edits = len(words) * 3 / 5
			}
			for range edits {
				if len(words) < 2 {
					break
				}
				i := rng.IntN(len(words))
				if rng.IntN(3) == 0 {
					words = append(words[:i], words[i+1:]...)
				} else {
					words[i] = "w" + strconv.Itoa(rng.IntN(100000))
				}
			}
			out = append(out, Item{ID: it.ID + "~" + strconv.Itoa(k), Date: redate(it.Date, k), Words: words})
		}
	}
	return out
}

func redate(date string, years int) string {
	y, err := strconv.Atoi(date[:min(4, len(date))])
	if err != nil {
		return date
	}
	return strconv.Itoa(y+years) + date[min(4, len(date)):]
}

// TestScale prints time and memory of Families at PRECEDENT_SCALE times
// the shared corpus (e.g. PRECEDENT_SCALE=1,10,100); skipped by default.
func TestScale(t *testing.T) {
	env := os.Getenv("PRECEDENT_SCALE")
	if env == "" {
		t.Skip("set PRECEDENT_SCALE=1,10,100 to measure Families at scale")
	}
	base, _ := passageItems(sharedDocuments(t))
	t.Logf("%7s %9s %8s %8s %12s %10s %9s %10s", "scale", "passages", "wall s", "CPU s", "peak heap MB", "VmHWM MB", "families", "max size")
	for _, f := range strings.Split(env, ",") {
		factor, err := strconv.Atoi(f)
		if err != nil || factor < 1 {
			t.Fatalf("bad scale %q", f)
		}
		items := scaled(base, factor)
		cpu := cpuSeconds()
		secs, peak, got := measure(func() map[string]string { return Families(items) })
		cpu = cpuSeconds() - cpu
		fams, largest := familySizes(got)
		t.Logf("%6dx %9d %8.2f %8.2f %12.0f %10.0f %9d %10d", factor, len(items), secs, cpu, peak, vmHWM(), fams, largest)
	}
}

// heapBytes reads the live heap without stopping the world.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// measure runs fn and returns its seconds and the peak heap (MB) it used
// above the heap at its start, sampled every 5 ms.
func measure(fn func() map[string]string) (float64, float64, map[string]string) {
	runtime.GC()
	baseHeap := heapBytes()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if h := heapBytes(); h > peak.Load() {
					peak.Store(h)
				}
			}
		}
	}()
	start := time.Now()
	got := fn()
	secs := time.Since(start).Seconds()
	close(done)
	return secs, float64(peak.Load()-min(baseHeap, peak.Load())) / (1 << 20), got
}

func familySizes(got map[string]string) (int, int) {
	size := map[string]int{}
	largest := 0
	for _, f := range got {
		size[f]++
		largest = max(largest, size[f])
	}
	return len(size), largest
}

// cpuSeconds returns the user and system CPU time of the process so far:
// on a shared machine it says more than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// vmHWM returns the process' peak resident memory in MB (Linux), or 0.
func vmHWM() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var kb float64
		if _, err := fmt.Sscanf(sc.Text(), "VmHWM: %f kB", &kb); err == nil {
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkFamilies groups every passage of the shared corpus.
func BenchmarkFamilies(b *testing.B) {
	items, _ := passageItems(sharedDocuments(b))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		Families(items)
	}
	b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "passages/s")
	b.ReportMetric(float64(len(items)*b.N)/(cpuSeconds()-cpu), "passages/cpu-s")
}

// BenchmarkNormaliseSign normalises and signs every passage of the shared
// corpus, as the indexer does.
func BenchmarkNormaliseSign(b *testing.B) {
	docs := sharedDocuments(b)
	var texts []string
	for _, d := range docs {
		for _, p := range d.Passages {
			texts = append(texts, p.Text)
		}
	}
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		for _, s := range texts {
			Bands(Sign(Normalise(s)))
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "passages/s")
	b.ReportMetric(float64(len(texts)*b.N)/(cpuSeconds()-cpu), "passages/cpu-s")
}
