package indexer

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/precedent/precedent/corpus/lineage"
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
	live := openLiveManifest(opt.Data)
	r := &Report{Corpus: opt.Corpus, Previous: live.name, Update: UpdateNone, Skipped: []Skip{}, Duplicates: []Duplicate{}}
	var lin Lineage
	if opt.NewLineage != nil {
		lin = opt.NewLineage()
		defer lin.Close()
	}
	col, err := collect(ctx, &opt, cache, live, lin, r)
	if err != nil {
		return nil, err
	}
	if live.name != "" && !col.failed && maps.Equal(live.manifest.Files, col.files) {
		r.Generation = live.name
	} else if err := buildGeneration(ctx, &opt, cache, col, live, r); err != nil {
		return nil, err
	}
	if gen, err := CurrentGeneration(opt.Data); err == nil {
		r.IndexBytes = dirSize(gen)
	}
	r.Timings.TotalMS = time.Since(start).Milliseconds()
	return r, writeReport(opt.Data, r)
}

// collect lists the corpus and runs every file through the cache or the
// extraction, counting into r and feeding the kept passages to lin
// (optional).
func collect(ctx context.Context, opt *Options, cache *fileCache, live liveManifest, lin Lineage, r *Report) (*collector, error) {
	t := time.Now()
	rels, err := listFiles(opt.Corpus, opt.Data, opt.IsMetadataFile)
	if err != nil {
		return nil, fmt.Errorf("walking the corpus: %w", err)
	}
	r.Timings.ScanMS = time.Since(t).Milliseconds()
	t = time.Now()
	col := newCollector(r, live.manifest.Files, lin, len(rels), opt.Progress)
	if err := extractAll(ctx, opt, cache, rels, col.add); err != nil {
		return nil, err
	}
	col.forgetDuplicates()
	for rel := range live.manifest.Files {
		if _, ok := col.files[rel]; !ok {
			r.Removed++
		}
	}
	r.Timings.ExtractMS = time.Since(t).Milliseconds()
	return col, nil
}

// liveManifest is the live generation: its name, path and what it was
// built from (a zero manifest when there is none or it cannot be reused).
type liveManifest struct {
	name, path string
	manifest   generationManifest
}

func openLiveManifest(dataDir string) liveManifest {
	path, err := CurrentGeneration(dataDir)
	if err != nil {
		return liveManifest{}
	}
	live := liveManifest{name: filepath.Base(path), path: path}
	g, err := OpenGeneration(path) // checks the format: another one cannot be updated
	if err != nil {
		return live
	}
	g.Close()
	if live.manifest, err = readManifest(path); err != nil {
		live.manifest = generationManifest{}
	}
	return live
}

// buildGeneration writes the kept documents into a new generation, makes it
// live, and deletes generations and cache entries no longer needed.
func buildGeneration(ctx context.Context, opt *Options, cache *fileCache, col *collector, live liveManifest, r *Report) error {
	t := time.Now()
	var families lineage.Membership // Number nil without a lineage
	if col.lineage != nil {
		var err error
		if families, err = col.lineage.Families(); err != nil {
			return err
		}
		defer families.Close() // the manifest's records are windows of it
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
	next, err := newManifest(col, families)
	if err != nil {
		return err
	}
	w, plan, err := startGeneration(opt, live, next, col, buildDir, r)
	if err == nil {
		err = writeGeneration(ctx, opt, cache, w, plan, next)
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
	return cache.prune(col.files)
}

// startGeneration opens the generation to write at dir: a copy of the live
// one when few documents change, else an empty one.
func startGeneration(opt *Options, live liveManifest, next generationManifest, col *collector, dir string, r *Report) (*generationWriter, updatePlan, error) {
	kept := col.kept
	if live.manifest.Kept != nil {
		plan := planUpdate(live.manifest, next, kept)
		if 2*len(plan.add) <= len(kept) {
			if err := copyGeneration(live.path, dir); err != nil {
				return nil, plan, fmt.Errorf("copying the live generation: %w", err)
			}
			w, err := openGenerationWriter(dir, opt.BatchSize)
			if err == nil {
				r.Update, r.Reindexed, r.Deleted = UpdateIncremental, len(plan.add), len(plan.remove)
				return w, plan, nil
			}
			os.RemoveAll(dir) // an unusable copy: rebuild instead
		}
	}
	r.Update, r.Reindexed = UpdateFull, len(kept)
	passages := 0
	for _, k := range kept {
		passages += k.passages
	}
	w, err := newGenerationWriter(dir, opt.BatchSize, shardCount(opt, passages))
	return w, updatePlan{add: kept}, err
}

// writeGeneration applies plan through w and closes it with the manifest.
func writeGeneration(ctx context.Context, opt *Options, cache *fileCache, w *generationWriter, plan updatePlan, next generationManifest) error {
	if err := w.remove(plan.remove); err != nil {
		w.abort()
		return err
	}
	for i, k := range plan.add {
		if err := ctx.Err(); err != nil {
			w.abort()
			return err
		}
		e, ok := cache.get(k.key)
		if !ok || e.Document == nil {
			w.abort()
			return fmt.Errorf("extraction cache entry of %s vanished during the run", k.rel)
		}
		if err := w.add(e.Document, next.familiesOf(k.rel)); err != nil {
			w.abort()
			return fmt.Errorf("%s: %w", k.rel, err)
		}
		if opt.Progress != nil {
			opt.Progress("index", i+1, len(plan.add))
		}
	}
	return w.finish(next)
}
