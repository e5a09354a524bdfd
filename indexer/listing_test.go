package indexer

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// listingOf is a listing of rels on the heap.
func listingOf(t *testing.T, rels ...string) *corpusListing {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range rels {
		buf.WriteString(r + "\x00")
	}
	l := &corpusListing{}
	if err := l.load(nil, &buf, len(rels)); err != nil {
		t.Fatal(err)
	}
	return l
}

// TestListFiles: the listing has the candidate files, sorted as strings
// (a folder's files after a sibling whose name continues with a byte below
// '/'), in mapped files that stay invisible, or on the heap.
func TestListFiles(t *testing.T) {
	root := t.TempDir()
	for _, rel := range []string{
		"a/x.txt", "a.txt", "a-b/y.txt", "b/c/d.pdf", "z.md",
		".hidden.txt", ".git/config", "b/MANIFEST.json", "data/index/seg.zap",
	} {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(rel), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"a-b/y.txt", "a.txt", "a/x.txt", "b/c/d.pdf", "z.md"}
	isMeta := func(name string) bool { return name == "MANIFEST.json" }
	for _, dir := range []string{"", t.TempDir()} {
		l, err := listFiles(root, filepath.Join(root, "data"), isMeta, dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i := range l.len() {
			got = append(got, l.path(i))
			if !l.is(i, want[min(i, len(want)-1)]) {
				t.Errorf("is(%d, %q) = false", i, want[min(i, len(want)-1)])
			}
		}
		if !slices.Equal(got, want) || !slices.IsSorted(got) {
			t.Errorf("listing in %q: %q, want %q", dir, got, want)
		}
		if dir != "" {
			if left, _ := os.ReadDir(dir); len(left) > 0 {
				t.Errorf("the listing's files are visible: %v", left)
			}
		}
		if err := l.release(); err != nil {
			t.Error(err)
		}
	}
	empty, err := listFiles(filepath.Join(root, "b", "c", "d.pdf.dir"), "", nil, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a missing root: %v", err)
	}
	if empty != nil {
		t.Error("a missing root gave a listing")
	}
	none, err := listFiles(t.TempDir(), "", nil, t.TempDir())
	if err != nil || none.len() != 0 {
		t.Errorf("an empty corpus: %v, %d files", err, none.len())
	}
}
