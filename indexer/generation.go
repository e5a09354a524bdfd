package indexer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/blevesearch/bleve/v2"
)

// Generation layout under a data directory:
//
//	DATA/index/CURRENT       names the live generation ("gen-7\n")
//	DATA/index/gen-7/        a complete, closed generation: its Bleve
//	                         indexes shard-0, shard-1... (see Generation)
//	                         and manifest-4.jsonl.gz (what it was built from)
//	DATA/index/gen-6/        the previous generation, kept for rollback and
//	                         for servers that have not switched yet
//	DATA/index/.build-8-PID/ a generation being built (never read)
//	DATA/index/.trash-5/     an old generation being deleted
//	DATA/index/LOCK          held (flock) by the one running indexer
//
// A generation directory named gen-N exists only once its index is complete
// and closed: it is built under a .build- name and renamed into place, then
// CURRENT is replaced atomically (write temp, fsync, rename, fsync dir).
// A server notices a switch by polling CurrentGeneration (e.g. each second)
// and comparing the path; it opens the new generation with
// OpenGeneration, swaps it in, and closes the old one when its in-flight
// requests are done. Old generations are deleted by the indexer: only the
// live one and the one before it are kept.
const (
	indexDirName = "index"
	currentName  = "CURRENT"
	genPrefix    = "gen-"
	buildPrefix  = ".build-"
	trashPrefix  = ".trash-"
	lockName     = "LOCK"
)

// ErrNoIndex is returned (wrapped) by CurrentGeneration when the data
// directory has no index yet.
var ErrNoIndex = errors.New("no index")

// IndexDir returns the directory holding a data directory's generations.
func IndexDir(dataDir string) string { return filepath.Join(dataDir, indexDirName) }

// CurrentGeneration returns the path of the live generation of dataDir.
func CurrentGeneration(dataDir string) (string, error) {
	name, err := currentGenerationName(dataDir)
	if err != nil {
		return "", err
	}
	return filepath.Join(IndexDir(dataDir), name), nil
}

func currentGenerationName(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(IndexDir(dataDir), currentName))
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("%w in %s: run 'precedent index --corpus DIR --data %s' first", ErrNoIndex, dataDir, dataDir)
	}
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if _, ok := generationNumber(name); !ok {
		return "", fmt.Errorf("%s/%s names %q, not a generation: rebuild with 'precedent index'", IndexDir(dataDir), currentName, name)
	}
	return name, nil
}

// Generation is an open index generation: its shards, Bleve indexes that
// each hold the passages of some of the documents, and Index, which
// searches them all (the shard itself when there is one).
type Generation struct {
	Path   string
	Shards []bleve.Index
	Index  bleve.Index
}

// shardPrefix names the shard directories of a generation ("shard-0").
const shardPrefix = "shard-"

// OpenGeneration opens a generation read-only and checks its format.
// Several processes may open the same generation this way at once.
func OpenGeneration(path string) (*Generation, error) {
	dirs, err := shardDirs(path)
	if err != nil {
		return nil, fmt.Errorf("opening index generation %s: %w", path, err)
	}
	g := &Generation{Path: path}
	for _, dir := range dirs {
		idx, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
		if err == nil {
			if err = CheckFormat(idx); err != nil {
				idx.Close()
			}
		}
		if err != nil {
			g.Close()
			return nil, fmt.Errorf("opening index generation %s: %w", path, err)
		}
		g.Shards = append(g.Shards, idx)
	}
	g.Index = g.Shards[0]
	if len(g.Shards) > 1 {
		alias := bleve.NewIndexAlias(g.Shards...)
		if err := alias.SetIndexMapping(g.Shards[0].Mapping()); err != nil {
			g.Close()
			return nil, err
		}
		g.Index = alias
	}
	return g, nil
}

// shardDirs lists a generation's shard directories in shard order.
func shardDirs(path string) ([]string, error) {
	var dirs []string
	for i := 0; ; i++ {
		dir := shardPath(path, i)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			break
		}
		dirs = append(dirs, dir)
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("%s has no shards (%s0): rebuild it with 'precedent index'", path, shardPrefix)
	}
	return dirs, nil
}

// DocCount is the number of passages of the generation.
func (g *Generation) DocCount() (uint64, error) { return g.Index.DocCount() }

// Close closes every shard.
func (g *Generation) Close() error {
	var errs []error
	for _, s := range g.Shards {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// generationNumber parses "gen-7" into 7.
func generationNumber(name string) (int, bool) {
	s, ok := strings.CutPrefix(name, genPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// generations lists the numbers of the gen-N directories, ascending.
func generations(indexDir string) ([]int, error) {
	entries, err := os.ReadDir(indexDir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	var gens []int
	for _, e := range entries {
		if n, ok := generationNumber(e.Name()); ok && e.IsDir() {
			gens = append(gens, n)
		}
	}
	sort.Ints(gens)
	return gens, nil
}

// removeBuilds deletes what crashed runs left: .build- and .trash- dirs
// and CURRENT temp files.
func removeBuilds(indexDir string) error {
	entries, err := os.ReadDir(indexDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, buildPrefix) || strings.HasPrefix(n, trashPrefix) || strings.HasPrefix(n, currentName+".tmp") {
			if err := os.RemoveAll(filepath.Join(indexDir, n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// switchCurrent makes name the live generation atomically.
func switchCurrent(indexDir, name string) error {
	tmp := filepath.Join(indexDir, currentName+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(name + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(indexDir, currentName)); err != nil {
		return err
	}
	return syncDir(indexDir)
}

// pruneGenerations deletes every generation but live and previous.
func pruneGenerations(indexDir string, live, previous int) error {
	gens, err := generations(indexDir)
	if err != nil {
		return err
	}
	for _, n := range gens {
		if n == live || n == previous {
			continue
		}
		// Rename first, so a run killed while deleting leaves no half
		// generation under a gen- name; removeBuilds finishes the job.
		trash := filepath.Join(indexDir, trashPrefix+strconv.Itoa(n))
		if err := os.Rename(filepath.Join(indexDir, genPrefix+strconv.Itoa(n)), trash); err != nil {
			return err
		}
		if err := os.RemoveAll(trash); err != nil {
			return err
		}
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// lockIndexDir takes the indexer's exclusive lock on indexDir; the kernel
// releases it when the process dies, so a killed run never blocks the next.
func lockIndexDir(indexDir string) (release func(), err error) {
	f, err := os.OpenFile(filepath.Join(indexDir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("another 'precedent index' is running on %s: %w", indexDir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
