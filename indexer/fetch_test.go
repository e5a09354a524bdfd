package indexer

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precedent/precedent/corpus"
)

// fakeUN imitates the UN document system: /access?s=&l=&t=pdf redirects to
// /files/<symbol>.<lang>.pdf, which serves bytes with Range support.
type fakeUN struct {
	mu       sync.Mutex
	files    map[string][]byte // "A/70/174 en" -> content
	requests []string          // "GET path range"
}

func (f *fakeUN) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/access", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("t") != "pdf" {
			http.Error(w, "bad type", http.StatusBadRequest)
			return
		}
		http.Redirect(w, r, "/files/"+fileSlug(q.Get("s"))+"."+q.Get("l")+".pdf", http.StatusFound)
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r.URL.Path+" "+r.Header.Get("Range"))
		var body []byte
		for k, v := range f.files {
			sym, lang, _ := strings.Cut(k, " ")
			if r.URL.Path == "/files/"+fileSlug(sym)+"."+lang+".pdf" {
				body = v
			}
		}
		f.mu.Unlock()
		if body == nil {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, "x.pdf", time.Time{}, bytes.NewReader(body))
	})
	return mux
}

func fakePDF(n int) []byte {
	return append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("invented stream bytes "), n)...)
}

func TestFetchCatalog(t *testing.T) {
	un := &fakeUN{files: map[string][]byte{
		"A/70/174 en": fakePDF(100), "A/RES/73/27 en": fakePDF(3000), "A/RES/73/27 fr": fakePDF(50),
		"A/68/98 en": []byte("<html>not a pdf</html>"), "A/65/201 en": fakePDF(1 << 16),
	}}
	srv := httptest.NewServer(un.handler())
	defer srv.Close()
	catalog := []CatalogEntry{
		{Symbol: "A/70/174", Body: corpus.BodyGGE, Type: corpus.TypeConsensusReport, Date: "2015-07-22"},
		{Symbol: "A/RES/73/27", Body: corpus.BodyGA, Type: corpus.TypeResolution, Date: "2018"},
		{Symbol: "A/68/98"},
		{Symbol: "A/65/201"},
		{Symbol: "A/99/1"},
	}
	data := t.TempDir()
	opt := FetchOptions{BaseURL: srv.URL + "/access", Catalog: catalog, Languages: []string{"en", "fr"}, MaxBytes: 1 << 20}

	// A partial download of A/RES/73/27 from an earlier, interrupted run.
	enDir := filepath.Join(DownloadsDir(data), "en")
	os.MkdirAll(enDir, 0o755)
	whole := un.files["A/RES/73/27 en"]
	os.WriteFile(filepath.Join(enDir, "A_RES_73_27.pdf.part"), whole[:1000], 0o644)

	rep, err := FetchCatalog(context.Background(), data, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Downloaded) != 3 || rep.Present != 0 || len(rep.Failed) != 7 {
		t.Fatalf("report: %d downloaded, %d present, failed %+v; want 3, 0, 7", len(rep.Downloaded), rep.Present, rep.Failed)
	}
	got, _ := os.ReadFile(filepath.Join(enDir, "A_RES_73_27.pdf"))
	if !bytes.Equal(got, whole) {
		t.Errorf("resumed file differs from the served one (%d vs %d bytes)", len(got), len(whole))
	}
	if !strings.Contains(strings.Join(un.requests, "\n"), "A_RES_73_27.en.pdf bytes=1000-") {
		t.Errorf("no Range request for the partial file: %v", un.requests)
	}
	reasons := map[string]string{}
	for _, f := range rep.Failed {
		reasons[f.Symbol+" "+f.Language] = f.Reason
	}
	for key, want := range map[string]string{"A/68/98 en": "not send a PDF", "A/65/201 en": "limit", "A/99/1 en": "404"} {
		if !strings.Contains(reasons[key], want) {
			t.Errorf("%s: reason %q, want it to mention %q", key, reasons[key], want)
		}
	}
	meta, err := os.ReadFile(filepath.Join(enDir, "A_70_174.meta.json"))
	if err != nil || !strings.Contains(string(meta), `"doc_type": "consensus_report"`) || !strings.Contains(string(meta), `"language": "en"`) {
		t.Errorf("sidecar: %v %s", err, meta)
	}

	un.requests = nil
	again, err := FetchCatalog(context.Background(), data, opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.Present != 3 || len(again.Downloaded) != 0 {
		t.Errorf("second run: present %d downloaded %d, want 3 and 0", again.Present, len(again.Downloaded))
	}
	for _, r := range un.requests {
		if strings.Contains(r, "A_70_174.en") {
			t.Errorf("second run fetched a present file again: %s", r)
		}
	}
}

func TestFetchOffline(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now: connections are refused
	start := time.Now()
	_, err = FetchCatalog(context.Background(), t.TempDir(), FetchOptions{BaseURL: "http://" + addr + "/access"})
	if !errors.Is(err, ErrOffline) {
		t.Fatalf("err = %v, want ErrOffline", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v to notice the network is unreachable", d)
	}
}

func TestCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Catalog {
		if seen[e.Symbol] || e.Body == "" || e.Type == "" || len(e.Date) < 4 {
			t.Errorf("catalog entry %+v: duplicate or incomplete", e)
		}
		seen[e.Symbol] = true
	}
	for _, s := range []string{"A/70/174", "A/76/136", "A/75/816", "A/RES/53/70", "A/RES/73/266", "A/RES/79/237"} {
		if !seen[s] {
			t.Errorf("catalog lacks %s", s)
		}
	}
}
