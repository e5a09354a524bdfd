package indexer

import (
	"errors"
	"hash/fnv"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"

	"github.com/precedent/precedent/corpus"
)

// A generation spreads its passages over shards, separate Bleve indexes,
// by document: all passages of a document are in one shard. Each shard is
// written by its own goroutine and searched by its own goroutine, so both
// use every core; search merges the shards' answers (see Generation).
const (
	// maxCPUShards bounds the shards of one per CPU.
	maxCPUShards = 4
	// autoShardPassages is the smallest generation split automatically:
	// below it one shard answers fast enough and merging costs more.
	autoShardPassages = 20000
	// maxShardPassages bounds the passages of an automatic shard. Bleve's
	// builder merges a shard's segments into one when it closes, holding
	// about 40 bytes a passage of the shard meanwhile (BENCHMARKS.md,
	// "Ninth session"): a larger generation gets more shards, not larger
	// ones, and its shards are closed one per CPU at a time.
	maxShardPassages = 1_000_000
)

// shardCount is the number of shards of a new generation of passages:
// opt.Shards when set, else for generations of at least autoShardPassages
// passages one per CPU (at most maxCPUShards), or more when they would
// exceed maxShardPassages.
func shardCount(opt *Options, passages int) int {
	if opt.Shards > 0 {
		return opt.Shards
	}
	if passages < autoShardPassages {
		return 1
	}
	return max(min(runtime.NumCPU(), maxCPUShards), (passages+maxShardPassages-1)/maxShardPassages)
}

// busyShards is how many of shards shards may work at once: one per CPU.
func busyShards(shards int) int { return max(1, min(shards, runtime.NumCPU())) }

// shardOf returns the shard of a document among shards.
func shardOf(docID string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(docID))
	return int(h.Sum32() % uint32(shards))
}

// shardPath is the directory of shard i of the generation at path.
func shardPath(path string, i int) string {
	return filepath.Join(path, shardPrefix+strconv.Itoa(i))
}

// shardedSink hands each passage to its document's shard, whose sink runs
// in a goroutine of its own.
type shardedSink struct {
	sinks []passageSink
	ops   []chan sinkOp
	wg    sync.WaitGroup
	stop  sync.Once

	mu  sync.Mutex
	err error // the first error of a shard
}

// sinkOp is a passage to index, or to remove when fields is nil.
type sinkOp struct {
	id     string
	fields map[string]interface{}
}

// newShardedSink starts a writer per sink. Up to queue passages wait per
// shard: a whole batch, so that while one shard analyses and writes a
// segment (its builder does it all when a batch fills), the others are
// still fed.
func newShardedSink(sinks []passageSink, queue int) *shardedSink {
	s := &shardedSink{sinks: sinks, ops: make([]chan sinkOp, len(sinks))}
	for i := range sinks {
		s.ops[i] = make(chan sinkOp, queue)
		s.wg.Go(func() { s.run(i) })
	}
	return s
}

// run applies shard i's operations until its queue closes; after an error
// it only drains the queue.
func (s *shardedSink) run(i int) {
	failed := false
	for op := range s.ops[i] {
		if failed {
			continue
		}
		var err error
		if op.fields == nil {
			err = s.sinks[i].remove(op.id)
		} else {
			err = s.sinks[i].index(op.id, op.fields)
		}
		if err != nil {
			failed = true
			s.fail(err)
		}
	}
}

func (s *shardedSink) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
}

func (s *shardedSink) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *shardedSink) index(id string, fields map[string]interface{}) error {
	doc, _ := fields[FieldDocID].(string)
	return s.send(doc, sinkOp{id: id, fields: fields})
}

func (s *shardedSink) remove(id string) error {
	return s.send(corpus.PassageDocument(id), sinkOp{id: id})
}

func (s *shardedSink) send(docID string, op sinkOp) error {
	if err := s.failure(); err != nil {
		return err
	}
	s.ops[shardOf(docID, len(s.sinks))] <- op
	return nil
}

// drain closes the queues and waits for the writers.
func (s *shardedSink) drain() error {
	s.stop.Do(func() {
		for _, ch := range s.ops {
			close(ch)
		}
		s.wg.Wait()
	})
	return s.failure()
}

// finish writes the rest of the queues, then finishes the shards, one per
// CPU at a time (a full build merges each shard's segments then, with
// memory in proportion to the shard).
func (s *shardedSink) finish() error {
	if err := s.drain(); err != nil {
		s.abort()
		return err
	}
	errs := make([]error, len(s.sinks))
	busy := make(chan struct{}, busyShards(len(s.sinks)))
	var wg sync.WaitGroup
	for i, sink := range s.sinks {
		wg.Go(func() {
			busy <- struct{}{}
			defer func() { <-busy }()
			errs[i] = sink.finish()
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *shardedSink) abort() {
	s.drain()
	for _, sink := range s.sinks {
		sink.abort()
	}
}
