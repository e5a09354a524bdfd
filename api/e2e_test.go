package api_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/search"
)

// buildIndex indexes a corpus folder into data with the real pipeline.
func buildIndex(t testing.TB, corpusDir, data string) {
	t.Helper()
	opt := indexer.CorpusOptions(corpusDir, data, nil)
	opt.Version = "api-test"
	if _, err := indexer.Build(context.Background(), opt); err != nil {
		t.Fatalf("indexing %s: %v", corpusDir, err)
	}
}

// fixtureServer indexes testdata/corpus (mirrored into a library, as serve
// does with the write path on) and serves it on loopback.
func fixtureServer(t testing.TB, token string) (*httptest.Server, api.Library, string) {
	t.Helper()
	data := t.TempDir()
	lib := api.Library{Dir: filepath.Join(data, "library")}
	if err := lib.Mirror("testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	buildIndex(t, lib.Dir, data)
	ix, err := search.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	opt := api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if token != "" {
		opt.Admin = &api.Admin{Token: token, Store: lib.Uploads(), Reindex: func(ctx context.Context) error {
			opt := indexer.CorpusOptions(lib.Dir, data, nil)
			opt.Version = "api-test"
			_, err := indexer.Build(ctx, opt)
			return err
		}}
	}
	ts := httptest.NewServer(api.New(ix, opt))
	t.Cleanup(ts.Close)
	return ts, lib, data
}

func getJSON(t testing.TB, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil && resp.StatusCode == 200 {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode
}

func TestEndToEndOverFixtureIndex(t *testing.T) {
	ts, _, _ := fixtureServer(t, "")
	var res search.Response
	if code := getJSON(t, ts.URL+`/v1/search?q="lighthouse+doctrine+applies"&facets=state&highlight=true`, &res); code != 200 {
		t.Fatalf("search: %d", code)
	}
	if res.Total != 2 || len(res.Facets) != 1 || !strings.Contains(res.Hits[0].Snippet, "<mark>") {
		t.Fatalf("phrase search: total %d, facets %v, first snippet %q", res.Total, res.Facets, res.Hits[0].Snippet)
	}
	if code := getJSON(t, ts.URL+`/v1/search?q="lighthouse+doctrine+applies"&state=NLD`, &res); code != 200 || res.Total != 1 ||
		res.Hits[0].Document.States[0] != "NLD" {
		t.Fatalf("state filter: %d, %+v", code, res)
	}
	var view search.PassageView
	if code := getJSON(t, ts.URL+"/v1/passages/"+res.Hits[0].ID, &view); code != 200 || view.Next == "" {
		t.Errorf("passage %s: %d, next %q", res.Hits[0].ID, code, view.Next)
	}
	if code := getJSON(t, ts.URL+"/v1/documents/"+res.Hits[0].Document.ID, nil); code != 200 {
		t.Errorf("document: %d", code)
	}
	resp, err := http.Get(ts.URL + "/v1/export?q=beacons&format=csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(resp.Body).ReadAll()
	resp.Body.Close()
	if err != nil || len(rows) != 3 || rows[0][0] != "citation" {
		t.Errorf("export: %v rows %q", err, rows)
	}
}

// TestAdminUploadIsSearchable uploads a text through the API, waits for the
// re-index to switch generations, finds it, deletes it, and no longer finds it.
func TestAdminUploadIsSearchable(t *testing.T) {
	const token = "an-invented-admin-token"
	ts, _, _ := fixtureServer(t, token)
	form := strings.NewReader("--B\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" +
		`{"title":"Ruritania: note on tide tables","states":["DEU"],"date":"2033","type":"national_position","body":"national"}` +
		"\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n\r\n" +
		"1. Ruritania asks that every tide table be shared with the coastal registry.\n\r\n--B--\r\n")
	req, _ := http.NewRequest("POST", ts.URL+"/v1/admin/documents", form)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=B")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var accepted struct{ ID string }
	json.NewDecoder(resp.Body).Decode(&accepted)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted || accepted.ID == "" {
		t.Fatalf("upload: %d", resp.StatusCode)
	}
	waitTotal(t, ts.URL+"/v1/search?q=%22tide+table%22", 1)
	req, _ = http.NewRequest("DELETE", ts.URL+"/v1/admin/documents/"+accepted.ID, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("delete %s: %v %v", accepted.ID, err, resp.Status)
	}
	waitTotal(t, ts.URL+"/v1/search?q=%22tide+table%22", 0)
}

func waitTotal(t *testing.T, url string, want uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var res search.Response
		if getJSON(t, url, &res) == 200 && res.Total == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: total %d after 30s, want %d", url, res.Total, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

func decode(t testing.TB, resp *http.Response, v any) {
	t.Helper()
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}
