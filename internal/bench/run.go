package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// Options configure a benchmark run.
type Options struct {
	Corpus      string        // the real corpus folder
	Scales      []int         // copies of the corpus per scaled corpus, e.g. 1, 10, 100
	Quick       bool          // 1x and a short mix
	Out         string        // working and report folder
	HTTPClients int           // concurrent HTTP clients
	Duration    time.Duration // time bound of one query class
	Seed        uint64
	// Reuse keeps the index of a scale indexed by an earlier run in Out
	// (same seed and corpus) and measures only serving and FTS5 again.
	Reuse bool
	// Command starts this program's bench phase: the phase flags are
	// appended ("--phase", PHASE, "--config", FILE, "--result", FILE).
	Command []string
	// Progress, when set, is told what the run is doing.
	Progress func(msg string)
}

// Result is a whole run.
type Result struct {
	Machine       Machine       `json:"machine"`
	Started       time.Time     `json:"started"`
	Quick         bool          `json:"quick"`
	Seed          uint64        `json:"seed"`
	BaseDocuments int           `json:"base_documents"`
	BasePassages  int           `json:"base_passages"`
	BaseSkipped   int           `json:"base_skipped"`
	LoadSeconds   float64       `json:"load_seconds"` // loading the real corpus (0 when cached)
	Mix           []Query       `json:"mix"`
	Scales        []ScaleResult `json:"scales"`
}

// ScaleResult are the figures of one scaled corpus.
// The phases' Stolen is the share of the machine's CPU time that its
// hypervisor stole while the phase ran (/proc/stat): on a shared virtual
// machine it slows the wall-clock figures of that phase. It is nil when
// not measured: no /proc/stat, or a phase reused from a run before it was.
type ScaleResult struct {
	Scale int          `json:"scale"`
	Index *IndexResult `json:"index"`
	Serve *ServeResult `json:"serve"`
	FTS   *FTSResult   `json:"fts"`
}

// phaseConfig is what a child process is asked to do.
type phaseConfig struct {
	Phase  string `json:"phase"` // "index", "serve" or "fts"
	Base   string `json:"base"`
	Mix    string `json:"mix"`
	Seed   uint64 `json:"seed"`
	Copies int    `json:"copies"`
	Dir    string `json:"dir"`
	InProc Budget `json:"in_process"`
	HTTP   Budget `json:"http"`
}

