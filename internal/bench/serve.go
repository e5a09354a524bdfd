package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/search"
)

// ServeResult is what serving an index costs: opening it cold, the query
// mix in-process and over HTTP, and memory.
type ServeResult struct {
	OpenMS       float64           `json:"open_ms"`        // search.Open on an index not opened before by this process
	FirstQueryMS float64           `json:"first_query_ms"` // the first query after Open
	InProcess    map[string]*Stats `json:"in_process"`
	HTTP         map[string]*Stats `json:"http"` // per class, plus "all" for the whole mix
	HTTPClients  int               `json:"http_clients"`
	RSS          int64             `json:"rss"`              // VmRSS after the mix, bytes
	PeakRSS      int64             `json:"peak_rss"`         // the serving process's maxrss, bytes
	Stolen       *float64          `json:"stolen,omitempty"` // see ScaleResult
}

// ClassAll is the HTTP row of the whole mix interleaved.
const ClassAll = "all"

// MeasureServe opens dataDir's index, times the first query, then runs the
// mix in-process (one query at a time) and through the api handler on a
// loopback listener with httpBudget.Clients concurrent clients. The index's
// answer cache is off: the mix repeats its queries, and a cached answer
// would measure the cache rather than the search.
func MeasureServe(ctx context.Context, dataDir string, mix []Query, inproc, httpBudget Budget) (*ServeResult, error) {
	t := time.Now()
	ix, err := search.OpenWith(dataDir, search.Options{NoAnswerCache: true})
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	res := &ServeResult{OpenMS: ms(time.Since(t)), HTTPClients: httpBudget.Clients}
	t = time.Now()
	if _, err := ix.Search(ctx, mix[0].Request()); err != nil {
		return nil, fmt.Errorf("first query: %w", err)
	}
	res.FirstQueryMS = ms(time.Since(t))
	res.InProcess = runMix(ctx, mix, inproc, func(ctx context.Context, q Query) error {
		return inProcess(ctx, ix, q)
	})
	if res.HTTP, err = measureHTTP(ctx, ix, mix, httpBudget); err != nil {
		return nil, err
	}
	res.RSS = procStatus("VmRSS")
	return res, nil
}

// inProcess runs one query through the search package.
func inProcess(ctx context.Context, ix *search.Index, q Query) error {
	var err error
	switch q.Class {
	case ClassLineagePassage:
		_, err = ix.Lineage(ctx, q.PassageID)
	case ClassLineageText:
		_, err = ix.LineageOfText(ctx, q.Pasted)
	default:
		_, err = ix.Search(ctx, q.Request())
	}
	return err
}

// measureHTTP serves the api over ix on 127.0.0.1 and runs the mix.
func measureHTTP(ctx context.Context, ix *search.Index, mix []Query, b Budget) (map[string]*Stats, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := api.New(ix, api.Options{Logger: quiet}).HTTPServer(ln.Addr().String())
	go srv.Serve(ln)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: b.Clients}, Timeout: 30 * time.Second}
	base := "http://" + ln.Addr().String()
	run := func(ctx context.Context, q Query) error { return overHTTP(ctx, client, base, q) }
	out := runMix(ctx, mix, b, run)
	out[ClassAll] = runClass(ctx, mix, b, run)
	return out, nil
}

// overHTTP sends one query to the api and reads the whole answer.
func overHTTP(ctx context.Context, c *http.Client, base string, q Query) error {
	var req *http.Request
	var err error
	switch q.Class {
	case ClassLineagePassage:
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/passages/"+url.PathEscape(q.PassageID)+"/lineage", nil)
	case ClassLineageText:
		body, _ := json.Marshal(map[string]string{"text": q.Pasted})
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/lineage", bytes.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
	default:
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/search?"+searchValues(q).Encode(), nil)
	}
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", req.URL.Path, resp.Status)
	}
	return nil
}

// searchValues is the /v1/search query string of q.
func searchValues(q Query) url.Values {
	v := url.Values{"size": {"20"}}
	if q.Q != "" {
		v.Set("q", q.Q)
	}
	for f, vals := range q.Filters {
		v[f] = vals
	}
	if q.From > 0 {
		v.Set("from", fmt.Sprint(q.From))
		v.Set("to", fmt.Sprint(q.To))
	}
	if len(q.Facets) > 0 {
		v.Set("facets", strings.Join(q.Facets, ","))
	}
	return v
}
