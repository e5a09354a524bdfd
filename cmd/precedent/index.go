package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/precedent/precedent/corpus/pdftext"
	"github.com/precedent/precedent/indexer"
)

func init() {
	register("index", "index a corpus folder into a new index generation under --data", runIndex)
}

// indexOptions are the flags of precedent index.
type indexOptions struct {
	corpus    string
	data      string
	workers   int
	batchSize int
	shards    int
	quiet     bool
}

func (o *indexOptions) parse(args []string) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.StringVar(&o.corpus, "corpus", "", "corpus folder to index (walked recursively)")
	fs.StringVar(&o.data, "data", "data", "data folder: index generations, cache, report.json")
	fs.IntVar(&o.workers, "workers", 2, "files extracted at once")
	fs.IntVar(&o.batchSize, "batch", indexer.DefaultBatchSize, "passages per index batch")
	fs.IntVar(&o.shards, "shards", 0, "shards of a rebuilt index (0: by size and CPUs)")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress bar and no summary")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent index --corpus DIR [--data DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.corpus == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("index needs --corpus DIR and no other arguments")
	}
	return nil
}

func runIndex(args []string) error {
	var o indexOptions
	if err := o.parse(args); err != nil {
		return err
	}
	indexingMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r, err := indexCorpus(ctx, o.corpus, o.data, func(opt *indexer.Options) {
		opt.Workers, opt.BatchSize, opt.Shards = o.workers, o.batchSize, o.shards
		if !o.quiet && term.IsTerminal(int(os.Stderr.Fd())) {
			opt.Progress = progressBars(os.Stderr)
		}
	})
	if err != nil {
		return err
	}
	if !o.quiet {
		printIndexSummary(os.Stdout, r, o.data)
	}
	return nil
}

// indexingMemory tunes the garbage collector for an indexing run, which
// makes much short-lived garbage: collections half as often as Go's default
// (GOGC 200: 15% less CPU at 10x), under a soft limit of 256 MiB a CPU (at
// most four), as the indexer analyses one batch a CPU at once: its live heap
// is level whatever the corpus, and the limit makes the runtime return the
// pages it freed instead of holding them. GOGC and GOMEMLIMIT set in the
// environment win.
func indexingMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(min(runtime.NumCPU(), 4)) << 28)
	}
}

// indexCorpus runs the indexer over corpusDir with PDF extraction in child
// processes of this binary; adjust may change the options. serve uses it too.
func indexCorpus(ctx context.Context, corpusDir, dataDir string, adjust func(*indexer.Options)) (*indexer.Report, error) {
	opt := indexer.CorpusOptions(corpusDir, dataDir, isolatedPDF(ctx))
	if adjust != nil {
		adjust(&opt)
	}
	return indexer.Build(ctx, opt)
}

// progressBars returns an Options.Progress that draws one bar per phase.
func progressBars(w io.Writer) func(phase string, done, total int) {
	var bar *progressbar.ProgressBar
	current := ""
	return func(phase string, done, total int) {
		if phase != current {
			if bar != nil {
				bar.Finish()
				fmt.Fprintln(w)
			}
			current = phase
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(w),
				progressbar.OptionSetDescription(fmt.Sprintf("%-8s", phase)),
				progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true),
				progressbar.OptionThrottle(100*time.Millisecond))
		}
		bar.Set(done)
		if done == total {
			bar.Finish()
			fmt.Fprintln(w)
			bar, current = nil, ""
		}
	}
}

func printIndexSummary(w io.Writer, r *indexer.Report, dataDir string) {
	what := "built " + r.Generation
	if !r.NewGeneration {
		what = "nothing changed, " + r.Generation + " stays live"
	}
	fmt.Fprintf(w, "%s: %d files, %d indexed (%d passages), %d skipped, %d duplicates in %.1fs\n",
		what, r.FilesSeen, r.Indexed, r.Passages, len(r.Skipped), len(r.Duplicates), float64(r.Timings.TotalMS)/1000)
	fmt.Fprintf(w, "files: %d unchanged, %d changed, %d added, %d removed; %d extracted, the rest from cache\n",
		r.Unchanged, r.Changed, r.Added, r.Removed, r.Extracted)
	failures := 0
	for _, s := range r.Skipped {
		label := "skipped"
		if s.Error {
			label, failures = "FAILED ", failures+1
		}
		fmt.Fprintf(w, "  %s %s: %s\n", label, s.Path, s.Reason)
	}
	for _, d := range r.Duplicates {
		fmt.Fprintf(w, "  duplicate %s: %s as %s\n", d.Path, d.Why, d.DuplicateOf)
	}
	if failures > 0 {
		fmt.Fprintf(w, "%d files failed unexpectedly; they are retried on the next run\n", failures)
	}
	fmt.Fprintf(w, "report: %s\n", filepath.Join(dataDir, indexer.ReportName))
}

// pdfTimeout bounds one PDF's extraction; generous because the machine
// may be busy, and a file that times out is remembered as skipped.
const pdfTimeout = 90 * time.Second

// isolatedPDF returns the PDF extractor of index runs: each PDF in a child
// process of this binary ('precedent pdf-worker') with time and memory
// limits, so a hostile file costs only itself.
func isolatedPDF(ctx context.Context) func(path string) (*pdftext.Document, error) {
	iso := pdftext.Isolated{Args: []string{"pdf-worker"}, Timeout: pdfTimeout}
	return func(path string) (*pdftext.Document, error) { return iso.ExtractFile(ctx, path) }
}
