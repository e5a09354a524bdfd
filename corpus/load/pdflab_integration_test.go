package load

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
)

// TestRenderedPDFParagraphs runs the whole chain (pdftext, detect, segment)
// on the PDFs of pdf-lab/rendered and compares the numbered passages with
// the paragraph numbers of their truth files.
func TestRenderedPDFParagraphs(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts every rendered PDF")
	}
	lab := filepath.Join(testcorpus.PDFLab(t), "rendered")
	files, _ := filepath.Glob(filepath.Join(lab, "*.pdf"))
	var want, found, symbols int
	var misses []string
	for _, f := range files {
		var truth struct {
			Symbol     string            `json:"symbol"`
			Paragraphs map[string]string `json:"paragraphs"`
		}
		if err := json.Unmarshal([]byte(readString(t, strings.TrimSuffix(f, ".pdf")+".truth.json")), &truth); err != nil {
			t.Fatal(err)
		}
		d, err := File(lab, filepath.Base(f), Options{})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if d.Symbol == truth.Symbol {
			symbols++
		}
		got := numbered(d)
		for k := range truth.Paragraphs {
			want++
			if got[k] > 0 {
				found++
			} else {
				misses = append(misses, filepath.Base(f)+" "+k)
			}
		}
	}
	t.Logf("%d PDFs: symbol detected in %d; %d of %d truth paragraph numbers found as passages (%.2f%%); missed: %v",
		len(files), symbols, found, want, 100*float64(found)/float64(want), misses)
	if symbols != len(files) || float64(found) < 0.97*float64(want) {
		t.Errorf("below the bar: symbols %d/%d, numbers %d/%d", symbols, len(files), found, want)
	}
}
