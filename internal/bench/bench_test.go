package bench

import (
	"context"
	"database/sql"
	"testing"
)

// benchCopies is the size of the benchmarks' index: copies of the
// invented fixture (450 passages).
const benchCopies = 50

var (
	benchPhrase = Query{Class: ClassPhrase, Q: `"information technologies"`, Match: `"information technologies"`}
	benchFacets = Query{Class: ClassFacets, Q: "states", Match: `"states"`, Facets: FiveFacets}
)

func BenchmarkScaleDocument(b *testing.B) {
	s := Scaler{Base: fixtureBase(), Seed: 2026}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Document(1+i%100, i%len(s.Base))
	}
}

func benchPrecedent(b *testing.B, q Query) {
	ix, _ := fixtureIndex(b, Scaler{Base: fixtureBase(), Seed: 2026}, benchCopies)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := inProcess(ctx, ix, q); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFTS(b *testing.B, q Query) {
	db, err := sql.Open("sqlite", "file:"+fixtureFTS(b, Scaler{Base: fixtureBase(), Seed: 2026}, benchCopies))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ftsQuery(ctx, db, q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchPhrase(b *testing.B) { benchPrecedent(b, benchPhrase) }
func BenchmarkSearchFacets(b *testing.B) { benchPrecedent(b, benchFacets) }
func BenchmarkFTS5Phrase(b *testing.B)   { benchFTS(b, benchPhrase) }
func BenchmarkFTS5Facets(b *testing.B)   { benchFTS(b, benchFacets) }

func BenchmarkSearchLineageText(b *testing.B) {
	text := fixtureBase()[1].Passages[2].Text
	benchPrecedent(b, Query{Class: ClassLineageText, Pasted: perturb(newRand(1), text)})
}

func BenchmarkIndexScaled(b *testing.B) {
	s := Scaler{Base: fixtureBase(), Seed: 2026}
	b.ReportAllocs()
	for b.Loop() {
		_, res := fixtureIndex(b, s, 10)
		b.ReportMetric(float64(res.Passages)/res.Seconds, "passages/s")
	}
}
