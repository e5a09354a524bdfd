package segment

import (
	"os"
	"testing"

	"github.com/precedent/precedent/corpus"
)

func BenchmarkPages(b *testing.B) {
	data, err := os.ReadFile("testdata/resolution.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d := &corpus.Document{ID: "x", Symbol: "A/RES/88/301", Title: "88/301. Lighthouses and coastal signalling"}
		Pages(d, SplitPages(string(data)))
	}
}
