package indexer

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/precedent/precedent/corpus"
)

// fileResult is one file after extraction (or the cache).
type fileResult struct {
	file      corpusFile
	entry     cacheEntry
	fromCache bool
	failure   string // unexpected failure, reported with Error set
	fatal     error  // stops the run (the cache cannot be written)
}

// extractAll processes files with opt.Workers workers and hands the results
// to collect in corpus order. At most a window of files is in flight at
// once, so memory stays bounded whatever the order in which workers finish:
// file i's result goes to slot i modulo the window, which file i-window's
// result has left by then.
func extractAll(ctx context.Context, opt *Options, cache *fileCache, files *corpusListing, collect func(fileResult) error) error {
	results := make([]chan fileResult, 4*opt.Workers)
	for i := range results {
		results[i] = make(chan fileResult, 1)
	}
	window := make(chan struct{}, len(results))
	jobs := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(jobs)
		for i := range files.len() {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i%len(results)] <- processFile(ctx, opt, cache, files.path(i))
			}
		}()
	}
	defer wg.Wait()
	for i := range files.len() {
		var r fileResult
		select {
		case r = <-results[i%len(results)]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if r.fatal != nil {
			return r.fatal
		}
		if err := collect(r); err != nil {
			return err
		}
	}
	return nil
}

// processFile returns a file's cached result, or extracts, tags and caches
// it. A result obtained while ctx was being cancelled is not cached: the
// loader may have failed only because of the cancellation.
func processFile(ctx context.Context, opt *Options, cache *fileCache, rel string) fileResult {
	f, err := describeFile(opt.Corpus, rel, opt.Version)
	if err != nil {
		return fileResult{file: corpusFile{rel: rel}, failure: "unreadable: " + err.Error()}
	}
	if e, ok := cache.get(f.key); ok {
		return fileResult{file: f, entry: e, fromCache: true}
	}
	r := fileResult{file: f}
	doc, err := loadAndTag(opt, rel)
	if ctx.Err() != nil {
		return fileResult{file: f, fatal: ctx.Err()}
	}
	var skip *Skipped
	switch {
	case errors.As(err, &skip):
		r.entry.Skip = skip.Reason
	case err != nil:
		r.failure = err.Error()
		return r
	case len(doc.Passages) == 0:
		r.entry.Skip = "no passages: the file has no text to index"
	default:
		if doc.Source == "" {
			doc.Source = rel
		}
		if doc.ContentHash == "" {
			doc.ContentHash = f.contentHash
		}
		r.entry.Document = doc
	}
	if err := cache.put(f.key, r.entry); err != nil {
		r.fatal = fmt.Errorf("writing the extraction cache: %w", err)
	}
	return r
}

// loadAndTag runs the loader and tagger behind a recover boundary: a panic
// on one file's content costs that file only.
func loadAndTag(opt *Options, rel string) (doc *corpus.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("internal error (panic) while processing: %v", p)
		}
	}()
	doc, err = opt.Load(opt.Corpus, rel)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, errors.New("loader returned no document")
	}
	if opt.Tag != nil {
		opt.Tag(doc)
	}
	return doc, nil
}
