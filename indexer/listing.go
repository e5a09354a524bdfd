package indexer

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/precedent/precedent/internal/mapped"
)

// corpusListing is the sorted list of a corpus's candidate document files,
// kept out of the heap so that it does not grow with the corpus: the paths
// (slash-separated, relative to the corpus root), each ended by a zero
// byte, in the walk's order, and where each starts, in path order. Both are
// arrays of package mapped: mapped files in the data directory, or on the
// heap without one.
type corpusListing struct {
	paths  []byte
	starts []int64
	arrays mapped.Arrays
}

// listFiles lists the candidate document files under root: regular files,
// not hidden, not metadata files, not inside skipDir; in arrays mapped in
// dir ("" for the heap).
func listFiles(root, skipDir string, isMetadata func(string) bool, dir string) (*corpusListing, error) {
	l := &corpusListing{arrays: mapped.Arrays{Dir: dir}}
	var out io.Writer
	var f *os.File
	var buf bytes.Buffer
	if dir == "" {
		out = &buf
	} else {
		var err error
		if f, err = mapped.UnlinkedFile(dir, ".listing-*"); err != nil {
			return nil, err
		}
		out = bufio.NewWriter(f)
	}
	n, err := walkCorpus(root, skipDir, isMetadata, out)
	if err == nil {
		err = l.load(f, &buf, n)
	} else if f != nil {
		f.Close()
	}
	if err != nil {
		l.release()
		return nil, err
	}
	return l, nil
}

// walkCorpus writes the relative path of each candidate file under root to
// out, each followed by a zero byte, and returns how many it wrote.
func walkCorpus(root, skipDir string, isMetadata func(string) bool, out io.Writer) (int, error) {
	skipAbs, _ := filepath.Abs(skipDir)
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			abs, _ := filepath.Abs(p)
			if p != root && (strings.HasPrefix(name, ".") || abs == skipAbs) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasPrefix(name, ".") || isMetadata != nil && isMetadata(name) {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		n++
		_, err = io.WriteString(out, filepath.ToSlash(rel)+"\x00")
		return err
	})
	if w, ok := out.(*bufio.Writer); ok && err == nil {
		err = w.Flush()
	}
	return n, err
}

// load takes the n paths written to f (or buf without a file), finds where
// each starts and sorts them.
func (l *corpusListing) load(f *os.File, buf *bytes.Buffer, n int) error {
	if f == nil {
		l.paths = buf.Bytes()
	} else if size, err := f.Seek(0, io.SeekCurrent); err != nil || size == 0 {
		f.Close()
		return err
	} else if l.paths, err = l.arrays.Map(f, int(size)); err != nil {
		return err
	}
	var err error
	if l.starts, err = mapped.Make[int64](&l.arrays, n); err != nil {
		return err
	}
	at := int64(0)
	for i := range l.starts {
		l.starts[i] = at
		at += int64(bytes.IndexByte(l.paths[at:], 0)) + 1
	}
	slices.SortFunc(l.starts, func(a, b int64) int { return bytes.Compare(l.pathBytes(a), l.pathBytes(b)) })
	return nil
}

func (l *corpusListing) pathBytes(start int64) []byte {
	p := l.paths[start:]
	return p[:bytes.IndexByte(p, 0)]
}

// len returns the number of files listed.
func (l *corpusListing) len() int { return len(l.starts) }

// path returns the path of file i, in path order.
func (l *corpusListing) path(i int) string { return string(l.pathBytes(l.starts[i])) }

// is tells whether file i's path is rel.
func (l *corpusListing) is(i int, rel string) bool { return string(l.pathBytes(l.starts[i])) == rel }

// release deletes the listing; it cannot be used afterwards.
func (l *corpusListing) release() error { return l.arrays.Release() }
