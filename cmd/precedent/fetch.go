package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/precedent/precedent/indexer"
)

func init() {
	register("fetch", "download the built-in catalog of core UN documents into --data", runFetch)
}

// fetchOptions are the flags of precedent fetch.
type fetchOptions struct {
	data    string
	langs   string
	baseURL string
	timeout time.Duration
}

func (o *fetchOptions) parse(args []string) error {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.StringVar(&o.data, "data", "data", "data folder; PDFs go to DATA/downloads/<lang>/")
	fs.StringVar(&o.langs, "lang", "en", "comma-separated UN languages: en,fr,es,ru,ar,zh")
	fs.StringVar(&o.baseURL, "base-url", indexer.DefaultFetchURL, "document server endpoint (s=symbol, l=language, t=pdf)")
	fs.DurationVar(&o.timeout, "timeout", 3*time.Minute, "time limit per document")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent fetch --data DIR [--lang en,fr,...] [--base-url URL]")
		fs.PrintDefaults()
	}
	return parseFlags(fs, args)
}

func (o *fetchOptions) fetchOptions() (indexer.FetchOptions, error) {
	opt := indexer.FetchOptions{BaseURL: o.baseURL, Timeout: o.timeout}
	for _, l := range strings.Split(o.langs, ",") {
		l = strings.TrimSpace(l)
		known := false
		for _, u := range indexer.Languages {
			known = known || u == l
		}
		if !known {
			return opt, fmt.Errorf("unknown language %q: use the UN languages %s", l, strings.Join(indexer.Languages, ","))
		}
		opt.Languages = append(opt.Languages, l)
	}
	return opt, nil
}

func runFetch(args []string) error {
	var o fetchOptions
	if err := o.parse(args); err != nil {
		return err
	}
	opt, err := o.fetchOptions()
	if err != nil {
		return err
	}
	opt.Progress = func(done, total int, symbol, lang string) {
		fmt.Fprintf(os.Stderr, "\r%d/%d %-20s", done, total, symbol+" "+lang)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := indexer.FetchCatalog(ctx, o.data, opt)
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return err
	}
	for _, f := range rep.Failed {
		fmt.Printf("  failed %s (%s): %s\n", f.Symbol, f.Language, f.Reason)
	}
	fmt.Printf("fetched %d, %d already there, %d failed into %s\nindex them with: precedent index --corpus %s --data %s\n",
		len(rep.Downloaded), rep.Present, len(rep.Failed), rep.Dir, rep.Dir, o.data)
	return nil
}
