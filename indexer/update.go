package indexer

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/precedent/precedent/corpus/lineage"
)

// planUpdate counts what updating a copy of the live generation at
// livePath into this run's would take: documents to index and passages to
// delete.
func planUpdate(livePath string, run *runRecords, families *lineage.Membership) (reindex, deleted int, err error) {
	err = compare(livePath, run, families, func(old, cur *fileRecord) error {
		if reindexed(old, cur) {
			reindex++
		}
		if stale(old, cur) {
			deleted += old.Passages
		}
		return nil
	})
	return reindex, deleted, err
}

// stale tells whether the passages of a file of the live generation (old)
// must be deleted from its copy: the file went, changed, or is no longer
// indexed (cur).
func stale(old, cur *fileRecord) bool { return old.kept() && (!cur.kept() || cur.Key != old.Key) }

// reindexed tells whether a file of this run (cur) must be indexed into a
// copy of the live generation, which has old: it is new or changed, or its
// passages moved to another language family. Into an empty generation
// (old nil), every kept file is.
func reindexed(old, cur *fileRecord) bool {
	return cur.kept() && (!old.kept() || old.Key != cur.Key || !slices.Equal(old.Families, cur.Families))
}

// compare joins the manifest of the generation at livePath ("" for none)
// with the run's records, those with their families (see join).
func compare(livePath string, run *runRecords, families *lineage.Membership, fn func(old, cur *fileRecord) error) error {
	var prev *recordReader
	if livePath != "" {
		r, closeLive, err := openManifest(livePath)
		if err != nil {
			return err
		}
		defer closeLive()
		prev = r
	}
	next, err := run.reader(families)
	if err != nil {
		return err
	}
	return join(prev, next, fn)
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
