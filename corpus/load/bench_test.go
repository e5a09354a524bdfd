package load

import (
	"path/filepath"
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
)

// BenchmarkFileGA loads a real GA resolution (JSON): read, metadata,
// detection, segmentation.
func BenchmarkFileGA(b *testing.B) {
	root := testcorpus.Corpus(b)
	rel := filepath.Join("ga", "A_RES_73_27.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := File(root, rel, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFileFixture loads the invented resolution fixture.
func BenchmarkFileFixture(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := File(fixtures, "ga/A_RES_88_301.json", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
