package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/precedent/precedent/api"
	"github.com/precedent/precedent/api/web"
	"github.com/precedent/precedent/indexer"
	"github.com/precedent/precedent/search"
)

func init() {
	register("serve", "serve the web page and the JSON API over an index (indexing --corpus first)", runServe)
}

// serveOptions are the flags of precedent serve.
type serveOptions struct {
	data           string
	addr           string
	corpus         string
	adminTokenFile string
	maxUpload      int64
	shutdown       time.Duration
}

func (o *serveOptions) parse(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&o.data, "data", "data", "data folder holding the index generations")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&o.corpus, "corpus", "", "corpus folder to index before serving (e.g. ../shared/corpus)")
	fs.StringVar(&o.adminTokenFile, "admin-token-file", "", "file holding the bearer token of /v1/admin (or set PRECEDENT_ADMIN_TOKEN); no token, no write path")
	fs.Int64Var(&o.maxUpload, "max-upload", api.DefaultMaxUpload, "bytes of one uploaded file")
	fs.DurationVar(&o.shutdown, "shutdown-timeout", 30*time.Second, "how long in-flight requests may finish on SIGINT/SIGTERM")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent serve --data DIR [--addr 127.0.0.1:8080] [--corpus DIR] [--admin-token-file F]")
		fs.PrintDefaults()
	}
	return parseFlags(fs, args)
}

// adminToken reads the token from the file, else from the environment.
func (o *serveOptions) adminToken() (string, error) {
	if o.adminTokenFile == "" {
		return strings.TrimSpace(os.Getenv("PRECEDENT_ADMIN_TOKEN")), nil
	}
	b, err := os.ReadFile(o.adminTokenFile)
	if err != nil {
		return "", err
	}
	token := strings.TrimSpace(string(b))
	if len(token) < 16 {
		return "", fmt.Errorf("the admin token in %s is shorter than 16 characters", o.adminTokenFile)
	}
	return token, nil
}

func runServe(args []string) error {
	var o serveOptions
	if err := o.parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	token, err := o.adminToken()
	if err != nil {
		return err
	}
	root, err := prepareCorpus(ctx, log, &o, token != "")
	if err != nil {
		return err
	}
	if root == "" {
		if root, err = fetchWhenEmpty(ctx, log, o.data); err != nil {
			return err
		}
	}
	ix, err := search.Open(o.data)
	if err != nil {
		return err
	}
	defer ix.Close()
	opt := api.Options{Logger: log, Web: web.Handler()}
	if token != "" {
		opt.Admin = adminPath(log, &o, token, root)
	}
	return listenAndServe(ctx, log, api.New(ix, opt).HTTPServer(o.addr), o.shutdown)
}

// prepareCorpus indexes the corpus to serve, if there is one, and returns
// the folder indexed. With the write path on, that is the library (a mirror
// of --corpus plus the uploads), so re-indexes after uploads see both.
func prepareCorpus(ctx context.Context, log *slog.Logger, o *serveOptions, admin bool) (string, error) {
	root := o.corpus
	lib := api.Library{Dir: filepath.Join(o.data, "library")}
	if admin {
		if o.corpus != "" {
			if err := lib.Mirror(o.corpus); err != nil {
				return "", fmt.Errorf("mirroring the corpus into %s: %w", lib.Dir, err)
			}
		}
		if _, err := os.Stat(lib.Dir); err != nil {
			return "", errors.New("the admin write path needs --corpus DIR once, to build the library it re-indexes")
		}
		root = lib.Dir
	}
	if root == "" {
		return "", nil
	}
	log.Info("indexing", "corpus", root, "data", o.data)
	r, err := indexCorpus(ctx, root, o.data, nil)
	if err != nil {
		return "", fmt.Errorf("indexing %s: %w", root, err)
	}
	log.Info("index ready", "generation", r.Generation, "new", r.NewGeneration, "files", r.FilesSeen,
		"passages", r.Passages, "skipped", len(r.Skipped), "ms", r.Timings.TotalMS)
	return root, nil
}

// fetchWhenEmpty downloads the UN catalog and indexes it when the data
// folder has no index and no corpus was given; it returns the folder indexed.
func fetchWhenEmpty(ctx context.Context, log *slog.Logger, data string) (string, error) {
	if _, err := indexer.CurrentGeneration(data); !errors.Is(err, indexer.ErrNoIndex) {
		return "", nil
	}
	log.Info("no index yet: fetching the core UN documents", "data", data)
	rep, err := indexer.FetchCatalog(ctx, data, indexer.FetchOptions{})
	if errors.Is(err, indexer.ErrOffline) {
		return "", fmt.Errorf("no index in %s and the UN document service is unreachable: pass --corpus DIR (e.g. --corpus ../shared/corpus)", data)
	}
	if err != nil {
		return "", err
	}
	log.Info("fetched", "downloaded", len(rep.Downloaded), "present", rep.Present, "failed", len(rep.Failed))
	if _, err := indexCorpus(ctx, rep.Dir, data, nil); err != nil {
		return "", fmt.Errorf("indexing %s: %w", rep.Dir, err)
	}
	return rep.Dir, nil
}

// adminPath wires the write path: uploads in the library, each write
// followed by a re-index of the library into the next generation.
func adminPath(log *slog.Logger, o *serveOptions, token, root string) *api.Admin {
	lib := api.Library{Dir: root}
	return &api.Admin{Token: token, Store: lib.Uploads(), MaxUpload: o.maxUpload,
		Reindex: func(ctx context.Context) error {
			r, err := indexCorpus(ctx, root, o.data, nil)
			if err == nil {
				log.Info("re-indexed", "generation", r.Generation, "passages", r.Passages, "skipped", len(r.Skipped))
			}
			return err
		}}
}

// listenAndServe serves until ctx ends, then lets in-flight requests finish.
func listenAndServe(ctx context.Context, log *slog.Logger, hs *http.Server, grace time.Duration) error {
	ln, err := net.Listen("tcp", hs.Addr)
	if err != nil {
		return err
	}
	log.Info("serving", "url", "http://"+ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", "grace", grace)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("stopped")
	return nil
}
