package bench

import (
	"bufio"
	"os"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// procStatus returns a memory line of /proc/self/status ("VmRSS",
// "VmHWM") in bytes, or 0 where /proc is missing.
func procStatus(key string) int64 {
	return procStatusLines(key)[key]
}

// procStatusLines returns the named memory lines of /proc/self/status in
// bytes; lines that are missing are absent.
func procStatusLines(keys ...string) map[string]int64 {
	out := make(map[string]int64, len(keys))
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || !contains(keys, name) {
			continue
		}
		if fields := strings.Fields(rest); len(fields) > 0 {
			kb, _ := strconv.ParseInt(fields[0], 10, 64)
			out[name] = kb << 10
		}
	}
	return out
}

func contains(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// PhaseMemory is the peak memory of one phase of a process, sampled every
// sampleEvery: RSS split into anonymous memory (heap, stacks: what the
// process itself holds) and file-backed pages (mapped files such as Bleve's
// segments, which the kernel can drop), and the Go heap. The 90th
// percentiles of the anonymous RSS and live heap samples tell the phase's
// usual memory from its spikes: a peak is the highest of samples that
// fluctuate with each batch, so it rises with the number of batches even
// where their distribution does not change.
type PhaseMemory struct {
	Phase       string  `json:"phase"`
	Seconds     float64 `json:"seconds"`
	PeakRSS     int64   `json:"peak_rss"`      // VmRSS, bytes
	PeakRSSAnon int64   `json:"peak_rss_anon"` // RssAnon, bytes
	PeakRSSFile int64   `json:"peak_rss_file"` // RssFile + RssShmem, bytes
	PeakHeap    int64   `json:"peak_heap"`     // Go heap objects (live and not yet swept), bytes
	PeakLive    int64   `json:"peak_live"`     // Go heap marked live by the last GC, bytes
	P90RSSAnon  int64   `json:"p90_rss_anon"`
	P90Live     int64   `json:"p90_live"`
	Samples     int     `json:"samples"`
}

// sampleEvery is how often a memorySampler reads /proc and the Go runtime.
const sampleEvery = 250 * time.Millisecond

// memorySampler records the peak memory of the phases of this process.
type memorySampler struct {
	mu     sync.Mutex
	phases []PhaseMemory
	start  time.Time
	stop   chan struct{}
	done   chan struct{}
	heap   []metrics.Sample
	anon   []int64 // the current phase's samples
	live   []int64
}

// startMemorySampler starts sampling into a first phase.
func startMemorySampler(phase string) *memorySampler {
	m := &memorySampler{stop: make(chan struct{}), done: make(chan struct{}),
		heap: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}}
	m.enter(phase)
	go m.run()
	return m
}

func (m *memorySampler) run() {
	defer close(m.done)
	t := time.NewTicker(sampleEvery)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			m.sample()
		}
	}
}

// enter ends the current phase (with a last sample) and starts phase,
// unless it is already the current one.
func (m *memorySampler) enter(phase string) {
	m.mu.Lock()
	cur := len(m.phases) > 0 && m.phases[len(m.phases)-1].Phase == phase
	m.mu.Unlock()
	if cur {
		return
	}
	m.sample()
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	if n := len(m.phases); n > 0 {
		p := &m.phases[n-1]
		p.Seconds = now.Sub(m.start).Seconds()
		p.P90RSSAnon, p.P90Live = p90(m.anon), p90(m.live)
	}
	m.phases = append(m.phases, PhaseMemory{Phase: phase})
	m.start, m.anon, m.live = now, m.anon[:0], m.live[:0]
}

// p90 returns the 90th percentile of samples (nearest rank), reordering them.
func p90(samples []int64) int64 {
	if len(samples) == 0 {
		return 0
	}
	slices.Sort(samples)
	return samples[(len(samples)*9+9)/10-1]
}

// sample reads the memory now into the current phase's peaks.
func (m *memorySampler) sample() {
	s := procStatusLines("VmRSS", "RssAnon", "RssFile", "RssShmem")
	metrics.Read(m.heap)
	heap, live := int64(m.heap[0].Value.Uint64()), int64(m.heap[1].Value.Uint64())
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.phases) == 0 {
		return
	}
	p := &m.phases[len(m.phases)-1]
	p.PeakRSS = max(p.PeakRSS, s["VmRSS"])
	p.PeakRSSAnon = max(p.PeakRSSAnon, s["RssAnon"])
	p.PeakRSSFile = max(p.PeakRSSFile, s["RssFile"]+s["RssShmem"])
	p.PeakHeap = max(p.PeakHeap, heap)
	p.PeakLive = max(p.PeakLive, live)
	p.Samples++
	m.anon, m.live = append(m.anon, s["RssAnon"]), append(m.live, live)
}

// finish stops sampling and returns the phases.
func (m *memorySampler) finish() []PhaseMemory {
	m.enter("")
	close(m.stop)
	<-m.done
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.phases[:len(m.phases)-1]
}
