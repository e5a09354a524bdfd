package search

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/precedent/precedent/indexer"
)

// Server-side bounds of every search.
const (
	DefaultSize    = 20
	MaxSize        = 100
	SearchTimeout  = 10 * time.Second // applied on top of the caller's deadline
	reloadInterval = time.Second      // how often CURRENT is checked
)

// Index answers searches over the live generation of a data directory. It
// notices when the indexer switches generations and moves to the new one
// without failing a request: searches in flight finish on the old
// generation, which is closed after the last of them. Safe for concurrent use.
type Index struct {
	dataDir string
	opt     Options
	current atomic.Pointer[generation]

	reloadMu  sync.Mutex
	lastCheck atomic.Int64 // unix nanos of the last CURRENT check
	closed    atomic.Bool
}

// generation is one open Bleve index with a reference count: one reference
// while it is current, one per search using it.
type generation struct {
	path      string
	gen       *indexer.Generation
	idx       bleve.Index // searches every shard
	shards    []*shard
	cache     *answerCache // answers of this generation only
	forms     *answerCache // word forms (see compiler.forms)
	refs      atomic.Int64
	closeOnce sync.Once
}

func (g *generation) release() {
	if g.refs.Add(-1) == 0 {
		g.closeOnce.Do(func() { g.gen.Close() })
	}
}

// Options change how an Index answers.
type Options struct {
	// NoAnswerCache turns off the per-generation cache of answers, so that
	// every request costs a search (benchmarks of the search work use it).
	NoAnswerCache bool
}

// Open opens the live generation of dataDir read-only, with the answer cache.
func Open(dataDir string) (*Index, error) { return OpenWith(dataDir, Options{}) }

// OpenWith opens the live generation of dataDir read-only with opt.
func OpenWith(dataDir string, opt Options) (*Index, error) {
	path, err := indexer.CurrentGeneration(dataDir)
	if err != nil {
		return nil, err
	}
	g, err := openGeneration(path, opt)
	if err != nil {
		return nil, err
	}
	ix := &Index{dataDir: dataDir, opt: opt}
	ix.current.Store(g)
	ix.lastCheck.Store(time.Now().UnixNano())
	return ix, nil
}

func openGeneration(path string, opt Options) (*generation, error) {
	gen, err := indexer.OpenGeneration(path)
	if err != nil {
		return nil, err
	}
	entries, bytes := cacheEntries, cacheBytes
	if opt.NoAnswerCache {
		entries, bytes = 0, 0
	}
	g := &generation{path: path, gen: gen, idx: gen.Index, cache: newAnswerCache(entries, bytes),
		forms: newAnswerCache(formsEntries, formsBytes)}
	for _, idx := range gen.Shards {
		g.shards = append(g.shards, newShard(idx))
	}
	g.refs.Store(1)
	return g, nil
}

// errClosed is returned by every method after Close.
var errClosed = errors.New("search: index is closed")

// acquire returns the current generation with a reference the caller must
// release. At most once a second it first checks whether CURRENT moved.
func (ix *Index) acquire() (*generation, error) {
	if ix.closed.Load() {
		return nil, errClosed
	}
	if time.Now().UnixNano()-ix.lastCheck.Load() > int64(reloadInterval) {
		// A failed reload keeps serving the generation that works; Ready
		// reports the problem.
		_ = ix.reload()
	}
	for {
		g := ix.current.Load()
		if g == nil {
			return nil, errClosed
		}
		g.refs.Add(1)
		if ix.current.Load() == g {
			return g, nil
		}
		g.release() // switched meanwhile: retry with the new one
	}
}

// reload opens the generation CURRENT names if it is not the open one and
// swaps it in. Only one caller reloads at a time; the others go on with the
// generation they have.
func (ix *Index) reload() error {
	if !ix.reloadMu.TryLock() {
		return nil
	}
	defer ix.reloadMu.Unlock()
	ix.lastCheck.Store(time.Now().UnixNano())
	path, err := indexer.CurrentGeneration(ix.dataDir)
	if err != nil {
		return err
	}
	old := ix.current.Load()
	if old == nil || old.path == path || ix.closed.Load() {
		return nil
	}
	g, err := openGeneration(path, ix.opt)
	if err != nil {
		return err
	}
	if !ix.current.CompareAndSwap(old, g) {
		g.release()
		return nil
	}
	old.release()
	return nil
}

// Ready reports whether an index generation is open and CURRENT names a
// generation that opens.
func (ix *Index) Ready() error {
	if ix.closed.Load() {
		return errClosed
	}
	if _, err := indexer.CurrentGeneration(ix.dataDir); err != nil {
		return err
	}
	g, err := ix.acquire()
	if err != nil {
		return err
	}
	defer g.release()
	if _, err := g.idx.DocCount(); err != nil {
		return fmt.Errorf("search: index generation %s: %w", g.path, err)
	}
	return nil
}

// Generation returns the path of the generation now serving searches.
func (ix *Index) Generation() string {
	if g := ix.current.Load(); g != nil {
		return g.path
	}
	return ""
}

// Close closes the index once searches in flight are done.
func (ix *Index) Close() error {
	if ix.closed.Swap(true) {
		return nil
	}
	ix.reloadMu.Lock()
	defer ix.reloadMu.Unlock()
	if g := ix.current.Swap(nil); g != nil {
		g.release()
	}
	return nil
}
