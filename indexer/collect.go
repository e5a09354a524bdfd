package indexer

import (
	"fmt"

	"github.com/precedent/precedent/corpus"
)

// collector receives files' results in corpus order: it counts them into
// the report, keeps the first of duplicate documents, and feeds the kept
// passages to the lineage.
type collector struct {
	r        *Report
	prev     map[string]string // rel -> key of the live generation
	lineage  Lineage
	total    int
	progress func(phase string, done, total int)

	files  map[string]string // rel -> key of this run
	kept   []keptFile
	failed bool // some file failed unexpectedly (not cached, retried next run)

	byContent map[string]string // content hash -> kept path
	bySymbol  map[string]string // symbol + language -> kept path
	byID      map[string]string // document id -> kept path
}

func newCollector(r *Report, prev map[string]string, lin Lineage, total int, progress func(string, int, int)) *collector {
	return &collector{
		r: r, prev: prev, lineage: lin, total: total, progress: progress,
		files:     map[string]string{},
		byContent: map[string]string{}, bySymbol: map[string]string{}, byID: map[string]string{},
	}
}

func (c *collector) add(res fileResult) error {
	r, f := c.r, res.file
	r.FilesSeen++
	if c.progress != nil {
		defer c.progress("extract", r.FilesSeen, c.total)
	}
	if res.failure != "" {
		c.failed = true
		r.Skipped = append(r.Skipped, Skip{Path: f.rel, Reason: res.failure, Error: true})
		c.countChange(f.rel, "")
		r.Extracted++
		return nil
	}
	c.files[f.rel] = f.key
	c.countChange(f.rel, f.key)
	if !res.fromCache {
		r.Extracted++
	}
	if res.entry.Skip != "" {
		r.Skipped = append(r.Skipped, Skip{Path: f.rel, Reason: res.entry.Skip})
		return nil
	}
	doc := res.entry.Document
	if d, ok := c.duplicate(f.contentHash, doc.Symbol, doc.Language, doc.ID); ok {
		d.Path = f.rel
		r.Duplicates = append(r.Duplicates, d)
		return nil
	}
	c.byContent[f.contentHash] = f.rel
	if doc.Symbol != "" {
		c.bySymbol[doc.Symbol+"\x00"+doc.Language] = f.rel
	}
	c.byID[doc.ID] = f.rel
	for i := range doc.Passages {
		// the manifest keeps a document's id and passage count, not every passage's id
		if want := corpus.PassageID(doc.ID, i+1); doc.Passages[i].ID != want {
			return fmt.Errorf("%s: passage %d has the id %q, not %q", f.rel, i+1, doc.Passages[i].ID, want)
		}
	}
	c.kept = append(c.kept, keptFile{rel: f.rel, key: f.key, doc: doc.ID, passages: len(doc.Passages)})
	r.Indexed++
	r.Documents++
	r.Passages += len(doc.Passages)
	if c.lineage != nil {
		for _, p := range doc.Passages {
			c.lineage.Add(p.ID, doc.Date, p.Text)
		}
	}
	return nil
}

// forgetDuplicates drops what finding duplicates needs, once every file
// is collected: the rest of the run does not need it.
func (c *collector) forgetDuplicates() {
	c.byContent, c.bySymbol, c.byID = nil, nil, nil
}

// duplicate tells whether a document was already kept, and which.
func (c *collector) duplicate(contentHash, symbol, lang, id string) (Duplicate, bool) {
	if p, ok := c.byContent[contentHash]; ok {
		return Duplicate{DuplicateOf: p, Why: "same content"}, true
	}
	if p, ok := c.bySymbol[symbol+"\x00"+lang]; ok && symbol != "" {
		return Duplicate{DuplicateOf: p, Why: "same symbol and language"}, true
	}
	if p, ok := c.byID[id]; ok {
		return Duplicate{DuplicateOf: p, Why: "same document id"}, true
	}
	return Duplicate{}, false
}

// countChange compares a file's key with the live generation's.
func (c *collector) countChange(rel, key string) {
	prevKey, ok := c.prev[rel]
	switch {
	case !ok:
		c.r.Added++
	case prevKey == key:
		c.r.Unchanged++
	default:
		c.r.Changed++
	}
}
