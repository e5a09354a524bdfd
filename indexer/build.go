package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/precedent/precedent/corpus/lineage"
	"github.com/precedent/precedent/internal/mapped"
)

// Build indexes opt.Corpus into a new generation under opt.Data and makes
// it live, then writes DATA/report.json and returns the report.
//
// Unchanged files come from the extraction cache; only new and changed
// files are extracted and tagged. The new generation starts as a copy of
// the live one, from which the passages of removed and changed files are
// deleted and into which new and changed documents, and documents whose
// passages changed language family, are indexed (families are computed
// over the whole corpus on every run). When more than half the documents
// need indexing, or the live generation cannot be reused, the generation is
// rebuilt from the cache with Bleve's offline builder (segments written per
// batch and merged once, at the end). When no file changed, no generation
// is built.
//
// A run killed at any point leaves the live generation untouched: the new
// one is built under a temporary name, closed, renamed into place, and only
// then named in CURRENT. One run at a time holds the data directory's lock.
func Build(ctx context.Context, opt Options) (*Report, error) {
	start := time.Now()
	if err := opt.check(); err != nil {
		return nil, err
	}
	indexDir := IndexDir(opt.Data)
	if err := os.MkdirAll(indexDir, 0o755); err != nil {
		return nil, err
	}
	release, err := lockIndexDir(indexDir)
	if err != nil {
		return nil, err
	}
	defer release()
	if err := removeBuilds(indexDir); err != nil {
		return nil, err
	}
	cache, err := openCache(opt.Data)
	if err != nil {
		return nil, err
	}
	live := openLiveGeneration(opt.Data)
	r := &Report{Corpus: opt.Corpus, Previous: live.name, Update: UpdateNone, Skipped: []Skip{}, Duplicates: []Duplicate{}}
	var lin Lineage
	if opt.NewLineage != nil {
		lin = opt.NewLineage()
		defer lin.Close()
	}
	run, err := newRunRecords(opt.Data)
	if err != nil {
		return nil, err
	}
	defer run.close()
	failed, err := collect(ctx, &opt, cache, live, run, lin, r)
	if err != nil {
		return nil, err
	}
	if live.name != "" && !failed && r.Added+r.Changed+r.Removed == 0 {
		r.Generation = live.name
	} else if err := buildGeneration(ctx, &opt, cache, run, lin, live, r); err != nil {
		return nil, err
	}
	if gen, err := CurrentGeneration(opt.Data); err == nil {
		r.IndexBytes = dirSize(gen)
	}
	r.Timings.TotalMS = time.Since(start).Milliseconds()
	return r, writeReport(opt.Data, r)
}

// collect lists the corpus and runs every file through the cache or the
// extraction, counting into r, writing the files' records to run and
// feeding the kept passages to lin (optional). It reports whether some
// file failed unexpectedly.
func collect(ctx context.Context, opt *Options, cache *fileCache, live liveGeneration, run *runRecords, lin Lineage, r *Report) (failed bool, err error) {
	t := time.Now()
	files, err := listFiles(opt.Corpus, opt.Data, opt.IsMetadataFile, opt.Data)
	if err != nil {
		return false, fmt.Errorf("walking the corpus: %w", err)
	}
	defer files.release()
	r.Timings.ScanMS = time.Since(t).Milliseconds()
	t = time.Now()
	var prev *recordReader
	if live.usable {
		var closeLive func() error
		if prev, closeLive, err = openManifest(live.path); err != nil {
			return false, err
		}
		defer closeLive()
	}
	col, err := newCollector(r, prev, run, lin, files, opt.Data, opt.Progress)
	if err != nil {
		return false, err
	}
	defer col.close()
	err = extractAll(ctx, opt, cache, files, col.add)
	if err == nil {
		err = col.finish()
	}
	r.Timings.ExtractMS = time.Since(t).Milliseconds()
	return col.failed, err
}

// liveGeneration is the live generation: its name and path, and whether
// its manifest can be updated from (none when there is no live one).
type liveGeneration struct {
	name, path string
	usable     bool
}

func openLiveGeneration(dataDir string) liveGeneration {
	path, err := CurrentGeneration(dataDir)
	if err != nil {
		return liveGeneration{}
	}
	live := liveGeneration{name: filepath.Base(path), path: path}
	g, err := OpenGeneration(path) // checks the format: another one cannot be updated
	if err != nil {
		return live
	}
	g.Close()
	live.usable = checkManifest(path) == nil
	return live
}

