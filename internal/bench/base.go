package bench

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// LoadBase loads every document of corpusDir through the loader the indexer
// uses (indexer.CorpusOptions' Load), untagged, in path order. Files the
// loader declines are left out and counted in skipped.
func LoadBase(corpusDir string) (docs []corpus.Document, skipped int, err error) {
	opt := indexer.CorpusOptions(corpusDir, os.TempDir(), nil)
	var rels []string
	err = filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || opt.IsMetadataFile(d.Name()) {
			return err
		}
		rel, err := filepath.Rel(corpusDir, p)
		rels = append(rels, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(rels)
	for _, rel := range rels {
		doc, err := opt.Load(corpusDir, rel)
		var skip *indexer.Skipped
		switch {
		case errors.As(err, &skip):
			skipped++
			continue
		case err != nil:
			return nil, 0, fmt.Errorf("%s: %w", rel, err)
		}
		docs = append(docs, *doc)
	}
	if len(docs) == 0 {
		return nil, 0, fmt.Errorf("no documents in %s", corpusDir)
	}
	return docs, skipped, nil
}

// WriteBase writes documents as JSON lines.
func WriteBase(path string, docs []corpus.Document) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range docs {
		if err := enc.Encode(&docs[i]); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReadBase reads documents written by WriteBase.
func ReadBase(path string) ([]corpus.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []corpus.Document
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var d corpus.Document
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}
