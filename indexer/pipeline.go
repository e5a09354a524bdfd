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
// holds only a few dozen bytes per passage (see lineage.Store). Passages
// are normalised, signed and stored by a goroutine of its own, a chunk at
// a time, so that the extraction goes on meanwhile (signing is a third of
// the extraction's CPU time). The Store is created by the first chunk and
// closed by Families.
type corpusLineage struct {
	dir     string
	pending []lineageItem      // Add's chunk being filled
	queue   chan []lineageItem // chunks waiting for the signer
	signed  chan struct{}      // closed when the signer is done
	store   *lineage.Store     // the signer's until signed is closed
	err     error              // of creating the store
}

type lineageItem struct{ id, date, text string }

// Lineage chunks: passages per chunk, and chunks waiting for the signer.
const (
	lineageChunk = 256
	lineageQueue = 4
)

func newCorpusLineage(dir string) *corpusLineage { return &corpusLineage{dir: dir} }

func (l *corpusLineage) Add(id, date, text string) {
	l.pending = append(l.pending, lineageItem{id, date, text})
	if len(l.pending) == lineageChunk {
		l.flush()
	}
}

// flush hands the pending chunk to the signer, starting it the first time.
func (l *corpusLineage) flush() {
	if l.queue == nil {
		l.queue, l.signed = make(chan []lineageItem, lineageQueue), make(chan struct{})
		go l.sign()
	}
	l.queue <- l.pending
	l.pending = make([]lineageItem, 0, lineageChunk)
}

// sign stores the queued passages in order until the queue closes.
func (l *corpusLineage) sign() {
	defer close(l.signed)
	for chunk := range l.queue {
		for _, it := range chunk {
			if l.store == nil && l.err == nil {
				l.store, l.err = lineage.NewStore(l.dir)
			}
			if l.err == nil {
				l.store.Add(it.id, it.date, lineage.Normalise(it.text))
			}
		}
	}
}

func (l *corpusLineage) Families() (lineage.Membership, error) {
	if len(l.pending) > 0 {
		l.flush()
	}
	l.stopSigner()
	if l.err != nil {
		return lineage.Membership{}, fmt.Errorf("lineage: %w", l.err)
	}
	if l.store == nil {
		return lineage.Membership{}, nil // no passage added
	}
	defer l.Close() // the spill is not needed to write the index
	fams, err := l.store.Families()
	if err != nil {
		return lineage.Membership{}, fmt.Errorf("lineage: %w", err)
	}
	return fams, nil
}

// stopSigner closes the queue and waits until the signer has stored all of it.
func (l *corpusLineage) stopSigner() {
	if l.queue != nil {
		close(l.queue)
		<-l.signed
		l.queue = nil
	}
}

// Close stops the signer and releases the store; a run that ends without
// Families (nothing changed, or it failed) drops the pending passages.
func (l *corpusLineage) Close() error {
	l.pending = nil
	l.stopSigner()
	if l.store == nil {
		return nil
	}
	err := l.store.Close()
	l.store = nil
	return err
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
