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
	progress func(phase string, done, total int)
	failed   bool // some file failed unexpectedly (not cached, retried next run)

	files *corpusListing // the run's, whose files come in its order
	kept  *keptDocuments // by file number in files
}

// newCollector makes a collector for the files of a listing, with the
// table of kept documents mapped in dir ("" for the heap).
func newCollector(r *Report, prev *recordReader, records *runRecords, lin Lineage, files *corpusListing, dir string, progress func(string, int, int)) (*collector, error) {
	kept, err := newKeptDocuments(dir, files.len())
	if err != nil {
		return nil, err
	}
	c := &collector{r: r, prev: prev, records: records, lineage: lin, progress: progress, files: files, kept: kept}
	if c.oldOK, err = prev.read(&c.old); err != nil {
		kept.release()
		return nil, err
	}
	return c, nil
}

func (c *collector) add(res fileResult) error {
	r, f := c.r, res.file
	if r.FilesSeen >= c.files.len() || !c.files.is(r.FilesSeen, f.rel) {
		return fmt.Errorf("%s: a result out of the listing's order", f.rel)
	}
	file := r.FilesSeen
	r.FilesSeen++
	if c.progress != nil {
		defer c.progress("extract", r.FilesSeen, c.files.len())
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
	c.kept.add(byContent, f.contentHash, file)
	if doc.Symbol != "" {
		c.kept.add(bySymbol, doc.Symbol+"\x00"+doc.Language, file)
	}
	c.kept.add(byID, doc.ID, file)
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
// removed and ends the run's records.
func (c *collector) finish() error {
	if err := c.countRemoved(""); err != nil {
		return err
	}
	return c.records.finishWriting()
}

// close deletes what finding duplicates needs.
func (c *collector) close() error { return c.kept.release() }

// duplicate tells whether a document was already kept, and which.
func (c *collector) duplicate(contentHash, symbol, lang, id string) (Duplicate, bool) {
	keys := [][2]string{{byContent, contentHash}, {bySymbol, symbol + "\x00" + lang}, {byID, id}}
	for _, k := range keys {
		if k[0] == bySymbol && symbol == "" {
			continue
		}
		if file, ok := c.kept.find(k[0], k[1]); ok {
			return Duplicate{DuplicateOf: c.files.path(file), Why: "same " + k[0]}, true
		}
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
