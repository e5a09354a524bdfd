package indexer

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Build indexes opt.Corpus into a new generation under opt.Data and makes
// it live, then writes DATA/report.json and returns the report.
//
// Unchanged files come from the extraction cache; only new and changed
// files are extracted and tagged. The generation itself is rebuilt from the
// cached documents, because language families are computed over the whole
// corpus and may change for any passage when one file changes. When no
// file changed since the live generation, no generation is built.
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
	prevName, prevFiles := liveGeneration(opt.Data)
	rels, err := listFiles(opt.Corpus, opt.Data, opt.IsMetadataFile)
	if err != nil {
		return nil, fmt.Errorf("walking the corpus: %w", err)
	}
	r := &Report{Corpus: opt.Corpus, Previous: prevName, Skipped: []Skip{}, Duplicates: []Duplicate{}}
	r.Timings.ScanMS = time.Since(start).Milliseconds()

	t := time.Now()
	col := newCollector(r, prevFiles, opt.Lineage, len(rels), opt.Progress)
	if err := extractAll(ctx, &opt, cache, rels, col.add); err != nil {
		return nil, err
	}
	for rel := range prevFiles {
		if _, ok := col.files[rel]; !ok {
			r.Removed++
		}
	}
	r.Timings.ExtractMS = time.Since(t).Milliseconds()

	if prevName != "" && !col.failed && maps.Equal(prevFiles, col.files) {
		r.Generation = prevName
	} else if err := buildGeneration(ctx, &opt, cache, col, r); err != nil {
		return nil, err
	}
	if gen, err := CurrentGeneration(opt.Data); err == nil {
		r.IndexBytes = dirSize(gen)
	}
	r.Timings.TotalMS = time.Since(start).Milliseconds()
	return r, writeReport(opt.Data, r)
}

// liveGeneration returns the live generation's name and the files it was
// built from; nil files when there is none or it cannot be reused.
func liveGeneration(dataDir string) (string, map[string]string) {
	path, err := CurrentGeneration(dataDir)
	if err != nil {
		return "", nil
	}
	name := filepath.Base(path)
	idx, err := OpenGeneration(path)
	if err != nil {
		return name, nil
	}
	defer idx.Close()
	b, err := idx.GetInternal([]byte(internalFiles))
	var files map[string]string
	if err != nil || json.Unmarshal(b, &files) != nil {
		return name, nil
	}
	return name, files
}

// buildGeneration writes the kept documents into a new generation, makes it
// live, and deletes generations and cache entries no longer needed.
func buildGeneration(ctx context.Context, opt *Options, cache *fileCache, col *collector, r *Report) error {
	t := time.Now()
	var families map[string]string
	if opt.Lineage != nil {
		families = opt.Lineage.Families()
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
	if err := writeGeneration(ctx, opt, cache, col, families, buildDir); err != nil {
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
	return cache.prune(col.keys)
}

func writeGeneration(ctx context.Context, opt *Options, cache *fileCache, col *collector, families map[string]string, dir string) error {
	w, err := newGenerationWriter(dir, opt.BatchSize, families, opt.Lineage)
	if err != nil {
		return err
	}
	for i, k := range col.kept {
		if err := ctx.Err(); err != nil {
			w.idx.Close()
			return err
		}
		e, ok := cache.get(k.key)
		if !ok || e.Document == nil {
			w.idx.Close()
			return fmt.Errorf("extraction cache entry of %s vanished during the run", k.rel)
		}
		if err := w.add(e.Document); err != nil {
			w.idx.Close()
			return fmt.Errorf("%s: %w", k.rel, err)
		}
		if opt.Progress != nil {
			opt.Progress("index", i+1, len(col.kept))
		}
	}
	return w.finish(col.files)
}
