package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// IndexResult is what indexing one scaled corpus cost.
type IndexResult struct {
	Copies         int             `json:"copies"`
	Documents      int             `json:"documents"`
	Passages       int             `json:"passages"`
	TextBytes      int64           `json:"text_bytes"` // bytes of passage text
	Seconds        float64         `json:"seconds"`
	PassagesPerSec float64         `json:"passages_per_s"`
	MBPerSec       float64         `json:"mb_per_s"`
	IndexBytes     int64           `json:"index_bytes"`
	Timings        indexer.Timings `json:"timings"`
	PeakRSS        int64           `json:"peak_rss"`         // bytes, the indexing process's maxrss
	CPUSeconds     float64         `json:"cpu_seconds"`      // user + system time of the indexing process
	Stolen         *float64        `json:"stolen,omitempty"` // see ScaleResult
	// PeakRSSAnon and PeakHeap are the highest RssAnon and Go heap sampled
	// in any phase of Memory: what the indexing process itself holds, as
	// opposed to PeakRSS, which counts mapped index files too.
	PeakRSSAnon int64 `json:"peak_rss_anon"`
	PeakHeap    int64 `json:"peak_heap"`
	PeakLive    int64 `json:"peak_live"` // Go heap marked live by a GC
	// Memory is the sampled peak memory per phase: "extract" (scan,
	// extraction, tagging, lineage Add), "lineage" (families) and "write"
	// (Bleve documents, segments and their merge).
	Memory []PhaseMemory `json:"memory"`
}

// scaledExt names the placeholder files of a scaled corpus folder.
const scaledExt = ".scaled"

// WriteScaledCorpus writes one small placeholder file per document of copies
// 0..copies-1 under dir ("copy-007/00042.scaled"); ScaledLoad turns each
// back into its scaled document. The files differ in content, so the
// indexer's duplicate check keeps them all.
func WriteScaledCorpus(dir string, s Scaler, copies int) error {
	for k := range copies {
		sub := filepath.Join(dir, fmt.Sprintf("copy-%03d", k))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		for i := range s.Base {
			name := filepath.Join(sub, fmt.Sprintf("%05d%s", i, scaledExt))
			body := fmt.Sprintf("seed %d copy %d document %d\n", s.Seed, k, i)
			if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// ScaledLoad returns an indexer Load function for a folder written by
// WriteScaledCorpus; textBytes accumulates the passage text it hands out.
func ScaledLoad(s Scaler, textBytes *atomic.Int64) func(root, rel string) (*corpus.Document, error) {
	return func(_, rel string) (*corpus.Document, error) {
		k, i, err := parseScaledName(rel)
		if err != nil || i >= len(s.Base) {
			return nil, &indexer.Skipped{Reason: "not a scaled placeholder"}
		}
		d := s.Document(k, i)
		n := 0
		for _, p := range d.Passages {
			n += len(p.Text)
		}
		textBytes.Add(int64(n))
		return &d, nil
	}
}

func parseScaledName(rel string) (k, i int, err error) {
	dir, file, ok := strings.Cut(rel, "/")
	if !ok || !strings.HasPrefix(dir, "copy-") || !strings.HasSuffix(file, scaledExt) {
		return 0, 0, fmt.Errorf("bad name %q", rel)
	}
	if k, err = strconv.Atoi(strings.TrimPrefix(dir, "copy-")); err != nil {
		return 0, 0, err
	}
	i, err = strconv.Atoi(strings.TrimSuffix(file, scaledExt))
	return k, i, err
}

// IndexScaled indexes copies of the base into dataDir with the indexer's
// pipeline (tagging and lineage families included), from a placeholder
// folder corpusDir written beforehand. It measures a full build: an index
// already in dataDir is removed first (the indexer would find nothing to
// update, and the figures would be those of a no-op).
func IndexScaled(ctx context.Context, s Scaler, copies int, corpusDir, dataDir string) (*IndexResult, error) {
	if err := os.RemoveAll(dataDir); err != nil {
		return nil, err
	}
	var textBytes atomic.Int64
	opt := indexer.CorpusOptions(corpusDir, dataDir, nil)
	opt.Load = ScaledLoad(s, &textBytes)
	opt.IsMetadataFile = nil
	opt.Version = fmt.Sprintf("bench-%d", s.Seed)
	mem := startMemorySampler("extract")
	opt.Progress = func(phase string, done, total int) {
		switch {
		case phase == "index":
			mem.enter("write")
		case phase == "extract" && done == total:
			mem.enter("lineage")
		}
	}
	start := time.Now()
	r, err := indexer.Build(ctx, opt)
	phases := mem.finish()
	if err != nil {
		return nil, err
	}
	sec := time.Since(start).Seconds()
	res := &IndexResult{
		Copies: copies, Documents: r.Documents, Passages: r.Passages, TextBytes: textBytes.Load(),
		Seconds: sec, IndexBytes: r.IndexBytes, Timings: r.Timings, Memory: phases,
	}
	for _, p := range phases {
		res.PeakRSSAnon = max(res.PeakRSSAnon, p.PeakRSSAnon)
		res.PeakHeap = max(res.PeakHeap, p.PeakHeap)
		res.PeakLive = max(res.PeakLive, p.PeakLive)
	}
	res.PassagesPerSec = float64(res.Passages) / sec
	res.MBPerSec = float64(res.TextBytes) / 1e6 / sec
	if len(r.Skipped)+len(r.Duplicates) > 0 {
		return res, fmt.Errorf("scaled corpus: %d skipped, %d duplicates", len(r.Skipped), len(r.Duplicates))
	}
	return res, nil
}
