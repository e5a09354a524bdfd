package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
	"github.com/precedent/precedent/corpus/load"
	"github.com/precedent/precedent/corpus/pdftext"
	"github.com/precedent/precedent/corpus/tag"
)

// CorpusOptions returns Options that run Precedent's corpus pipeline on
// corpusDir into dataDir: load.File (PDFs through extractPDF; nil extracts
// in this process, pass pdftext.Isolated's ExtractFile for untrusted files),
// the tagger, and language families from corpus/lineage. Its Version is the
// hash of the running executable, so a new build redoes the extraction.
func CorpusOptions(corpusDir, dataDir string, extractPDF func(path string) (*pdftext.Document, error)) Options {
	lopt := load.Options{ExtractPDF: extractPDF}
	return Options{
		Corpus: corpusDir,
		Data:   dataDir,
		Load: func(root, rel string) (*corpus.Document, error) {
			doc, err := load.File(root, rel, lopt)
			var skip *load.SkipError
			if errors.As(err, &skip) {
				return nil, &Skipped{Reason: skip.Reason}
			}
			return doc, err
		},
		IsMetadataFile: load.IsMetadataFile,
		Tag:            tag.Document,
		NewLineage:     func() Lineage { return newCorpusLineage(dataDir) },
		Version:        executableHash(),
	}
}

// corpusLineage collects passages for families in a lineage.Store that
// spills to an unlinked temporary file in the data directory, so memory
// holds only a few dozen bytes per passage (see lineage.Store); the Store is
// created at the first Add and closed by Families.
type corpusLineage struct {
	dir   string
	store *lineage.Store
	err   error // of creating the store
}

func newCorpusLineage(dir string) *corpusLineage { return &corpusLineage{dir: dir} }

func (l *corpusLineage) Add(id, date, text string) {
	if l.store == nil && l.err == nil {
		l.store, l.err = lineage.NewStore(l.dir)
	}
	if l.err == nil {
		l.store.Add(id, date, lineage.Normalise(text))
	}
}

func (l *corpusLineage) Families() (map[string]string, error) {
	if l.err != nil {
		return nil, fmt.Errorf("lineage: %w", l.err)
	}
	if l.store == nil {
		return map[string]string{}, nil
	}
	defer func() { l.store.Close(); l.store = nil }()
	fams, err := l.store.Families()
	if err != nil {
		return nil, fmt.Errorf("lineage: %w", err)
	}
	return fams, nil
}

// executableHash returns the sha256 of the running executable, or "" when
// it cannot be read.
func executableHash() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
