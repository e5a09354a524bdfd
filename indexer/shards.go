package indexer

import (
	"errors"
	"fmt"
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
	// ones, written and closed one per CPU at a time (see shardedSink).
	// With DefaultBatchSize it is also the most passages whose segments
	// the builder merges in one round (builderMergeMax).
	maxShardPassages = 1_000_000
)

// shardCount is the number of shards of a new generation of passages:
// opt.Shards when set, else for generations of at least autoShardPassages
// passages one per CPU (at most maxCPUShards), or as many times that as
// keeps them within maxShardPassages.
func shardCount(opt *Options, passages int) int {
	if opt.Shards > 0 {
		return opt.Shards
	}
	if passages < autoShardPassages {
		return 1
	}
	perCPU := min(runtime.NumCPU(), maxCPUShards)
	return perCPU * ((passages + perCPU*maxShardPassages - 1) / (perCPU * maxShardPassages))
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
// in a goroutine of its own. The shards are written a group at a time, in
// passes (see passes): a pass ends with its shards finished, before the
// next one starts.
type shardedSink struct {
	sinks   []passageSink
	ops     []chan sinkOp
	stopped []chan struct{} // closed when shard i's writer returns
	group   int             // the shards of a pass
	drained int             // the shards below it have their queues closed
	ended   int             // the shards below it are finished

	mu  sync.Mutex
	err error // the first error of a shard
}

// sinkOp is a passage to index, or to remove when fields is nil.
type sinkOp struct {
	id     string
	fields map[string]interface{}
}

// newShardedSink starts a writer per sink, for passes of group shards. Up
// to queue passages wait per shard: a whole batch, so that while one shard
// analyses and writes a segment (its builder does it all when a batch
// fills), the others are still fed.
func newShardedSink(sinks []passageSink, queue, group int) *shardedSink {
	s := &shardedSink{sinks: sinks, group: max(1, group),
		ops: make([]chan sinkOp, len(sinks)), stopped: make([]chan struct{}, len(sinks))}
	for i := range sinks {
		s.ops[i] = make(chan sinkOp, queue)
		s.stopped[i] = make(chan struct{})
		go s.run(i)
	}
	return s
}

// run applies shard i's operations until its queue closes; after an error
// it only drains the queue.
func (s *shardedSink) run(i int) {
	defer close(s.stopped[i])
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

// passes is the number of passes over the documents that write all shards.
func (s *shardedSink) passes() int { return (len(s.sinks) + s.group - 1) / s.group }

// inPass tells whether the passages of document docID go to a shard of pass.
func (s *shardedSink) inPass(docID string, pass int) bool {
	return shardOf(docID, len(s.sinks))/s.group == pass
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
	shard := shardOf(docID, len(s.sinks))
	if shard < s.drained {
		return fmt.Errorf("passage %s: its shard's pass has ended", op.id)
	}
	s.ops[shard] <- op
	return nil
}

// drain closes the queues of the shards below end and waits for their
// writers.
func (s *shardedSink) drain(end int) error {
	for ; s.drained < end; s.drained++ {
		close(s.ops[s.drained])
	}
	for _, stopped := range s.stopped[:end] {
		<-stopped
	}
	return s.failure()
}

// endPass writes the rest of the queues of the shards up to pass's last,
// then finishes them, one per CPU at a time (a full build merges each
// shard's segments then, with memory in proportion to the shard).
func (s *shardedSink) endPass(pass int) error {
	end := min(len(s.sinks), (pass+1)*s.group)
	if err := s.drain(end); err != nil {
		s.abort()
		return err
	}
	sinks := s.sinks[s.ended:end]
	s.ended = max(s.ended, end)
	errs := make([]error, len(sinks))
	busy := make(chan struct{}, busyShards(len(sinks)))
	var wg sync.WaitGroup
	for i, sink := range sinks {
		wg.Go(func() {
			busy <- struct{}{}
			defer func() { <-busy }()
			errs[i] = sink.finish()
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// abort gives up the shards not finished yet.
func (s *shardedSink) abort() {
	s.drain(len(s.sinks))
	for _, sink := range s.sinks[s.ended:] {
		sink.abort()
	}
	s.ended = len(s.sinks)
}
