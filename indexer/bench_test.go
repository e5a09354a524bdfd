package indexer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/precedent/precedent/corpus"
)

// benchDocuments invents n documents of 40 passages of 60 words each, from
// a small vocabulary, with tags, in English and French.
func benchDocuments(n int) []*corpus.Document {
	words := strings.Fields("states should cooperate coastal authority lighthouse lantern harbour " +
		"ferry timetable registry tidal chart sailor charge publish maintain winter spring " +
		"signal buoy channel pilot vessel cargo inspection notice assistance request incident")
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([]*corpus.Document, n)
	for d := range docs {
		lang := []string{"en", "fr"}[d%2]
		doc := &corpus.Document{Symbol: fmt.Sprintf("A/C.9/%d/L.%d", 90+d%10, d), Title: "Lanterns and safe passage",
			Body: corpus.BodyGA, Type: corpus.TypeResolution, Date: fmt.Sprintf("20%02d-10-14", d%30), Language: lang,
			States: []string{"RUR", "FRE"}}
		doc.ID = corpus.DocumentID(doc.Symbol, lang, "")
		for o := 1; o <= 40; o++ {
			var b strings.Builder
			for range 60 {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			doc.Passages = append(doc.Passages, corpus.Passage{
				ID: corpus.PassageID(doc.ID, o), DocID: doc.ID, Ordinal: o, Number: fmt.Sprint(o),
				Kind: corpus.KindOperative, Text: b.String(), Citation: doc.Symbol + ", para. " + fmt.Sprint(o),
				Tags: corpus.Tags{Topics: []corpus.Tag{{ID: "cbms"}}, Mentions: []corpus.Tag{{ID: "RUR"}}},
			})
		}
		docs[d] = doc
	}
	return docs
}

// BenchmarkIndex writes 2000 passages into a new generation per iteration,
// with several batch sizes; passages/s is the figure to compare.
func BenchmarkIndex(b *testing.B) {
	docs := benchDocuments(50)
	passages := 50 * 40
	for _, c := range []struct{ batch, shards int }{{200, 1}, {1000, 1}, {5000, 1}, {1000, 2}} {
		b.Run(fmt.Sprintf("batch=%d/shards=%d", c.batch, c.shards), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for i := range b.N {
				w, err := newGenerationWriter(filepath.Join(b.TempDir(), fmt.Sprint(i)), c.batch, c.shards)
				if err != nil {
					b.Fatal(err)
				}
				for pass := range w.passes() {
					for _, d := range docs {
						if !w.inPass(d.ID, pass) {
							continue
						}
						if err := w.add(d, nil); err != nil {
							b.Fatal(err)
						}
					}
					if err := w.endPass(pass); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(passages*b.N)/b.Elapsed().Seconds(), "passages/s")
			// The machine is shared: per CPU second is the figure that compares.
			b.ReportMetric(float64(passages*b.N)/(cpuTime()-cpu).Seconds(), "passages/cpu-s")
		})
	}
}

// BenchmarkRebuildUnchanged is a re-run of Build over an unchanged corpus:
// hashing, cache reads, and the decision that nothing needs building.
func BenchmarkRebuildUnchanged(b *testing.B) {
	opt := fixtureOptions(b, "testdata/corpus")
	opt.Load = func(root, rel string) (*corpus.Document, error) {
		if strings.HasSuffix(rel, "broken.txt") {
			return nil, &Skipped{Reason: "fixture"}
		}
		return fixtureLoad(root, rel)
	}
	if _, err := Build(context.Background(), opt); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := Build(context.Background(), opt)
		if err != nil || r.NewGeneration {
			b.Fatalf("re-run built a generation: %v", err)
		}
	}
}

// cpuTime is the CPU time (user + system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
