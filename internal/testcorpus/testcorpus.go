// Package testcorpus locates the shared corpus of real documents for tests.
// The corpus lives beside the checkout (../shared) and is never copied into
// the project. A test that needs it skips with a clear message when it is
// absent, unless CI is set, in which case its absence fails the test.
package testcorpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the shared folder (holding corpus/, pdf-lab/, docs/), or
// skips or fails t when it is absent.
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	// internal/testcorpus/testcorpus.go -> repo root -> ../shared
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if env := os.Getenv("PRECEDENT_SHARED"); env != "" {
		dir = env
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus not found at %s (CI is set, so this is a failure): %v", dir, err)
		}
		t.Skipf("shared corpus not found at %s; set PRECEDENT_SHARED or check out ../shared to run this test", dir)
	}
	return dir
}

// Corpus returns the shared corpus folder, see Root.
func Corpus(t testing.TB) string {
	t.Helper()
	return filepath.Join(Root(t), "corpus")
}

// PDFLab returns the shared pdf-lab folder, see Root.
func PDFLab(t testing.TB) string {
	t.Helper()
	return filepath.Join(Root(t), "pdf-lab")
}
