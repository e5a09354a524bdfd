package api_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/search"
)

var (
	loadClients  = flag.Int("load.clients", 20, "concurrent clients of TestLoad")
	loadRequests = flag.Int("load.requests", 50, "requests per client of TestLoad")
	loadMax      = flag.Duration("load.max", 20*time.Second, "time limit of TestLoad")
	loadCorpus   = flag.String("load.corpus", "", "corpus to index for TestLoad instead of testdata/corpus (e.g. ../../shared/corpus)")
	loadData     = flag.String("load.data", "", "data folder reused between TestLoad runs (keeps the extraction cache)")
)

// loadQueries is the mixed query set: plain words, phrases, filters, five
// facets, documents, paging, sorting, exports, lookups.
var loadQueries = []string{
	"/v1/search?q=sovereignty",
	"/v1/search?q=%22critical+infrastructure%22",
	"/v1/search?q=lighthouse+doctrine",
	"/v1/search?q=%22lighthouse+doctrine%22&facets=state,topic,principle,body,year",
	"/v1/search?q=international+law&facets=state,topic,principle,body,type&state=FRA&state=NLD",
	"/v1/search?q=cooperat*&sort=-date&size=50",
	"/v1/search?q=capacity+building&unit=document",
	"/v1/search?facets=body,type,year&size=1",
	"/v1/search?q=beacons+OR+registry&highlight=true",
	"/v1/search?q=norms+-attack&from=2015&to=2035",
	"/v1/documents?size=10",
	"/v1/facets/state",
	"/v1/taxonomy",
	"/v1/export?q=sovereignty&format=csv&limit=50",
	"/readyz",
}

// TestLoad runs many clients over the mixed query set on loopback, while a
// re-index switches generations, and reports count, errors and latencies.
// Every answer must be 2xx: no request may fail because of the switch.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	corpusDir := "testdata/corpus"
	if *loadCorpus != "" {
		corpusDir = *loadCorpus
	}
	data := *loadData
	if data == "" {
		data = t.TempDir()
	}
	lib := api.Library{Dir: filepath.Join(data, "library")}
	if err := lib.Mirror(corpusDir); err != nil {
		t.Fatal(err)
	}
	buildIndex(t, lib.Dir, data) // nothing to do when -load.data was indexed before
	marker := filepath.Join(lib.Dir, api.UploadsFolder, "marker.txt")
	_, err := os.Stat(marker)
	adding := err != nil // each run adds the marker, or removes it when a previous run left it
	ix, err := search.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ts := httptest.NewServer(api.New(ix, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer ts.Close()

	before := ix.Generation()
	switched := make(chan time.Duration, 1)
	var reindexed atomic.Bool
	ctx, cancel := context.WithTimeout(context.Background(), *loadMax)
	defer cancel()
	go func() {
		d := reindexWithMarker(t, lib, data, marker, adding)
		time.Sleep(1500 * time.Millisecond) // the server polls CURRENT about once a second
		reindexed.Store(true)
		switched <- d
	}()
	// Clients go on past their share until the re-index is done, so the
	// switch happens under load.
	lat, errs := hammer(ctx, ts.URL, *loadClients, *loadRequests, &reindexed)
	took := <-switched
	after := ix.Generation() // only requests make the server switch
	// A search after the switch sees the new generation.
	var res search.Response
	if getJSON(t, ts.URL+"/v1/search?q=%22load+test+marker%22", &res); (res.Total == 1) != adding {
		t.Errorf("after the switch the marker document is found %d times (added: %v)", res.Total, adding)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	t.Logf("load: %d clients, %d requests, %d errors, p50 %v, p99 %v, max %v; re-index took %v, generation %s -> %s",
		*loadClients, len(lat), errs.Load(), pct(.5), pct(.99), lat[len(lat)-1], took.Round(time.Millisecond),
		filepath.Base(before), filepath.Base(after))
	if errs.Load() != 0 {
		t.Errorf("%d requests failed", errs.Load())
	}
	if after == before {
		t.Errorf("no generation switch happened during the load")
	}
}

// reindexWithMarker adds (or removes) a document of the library and
// re-indexes it into a new generation, returning how long that took.
func reindexWithMarker(t *testing.T, lib api.Library, data, marker string, add bool) time.Duration {
	time.Sleep(200 * time.Millisecond) // let the load start first
	start := time.Now()
	if add {
		os.MkdirAll(filepath.Dir(marker), 0o755)
		os.WriteFile(marker, []byte("1. An invented load test marker paragraph.\n"), 0o644)
	} else {
		os.Remove(marker)
	}
	opt := indexer.CorpusOptions(lib.Dir, data, nil)
	opt.Version = "api-test"
	if _, err := indexer.Build(context.Background(), opt); err != nil {
		t.Errorf("re-index during load: %v", err)
	}
	return time.Since(start)
}

// hammer sends requests from clients until each has sent n and done is
// set, or ctx ends.
func hammer(ctx context.Context, base string, clients, n int, done *atomic.Bool) ([]time.Duration, *atomic.Int64) {
	var mu sync.Mutex
	var lat []time.Duration
	errs := &atomic.Int64{}
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]time.Duration, 0, n)
			for i := 0; (i < n || !done.Load()) && ctx.Err() == nil; i++ {
				target := loadQueries[(c*7+i)%len(loadQueries)]
				start := time.Now()
				if err := fetch(base + target); err != nil {
					errs.Add(1)
					fmt.Fprintln(os.Stderr, "load:", err)
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return lat, errs
}

func fetch(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s: %d %s", url, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	return nil
}
