package indexer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precedent/precedent/corpus"
)

func TestBuildReport(t *testing.T) {
	opt := fixtureOptions(t, "testdata/corpus")
	r, err := Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	checkReconciles(t, r)
	if r.FilesSeen != 8 || r.Indexed != 4 || r.Passages != 13 || r.Generation != "gen-1" || !r.NewGeneration {
		t.Errorf("report = seen %d indexed %d passages %d generation %s new %v; want 8, 4, 13, gen-1, true",
			r.FilesSeen, r.Indexed, r.Passages, r.Generation, r.NewGeneration)
	}
	wantDup := map[string]string{
		"reports/harbour-report.txt": "same content",
		"drafts/L.7.json":            "same symbol and language",
	}
	for _, d := range r.Duplicates {
		if wantDup[d.DuplicateOf] != d.Why {
			t.Errorf("duplicate %+v, want one of %v", d, wantDup)
		}
	}
	skips := map[string]Skip{}
	for _, s := range r.Skipped {
		skips[s.Path] = s
	}
	if s := skips["drafts/scan.bin"]; s.Reason != "unsupported format" || s.Error {
		t.Errorf("scan.bin skip = %+v, want the loader's reason, not an error", s)
	}
	if s := skips["drafts/broken.txt"]; !s.Error || !strings.Contains(s.Reason, "panic") {
		t.Errorf("broken.txt skip = %+v, want an error naming the panic", s)
	}
	saved, err := ReadReport(opt.Data)
	if err != nil || saved.Passages != r.Passages {
		t.Errorf("report.json: %v, %+v", err, saved)
	}
}

func checkReconciles(t *testing.T, r *Report) {
	t.Helper()
	if got := r.Indexed + len(r.Skipped) + len(r.Duplicates); got != r.FilesSeen {
		t.Errorf("indexed %d + skipped %d + duplicates %d = %d, want files_seen %d",
			r.Indexed, len(r.Skipped), len(r.Duplicates), got, r.FilesSeen)
	}
	if got := r.Unchanged + r.Changed + r.Added; got != r.FilesSeen {
		t.Errorf("unchanged+changed+added = %d, want files_seen %d", got, r.FilesSeen)
	}
}

