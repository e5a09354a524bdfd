package bench

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteReport writes the run's tables as Markdown.
func WriteReport(w io.Writer, r *Result) {
	m := r.Machine
	if m.LoadAvg == "" {
		m.LoadAvg = "not recorded"
	}
	fmt.Fprintf(w, "Machine: %d CPUs, %s, %.1f GiB, %s %s, load average at start %s. Seed %d. Base corpus: %d documents, %d passages.\n\n",
		m.CPUs, m.Model, float64(m.MemBytes)/(1<<30), m.Go, m.OS, m.LoadAvg, r.Seed, r.BaseDocuments, r.BasePassages)
	writeStolen(w, r)
	writeIndexTable(w, r)
	writeServeTable(w, r)
	for _, sr := range r.Scales {
		writeQueryTable(w, sr)
	}
	writeGrowth(w, r)
}

// writeStolen shows how much CPU time the hypervisor took during each phase.
func writeStolen(w io.Writer, r *Result) {
	fmt.Fprintln(w, "CPU time stolen by the hypervisor while each phase ran, as a share of the machine's CPU time (/proc/stat): above a few percent, that phase's wall-clock figures (passages/s, latencies) understate the machine.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scale | index | serve | FTS5 |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, s := range r.Scales {
		fmt.Fprintf(w, "| %dx | %s | %s | %s |\n", s.Scale, percent(s.Index.Stolen), percent(s.Serve.Stolen), percent(s.FTS.Stolen))
	}
	fmt.Fprintln(w)
}

// percent shows a share, or "not measured".
func percent(share *float64) string {
	if share == nil {
		return "not measured"
	}
	return fmt.Sprintf("%.1f%%", 100**share)
}

