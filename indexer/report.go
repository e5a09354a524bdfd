package indexer

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// ReportName is the ingest report's file name in the data directory.
const ReportName = "report.json"

// Report is what one indexing run did. Its counts reconcile:
// FilesSeen == Indexed + len(Skipped) + len(Duplicates), and
// FilesSeen == Unchanged + Changed + Added.
type Report struct {
	Corpus     string `json:"corpus"`
	Generation string `json:"generation"`                    // live generation after the run, "gen-7"
	Previous   string `json:"previous_generation,omitempty"` // live generation before the run
	// NewGeneration is false when nothing changed since the live
	// generation was built, so none was built.
	NewGeneration bool `json:"new_generation"`
	// Update says how the generation was made: UpdateFull,
	// UpdateIncremental or UpdateNone. Reindexed counts the documents
	// indexed into it, Deleted the passages deleted from the copy.
	Update    string `json:"update"`
	Reindexed int    `json:"reindexed"`
	Deleted   int    `json:"deleted"`

	FilesSeen int `json:"files_seen"` // candidate document files (metadata files excluded)
	Indexed   int `json:"indexed"`    // files indexed as a document
	Documents int `json:"documents"`  // documents in the generation
	Passages  int `json:"passages"`   // passages (Bleve documents) in the generation

	Skipped    []Skip      `json:"skipped"`
	Duplicates []Duplicate `json:"duplicates"`

	// Against the files of the previous live generation (by content hash
	// of the file and its metadata files).
	Unchanged int `json:"unchanged"`
	Changed   int `json:"changed"`
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	// Extracted counts files extracted and tagged in this run; the others
	// came from the cache.
	Extracted int `json:"extracted"`

	IndexBytes int64   `json:"index_bytes,omitempty"` // size of the live generation on disk
	Timings    Timings `json:"timings"`
}

// How a run made its generation (Report.Update).
const (
	UpdateNone        = "none"        // nothing changed: the live generation stays
	UpdateIncremental = "incremental" // a copy of the live generation, updated
	UpdateFull        = "full"        // rebuilt from the extraction cache
)

// Skip is a file that was not indexed, with the reason. Error marks an
// unexpected failure (a loader error or panic) rather than a file the
// loader declined with an explanation (no text layer, unsupported format).
type Skip struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
	Error  bool   `json:"error,omitempty"`
}

// Duplicate is a file not indexed because another file holds the same
// document: DuplicateOf is the path of the one kept.
type Duplicate struct {
	Path        string `json:"path"`
	DuplicateOf string `json:"duplicate_of"`
	Why         string `json:"why"` // "same content", "same symbol and language", "same document id"
}

// Timings are the durations of a run's phases in milliseconds.
type Timings struct {
	ScanMS    int64 `json:"scan_ms"`    // listing and hashing files
	ExtractMS int64 `json:"extract_ms"` // extraction, tagging, cache, lineage signatures
	LineageMS int64 `json:"lineage_ms"` // grouping passages into families
	IndexMS   int64 `json:"index_ms"`   // writing and closing the Bleve generation
	TotalMS   int64 `json:"total_ms"`
}

// ReadReport reads the report of the last run from a data directory.
func ReadReport(dataDir string) (*Report, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, ReportName))
	if err != nil {
		return nil, err
	}
	var r Report
	return &r, json.Unmarshal(b, &r)
}

// writeReport writes the report atomically.
func writeReport(dataDir string, r *Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dataDir, ReportName), append(b, '\n'))
}

func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
