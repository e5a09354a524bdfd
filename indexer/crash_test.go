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
// invented corpus and SIGKILLs it at random points (seeded). After each
// kill, CURRENT must name a complete generation holding exactly the
// passages of the corpus state it was built from, and every gen-N
// directory must open; a final run must complete and reconcile.
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
	writeInventedCorpus(t, corpusDir, 20, 20)
	extra := filepath.Join(corpusDir, "zz-extra.txt")
	index := func() *exec.Cmd {
		return exec.Command(exe, "index", "--quiet", "--corpus", corpusDir, "--data", data)
	}
	// Passages of each corpus state, from complete runs: without and with the extra file.
	counts := map[bool]uint64{}
	// The last complete run, like the killed ones, finds the cache warm:
	// its duration bounds the kill points.
	var took time.Duration
	for _, withExtra := range []bool{false, true, false} {
		setExtra(t, extra, withExtra)
		start := time.Now()
		if out, err := index().CombinedOutput(); err != nil {
			t.Fatalf("complete run: %v\n%s", err, out)
		}
		took = time.Since(start)
		_, counts[withExtra] = liveState(t, data)
	}
	if counts[true] == counts[false] {
		t.Fatalf("both corpus states have %d passages; the test cannot tell generations apart", counts[true])
	}
	rng := rand.New(rand.NewPCG(8, 2026))
	switched, midBuild := 0, 0
	for i := range crashKills {
		liveName, liveCount := liveState(t, data)
		withExtra := liveCount != counts[true] // the other state than the live one's: the run has work
		setExtra(t, extra, withExtra)
		cmd := index()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(took) * 5 / 4))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		name, count := liveState(t, data)
		switch {
		case name == liveName && count == liveCount:
		case name != liveName && count == counts[withExtra]:
			switched++
		default:
			t.Errorf("kill %d after %v: live %s has %d passages; before it was %s with %d, the new state has %d",
				i, delay, name, count, liveName, liveCount, counts[withExtra])
		}
		checkAllGenerationsOpen(t, data)
		if leftovers, _ := filepath.Glob(filepath.Join(IndexDir(data), buildPrefix+"*")); len(leftovers) > 0 {
			midBuild++
		}
	}
	t.Logf("%d kills at random points within %v: %d after the switch, %d before (%d in the middle of writing a generation); every live generation intact",
		crashKills, took*5/4, switched, crashKills-switched, midBuild)
	_, liveCount := liveState(t, data)
	withExtra := liveCount != counts[true]
	setExtra(t, extra, withExtra)
	if out, err := index().CombinedOutput(); err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	r, err := ReadReport(data)
	if err != nil {
		t.Fatal(err)
	}
	checkReconciles(t, r)
	if _, n := liveState(t, data); n != counts[withExtra] || uint64(r.Passages) != n {
		t.Errorf("final generation has %d passages, report %d, want %d", n, r.Passages, counts[withExtra])
	}
	if entries, _ := os.ReadDir(IndexDir(data)); len(entries) > 4 {
		t.Errorf("index dir keeps leftovers after a complete run: %v", entries)
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

func setExtra(t *testing.T, path string, present bool) {
	t.Helper()
	if !present {
		os.Remove(path)
		return
	}
	writeInventedDocument(t, path, 999, 12)
}

// writeInventedCorpus writes files of paragraphs of invented text.
func writeInventedCorpus(t *testing.T, dir string, files, paragraphs int) {
	t.Helper()
	for f := range files {
		writeInventedDocument(t, filepath.Join(dir, fmt.Sprintf("notes-%03d.txt", f)), f, paragraphs)
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
