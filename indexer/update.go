package indexer

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
)

// generationManifest is what a generation was built from; it is stored in
// the generation's directory (manifestName) so the next run can tell what
// changed. It is a file of its own, not Bleve internal data, which every
// open of a shard would load into memory.
type generationManifest struct {
	// Files maps every file seen (indexed, skipped, duplicate) to its cache key.
	Files map[string]string `json:"files"`
	// Kept maps each indexed file to its document's passages.
	Kept map[string]keptRecord `json:"kept"`
	// Families are the ids of the language families the records number.
	Families []string `json:"families"`
}

// keptRecord is an indexed file: its cache key, its document's id and
// number of passages (whose ids are corpus.PassageID(Document, 1...Passages)),
// and their language families in passage order (0 for none, k for the
// manifest's Families[k-1]; nil without families).
type keptRecord struct {
	Key      string   `json:"key"`
	Document string   `json:"document"`
	Passages int      `json:"passages"`
	Families []uint32 `json:"families"`
}

// passageIDs are the ids of the record's passages.
func (k keptRecord) passageIDs() []string {
	ids := make([]string, k.Passages)
	for i := range ids {
		ids[i] = corpus.PassageID(k.Document, i+1)
	}
	return ids
}

// familiesOf returns the family ids of the passages of the kept file rel
// ("" for none), or nil without families.
func (m generationManifest) familiesOf(rel string) []string {
	nums := m.Kept[rel].Families
	if nums == nil {
		return nil
	}
	ids := make([]string, len(nums))
	for i, n := range nums {
		if n > 0 {
			ids[i] = m.Families[n-1]
		}
	}
	return ids
}

// newManifest is what this run's generation is built from. families are
// the kept passages' families in the order the lineage was given them
// (Number nil without a lineage); each record's are a window of Number.
func newManifest(col *collector, families lineage.Membership) (generationManifest, error) {
	passages := 0
	for _, k := range col.kept {
		passages += k.passages
	}
	nums := families.Number
	if nums != nil && len(nums) != passages {
		return generationManifest{}, fmt.Errorf("lineage: %d families for %d passages", len(nums), passages)
	}
	m := generationManifest{Files: col.files, Kept: make(map[string]keptRecord, len(col.kept)), Families: families.IDs}
	at := 0
	for _, k := range col.kept {
		rec := keptRecord{Key: k.key, Document: k.doc, Passages: k.passages}
		if nums != nil {
			rec.Families = nums[at : at+k.passages : at+k.passages]
		}
		at += k.passages
		m.Kept[k.rel] = rec
	}
	return m, nil
}

// updatePlan turns the live generation into the new one: passages to
// delete, then documents to index (new, changed, or whose passages moved
// to another language family).
type updatePlan struct {
	remove []string
	add    []keptFile
}

func planUpdate(prev, next generationManifest, kept []keptFile) updatePlan {
	var p updatePlan
	for rel, old := range prev.Kept {
		if nk, ok := next.Kept[rel]; !ok || nk.Key != old.Key {
			p.remove = append(p.remove, old.passageIDs()...)
		}
	}
	slices.Sort(p.remove)
	for _, k := range kept {
		old, ok := prev.Kept[k.rel]
		if !ok || old.Key != k.key || !slices.Equal(prev.familiesOf(k.rel), next.familiesOf(k.rel)) {
			p.add = append(p.add, k)
		}
	}
	return p
}

// copyGeneration copies a closed generation's files into dst, synced, so
// the copy can be opened for writing while readers keep the original.
func copyGeneration(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// manifestName is the manifest file in a generation's directory. Its
// name has its version: a generation whose manifest is of another version
// (manifest.json.gz listed every passage's id, manifest-2.json.gz every
// passage's family id) is rebuilt, not updated.
const manifestName = "manifest-3.json.gz"

// writeManifest writes m into the generation directory dir (replacing the
// copy an update started from) and syncs it.
func writeManifest(dir string, m generationManifest) error {
	f, err := os.OpenFile(filepath.Join(dir, manifestName), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = writeGzipJSON(f, m)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readManifest reads the manifest of the generation directory dir, and
// refuses one whose families do not fit its records or its table.
func readManifest(dir string) (generationManifest, error) {
	var m generationManifest
	if err := readGzipJSON(filepath.Join(dir, manifestName), &m); err != nil {
		return m, err
	}
	for rel, k := range m.Kept {
		if k.Families != nil && len(k.Families) != k.Passages {
			return m, fmt.Errorf("manifest: %s has %d families for %d passages", rel, len(k.Families), k.Passages)
		}
		for _, n := range k.Families {
			if int(n) > len(m.Families) {
				return m, fmt.Errorf("manifest: %s names family %d of %d", rel, n, len(m.Families))
			}
		}
	}
	return m, nil
}
