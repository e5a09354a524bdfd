package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/precedent/precedent/corpus"
)

// TestFullBuildSegments checks what the offline builder leaves: one
// segment per shard however many batches, no scratch directory, the format version
// and manifest stored, every passage searchable by id.
func TestFullBuildSegments(t *testing.T) {
	for _, c := range []struct{ batch, shards int }{{1, 1}, {2, 1}, {1000, 1}, {2, 2}, {1000, 3}, {2, 5}} {
		t.Run(fmt.Sprintf("batch=%d/shards=%d", c.batch, c.shards), func(t *testing.T) {
			opt := fixtureOptions(t, "testdata/corpus")
			opt.BatchSize, opt.Shards = c.batch, c.shards
			r, err := Build(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			gen, err := CurrentGeneration(opt.Data)
			if err != nil {
				t.Fatal(err)
			}
			dirs, err := shardDirs(gen)
			if err != nil || len(dirs) != c.shards {
				t.Fatalf("shards %v, %v; want %d", dirs, err, c.shards)
			}
			for _, dir := range dirs {
				if n := segmentFiles(dir); n > 1 { // none when no document hashed to the shard
					t.Errorf("%s: %d segment files, want 1", dir, n)
				}
				entries, err := os.ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					if strings.HasPrefix(e.Name(), "scorch-offline-build") {
						t.Errorf("builder scratch dir %s left in %s", e.Name(), dir)
					}
				}
			}
			idx := openLive(t, opt.Data) // checks the format version
			if n, err := idx.DocCount(); err != nil || int(n) != r.Passages {
				t.Errorf("DocCount = %d, %v; want %d", n, err, r.Passages)
			}
			live, err := CurrentGeneration(opt.Data)
			if err != nil {
				t.Fatal(err)
			}
			recs, kept := manifestRecords(t, live), 0
			for i := range recs {
				if recs[i].kept() {
					kept++
				}
			}
			failed := 0 // not listed: retried by the next run
			for _, s := range r.Skipped {
				if s.Error {
					failed++
				}
			}
			if len(recs) != r.FilesSeen-failed || kept != r.Indexed {
				t.Errorf("manifest lists %d files and keeps %d, want %d and %d", len(recs), kept, r.FilesSeen-failed, r.Indexed)
			}
		})
	}
}

// TestEmptyGeneration: a corpus whose every file is skipped still gets a
// live (empty) generation, which the builder alone could not write.
func TestEmptyGeneration(t *testing.T) {
	opt := fixtureOptions(t, "testdata/corpus")
	opt.Load = func(string, string) (*corpus.Document, error) {
		return nil, &Skipped{Reason: "declined by the test"}
	}
	r, err := Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Passages != 0 || !r.NewGeneration {
		t.Fatalf("report: %d passages, new generation %v; want 0, true", r.Passages, r.NewGeneration)
	}
	idx := openLive(t, opt.Data)
	if n, err := idx.DocCount(); err != nil || n != 0 {
		t.Errorf("DocCount = %d, %v; want 0", n, err)
	}
	if _, err := os.Stat(filepath.Join(IndexDir(opt.Data), r.Generation)); err != nil {
		t.Error(err)
	}
}

// TestShardCount: small generations get one shard, others one per CPU, or
// a multiple of that, the least that keeps them within maxShardPassages.
func TestShardCount(t *testing.T) {
	cpus := min(runtime.NumCPU(), maxCPUShards)
	for _, c := range []struct{ set, passages int }{
		{0, autoShardPassages - 1},
		{0, autoShardPassages},
		{0, 1_004_125},
		{0, 2_008_250},
		{0, 4_016_500},
		{3, 4_016_500},
	} {
		got := shardCount(&Options{Shards: c.set}, c.passages)
		switch {
		case c.set > 0:
			if got != c.set {
				t.Errorf("shardCount(Shards %d) = %d", c.set, got)
			}
		case c.passages < autoShardPassages:
			if got != 1 {
				t.Errorf("shardCount(%d passages) = %d, want 1", c.passages, got)
			}
		case got%cpus != 0 || got < cpus:
			t.Errorf("shardCount(%d passages) = %d, not a multiple of %d CPUs", c.passages, got, cpus)
		case (c.passages+got-1)/got > maxShardPassages:
			t.Errorf("%d passages in %d shards: more than %d a shard", c.passages, got, maxShardPassages)
		case got > cpus && (c.passages+got-cpus-1)/(got-cpus) <= maxShardPassages:
			t.Errorf("%d passages in %d shards: %d would do", c.passages, got, got-cpus)
		}
	}
}

