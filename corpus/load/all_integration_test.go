package load

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
)

// TestWholeCorpus loads every file of the shared corpus: each is a document
// with passages or a SkipError with a reason; the image-only scan needs OCR.
func TestWholeCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every PDF of the corpus")
	}
	root := testcorpus.Corpus(t)
	docs, passages := 0, 0
	skipped := map[string]string{}
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || IsMetadataFile(path) || filepath.Ext(path) == "" {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		d, err := File(root, rel, Options{})
		var skip *SkipError
		switch {
		case errors.As(err, &skip):
			skipped[rel] = skip.Reason
		case err != nil:
			t.Errorf("%s: untyped error %v", rel, err)
		case len(d.Passages) == 0:
			t.Errorf("%s: no passages", rel)
		default:
			docs++
			passages += len(d.Passages)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d passages, skipped: %v", docs, passages, skipped)
	if r := skipped["other/un-ola-note-verbale-2022-03-04-ukr.pdf"]; r != "no text layer (needs OCR)" {
		t.Errorf("image-only scan: %q", r)
	}
	if r := skipped["README.md"]; !strings.Contains(r, "README") {
		t.Errorf("corpus README: %q", r)
	}
	if len(skipped) != 2 {
		t.Errorf("unexpected skips: %v", skipped)
	}
}