func openLive(t *testing.T, dataDir string) bleve.Index {
	t.Helper()
	path, err := CurrentGeneration(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := OpenGeneration(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g.Index
}

func TestGenerationSearchable(t *testing.T) {
	opt := fixtureOptions(t, "testdata/corpus")
	if _, err := Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	idx := openLive(t, opt.Data)
	phrase := func(field, text string) query.Query {
		q := bleve.NewMatchPhraseQuery(text)
		q.SetField(field)
		return q
	}
	term := func(field, v string) query.Query {
		q := bleve.NewTermQuery(v)
		q.SetField(field)
		return q
	}
	tests := []struct {
		name string
		q    query.Query
		want []string
	}{
		{"exact phrase", phrase(FieldText, "Lighthouse lamps lit"), []string{"reports_harbour-report-p2"}},
		{"phrase is not stemmed", phrase(FieldText, "lighthouse lamp lit"), nil},
		{"curly apostrophe folded", phrase(FieldText, "Ruritania's view"), []string{"positions_ruritania-p1"}},
		{"keyword facet field", term(FieldState, "RUR"), []string{"positions_ruritania-p1", "positions_ruritania-p2", "positions_ruritania-p3", "positions_ruritanie-fr-p1", "positions_ruritanie-fr-p2"}},
		{"tag field", term(FieldTopic, "cbms"), []string{"reports_harbour-report-p1", "reports_harbour-report-p2"}},
		{"symbol", term(FieldSymbol, "A/C.9/99/L.7"), []string{"A_C.9_99_L.7.en-p1", "A_C.9_99_L.7.en-p2", "A_C.9_99_L.7.en-p3", "A_C.9_99_L.7.en-p4"}},
		{"year", term(FieldYear, "2031"), []string{"A_C.9_99_L.7.en-p1", "A_C.9_99_L.7.en-p2", "A_C.9_99_L.7.en-p3", "A_C.9_99_L.7.en-p4"}},
		{"document", term(FieldDocID, "A_C.9_99_L.7.en"), []string{"A_C.9_99_L.7.en-p1", "A_C.9_99_L.7.en-p2", "A_C.9_99_L.7.en-p3", "A_C.9_99_L.7.en-p4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := bleve.NewSearchRequestOptions(tc.q, 50, 0, false)
			res, err := idx.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("hits = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStoredFieldsAndFacets(t *testing.T) {
	opt := fixtureOptions(t, "testdata/corpus")
	if _, err := Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	idx := openLive(t, opt.Data)
	req := bleve.NewSearchRequest(bleve.NewMatchAllQuery())
	req.Fields = []string{FieldPassage, FieldDocument}
	req.AddFacet(FieldBody, bleve.NewFacetRequest(FieldBody, 10))
	req.SortBy([]string{FieldDocID, "_id"}) // fixture documents have fewer than 10 passages
	req.Size = 100
	res, err := idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 13 {
		t.Fatalf("total = %d, want 13", res.Total)
	}
	counts := map[string]int{}
	for _, tf := range res.Facets[FieldBody].Terms.Terms() {
		counts[tf.Term] = tf.Count
	}
	if counts["GA"] != 4 || counts["national"] != 5 || counts["other"] != 4 {
		t.Errorf("body facet = %v", counts)
	}
	for _, h := range res.Hits {
		for _, f := range req.Fields {
			if s, _ := h.Fields[f].(string); s == "" {
				t.Errorf("%s: stored field %s missing", h.ID, f)
			}
		}
	}
	checkFamilies(t, res.Hits)
	checkDocumentStoredOnce(t, res.Hits)
}

// checkFamilies checks that each stored passage has the family the
// fixture's prefixLineage gives it: that of the lowest id among the
// passages whose text starts alike.
func checkFamilies(t *testing.T, hits search.DocumentMatchCollection) {
	t.Helper()
	var passages []corpus.Passage
	first := map[string]string{}
	for _, h := range hits {
		var p corpus.Passage
		if err := json.Unmarshal([]byte(h.Fields[FieldPassage].(string)), &p); err != nil {
			t.Fatal(err)
		}
		k := strings.ToLower(p.Text[:min(24, len(p.Text))])
		if f, ok := first[k]; !ok || p.ID < f {
			first[k] = p.ID
		}
		passages = append(passages, p)
	}
	for _, p := range passages {
		if want := "fam-" + first[strings.ToLower(p.Text[:min(24, len(p.Text))])]; p.Family != want {
			t.Errorf("%s: family %q, want %q", p.ID, p.Family, want)
		}
	}
}

// checkDocumentStoredOnce checks that the first passage of each document
// (hits sorted by document and ordinal) stores the whole metadata and the
// others its summary.
func checkDocumentStoredOnce(t *testing.T, hits search.DocumentMatchCollection) {
	t.Helper()
	prev := ""
	for _, h := range hits {
		var p corpus.Passage
		if err := json.Unmarshal([]byte(h.Fields[FieldPassage].(string)), &p); err != nil {
			t.Fatal(err)
		}
		whole := strings.Contains(h.Fields[FieldDocument].(string), `"source":`)
		if first := p.DocID != prev; whole != first {
			t.Errorf("%s: whole document metadata stored %v, first passage %v", h.ID, whole, first)
		}
		prev = p.DocID
	}
}

// TestIncremental: an update touches only what changed, in the shard of
// each document, and holds what a full build holds (with one and with
// two shards).
func TestIncremental(t *testing.T) {
	for _, shards := range []int{1, 2} {
		t.Run(fmt.Sprintf("shards=%d", shards), func(t *testing.T) { testIncremental(t, shards) })
	}
}

func testIncremental(t *testing.T, shards int) {
	dir := copyTree(t, "testdata/corpus")
	opt := fixtureOptions(t, dir)
	opt.Shards = shards
	ctx := context.Background()
	first, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	// broken.txt fails every time (not cached), so move it out to see a quiet re-run.
	if err := os.Remove(filepath.Join(dir, "drafts", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	second, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	if second.NewGeneration || second.Extracted != 0 || second.Unchanged != first.FilesSeen-1 || second.Generation != first.Generation {
		t.Errorf("re-run without changes: new=%v extracted=%d unchanged=%d gen=%s, want no work on %s",
			second.NewGeneration, second.Extracted, second.Unchanged, second.Generation, first.Generation)
	}
	appendText(t, filepath.Join(dir, "positions", "ruritania.md"), "\n\nRuritania adds a paragraph about buoys.\n")
	os.Remove(filepath.Join(dir, "reports", "reissued", "harbour-report.txt"))
	third, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkReconciles(t, third)
	if third.Extracted != 1 || third.Changed != 1 || third.Removed != 1 || third.Passages != first.Passages+1 {
		t.Errorf("after one change and one removal: %+v", third)
	}
	gens, _ := generations(IndexDir(opt.Data))
	if len(gens) != 2 || gens[1] != 2 {
		t.Errorf("generations on disk = %v, want the live one and the previous one [1 2]", gens)
	}
	if third.Update != UpdateIncremental || third.Reindexed != 1 || third.Deleted != 3 {
		t.Errorf("update %s, reindexed %d, deleted %d; want an incremental update of 1 document replacing 3 passages",
			third.Update, third.Reindexed, third.Deleted)
	}
	// The updated copy holds exactly what a full build of the same corpus holds.
	full := fixtureOptions(t, dir)
	full.Shards = shards
	if r, err := Build(ctx, full); err != nil || r.Update != UpdateFull {
		t.Fatalf("full build: %v, %+v", err, r)
	}
	if a, b := storedPassages(t, opt.Data), storedPassages(t, full.Data); a != b {
		t.Errorf("incremental generation differs from a full build:\n%s\nvs\n%s", a, b)
	}
}

// TestManifestOfAnotherVersion: a generation whose manifest is of an
// older version (manifest-3.json.gz, one JSON object) is rebuilt in full
// on the next change, not updated from a manifest it cannot read.
func TestManifestOfAnotherVersion(t *testing.T) {
	testManifestRebuilt(t, func(live string) {
		if err := os.Rename(filepath.Join(live, manifestName), filepath.Join(live, "manifest-3.json.gz")); err != nil {
			t.Fatal(err)
		}
	})
}

// TestManifestWithBadFamilies: a manifest whose record has fewer families
// than passages is refused, and the next change rebuilds the generation in
// full instead of failing or updating from it.
func TestManifestWithBadFamilies(t *testing.T) {
	testManifestRebuilt(t, func(live string) {
		recs := manifestRecords(t, live)
		spoilt := false
		for i := range recs {
			if len(recs[i].Families) > 1 && !spoilt {
				recs[i].Families = recs[i].Families[1:]
				spoilt = true
			}
		}
		if !spoilt {
			t.Fatal("no record with two families to spoil")
		}
		f, err := os.Create(filepath.Join(live, manifestName))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w := newRecordWriter(f)
		for i := range recs {
			if err := w.write(&recs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.close(); err != nil {
			t.Fatal(err)
		}
		if err := checkManifest(live); err == nil || !strings.Contains(err.Error(), "families for") {
			t.Fatalf("checkManifest on a record short of families: %v", err)
		}
	})
}

// testManifestRebuilt builds the fixture corpus, lets spoil change the live
// generation's manifest, changes a file and checks that the next run
// rebuilds the generation in full.
func testManifestRebuilt(t *testing.T, spoil func(live string)) {
	dir := copyTree(t, "testdata/corpus")
	opt := fixtureOptions(t, dir)
	ctx := context.Background()
	if _, err := Build(ctx, opt); err != nil {
		t.Fatal(err)
	}
	live, err := CurrentGeneration(opt.Data)
	if err != nil {
		t.Fatal(err)
	}
	spoil(live)
	appendText(t, filepath.Join(dir, "positions", "ruritania.md"), "\n\nRuritania adds a paragraph about buoys.\n")
	r, err := Build(ctx, opt)
	if err != nil || r.Update != UpdateFull || !r.NewGeneration {
		t.Fatalf("after a change: %v, update %q, new generation %v; want a full build", err, r.Update, r.NewGeneration)
	}
	checkReconciles(t, r)
}

// storedPassages lists the live generation's passages as stored, sorted by id.
func storedPassages(t *testing.T, data string) string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1000, 0, false)
	req.Fields = []string{FieldPassage, FieldDocument}
	req.SortBy([]string{"_id"})
	res, err := openLive(t, data).Search(req)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, h := range res.Hits {
		fmt.Fprintf(&b, "%s %v %v\n", h.ID, h.Fields[FieldPassage], h.Fields[FieldDocument])
	}
	return b.String()
}

func appendText(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