// countingSink is a passageSink whose finish records how many finish at once.
type countingSink struct {
	busy, most, done *atomic.Int32
}

func (s countingSink) index(string, map[string]interface{}) error { return nil }
func (s countingSink) remove(string) error                        { return nil }
func (s countingSink) abort()                                     {}
func (s countingSink) finish() error {
	n := s.busy.Add(1)
	defer s.busy.Add(-1)
	defer s.done.Add(1)
	for m := s.most.Load(); n > m && !s.most.CompareAndSwap(m, n); m = s.most.Load() {
	}
	time.Sleep(20 * time.Millisecond)
	return nil
}

// TestShardsFinishOnePerCPU: the shards' final merges, whose memory is in
// proportion to the shard, run one per CPU at a time, and all of them run.
func TestShardsFinishOnePerCPU(t *testing.T) {
	var busy, most, done atomic.Int32
	sinks := make([]passageSink, 3*runtime.NumCPU())
	for i := range sinks {
		sinks[i] = countingSink{&busy, &most, &done}
	}
	if err := newShardedSink(sinks, 1, len(sinks)).endPass(0); err != nil {
		t.Fatal(err)
	}
	if got := int(most.Load()); got > runtime.NumCPU() || got < 1 {
		t.Errorf("%d shards finished at once, want 1 to %d", got, runtime.NumCPU())
	}
	if got := int(done.Load()); got != len(sinks) {
		t.Errorf("%d of %d shards finished", got, len(sinks))
	}
}

// recordingSink is a passageSink that records its passages and whether it
// finished.
type recordingSink struct {
	ids      []string
	finished bool
}

func (s *recordingSink) index(id string, _ map[string]interface{}) error {
	s.ids = append(s.ids, id)
	return nil
}
func (s *recordingSink) remove(string) error { return nil }
func (s *recordingSink) abort()              {}
func (s *recordingSink) finish() error {
	s.finished = true
	return nil
}

// TestShardsWrittenInPasses: five shards written two at a time take three
// passes; each pass's documents go to its shards only, which are finished
// when it ends and the later ones not yet; a passage for a shard whose pass
// ended is refused.
func TestShardsWrittenInPasses(t *testing.T) {
	sinks := make([]*recordingSink, 5)
	shards := make([]passageSink, len(sinks))
	for i := range sinks {
		sinks[i] = &recordingSink{}
		shards[i] = sinks[i]
	}
	s := newShardedSink(shards, 1, 2)
	if s.passes() != 3 {
		t.Fatalf("passes() = %d, want 3", s.passes())
	}
	docs := make([]string, 100)
	for i := range docs {
		docs[i] = fmt.Sprintf("doc-%d", i)
	}
	for pass := range s.passes() {
		for _, doc := range docs {
			if s.inPass(doc, pass) {
				if err := s.index(corpus.PassageID(doc, 1), map[string]interface{}{FieldDocID: doc}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := s.endPass(pass); err != nil {
			t.Fatal(err)
		}
		for i, sink := range sinks {
			if want := i < 2*(pass+1); sink.finished != want {
				t.Errorf("after pass %d: shard %d finished %v, want %v", pass, i, sink.finished, want)
			}
		}
	}
	written := 0
	for i, sink := range sinks {
		for _, id := range sink.ids {
			if shard := shardOf(corpus.PassageDocument(id), len(sinks)); shard != i {
				t.Errorf("%s written to shard %d, not its shard %d", id, i, shard)
			}
		}
		written += len(sink.ids)
	}
	if written != len(docs) {
		t.Errorf("%d passages written, want %d", written, len(docs))
	}
	if err := s.index(corpus.PassageID(docs[0], 2), map[string]interface{}{FieldDocID: docs[0]}); err == nil {
		t.Error("a passage for a shard whose pass ended was accepted")
	}
}
