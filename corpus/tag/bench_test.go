package tag

import (
	"path/filepath"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/internal/testcorpus"
)

// realPassages returns the blank-line-separated paragraphs of the GA texts
// and the position excerpts of the shared corpus.
func realPassages(b *testing.B) []corpus.Passage {
	root := testcorpus.Corpus(b)
	var passages []corpus.Passage
	ga, _ := filepath.Glob(filepath.Join(root, "ga", "A_*.json"))
	pos, _ := filepath.Glob(filepath.Join(root, "positions-excerpts", "*.txt"))
	for _, f := range append(ga, pos...) {
		rel, _ := filepath.Rel(root, f)
		for _, text := range blocks(documentText(b, root, rel)) {
			passages = append(passages, corpus.Passage{Text: text})
		}
	}
	return passages
}

// BenchmarkDocument measures tagging throughput on the real passages of
// the shared corpus, reported as passages/s.
func BenchmarkDocument(b *testing.B) {
	passages := realPassages(b)
	doc := corpus.Document{States: []string{"FRA"}, Passages: passages}
	Document(&doc) // compile the patterns outside the timer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Document(&doc)
	}
	b.ReportMetric(float64(b.N*len(passages))/b.Elapsed().Seconds(), "passages/s")
	b.ReportMetric(float64(len(passages)), "passages/op")
}