func writeIndexTable(w io.Writer, r *Result) {
	fmt.Fprintln(w, "### Indexing, size, memory, cold start")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scale | passages | text MB | Precedent passages/s | MB/s | index MB | peak RSS MB | FTS5 passages/s | FTS5 MB | FTS5 peak RSS MB | ratio passages/s | ratio size |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, s := range r.Scales {
		ix, f := s.Index, s.FTS
		fmt.Fprintf(w, "| %dx | %d | %.1f | %.0f | %.2f | %.1f | %.0f | %.0f | %.1f | %.0f | %s | %s |\n",
			s.Scale, ix.Passages, mb(ix.TextBytes), ix.PassagesPerSec, ix.MBPerSec, mb(ix.IndexBytes), mb(ix.PeakRSS),
			f.PassagesPerSec, mb(f.DBBytes), mb(f.PeakRSS),
			ratio(ix.PassagesPerSec, f.PassagesPerSec), ratio(float64(ix.IndexBytes), float64(f.DBBytes)))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Indexing phases (ms): extract = scaled copy + tagging + cache + lineage signatures; lineage = families; index = Bleve.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scale | extract | lineage | index | total | CPU s | passages per CPU s | FTS5 tagging s (not in its rate) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, s := range r.Scales {
		t := s.Index.Timings
		fmt.Fprintf(w, "| %dx | %d | %d | %d | %d | %.1f | %.0f | %.1f |\n", s.Scale, t.ExtractMS, t.LineageMS, t.IndexMS, t.TotalMS,
			s.Index.CPUSeconds, float64(s.Index.Passages)/s.Index.CPUSeconds, s.FTS.TagSeconds)
	}
	fmt.Fprintln(w)
	writeIndexMemory(w, r)
}

// writeIndexMemory splits the indexing process's peak memory: anonymous
// memory (the process's own) apart from the file pages of mapped segments
// that maxrss also counts, and the Go heap, per phase.
func writeIndexMemory(w io.Writer, r *Result) {
	fmt.Fprintln(w, "Indexing memory (MB): peak anonymous RSS (the process's own memory; maxrss adds the file pages of mapped segments) and peak Go heap marked live, per phase; p90: the 90th percentile of the phase's samples (every 250 ms), its usual memory apart from spikes.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scale | phase | seconds | peak RSS | peak anon RSS | p90 anon RSS | peak file RSS | peak heap | peak live heap | p90 live heap |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for _, s := range r.Scales {
		for _, p := range s.Index.Memory {
			fmt.Fprintf(w, "| %dx | %s | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |\n", s.Scale, p.Phase, p.Seconds,
				mb(p.PeakRSS), mb(p.PeakRSSAnon), mb(p.P90RSSAnon), mb(p.PeakRSSFile), mb(p.PeakHeap), mb(p.PeakLive), mb(p.P90Live))
		}
	}
	fmt.Fprintln(w)
}

func writeServeTable(w io.Writer, r *Result) {
	fmt.Fprintln(w, "### Serving: cold open and first query, memory")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scale | open ms | first query ms | ready ms | serving peak RSS MB | RSS after mix MB | FTS5 open ms | FTS5 first query ms | HTTP mix queries/s |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, s := range r.Scales {
		sv, f := s.Serve, s.FTS
		all := sv.HTTP[ClassAll]
		qps := 0.0
		if all != nil {
			qps = all.QPS
		}
		fmt.Fprintf(w, "| %dx | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f | %.1f | %.0f |\n", s.Scale, sv.OpenMS, sv.FirstQueryMS,
			sv.OpenMS+sv.FirstQueryMS, mb(sv.PeakRSS), mb(sv.RSS), f.OpenMS, f.FirstQueryMS, qps)
	}
	fmt.Fprintln(w)
}

func writeQueryTable(w io.Writer, s ScaleResult) {
	fmt.Fprintf(w, "### Query latency at %dx (%d passages), ms\n\n", s.Scale, s.Index.Passages)
	fmt.Fprintf(w, "In-process: one query at a time. HTTP: %d concurrent clients on loopback. Ratio: Precedent in-process median / FTS5 median (below 1: Precedent faster).\n\n", s.Serve.HTTPClients)
	fmt.Fprintln(w, "| class | n | median | p95 | p99 | q/s | HTTP median | HTTP p95 | HTTP p99 | HTTP q/s | HTTP errors | FTS5 median | FTS5 p95 | FTS5 p99 | ratio median | ratio p99 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, c := range append(append([]string(nil), Classes...), ClassAll) {
		p, h, f := s.Serve.InProcess[c], s.Serve.HTTP[c], s.FTS.Queries[c]
		if p == nil && h == nil {
			continue
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", c, statCells(p, false), statCells(h, true), ftsCells(p, f))
	}
	fmt.Fprintln(w)
	writeSlowest(w, s.Serve.InProcess)
}

// writeSlowest names the slowest query of each class in-process: the one
// whose runs have the highest median.
func writeSlowest(w io.Writer, stats map[string]*Stats) {
	if !slices.ContainsFunc(Classes, func(c string) bool { return stats[c] != nil && stats[c].Slowest != nil }) {
		return // a run from before the figure existed
	}
	fmt.Fprintln(w, "Slowest query of each class, in-process (the median of its runs, ms):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| class | query | runs | median |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, c := range Classes {
		if st := stats[c]; st != nil && st.Slowest != nil {
			q := strings.ReplaceAll(st.Slowest.Query, "|", "\\|")
			fmt.Fprintf(w, "| %s | `%s` | %d | %.2f |\n", c, q, st.Slowest.N, st.Slowest.MedianMS)
		}
	}
	fmt.Fprintln(w)
}

func statCells(s *Stats, errors bool) string {
	if s == nil {
		return "- | - | - | - | -"
	}
	cells := fmt.Sprintf("%.2f | %.2f | %.2f | %.0f", s.MedianMS, s.P95MS, s.P99MS, s.QPS)
	if errors {
		return cells + fmt.Sprintf(" | %d", s.Errors)
	}
	return fmt.Sprintf("%d | ", s.N) + cells
}

func ftsCells(p, f *Stats) string {
	if f == nil || p == nil {
		return "- | - | - | - | -"
	}
	return fmt.Sprintf("%.2f | %.2f | %.2f | %s | %s", f.MedianMS, f.P95MS, f.P99MS, ratio(p.MedianMS, f.MedianMS), ratio(p.P99MS, f.P99MS))
}

// writeGrowth reports how each figure grows from the smallest to the
// largest scale, against the growth of the corpus.
func writeGrowth(w io.Writer, r *Result) {
	if len(r.Scales) < 2 {
		return
	}
	a, b := r.Scales[0], r.Scales[len(r.Scales)-1]
	fmt.Fprintf(w, "### Growth %dx -> %dx (corpus grows %.0fx)\n\n", a.Scale, b.Scale, float64(b.Index.Passages)/float64(a.Index.Passages))
	rows := [][3]any{
		{"indexing time", a.Index.Seconds, b.Index.Seconds},
		{"index size", float64(a.Index.IndexBytes), float64(b.Index.IndexBytes)},
		{"indexing peak RSS", float64(a.Index.PeakRSS), float64(b.Index.PeakRSS)},
		{"open + first query", a.Serve.OpenMS + a.Serve.FirstQueryMS, b.Serve.OpenMS + b.Serve.FirstQueryMS},
		{"serving peak RSS", float64(a.Serve.PeakRSS), float64(b.Serve.PeakRSS)},
		{"FTS5 build time", a.FTS.Seconds, b.FTS.Seconds},
		{"FTS5 size", float64(a.FTS.DBBytes), float64(b.FTS.DBBytes)},
	}
	for _, c := range Classes {
		pa, pb := a.Serve.InProcess[c], b.Serve.InProcess[c]
		fa, fb := a.FTS.Queries[c], b.FTS.Queries[c]
		if pa != nil && pb != nil {
			rows = append(rows, [3]any{"median " + c, pa.MedianMS, pb.MedianMS})
		}
		if fa != nil && fb != nil {
			rows = append(rows, [3]any{"FTS5 median " + c, fa.MedianMS, fb.MedianMS})
		}
	}
	fmt.Fprintln(w, "| figure | smallest | largest | growth |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, row := range rows {
		x, y := row[1].(float64), row[2].(float64)
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", row[0], num(x), num(y), ratio(y, x))
	}
	fmt.Fprintln(w)
}

func num(x float64) string {
	if x >= 1e6 {
		return fmt.Sprintf("%.1f MB", x/1e6)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.2f", x), ".00")
}

func mb(n int64) float64 { return float64(n) / 1e6 }

// ratio is a/b with two decimals, or "-" when b is 0.
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}