// Run loads the corpus once, then for each scale indexes, serves and runs
// the FTS5 peer, each in a child process, and returns the figures.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	res := &Result{Machine: ThisMachine(), Started: time.Now().UTC(), Quick: opt.Quick, Seed: opt.Seed}
	basePath := filepath.Join(opt.Out, "base.jsonl")
	base, err := cachedBase(opt, basePath, res)
	if err != nil {
		return nil, err
	}
	s := Scaler{Base: base, Seed: opt.Seed}
	res.BaseDocuments, res.BasePassages = len(base), s.Passages()
	size := MixSize(20)
	if opt.Quick {
		size = 5
	}
	res.Mix = BuildMix(base, opt.Seed, size)
	mixPath := filepath.Join(opt.Out, "mix.json")
	if err := writeJSON(mixPath, res.Mix); err != nil {
		return nil, err
	}
	inproc, httpB := budgets(opt)
	for _, scale := range opt.Scales {
		cfg := phaseConfig{Base: basePath, Mix: mixPath, Seed: opt.Seed, Copies: scale,
			Dir: filepath.Join(opt.Out, "scale-"+strconv.Itoa(scale)), InProc: inproc, HTTP: httpB}
		sr, err := runScale(ctx, opt, s, cfg)
		if err != nil {
			return res, fmt.Errorf("%dx: %w", scale, err)
		}
		res.Scales = append(res.Scales, *sr)
		if err := writeJSON(filepath.Join(opt.Out, "results.json"), res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// budgets bounds the query classes.
func budgets(opt Options) (inproc, httpB Budget) {
	if opt.Quick {
		return Budget{Count: 30, Time: 800 * time.Millisecond, Clients: 1},
			Budget{Count: 60, Time: 800 * time.Millisecond, Clients: opt.HTTPClients}
	}
	return Budget{Count: 300, Time: opt.Duration, Clients: 1},
		Budget{Count: 600, Time: opt.Duration, Clients: opt.HTTPClients}
}

// runScale runs the three phases of one scaled corpus.
func runScale(ctx context.Context, opt Options, s Scaler, cfg phaseConfig) (*ScaleResult, error) {
	sr := &ScaleResult{Scale: cfg.Copies}
	measured := filepath.Join(cfg.Dir, "index.measured.json")
	if err := readJSON(measured, &sr.Index); opt.Reuse && err == nil {
		progress(opt, fmt.Sprintf("%dx: reusing the index of an earlier run", cfg.Copies))
	} else if sr.Index, err = indexPhase(ctx, opt, s, cfg); err != nil {
		return nil, err
	} else if err := writeJSON(measured, sr.Index); err != nil {
		return nil, err
	}
	var u usage
	var err error
	progress(opt, fmt.Sprintf("%dx: %.0f passages/s; serving and querying", cfg.Copies, sr.Index.PassagesPerSec))
	sr.Serve = &ServeResult{}
	if u, err = runPhase(ctx, opt, cfg, "serve", sr.Serve); err != nil {
		return nil, err
	}
	sr.Serve.PeakRSS, sr.Serve.Stolen = u.peakRSS, u.stolen
	progress(opt, fmt.Sprintf("%dx: SQLite FTS5 peer", cfg.Copies))
	sr.FTS = &FTSResult{}
	if u, err = runPhase(ctx, opt, cfg, "fts", sr.FTS); err != nil {
		return nil, err
	}
	sr.FTS.PeakRSS, sr.FTS.Stolen = u.peakRSS, u.stolen
	return sr, nil
}

// indexPhase writes the placeholder corpus and indexes it in a child.
func indexPhase(ctx context.Context, opt Options, s Scaler, cfg phaseConfig) (*IndexResult, error) {
	progress(opt, fmt.Sprintf("%dx: writing %d placeholder files", cfg.Copies, cfg.Copies*len(s.Base)))
	os.RemoveAll(cfg.Dir)
	if err := WriteScaledCorpus(filepath.Join(cfg.Dir, "corpus"), s, cfg.Copies); err != nil {
		return nil, err
	}
	progress(opt, fmt.Sprintf("%dx: indexing %d passages", cfg.Copies, cfg.Copies*s.Passages()))
	res := &IndexResult{}
	u, err := runPhase(ctx, opt, cfg, "index", res)
	if err != nil {
		return nil, err
	}
	res.PeakRSS, res.CPUSeconds, res.Stolen = u.peakRSS, u.cpuSeconds, u.stolen
	return res, nil
}

// usage is what a child process used.
type usage struct {
	peakRSS    int64    // bytes
	cpuSeconds float64  // user + system
	stolen     *float64 // the machine's CPU time stolen meanwhile, a share; nil if unknown
}

// runPhase runs one phase in a child process, reads its result into out
// and returns the child's peak resident memory and CPU time.
func runPhase(ctx context.Context, opt Options, cfg phaseConfig, phase string, out any) (usage, error) {
	cfg.Phase = phase
	cfgPath := filepath.Join(cfg.Dir, phase+".config.json")
	resPath := filepath.Join(cfg.Dir, phase+".result.json")
	if err := writeJSON(cfgPath, cfg); err != nil {
		return usage{}, err
	}
	args := append(append([]string(nil), opt.Command[1:]...), "--phase", phase, "--config", cfgPath, "--result", resPath)
	cmd := exec.CommandContext(ctx, opt.Command[0], args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	before := readCPUTimes()
	if err := cmd.Run(); err != nil {
		return usage{}, fmt.Errorf("%s phase: %w", phase, err)
	}
	u := usage{stolen: readCPUTimes().stolenSince(before)}
	if err := readJSON(resPath, out); err != nil {
		return usage{}, err
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.peakRSS = ru.Maxrss << 10
		u.cpuSeconds = time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime)).Seconds()
	}
	return u, nil
}

func progress(opt Options, msg string) {
	if opt.Progress != nil {
		opt.Progress(msg)
	}
}

// ReadResult reads the results.json a run wrote into its Out folder.
func ReadResult(out string) (*Result, error) {
	var r Result
	return &r, readJSON(filepath.Join(out, "results.json"), &r)
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
