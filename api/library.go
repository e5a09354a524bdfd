package api

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Library is the corpus a server with the write path indexes: a mirror of
// its corpus folder (which may be read-only) with the uploads folder at its
// top, so uploaded and shipped documents are indexed in one generation and
// shipped documents keep the ids they have when the corpus is indexed
// directly.
type Library struct {
	Dir string // DATA/library
}

// Uploads returns the library's uploads store.
func (l Library) Uploads() *Uploads { return &Uploads{Dir: filepath.Join(l.Dir, UploadsFolder)} }

// Mirror makes the library hold the files of corpusDir: new and changed
// files are copied in, files gone from the corpus are removed; the
// uploads folder is left alone.
func (l Library) Mirror(corpusDir string) error {
	want := map[string]bool{}
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		if d.IsDir() {
			if rel == UploadsFolder {
				return errors.New("the corpus has a folder named " + UploadsFolder + ", which the write path reserves")
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		want[rel] = true
		return syncFile(p, filepath.Join(l.Dir, rel))
	})
	if err != nil {
		return err
	}
	return filepath.WalkDir(l.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(l.Dir, p)
		if rel == UploadsFolder || strings.HasPrefix(rel, UploadsFolder+string(filepath.Separator)) {
			return filepath.SkipDir
		}
		if !d.IsDir() && !want[rel] {
			return os.Remove(p)
		}
		return nil
	})
}

// syncFile makes dst a copy of src unless it already has its size and time.
func syncFile(src, dst string) error {
	si, err := os.Stat(src)
	if err != nil {
		return err
	}
	if di, err := os.Stat(dst); err == nil && di.Size() == si.Size() && di.ModTime().Equal(si.ModTime()) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".tmp"
	out, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	if err := os.Chtimes(tmp, si.ModTime(), si.ModTime()); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
