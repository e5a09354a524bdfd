package indexer

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
	"github.com/precedent/precedent/internal/mapped"
)

// manifestName is the manifest in a generation's directory: what the
// generation was built from, so the next run can tell what changed. It is
// a file of its own, not Bleve internal data, which every open of a shard
// would load into memory. It is a stream of fileRecords sorted by path
// (gzip-compressed JSON values), so runs read and write it a record at a
// time, in memory that does not grow with the corpus. Its name has its
// version: a generation whose manifest is of another version
// (manifest.json.gz listed every passage's id, manifest-2.json.gz and
// manifest-3.json.gz were one JSON object) is rebuilt, not updated.
const manifestName = "manifest-4.jsonl.gz"

// fileRecord is one file seen by a run (indexed, skipped or duplicate):
// its path, its cache key, and for an indexed (kept) file its document's
// id and number of passages, whose ids are corpus.PassageID(Document,
// 1...Passages), and their language families.
type fileRecord struct {
	Path     string `json:"path"`
	Key      string `json:"key"`
	Document string `json:"document,omitempty"`
	Passages int    `json:"passages,omitempty"`
	// Families are the passages' families in passage order ("" for none;
	// nil without families).
	Families []string `json:"families,omitempty"`
}

// kept tells whether the file's document is in the generation.
func (f *fileRecord) kept() bool { return f != nil && f.Passages > 0 }

// passageIDs are the ids of the record's passages.
func (f *fileRecord) passageIDs() []string {
	ids := make([]string, f.Passages)
	for i := range ids {
		ids[i] = corpus.PassageID(f.Document, i+1)
	}
	return ids
}

// recordWriter writes fileRecords, in ascending path order, as a gzip
// stream of JSON values.
type recordWriter struct {
	zw   *gzip.Writer
	enc  *json.Encoder
	last string
	n    int
}

func newRecordWriter(w io.Writer) *recordWriter {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // a valid level: no error
	return &recordWriter{zw: zw, enc: json.NewEncoder(zw)}
}

func (w *recordWriter) write(f *fileRecord) error {
	if w.n > 0 && f.Path <= w.last {
		return fmt.Errorf("manifest: %s written after %s", f.Path, w.last)
	}
	w.last, w.n = f.Path, w.n+1
	return w.enc.Encode(f)
}

// close ends the gzip stream (not the underlying writer).
func (w *recordWriter) close() error { return w.zw.Close() }

// recordReader reads what a recordWriter wrote, checking the order of the
// paths and the number of families. With families set, it gives the kept
// records read their families from it, counting passages from the first
// record on (as the lineage was given them).
type recordReader struct {
	dec      *json.Decoder
	last     string
	n        int
	families *lineage.Membership
	passages int // passages of the kept records read so far
}

func newRecordReader(r io.Reader, families *lineage.Membership) (*recordReader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	return &recordReader{dec: json.NewDecoder(zr), families: families}, nil
}

// read sets *f to the next record; false at the end of the stream. A nil
// reader is an empty stream.
func (r *recordReader) read(f *fileRecord) (bool, error) {
	if r == nil {
		return false, nil
	}
	*f = fileRecord{}
	if err := r.dec.Decode(f); err == io.EOF {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("manifest: %w", err)
	}
	if r.n > 0 && f.Path <= r.last {
		return false, fmt.Errorf("manifest: %s after %s", f.Path, r.last)
	}
	r.last, r.n = f.Path, r.n+1
	if r.families != nil && f.kept() {
		if err := r.setFamilies(f); err != nil {
			return false, err
		}
	}
	if f.Families != nil && len(f.Families) != f.Passages {
		return false, fmt.Errorf("manifest: %s has %d families for %d passages", f.Path, len(f.Families), f.Passages)
	}
	return true, nil
}

