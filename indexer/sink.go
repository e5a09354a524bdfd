package indexer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// passageSink receives the Bleve documents of a generation being written.
type passageSink interface {
	index(id string, fields map[string]interface{}) error
	remove(id string) error
	// finish persists everything, stores the format version
	// metadata (manifest, format version) and closes the index.
	finish() error
	// abort gives up: the caller deletes the directory.
	abort()
}

// builderMergeMax is the number of segments the offline builder merges at
// once when it closes. Every round rewrites all postings, so the fewer the
// better: a million passages in two shards are about 500 segments per
// shard, which 100 merged in two rounds and 1000 merges in one (index
// phase 162 -> 130 s, CPU 393 -> 335 s, at the same peak anonymous memory,
// 981 vs 1,016 MB). Bleve's default is 10.
const builderMergeMax = 1000

// builderSink writes a new generation with Bleve's offline builder: each
// batch becomes a segment file, and the segments are merged once, at close,
// into the generation's single segment (no background merging while
// loading, as the live update path would do). The builder starts with the
// first passage: it cannot close without one, so a generation with no
// passages is created as an empty index instead.
type builderSink struct {
	path      string
	batchSize int
	builder   bleve.Builder
}

func newBuilderSink(path string, batchSize int) *builderSink {
	return &builderSink{path: path, batchSize: batchSize}
}

func (s *builderSink) index(id string, fields map[string]interface{}) error {
	if s.builder == nil {
		m, err := NewMapping()
		if err != nil {
			return err
		}
		s.builder, err = bleve.NewBuilder(s.path, m, map[string]interface{}{
			"batchSize": s.batchSize,
			"mergeMax":  builderMergeMax,
			// The builder's scratch segments go inside the generation being
			// built (not the system temp dir): same file system for its final
			// rename, and a killed run leaves nothing outside the .build- dir.
			"buildPathPrefix": s.path,
		})
		if err != nil {
			return fmt.Errorf("creating index generation: %w", err)
		}
	}
	return s.builder.Index(id, fields)
}

func (s *builderSink) remove(string) error {
	return errors.New("a generation built from scratch has nothing to delete")
}

// finish merges the segments, then opens the index to store the format
// version: the builder's config cannot carry it (bleve.NewBuilder replaces
// its "internal" entry with the mapping).
func (s *builderSink) finish() error {
	var idx bleve.Index
	if s.builder == nil {
		mapping, err := NewMapping()
		if err != nil {
			return err
		}
		if idx, err = bleve.New(s.path, mapping); err != nil {
			return fmt.Errorf("creating index generation: %w", err)
		}
		return closeWithFormat(idx)
	}
	if err := s.builder.Close(); err != nil {
		return fmt.Errorf("merging the generation's segments: %w", err)
	}
	idx, err := bleve.Open(s.path)
	if err != nil {
		return fmt.Errorf("opening the built generation: %w", err)
	}
	return closeWithFormat(idx)
}

func (s *builderSink) abort() {}

// updateSink applies deletions and additions in batches to a copy of the
// live generation.
type updateSink struct {
	path  string
	idx   bleve.Index
	batch *bleve.Batch
	size  int
}

func openUpdateSink(path string, batchSize int) (*updateSink, error) {
	idx, err := bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the copied generation: %w", err)
	}
	if err := CheckFormat(idx); err != nil {
		idx.Close()
		return nil, err
	}
	return &updateSink{path: path, idx: idx, batch: idx.NewBatch(), size: batchSize}, nil
}

func (s *updateSink) index(id string, fields map[string]interface{}) error {
	if err := s.batch.Index(id, fields); err != nil {
		return err
	}
	return s.maybeFlush()
}

func (s *updateSink) remove(id string) error {
	s.batch.Delete(id)
	return s.maybeFlush()
}

func (s *updateSink) maybeFlush() error {
	if s.batch.Size() < s.size {
		return nil
	}
	err := s.idx.Batch(s.batch)
	s.batch.Reset()
	return err
}

// finish writes the last batch, merges when the updates left more than
// maxSegments segments, and stores the metadata.
func (s *updateSink) finish() error {
	var err error
	if s.batch.Size() > 0 {
		err = s.idx.Batch(s.batch)
	}
	if err == nil && segmentFiles(s.path) > maxSegments {
		err = mergeSegments(s.idx)
	}
	if err != nil {
		s.idx.Close()
		return err
	}
	return closeWithFormat(s.idx)
}

func (s *updateSink) abort() { s.idx.Close() }

// closeWithFormat stores the format version in idx and closes it (which
// persists everything).
func closeWithFormat(idx bleve.Index) error {
	err := idx.SetInternal([]byte(internalFormat), []byte(FormatVersion))
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	return err
}

// maxSegments is the number of segments an incrementally updated
// generation may have before it is merged into one.
const maxSegments = 4

// segmentFiles counts the segment files of a generation.
func segmentFiles(path string) int {
	m, _ := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	return len(m)
}

// mergeSegments merges an updated generation into one segment before it
// goes live: queries then search one segment, and the files are smaller.
// Updates add a small segment or two and merge only past maxSegments,
// which keeps them fast.
func mergeSegments(idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		return fmt.Errorf("merging the generation's segments: %w", err)
	}
	return nil
}
