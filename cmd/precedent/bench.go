package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/precedent/precedent/internal/bench"
)

func init() {
	register("bench", "index scaled copies of a corpus, run a query mix in-process, over HTTP and through SQLite FTS5", runBench)
}

// benchOptions are the flags of precedent bench.
type benchOptions struct {
	corpus     string
	scales     string
	quick      bool
	out        string
	clients    int
	duration   time.Duration
	seed       uint64
	cpuProfile string
	reportOnly bool
	reuse      bool
	// A child phase (set by the parent run, not by users).
	phase, config, result string
}

func (o *benchOptions) parse(args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&o.corpus, "corpus", "../shared/corpus", "the real corpus to scale")
	fs.StringVar(&o.scales, "scale", "1,10,125", "comma-separated copies of the corpus to measure (125 copies of the shared corpus: a million passages)")
	fs.BoolVar(&o.quick, "quick", false, "1x and a short query mix (under a minute)")
	fs.StringVar(&o.out, "out", "bench-out", "working folder: scaled corpora, indexes, results.json, report.md")
	fs.IntVar(&o.clients, "http-clients", 8, "concurrent HTTP clients")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "time bound of one query class")
	fs.Uint64Var(&o.seed, "seed", 2026, "seed of the scaled corpora and the query mix")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of each phase to FILE.scale-N.PHASE")
	fs.BoolVar(&o.reuse, "reuse", false, "keep the indexes of an earlier run in --out; measure serving and FTS5 again")
	fs.BoolVar(&o.reportOnly, "report", false, "print the report of the run in --out again, without running")
	fs.StringVar(&o.phase, "phase", "", "internal: run one phase as a child process")
	fs.StringVar(&o.config, "config", "", "internal: phase configuration file")
	fs.StringVar(&o.result, "result", "", "internal: phase result file")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent bench [--corpus DIR] [--scale 1,10,125] [--quick] [--out DIR]")
		fs.PrintDefaults()
	}
	return parseFlags(fs, args)
}

func (o *benchOptions) scaleList() ([]int, error) {
	if o.quick {
		return []int{1}, nil
	}
	var out []int
	for _, f := range strings.Split(o.scales, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--scale %q: want copies such as 1,10,100", o.scales)
		}
		out = append(out, n)
	}
	return out, nil
}

func runBench(args []string) error {
	var o benchOptions
	if err := o.parse(args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.phase != "" {
		return runBenchPhase(ctx, &o)
	}
	if o.reportOnly {
		res, err := bench.ReadResult(o.out)
		if err != nil {
			return err
		}
		return writeBenchReport(o.out, res)
	}
	scales, err := o.scaleList()
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	command := []string{exe, "bench"}
	if o.cpuProfile != "" {
		command = append(command, "--cpuprofile", o.cpuProfile)
	}
	start := time.Now()
	res, err := bench.Run(ctx, bench.Options{
		Corpus: o.corpus, Scales: scales, Quick: o.quick, Out: o.out, HTTPClients: o.clients,
		Duration: o.duration, Seed: o.seed, Reuse: o.reuse, Command: command,
		Progress: func(msg string) {
			fmt.Fprintf(os.Stderr, "[%6.1fs] %s\n", time.Since(start).Seconds(), msg)
		},
	})
	if res != nil && len(res.Scales) > 0 {
		if werr := writeBenchReport(o.out, res); werr != nil && err == nil {
			err = werr
		}
	}
	fmt.Fprintf(os.Stderr, "bench finished in %.1fs\n", time.Since(start).Seconds())
	return err
}

// runBenchPhase is a child process of a bench run, optionally profiled.
func runBenchPhase(ctx context.Context, o *benchOptions) error {
	if o.cpuProfile != "" {
		// FILE.scale-N.PHASE: the config lives in the scale's folder.
		f, err := os.Create(o.cpuProfile + "." + filepath.Base(filepath.Dir(o.config)) + "." + o.phase)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if o.phase == "index" {
		indexingMemory() // as precedent index runs
	}
	return bench.RunPhase(ctx, o.config, o.result)
}

// writeBenchReport writes report.md into out and prints it.
func writeBenchReport(out string, res *bench.Result) error {
	var b strings.Builder
	bench.WriteReport(&b, res)
	fmt.Print(b.String())
	return os.WriteFile(filepath.Join(out, "report.md"), []byte(b.String()), 0o644)
}
