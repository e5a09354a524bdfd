package indexer

import (
	"fmt"

	"github.com/precedent/precedent/corpus"
)

// collector receives files' results in corpus order (by path): it counts
// them into the report, against the live generation's manifest read
// alongside, keeps the first of duplicate documents, writes every file's
// record to the run's records, and feeds the kept passages to the lineage.
type collector struct {
	r        *Report
	prev     *recordReader // the live generation's manifest, nil for none
	old      fileRecord    // its record not yet compared
	oldOK    bool          // whether old holds one
	records  *runRecords
	lineage  Lineage
	total    int
	progress func(phase string, done, total int)
	failed   bool // some file failed unexpectedly (not cached, retried next run)

	byContent map[string]string // content hash -> kept path
	bySymbol  map[string]string // symbol + language -> kept path
	byID      map[string]string // document id -> kept path
}

func newCollector(r *Report, prev *recordReader, records *runRecords, lin Lineage, total int, progress func(string, int, int)) (*collector, error) {
	c := &collector{
		r: r, prev: prev, records: records, lineage: lin, total: total, progress: progress,
		byContent: map[string]string{}, bySymbol: map[string]string{}, byID: map[string]string{},
	}
	var err error
	c.oldOK, err = prev.read(&c.old)
	return c, err
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
		r.Extracted++
		return c.countChange(f.rel, "")
	}
	if err := c.countChange(f.rel, f.key); err != nil {
		return err
	}
	if !res.fromCache {
		r.Extracted++
	}
	rec := fileRecord{Path: f.rel, Key: f.key}
	if res.entry.Skip != "" {
		r.Skipped = append(r.Skipped, Skip{Path: f.rel, Reason: res.entry.Skip})
		return c.records.write(&rec)
	}
	doc := res.entry.Document
	if d, ok := c.duplicate(f.contentHash, doc.Symbol, doc.Language, doc.ID); ok {
		d.Path = f.rel
		r.Duplicates = append(r.Duplicates, d)
		return c.records.write(&rec)
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
	rec.Document, rec.Passages = doc.ID, len(doc.Passages)
	if err := c.records.write(&rec); err != nil {
		return err
	}
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

// finish counts the live generation's files this run did not see as
// removed, ends the run's records and drops what finding duplicates needs.
func (c *collector) finish() error {
	c.byContent, c.bySymbol, c.byID = nil, nil, nil
	if err := c.countRemoved(""); err != nil {
		return err
	}
	return c.records.finishWriting()
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
func (c *collector) countChange(rel, key string) error {
	if err := c.countRemoved(rel); err != nil {
		return err
	}
	switch {
	case !c.oldOK || c.old.Path != rel:
		c.r.Added++
		return nil
	case c.old.Key == key:
		c.r.Unchanged++
	default:
		c.r.Changed++
	}
	var err error
	c.oldOK, err = c.prev.read(&c.old)
	return err
}

// countRemoved counts the live generation's files before rel (all of them
// when rel is "") as removed: the files come in path order.
func (c *collector) countRemoved(rel string) error {
	for c.oldOK && (rel == "" || c.old.Path < rel) {
		c.r.Removed++
		var err error
		if c.oldOK, err = c.prev.read(&c.old); err != nil {
			return err
		}
	}
	return nil
}
