package bench

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/precedent/precedent/corpus"
)

// Machine describes where a run ran.
type Machine struct {
	CPUs     int    `json:"cpus"`
	Model    string `json:"model"`
	MemBytes int64  `json:"mem_bytes"`
	Go       string `json:"go"`
	OS       string `json:"os"`
	// LoadAvg is /proc/loadavg when the run started: on a shared machine
	// wall-clock figures depend on it, CPU seconds do not.
	LoadAvg string `json:"load_avg,omitempty"`
}

// ThisMachine reads the CPU model and memory from /proc.
func ThisMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.Model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.LoadAvg = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		fmt.Sscanf(strings.TrimPrefix(strings.SplitN(string(b), "\n", 2)[0], "MemTotal:"), "%d", &kb)
		m.MemBytes = kb << 10
	}
	return m
}

// cachedBase loads the real corpus, or reads it from basePath when it was
// loaded from the same files (names, sizes, modification times) before.
func cachedBase(opt Options, basePath string, res *Result) ([]corpus.Document, error) {
	stamp, err := corpusStamp(opt.Corpus)
	if err != nil {
		return nil, err
	}
	stampPath := basePath + ".stamp"
	if old, err := os.ReadFile(stampPath); err == nil && string(old) == stamp {
		if docs, err := ReadBase(basePath); err == nil {
			return docs, nil
		}
	}
	progress(opt, "loading the corpus "+opt.Corpus)
	t := time.Now()
	docs, skipped, err := LoadBase(opt.Corpus)
	if err != nil {
		return nil, err
	}
	res.LoadSeconds, res.BaseSkipped = time.Since(t).Seconds(), skipped
	if err := WriteBase(basePath, docs); err != nil {
		return nil, err
	}
	return docs, os.WriteFile(stampPath, []byte(stamp), 0o644)
}

// corpusStamp hashes the names, sizes and times of a folder's files.
func corpusStamp(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// cpuTimes are the machine's CPU times from /proc/stat, in clock ticks:
// all of them, and those stolen by the hypervisor. Zero where unreadable.
type cpuTimes struct{ total, steal uint64 }

func readCPUTimes() cpuTimes {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return cpuTimes{}
	}
	return parseCPUTimes(string(b))
}

// parseCPUTimes reads the first line of /proc/stat: "cpu" then user, nice,
// system, idle, iowait, irq, softirq, steal (guest time is in user).
func parseCPUTimes(stat string) cpuTimes {
	line, _, _ := strings.Cut(stat, "\n")
	fields := strings.Fields(line)
	if len(fields) < 9 || fields[0] != "cpu" {
		return cpuTimes{}
	}
	var t cpuTimes
	for i, f := range fields[1:9] {
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return cpuTimes{}
		}
		t.total += n
		if i == 7 {
			t.steal = n
		}
	}
	return t
}

// stolenSince is the share of the CPU time since before that was stolen,
// nil when either reading failed or they are out of order.
func (t cpuTimes) stolenSince(before cpuTimes) *float64 {
	if before.total == 0 || t.total <= before.total || t.steal < before.steal {
		return nil
	}
	share := float64(t.steal-before.steal) / float64(t.total-before.total)
	return &share
}
