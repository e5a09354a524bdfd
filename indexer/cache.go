package indexer

import (
	"encoding/gob"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/golang/snappy"

	"github.com/precedent/precedent/corpus"
)

// The cache keeps the processed result of each file (extracted, tagged,
// before lineage) as DATA/cache/<key>.gob.sz, where key hashes the file's
// content, its metadata files and Options.Version. An unchanged file is
// read back from it instead of being extracted and tagged again. Entries
// are gob, snappy-compressed: a rebuild writes and reads back every
// document, and that encoding is several times faster both ways than
// gzip-compressed JSON.
const (
	cacheDirName = "cache"
	cacheSuffix  = ".gob.sz"
)

// cacheEntry is one file's processed result: a document, or the reason the
// loader declined it. Unexpected failures are not cached.
type cacheEntry struct {
	Document *corpus.Document
	Skip     string
}

type fileCache struct{ dir string }

// Snappy readers and writers hold about 140 KB of buffers each; reusing
// them keeps that garbage (one per document) out of the heap.
var (
	snappyReaders = sync.Pool{New: func() any { return snappy.NewReader(nil) }}
	snappyWriters = sync.Pool{New: func() any { return snappy.NewBufferedWriter(nil) }}
)

func openCache(dataDir string) (*fileCache, error) {
	dir := filepath.Join(dataDir, cacheDirName)
	return &fileCache{dir: dir}, os.MkdirAll(dir, 0o755)
}

func (c *fileCache) path(key string) string { return filepath.Join(c.dir, key+cacheSuffix) }

// get returns the entry of key, or ok=false when it is absent or unreadable.
func (c *fileCache) get(key string) (e cacheEntry, ok bool) {
	f, err := os.Open(c.path(key))
	if err != nil {
		return cacheEntry{}, false
	}
	defer f.Close()
	zr := snappyReaders.Get().(*snappy.Reader)
	defer snappyReaders.Put(zr)
	zr.Reset(f)
	if err := gob.NewDecoder(zr).Decode(&e); err != nil {
		return cacheEntry{}, false
	}
	return e, e.Document != nil || e.Skip != ""
}

// put stores an entry atomically (temp file + rename), so a killed run
// never leaves a truncated entry under a valid name.
func (c *fileCache) put(key string, e cacheEntry) error {
	f, err := os.CreateTemp(c.dir, ".put-*")
	if err != nil {
		return err
	}
	zw := snappyWriters.Get().(*snappy.Writer)
	defer snappyWriters.Put(zw)
	zw.Reset(f)
	err = gob.NewEncoder(zw).Encode(e)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.path(key))
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// prune deletes the entries whose key keep refuses, and leftover temp
// files, reading the directory a slice at a time.
func (c *fileCache) prune(keep func(key string) bool) error {
	d, err := os.Open(c.dir)
	if err != nil {
		return err
	}
	defer d.Close()
	var errs []error
	for {
		entries, err := d.ReadDir(1024)
		for _, e := range entries {
			key, ok := strings.CutSuffix(e.Name(), cacheSuffix)
			if ok && keep(key) {
				continue
			}
			if err := os.Remove(filepath.Join(c.dir, e.Name())); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		if err != nil {
			if err != io.EOF {
				errs = append(errs, err)
			}
			return errors.Join(errs...)
		}
	}
}
