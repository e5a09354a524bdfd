package api_test

import (
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/internal/testcorpus"
	"github.com/precedent/precedent/search"
)

// sharedSubset is the part of the shared corpus indexed by the end-to-end
// test: the national positions and four yearly ICT resolutions.
var sharedSubset = []string{"positions-excerpts", "ga/A_RES_73_27.json", "ga/A_RES_74_28.json",
	"ga/A_RES_75_32.json", "ga/A_RES_76_19.json", "ga/MANIFEST.json"}

func sharedServer(t *testing.T) *httptest.Server {
	src := testcorpus.Corpus(t)
	subset := t.TempDir()
	for _, p := range sharedSubset {
		from, to := filepath.Join(src, p), filepath.Join(subset, p)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(to, os.DirFS(from)); err != nil {
			if b, rerr := os.ReadFile(from); rerr == nil {
				err = os.WriteFile(to, b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	data := t.TempDir()
	buildIndex(t, subset, data)
	ix, err := search.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	ts := httptest.NewServer(api.New(ix, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	t.Cleanup(ts.Close)
	return ts
}

// TestEndToEndSharedCorpus runs the API over real documents: filters,
// facet arithmetic, lineage across the yearly resolutions, compare, export.
func TestEndToEndSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes part of the shared corpus")
	}
	ts := sharedServer(t)
	var res search.Response
	getJSON(t, ts.URL+"/v1/search?q=sovereignty&state=FRA&size=20", &res)
	if res.Total == 0 {
		t.Fatal("no French passage on sovereignty")
	}
	for _, h := range res.Hits {
		if !slices.Contains(h.Document.States, "FRA") {
			t.Errorf("hit %s of %v under state=FRA", h.ID, h.Document.States)
		}
	}
	getJSON(t, ts.URL+"/v1/search?q=international+law&facets=body,type&size=1", &res)
	for _, f := range res.Facets {
		sum := f.Missing + f.Other
		for _, term := range f.Terms {
			sum += term.Count
		}
		if uint64(sum) != res.Total {
			t.Errorf("facet %s adds up to %d, total is %d", f.Field, sum, res.Total)
		}
	}
	t.Run("lineage across yearly resolutions", func(t *testing.T) { sharedLineage(t, ts.URL) })
	var cmp search.Comparison
	if code := getJSON(t, ts.URL+"/v1/compare?principle=sovereignty&state=FRA&state=NLD", &cmp); code != 200 || len(cmp.States) != 2 {
		t.Errorf("compare: %d %+v", code, cmp)
	}
	resp, err := http.Get(ts.URL + "/v1/export?q=sovereignty&format=csv&limit=20")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(resp.Body).ReadAll()
	resp.Body.Close()
	if err != nil || len(rows) != 21 {
		t.Errorf("export: %v, %d rows", err, len(rows))
	}
}

// sharedLineage finds a paragraph of A/RES/76/19 whose family spans
// several resolutions, and checks the family is in date order with diffs.
func sharedLineage(t *testing.T, base string) {
	var res search.Response
	getJSON(t, base+"/v1/search?symbol=A/RES/76/19&sort=date&size=40", &res)
	for _, h := range res.Hits {
		var l search.Lineage
		if getJSON(t, base+"/v1/passages/"+h.ID+"/lineage", &l) != 200 || len(l.Members) < 3 {
			continue
		}
		for i := 1; i < len(l.Members); i++ {
			if l.Members[i].Document.Date < l.Members[i-1].Document.Date {
				t.Errorf("family %s out of date order at member %d", l.Family, i)
			}
		}
		var pasted search.Lineage
		body := `{"text":` + quoteJSON(h.Passage.Text) + `}`
		resp, err := http.Post(base+"/v1/lineage", "application/json", stringsReader(body))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("POST /v1/lineage: %v %v", err, resp.Status)
		}
		decode(t, resp, &pasted)
		if len(pasted.Members) < len(l.Members) {
			t.Errorf("pasted text finds %d members, the passage's family has %d", len(pasted.Members), len(l.Members))
		}
		return
	}
	t.Error("no paragraph of A/RES/76/19 has a family of 3 or more across the yearly resolutions")
}