// buildGeneration writes the kept documents into a new generation, makes it
// live, and deletes generations and cache entries no longer needed.
func buildGeneration(ctx context.Context, opt *Options, cache *fileCache, run *runRecords, lin Lineage, live liveGeneration, r *Report) error {
	t := time.Now()
	var families lineage.Membership // Number nil without a lineage
	if lin != nil {
		var err error
		if families, err = lin.Families(); err != nil {
			return err
		}
		defer families.Close()
	}
	r.Timings.LineageMS = time.Since(t).Milliseconds()

	t = time.Now()
	indexDir := IndexDir(opt.Data)
	gens, err := generations(indexDir)
	if err != nil {
		return err
	}
	n := 1
	if len(gens) > 0 {
		n = gens[len(gens)-1] + 1
	}
	name := genPrefix + strconv.Itoa(n)
	buildDir := filepath.Join(indexDir, fmt.Sprintf("%s%d-%d", buildPrefix, n, os.Getpid()))
	w, from, err := startGeneration(opt, live, run, &families, buildDir, r)
	if err == nil {
		err = writeGeneration(ctx, opt, cache, w, from, run, &families, r)
	}
	if err != nil {
		os.RemoveAll(buildDir)
		return err
	}
	if err := os.Rename(buildDir, filepath.Join(indexDir, name)); err != nil {
		return err
	}
	if err := syncDir(indexDir); err != nil {
		return err
	}
	if err := switchCurrent(indexDir, name); err != nil {
		return err
	}
	r.Generation, r.NewGeneration = name, true
	r.Timings.IndexMS = time.Since(t).Milliseconds()
	prev, _ := generationNumber(r.Previous)
	if err := pruneGenerations(indexDir, n, prev); err != nil {
		return fmt.Errorf("deleting old generations: %w", err)
	}
	return pruneCache(cache, run, r.FilesSeen, opt.Data)
}

// pruneCache deletes the cache entries of files the run did not see (of
// files at most). The run's keys are sorted as 64-bit prefixes in an array
// mapped in dir: a stale entry sharing a prefix with a kept one stays,
// which costs disk only.
func pruneCache(cache *fileCache, run *runRecords, files int, dir string) error {
	a := mapped.Arrays{Dir: dir}
	defer a.Release()
	keys, err := mapped.Make[uint64](&a, files)
	if err != nil {
		return err
	}
	n := 0
	err = compare("", run, nil, func(_, cur *fileRecord) error {
		p, ok := keyPrefix(cur.Key)
		if ok && n < len(keys) {
			keys[n], n = p, n+1
		}
		return nil
	})
	if err != nil {
		return err
	}
	keys = keys[:n]
	slices.Sort(keys)
	return cache.prune(func(key string) bool {
		p, ok := keyPrefix(key)
		_, found := slices.BinarySearch(keys, p)
		return ok && found
	})
}

// keyPrefix returns the first 64 bits of a cache key (hexadecimal).
func keyPrefix(key string) (uint64, bool) {
	if len(key) < 16 {
		return 0, false
	}
	p, err := strconv.ParseUint(key[:16], 16, 64)
	return p, err == nil
}

// startGeneration opens the generation to write at dir: a copy of the live
// one when few documents change, else an empty one. It returns the path of
// the generation it copied, "" for none.
func startGeneration(opt *Options, live liveGeneration, run *runRecords, families *lineage.Membership, dir string, r *Report) (*generationWriter, string, error) {
	if live.usable {
		reindex, deleted, err := planUpdate(live.path, run, families)
		if err != nil {
			return nil, "", err
		}
		if 2*reindex <= r.Indexed {
			if err := copyGeneration(live.path, dir); err != nil {
				return nil, "", fmt.Errorf("copying the live generation: %w", err)
			}
			w, err := openGenerationWriter(dir, opt.BatchSize)
			if err == nil {
				r.Update, r.Reindexed, r.Deleted = UpdateIncremental, reindex, deleted
				return w, live.path, nil
			}
			os.RemoveAll(dir) // an unusable copy: rebuild instead
		}
	}
	r.Update, r.Reindexed = UpdateFull, r.Indexed
	w, err := newGenerationWriter(dir, opt.BatchSize, shardCount(opt, r.Passages))
	return w, "", err
}

// writeGeneration turns the generation w, a copy of the one at from ("" for
// none), into the run's: it deletes the passages of the documents that
// changed or went, indexes the documents that changed or came, closes the
// generation and writes its manifest.
func writeGeneration(ctx context.Context, opt *Options, cache *fileCache, w *generationWriter, from string, run *runRecords, families *lineage.Membership, r *Report) error {
	var err error
	if from != "" { // an empty generation has nothing to delete
		err = compare(from, run, nil, func(old, cur *fileRecord) error {
			if !stale(old, cur) {
				return nil
			}
			return w.remove(old.passageIDs())
		})
	}
	done := 0
	for pass := 0; err == nil && pass < w.passes(); pass++ {
		err = compare(from, run, families, func(old, cur *fileRecord) error {
			if !reindexed(old, cur) || !w.inPass(cur.Document, pass) {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			e, ok := cache.get(cur.Key)
			if !ok || e.Document == nil {
				return fmt.Errorf("extraction cache entry of %s vanished during the run", cur.Path)
			}
			if err := w.add(e.Document, cur.Families); err != nil {
				return fmt.Errorf("%s: %w", cur.Path, err)
			}
			done++
			if opt.Progress != nil {
				opt.Progress("index", done, r.Reindexed)
			}
			return nil
		})
		if err == nil {
			err = w.endPass(pass)
		}
	}
	if err != nil {
		w.abort()
		return err
	}
	return writeManifest(w.path, run, families)
}
