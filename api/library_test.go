package api

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLibraryMirrorKeepsUploads(t *testing.T) {
	src, lib := t.TempDir(), Library{Dir: t.TempDir()}
	write := func(p, s string) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(src, "ga", "a.json"), "one")
	write(filepath.Join(src, "b.txt"), "two")
	write(filepath.Join(lib.Dir, "old.txt"), "gone from the corpus")
	write(filepath.Join(lib.Dir, UploadsFolder, "x.txt"), "an upload")
	if err := lib.Mirror(src); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"ga/a.json": true, "b.txt": true, "old.txt": false, UploadsFolder + "/x.txt": true} {
		if _, err := os.Stat(filepath.Join(lib.Dir, p)); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", p, err == nil, want)
		}
	}
	write(filepath.Join(src, "b.txt"), "changed")
	if err := lib.Mirror(src); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(lib.Dir, "b.txt")); string(b) != "changed" {
		t.Errorf("b.txt = %q after a change", b)
	}
}