// setFamilies gives a kept record its passages' families from r.families.
func (r *recordReader) setFamilies(f *fileRecord) error {
	fams := r.families
	from := r.passages
	r.passages += f.Passages
	if fams.Number == nil {
		return nil
	}
	if r.passages > len(fams.Number) {
		return fmt.Errorf("lineage: %d families for more passages", len(fams.Number))
	}
	f.Families = make([]string, f.Passages)
	for i := range f.Families {
		f.Families[i] = fams.ID(from + i)
	}
	return nil
}

// finish checks that the families were all given out.
func (r *recordReader) finish() error {
	if r != nil && r.families != nil && r.families.Number != nil && r.passages != len(r.families.Number) {
		return fmt.Errorf("lineage: %d families for %d passages", len(r.families.Number), r.passages)
	}
	return nil
}

// join reads two record streams in path order and calls fn with the
// records of each path: old from prev, cur from next, nil where the path
// is in one stream only. Both streams are read to their end.
func join(prev, next *recordReader, fn func(old, cur *fileRecord) error) error {
	var a, b fileRecord
	okA, err := prev.read(&a)
	if err != nil {
		return err
	}
	okB, err := next.read(&b)
	if err != nil {
		return err
	}
	for okA || okB {
		old, cur := &a, &b
		switch {
		case !okB || okA && a.Path < b.Path:
			cur = nil
		case !okA || b.Path < a.Path:
			old = nil
		}
		if err := fn(old, cur); err != nil {
			return err
		}
		if old != nil {
			if okA, err = prev.read(&a); err != nil {
				return err
			}
		}
		if cur != nil {
			if okB, err = next.read(&b); err != nil {
				return err
			}
		}
	}
	return next.finish()
}

// openManifest opens the manifest of the generation directory dir for one
// pass; closeFile releases it.
func openManifest(dir string) (r *recordReader, closeFile func() error, err error) {
	f, err := os.Open(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, nil, err
	}
	if r, err = newRecordReader(f, nil); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("manifest: %w", err)
	}
	return r, f.Close, nil
}

// checkManifest reads the manifest of the generation directory dir through,
// so that a run updates only from a manifest it can read to the end.
func checkManifest(dir string) error {
	r, closeFile, err := openManifest(dir)
	if err != nil {
		return err
	}
	defer closeFile()
	return join(r, nil, func(*fileRecord, *fileRecord) error { return nil })
}

// runRecords are the records of the files a run sees, in path order, in an
// unlinked temporary file: the run reads them a few times (to plan, write
// and describe the generation) without holding them in memory.
type runRecords struct {
	f    *os.File
	w    *recordWriter
	size int64 // once written
}

func newRunRecords(dir string) (*runRecords, error) {
	f, err := mapped.UnlinkedFile(dir, ".records-*")
	if err != nil {
		return nil, err
	}
	return &runRecords{f: f, w: newRecordWriter(f)}, nil
}

func (r *runRecords) write(f *fileRecord) error { return r.w.write(f) }

// finishWriting ends the stream, after which it can be read.
func (r *runRecords) finishWriting() error {
	if err := r.w.close(); err != nil {
		return err
	}
	size, err := r.f.Seek(0, io.SeekCurrent)
	r.size = size
	return err
}

// reader reads the records from the first, kept ones with their families
// (see recordReader).
func (r *runRecords) reader(families *lineage.Membership) (*recordReader, error) {
	return newRecordReader(io.NewSectionReader(r.f, 0, r.size), families)
}

func (r *runRecords) close() error { return r.f.Close() }

// writeManifest writes the run's records, with their families, into the
// generation directory dir (replacing the copy an update started from)
// and syncs it.
func writeManifest(dir string, run *runRecords, families *lineage.Membership) error {
	next, err := run.reader(families)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, manifestName), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	w := newRecordWriter(f)
	err = join(nil, next, func(_, cur *fileRecord) error { return w.write(cur) })
	err = errors.Join(err, w.close())
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}
