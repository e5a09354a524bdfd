package pdftext

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// workerMode makes the test binary act as an Isolated child: "serve" runs
// ServeWorker, the others misbehave on purpose.
const workerMode = "PDFTEXT_TEST_WORKER"

func TestMain(m *testing.M) {
	switch os.Getenv(workerMode) {
	case "":
		os.Exit(m.Run())
	case "serve":
		if err := ServeWorker(os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
	case "hang":
		time.Sleep(time.Hour)
	case "crash":
		panic("worker blew up on purpose")
	case "hog":
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = 1
			}
			hogged = append(hogged, b)
		}
	}
	os.Exit(0)
}

// hogged keeps the memory of the "hog" worker reachable, as a memory bomb
// in a PDF parser would.
var hogged [][]byte

func testWorker(mode string) Isolated {
	return Isolated{Exe: os.Args[0], Args: []string{"-test.run=^$"}, Env: []string{workerMode + "=" + mode},
		Timeout: 5 * time.Second, MemoryLimit: 512 << 20}
}

func TestIsolated(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.pdf")
	os.WriteFile(good, buildPDF([]fixturePage{{texts: rowsAt(60, 700, 10, "a calm sea today")}}, fixtureOptions{}), 0o600)
	blank := filepath.Join(dir, "blank.pdf")
	os.WriteFile(blank, buildPDF([]fixturePage{{rules: [][4]float64{{10, 10, 100, 100}}}}, fixtureOptions{}), 0o600)
	tests := []struct {
		name, mode, path string
		timeout          time.Duration
		want             string // text of the document, or the start of the error
		is               error
	}{
		{"extracts", "serve", good, 0, "a calm sea today", nil},
		{"no text layer", "serve", blank, 0, "no text layer (needs OCR)", ErrNoTextLayer},
		{"missing file", "serve", filepath.Join(dir, "none.pdf"), 0, "open ", nil},
		{"hang", "hang", good, 300 * time.Millisecond, "timed out after 300ms", nil},
		{"crash", "crash", good, 0, "crashed: exit status 2: panic: worker blew up on purpose", nil},
		// a minute to reach the limit: on a loaded machine, under the race
		// detector, 512 MiB took the hog more than the usual 5 s
		{"memory bomb", "hog", good, time.Minute, "exceeded memory limit (512 MiB)", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			iso := testWorker(tc.mode)
			if tc.timeout > 0 {
				iso.Timeout = tc.timeout
			}
			start := time.Now()
			doc, err := iso.ExtractFile(context.Background(), tc.path)
			if err == nil {
				if got := doc.Pages[0].Text; got != tc.want {
					t.Errorf("text %q, want %q", got, tc.want)
				}
				return
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want it to start with %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if d := time.Since(start); d > max(10*time.Second, iso.Timeout+5*time.Second) {
				t.Errorf("took %v", d)
			}
		})
	}
}
