package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strings"

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
		NewLineage:     func() Lineage { return newCorpusLineage() },
		Version:        executableHash(),
	}
}

// corpusLineage collects passages for lineage.Families. What it holds per
// passage is what Families needs: the id, the date and the normalised words,
// whose strings are interned (each distinct word is held once, not once per
// occurrence, and not the passage text they were cut from).
type corpusLineage struct {
	items []lineage.Item
	vocab map[string]string // interned words
}

func newCorpusLineage() *corpusLineage {
	return &corpusLineage{vocab: map[string]string{}}
}

func (l *corpusLineage) Add(id, date, text string) {
	norm := lineage.Normalise(text)
	words := make([]string, len(norm))
	for i, w := range norm {
		v, ok := l.vocab[w]
		if !ok {
			v = strings.Clone(w)
			l.vocab[v] = v
		}
		words[i] = v
	}
	l.items = append(l.items, lineage.Item{ID: id, Date: date, Words: words})
}

func (l *corpusLineage) Families() map[string]string { return lineage.Families(l.items) }

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
