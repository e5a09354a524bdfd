package lineage

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/load"
	"github.com/precedent/precedent/internal/testcorpus"
)

// corpusFolders are the folders of the shared corpus whose documents
// lineage runs on: the General Assembly texts and the position excerpts.
var corpusFolders = []string{"ga", "positions-excerpts"}

var (
	docsOnce sync.Once
	docs     []*corpus.Document
	docsErr  error
)

// sharedDocuments loads the shared corpus' documents once per test binary.
func sharedDocuments(t testing.TB) []*corpus.Document {
	t.Helper()
	root := testcorpus.Corpus(t)
	docsOnce.Do(func() { docs, docsErr = loadFolders(root) })
	if docsErr != nil {
		t.Fatal(docsErr)
	}
	return docs
}

func loadFolders(root string) ([]*corpus.Document, error) {
	var out []*corpus.Document
	for _, dir := range corpusFolders {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() || load.IsMetadataFile(e.Name()) {
				continue
			}
			d, err := load.File(root, dir+"/"+e.Name(), load.Options{})
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// passageItems turns documents into lineage items (footnotes left out).
func passageItems(docs []*corpus.Document) ([]Item, map[string]*corpus.Passage) {
	var items []Item
	byID := map[string]*corpus.Passage{}
	for _, d := range docs {
		for i := range d.Passages {
			p := &d.Passages[i]
			if p.Kind == corpus.KindFootnote {
				continue
			}
			items = append(items, Item{ID: p.ID, Date: d.Date, Words: Normalise(p.Text)})
			byID[p.ID] = p
		}
	}
	return items, byID
}

// resolve finds the passage a hand-built family member points at: an
// operative paragraph by number, a preambular one by its first words.
func resolve(d *corpus.Document, m handMember) (*corpus.Passage, bool) {
	var found *corpus.Passage
	for i := range d.Passages {
		p := &d.Passages[i]
		switch {
		case m.Para != "" && p.Kind == corpus.KindOperative && p.Number == m.Para,
			m.Starts != "" && p.Kind == corpus.KindPreambular && strings.HasPrefix(p.Text, m.Starts):
			if found != nil {
				return nil, false
			}
			found = p
		}
	}
	return found, found != nil
}
