package indexer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/precedent/precedent/corpus/load"
)

// DefaultFetchURL is the UN document system's download endpoint; it takes
// s=<symbol>, l=<language>, t=pdf and redirects to the PDF.
const DefaultFetchURL = "https://documents.un.org/api/symbol/access"

// ErrOffline is returned (wrapped) by FetchCatalog when the document
// server cannot be reached at all (no route, DNS failure, refused, dial
// timeout), as opposed to failures of single documents.
var ErrOffline = errors.New("network unreachable")

// FetchOptions configure FetchCatalog. Zero values take the defaults.
type FetchOptions struct {
	Languages   []string       // UN languages to fetch; default en
	BaseURL     string         // default DefaultFetchURL
	Catalog     []CatalogEntry // default Catalog
	DialTimeout time.Duration  // default 5s: how fast "offline" is known
	Timeout     time.Duration  // per document, default 3 minutes
	MaxBytes    int64          // per document, default 100 MB
	Client      *http.Client   // default: one with the timeouts above
	// Progress, when set, is called after each document.
	Progress func(done, total int, symbol, lang string)
}

// FetchReport is what FetchCatalog did.
type FetchReport struct {
	Dir        string         `json:"dir"`        // the downloads folder, a corpus for Build
	Downloaded []FetchedFile  `json:"downloaded"` // fetched in this run
	Present    int            `json:"present"`    // already there, skipped
	Failed     []FetchFailure `json:"failed"`
}

// FetchedFile is one downloaded PDF.
type FetchedFile struct {
	Symbol   string `json:"symbol"`
	Language string `json:"language"`
	Path     string `json:"path"`
	Bytes    int64  `json:"bytes"`
	Resumed  bool   `json:"resumed,omitempty"` // continued a partial download
}

// FetchFailure is a document that could not be downloaded.
type FetchFailure struct {
	Symbol   string `json:"symbol"`
	Language string `json:"language"`
	Reason   string `json:"reason"`
}

// DownloadsDir is where FetchCatalog puts the PDFs of a data directory:
// DOWNLOADS/<lang>/<symbol with / as _>.pdf beside a .meta.json sidecar.
func DownloadsDir(dataDir string) string { return filepath.Join(dataDir, "downloads") }

func (o *FetchOptions) defaults() {
	if len(o.Languages) == 0 {
		o.Languages = []string{"en"}
	}
	if o.BaseURL == "" {
		o.BaseURL = DefaultFetchURL
	}
	if o.Catalog == nil {
		o.Catalog = Catalog
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = 5 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 3 * time.Minute
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 100 << 20
	}
	if o.Client == nil {
		o.Client = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: o.DialTimeout}).DialContext,
			TLSHandshakeTimeout:   o.DialTimeout,
			ResponseHeaderTimeout: 60 * time.Second,
		}}
	}
}

// FetchCatalog downloads the catalog's documents in each language into
// DownloadsDir(dataDir), skipping what is there and resuming partial
// downloads (HTTP Range on the .part file). A document that fails is
// reported and the others go on; if the server cannot be reached at all it
// stops at once with an error wrapping ErrOffline.
func FetchCatalog(ctx context.Context, dataDir string, opt FetchOptions) (*FetchReport, error) {
	opt.defaults()
	rep := &FetchReport{Dir: DownloadsDir(dataDir), Downloaded: []FetchedFile{}, Failed: []FetchFailure{}}
	total, done := len(opt.Catalog)*len(opt.Languages), 0
	for _, lang := range opt.Languages {
		dir := filepath.Join(rep.Dir, lang)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return rep, err
		}
		for _, e := range opt.Catalog {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			f, err := fetchDocument(ctx, &opt, dir, e, lang)
			switch {
			case isOffline(err):
				return rep, fmt.Errorf("%w: %s: %v", ErrOffline, opt.BaseURL, err)
			case err != nil:
				rep.Failed = append(rep.Failed, FetchFailure{Symbol: e.Symbol, Language: lang, Reason: err.Error()})
			case f == nil:
				rep.Present++
			default:
				rep.Downloaded = append(rep.Downloaded, *f)
			}
			done++
			if opt.Progress != nil {
				opt.Progress(done, total, e.Symbol, lang)
			}
		}
	}
	return rep, nil
}

