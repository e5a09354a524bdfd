package indexer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/precedent/precedent/corpus"
)

// generationWriter turns documents into the Bleve documents of their
// passages and hands them to a sink.
type generationWriter struct {
	path string // the generation's directory
	sink *shardedSink
}

// newGenerationWriter creates an empty generation of shards shards at
// path, each written with Bleve's offline builder. The shards are written
// one per CPU at a time, in passes over the documents (see passes), so the
// passages waiting or being analysed at once do not grow with the shards.
func newGenerationWriter(path string, batchSize, shards int) (*generationWriter, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, err
	}
	sinks := make([]passageSink, shards)
	for i := range sinks {
		sinks[i] = newBuilderSink(shardPath(path, i), batchSize)
	}
	return &generationWriter{path: path, sink: newShardedSink(sinks, batchSize, busyShards(shards))}, nil
}

// openGenerationWriter opens the copy of a generation at path for updates,
// all shards in one pass.
func openGenerationWriter(path string, batchSize int) (*generationWriter, error) {
	dirs, err := shardDirs(path)
	if err != nil {
		return nil, err
	}
	sinks := make([]passageSink, 0, len(dirs))
	for _, dir := range dirs {
		s, err := openUpdateSink(dir, batchSize)
		if err != nil {
			for _, open := range sinks {
				open.abort()
			}
			return nil, err
		}
		sinks = append(sinks, s)
	}
	return &generationWriter{path: path, sink: newShardedSink(sinks, batchSize, len(sinks))}, nil
}

// remove deletes passages by id.
func (w *generationWriter) remove(ids []string) error {
	for _, id := range ids {
		if err := w.sink.remove(id); err != nil {
			return err
		}
	}
	return nil
}

// add indexes the passages of one document, families[i] being the
// language family of passage i ("" for none; nil when there are no
// families). Its first passage (lowest ordinal) stores the full document
// metadata, the others its summary (see documentSummary).
func (w *generationWriter) add(doc *corpus.Document, families []string) error {
	if families != nil && len(families) != len(doc.Passages) {
		return fmt.Errorf("document %s: %d passages but %d families", doc.ID, len(doc.Passages), len(families))
	}
	meta := *doc
	meta.Passages = nil
	full, err := json.Marshal(&meta)
	if err != nil {
		return err
	}
	summary, err := json.Marshal(documentSummary(doc))
	if err != nil {
		return err
	}
	common := documentFields(doc)
	first := firstPassage(doc.Passages)
	for i := range doc.Passages {
		p := &doc.Passages[i]
		if families != nil && families[i] != "" {
			p.Family = families[i]
		}
		fields, err := passageFields(doc, p, common)
		if err != nil {
			return err
		}
		fields[FieldDocument] = string(summary)
		if i == first {
			fields[FieldDocument] = string(full)
		}
		if err := w.sink.index(p.ID, fields); err != nil {
			return fmt.Errorf("indexing passage %s: %w", p.ID, err)
		}
	}
	return nil
}

// documentSummary is the metadata of doc a search hit shows (FieldDocument
// of every passage but the first): no passages, sponsors, source or hash.
func documentSummary(doc *corpus.Document) *corpus.Document {
	return &corpus.Document{ID: doc.ID, Symbol: doc.Symbol, Title: doc.Title, Body: doc.Body, Type: doc.Type,
		Date: doc.Date, Language: doc.Language, States: doc.States, Groups: doc.Groups, Completeness: doc.Completeness}
}

// firstPassage returns the index of the passage with the lowest ordinal.
func firstPassage(ps []corpus.Passage) int {
	first := 0
	for i := range ps {
		if ps[i].Ordinal < ps[first].Ordinal {
			first = i
		}
	}
	return first
}

// passes is the number of passes over the documents that write the
// generation: add the documents of each pass (inPass), then end it
// (endPass), in turn.
func (w *generationWriter) passes() int { return w.sink.passes() }

// inPass tells whether document docID is written in pass.
func (w *generationWriter) inPass(docID string, pass int) bool { return w.sink.inPass(docID, pass) }

// endPass closes the shards written in pass.
func (w *generationWriter) endPass(pass int) error { return w.sink.endPass(pass) }

// abort closes an unfinished generation; the caller deletes it.
func (w *generationWriter) abort() { w.sink.abort() }

// documentFields are the fields every passage of doc carries.
func documentFields(doc *corpus.Document) map[string]interface{} {
	f := map[string]interface{}{
		FieldDocID:    doc.ID,
		FieldBody:     doc.Body,
		FieldType:     doc.Type,
		FieldLanguage: doc.Language,
	}
	setIf(f, FieldSymbol, doc.Symbol)
	if y := doc.Year(); y > 0 {
		f[FieldYear] = strconv.Itoa(y)
		f[FieldDate] = documentDate(doc.Date, y)
	}
	return f
}

// documentDate parses "2015-07-22", "2015-07" or "2015"; a partial date
// gets the first day of its month or year.
func documentDate(s string, year int) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// passageFields is the Bleve document of one passage.
func passageFields(doc *corpus.Document, p *corpus.Passage, common map[string]interface{}) (map[string]interface{}, error) {
	pj, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	f := make(map[string]interface{}, len(common)+20)
	for k, v := range common {
		f[k] = v
	}
	f[FieldPassage] = string(pj)
	f[FieldKind] = p.Kind
	f[FieldText] = p.Text
	setIf(f, FieldFamily, p.Family)
	setList(f, FieldState, union(doc.States, p.Tags.States))
	setList(f, FieldGroup, union(doc.Groups, p.Tags.Groups))
	setList(f, FieldMentions, corpus.IDs(p.Tags.Mentions))
	setList(f, FieldTopic, corpus.IDs(p.Tags.Topics))
	setList(f, FieldNorm, corpus.IDs(p.Tags.Norms))
	setList(f, FieldPrinciple, corpus.IDs(p.Tags.Principles))
	return f, nil
}

func setIf(f map[string]interface{}, field, v string) {
	if v != "" {
		f[field] = v
	}
}

func setList(f map[string]interface{}, field string, v []string) {
	if len(v) > 0 {
		f[field] = v
	}
}

// union returns the distinct values of a and b, sorted.
func union(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	u := slices.Concat(a, b)
	slices.Sort(u)
	return slices.Compact(u)
}

// dirSize is the total size of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}
