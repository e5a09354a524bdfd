package indexer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashKills is the number of random points at which TestCrashSafety
// kills a running 'precedent index'.
const crashKills = 12

// TestCrashSafety builds the real binary, runs 'precedent index' on an
// invented corpus and SIGKILLs it at random points (seeded). The corpus
// cycles through three states, so killed runs are both incremental updates
// (one file added) and full rebuilds (every file changed). After each kill,
// CURRENT must name a complete generation holding exactly the passages of
// the state it was built from, and every gen-N directory must open; a final
// run must complete and reconcile.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it repeatedly; skipped with -short")
	}
	exe := filepath.Join(t.TempDir(), "precedent")
	build := exec.Command("go", "build", "-o", exe, "github.com/precedent/precedent/cmd/precedent")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir, data := t.TempDir(), t.TempDir()
	run := func(state int) *exec.Cmd {
		setCorpusState(t, corpusDir, state)
		return exec.Command(exe, "index", "--quiet", "--corpus", corpusDir, "--data", data)
	}
	// Complete runs through the cycle give each state's passage count and
	// how long the run into it takes (cache warm, as for the killed runs).
	counts, took := map[int]uint64{}, map[int]time.Duration{}
	for _, state := range []int{0, 1, 2, 0, 1, 2} {
		start := time.Now()
		if out, err := run(state).CombinedOutput(); err != nil {
			t.Fatalf("complete run: %v\n%s", err, out)
		}
		took[state] = time.Since(start)
		_, counts[state] = liveState(t, data)
	}
	if counts[0] == counts[1] || counts[1] == counts[2] || counts[0] == counts[2] {
		t.Fatalf("corpus states have passages %v; the test cannot tell generations apart", counts)
	}
	rng := rand.New(rand.NewPCG(8, 2026))
	switched, midBuild := 0, 0
	for i := range crashKills {
		liveName, liveCount := liveState(t, data)
		next := (stateOf(counts, liveCount) + 1) % 3
		cmd := run(next)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(took[next]) * 5 / 4))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		name, count := liveState(t, data)
		switch {
		case name == liveName && count == liveCount:
		case name != liveName && count == counts[next]:
			switched++
		default:
			t.Errorf("kill %d after %v: live %s has %d passages; before it was %s with %d, the new state has %d",
				i, delay, name, count, liveName, liveCount, counts[next])
		}
		checkAllGenerationsOpen(t, data)
		if leftovers, _ := filepath.Glob(filepath.Join(IndexDir(data), buildPrefix+"*")); len(leftovers) > 0 {
			midBuild++
		}
	}
	t.Logf("%d kills at random points within runs of %v: %d after the switch, %d before (%d while writing a generation); every live generation intact",
		crashKills, took, switched, crashKills-switched, midBuild)
	_, liveCount := liveState(t, data)
	next := (stateOf(counts, liveCount) + 1) % 3
	if out, err := run(next).CombinedOutput(); err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	r, err := ReadReport(data)
	if err != nil {
		t.Fatal(err)
	}
	checkReconciles(t, r)
	if _, n := liveState(t, data); n != counts[next] || uint64(r.Passages) != n {
		t.Errorf("final generation has %d passages, report %d, want %d", n, r.Passages, counts[next])
	}
	if entries, _ := os.ReadDir(IndexDir(data)); len(entries) > 4 {
		t.Errorf("index dir keeps leftovers after a complete run: %v", entries)
	}
}

func stateOf(counts map[int]uint64, n uint64) int {
	for s, c := range counts {
		if c == n {
			return s
		}
	}
	return -1
}

// setCorpusState writes state 0 (20 files), 1 (the same and one more file)
// or 2 (the 20 files each with one more paragraph).
func setCorpusState(t *testing.T, dir string, state int) {
	t.Helper()
	paragraphs := 20
	if state == 2 {
		paragraphs = 21
	}
	for f := range 20 {
		writeInventedDocument(t, filepath.Join(dir, fmt.Sprintf("notes-%03d.txt", f)), f, paragraphs)
	}
	extra := filepath.Join(dir, "zz-extra.txt")
	if state == 1 {
		writeInventedDocument(t, extra, 999, 12)
	} else {
		os.Remove(extra)
	}
}

// liveState returns the live generation's name and passage count.
func liveState(t *testing.T, data string) (string, uint64) {
	t.Helper()
	path, err := CurrentGeneration(data)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := OpenGeneration(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, err := idx.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Base(path), n
}

// checkAllGenerationsOpen fails unless every gen-N directory is a complete index.
func checkAllGenerationsOpen(t *testing.T, data string) {
	t.Helper()
	gens, err := generations(IndexDir(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range gens {
		idx, err := OpenGeneration(filepath.Join(IndexDir(data), fmt.Sprintf("gen-%d", n)))
		if err != nil {
			t.Errorf("gen-%d is visible but does not open: %v", n, err)
			continue
		}
		idx.Close()
	}
}

func writeInventedDocument(t *testing.T, path string, seed, paragraphs int) {
	t.Helper()
	words := strings.Fields("harbour lantern ferry tide chart buoy pilot channel vessel beacon " +
		"keeper signal winter spring registry coastal authority crossing timetable notice")
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	var b strings.Builder
	fmt.Fprintf(&b, "Notes of the harbour council, meeting %d\n\n", seed)
	for p := 1; p <= paragraphs; p++ {
		fmt.Fprintf(&b, "%d. The council", p)
		for range 40 {
			b.WriteString(" " + words[rng.IntN(len(words))])
		}
		b.WriteString(".\n\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
