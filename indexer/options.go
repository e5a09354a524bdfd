package indexer

import (
	"fmt"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
)

// Options configure Build. The corpus packages are passed in as functions,
// so the indexer's tests run on hand-made documents and the binary wires the
// real loader, tagger and lineage.
type Options struct {
	Corpus string // corpus root, walked recursively
	Data   string // data directory: index/, cache/, report.json

	// Load turns one file (rel is slash-separated, relative to root) into a
	// document with metadata and passages. A *Skipped error declines the
	// file with a reason for the report; any other error (or a panic) is
	// reported as an unexpected failure. Required.
	Load func(root, rel string) (*corpus.Document, error)
	// IsMetadataFile tells the metadata files (MANIFEST.json, sidecars)
	// that are inputs of other files, not documents. Optional.
	IsMetadataFile func(name string) bool
	// Tag fills a document's states, groups and passage tags. Optional.
	Tag func(doc *corpus.Document)
	// NewLineage returns an empty Lineage for one run, which groups
	// passages into language families. Optional.
	NewLineage func() Lineage
	// Version names the extraction pipeline (loader, tagger); cached
	// results of another version are redone. Use the binary's hash.
	Version string

	Workers int // files extracted at once; default 2
	// BatchSize is the passages per Bleve batch: per segment of a full
	// rebuild (merged once at the end), per batch of an update. Default
	// DefaultBatchSize.
	BatchSize int
	// Shards is the number of shards of a generation built from scratch;
	// 0 chooses by size and CPUs (see shardCount). Updates keep the live
	// generation's shards.
	Shards int
	// Progress, when set, is called after each file of a phase
	// ("extract", then "index").
	Progress func(phase string, done, total int)
}

// DefaultBatchSize is the number of passages per Bleve batch (measured by
// BenchmarkIndex; larger batches cost memory more than they save time).
const DefaultBatchSize = 1000

// Lineage groups the passages of a corpus into language families.
// Build calls Add for every passage of every indexed document (in corpus
// order), then Families once, before writing (unless nothing changed or
// the run failed), and Close at the end of the run.
type Lineage interface {
	// Add records a passage; date is its document's date ("2015-07-22",
	// "2015" or ""), which orders family members.
	Add(passageID, date, text string)
	// Families returns the family of every passage added, in the order
	// added, or why it could not group them (its spill file failed). The
	// caller closes the Membership.
	Families() (lineage.Membership, error)
	// Close releases what Add and Families hold.
	Close() error
}

// Skipped is the error a loader returns to decline a file with a reason
// shown in the report ("no text layer (needs OCR)").
type Skipped struct {
	Reason string
}

// Error returns why the file was skipped.
func (s *Skipped) Error() string { return s.Reason }

func (o *Options) check() error {
	if o.Corpus == "" || o.Data == "" {
		return fmt.Errorf("indexer: Corpus and Data are required")
	}
	if o.Load == nil {
		return fmt.Errorf("indexer: Load is required")
	}
	if o.Workers <= 0 {
		o.Workers = 2
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	return nil
}