// isOffline tells a failure to reach the server at all.
func isOffline(err error) bool {
	var opErr *net.OpError
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) || (errors.As(err, &opErr) && opErr.Op == "dial")
}

// fileSlug turns a symbol into a file name: "A/RES/73/27" -> "A_RES_73_27".
func fileSlug(symbol string) string {
	return strings.NewReplacer("/", "_", "\\", "_", " ", "_", ":", "_").Replace(symbol)
}

// fetchDocument downloads one document unless present; nil means present.
func fetchDocument(ctx context.Context, opt *FetchOptions, dir string, e CatalogEntry, lang string) (*FetchedFile, error) {
	final := filepath.Join(dir, fileSlug(e.Symbol)+".pdf")
	side := filepath.Join(dir, fileSlug(e.Symbol)+".meta.json")
	if _, err := os.Stat(final); err == nil {
		return nil, writeSidecar(side, e, lang, opt.BaseURL)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	src := opt.BaseURL + "?" + url.Values{"s": {e.Symbol}, "l": {lang}, "t": {"pdf"}}.Encode()
	n, resumed, err := download(ctx, opt, src, final+".part")
	if err != nil {
		return nil, err
	}
	if err := os.Rename(final+".part", final); err != nil {
		return nil, err
	}
	if err := writeSidecar(side, e, lang, opt.BaseURL); err != nil {
		return nil, err
	}
	return &FetchedFile{Symbol: e.Symbol, Language: lang, Path: final, Bytes: n, Resumed: resumed}, nil
}

// download writes src into part, continuing what part holds, and checks
// that the result is a PDF within the size limit.
func download(ctx context.Context, opt *FetchOptions, src, part string) (n int64, resumed bool, err error) {
	f, err := os.OpenFile(part, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return 0, false, err
	}
	defer f.Close()
	have, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return 0, false, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return 0, false, err
	}
	if have > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", have))
	}
	resp, err := opt.Client.Do(req)
	if err != nil {
		return 0, false, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusPartialContent && have > 0:
		resumed = true
	case resp.StatusCode == http.StatusOK:
		have = 0 // the server sends the whole file: start over
		if err := f.Truncate(0); err != nil {
			return 0, false, err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return 0, false, err
		}
	default:
		if resp.StatusCode == http.StatusRequestedRangeNotSatisfiable {
			os.Remove(part) // stale partial file: the next run starts over
		}
		return 0, false, fmt.Errorf("HTTP %s", resp.Status)
	}
	got, err := io.Copy(f, io.LimitReader(resp.Body, opt.MaxBytes-have+1))
	if err != nil {
		return 0, false, fmt.Errorf("download interrupted after %d bytes (resumable): %w", have+got, err)
	}
	if have+got > opt.MaxBytes {
		os.Remove(part)
		return 0, false, fmt.Errorf("larger than the %d-byte limit", opt.MaxBytes)
	}
	if err := checkPDF(f); err != nil {
		os.Remove(part)
		return 0, false, err
	}
	return have + got, resumed, f.Sync()
}

func checkPDF(f *os.File) error {
	head := make([]byte, 5)
	if _, err := f.ReadAt(head, 0); err != nil || !bytes.Equal(head, []byte("%PDF-")) {
		return errors.New("the server did not send a PDF (no such document in this language?)")
	}
	return nil
}

// writeSidecar writes the document's metadata beside it, unless present.
func writeSidecar(path string, e CatalogEntry, lang, base string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	b, err := json.MarshalIndent(load.Meta{
		Symbol: e.Symbol, Title: e.Title, Body: e.Body, DocType: e.Type, Date: e.Date, Language: lang,
		Source: base + "?" + url.Values{"s": {e.Symbol}, "l": {lang}, "t": {"pdf"}}.Encode(),
	}, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'))
}
