package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

func TestCurrentGeneration(t *testing.T) {
	tests := []struct {
		name    string
		current string // content of CURRENT; "-" for no file
		want    string // generation dir name, or "" for an error
		errText string
	}{
		{"no index", "-", "", "no index"},
		{"live generation", "gen-12\n", "gen-12", ""},
		{"garbage", "../../etc\n", "", "not a generation"},
		{"zero", "gen-0\n", "", "not a generation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := t.TempDir()
			if tc.current != "-" {
				os.MkdirAll(IndexDir(data), 0o755)
				os.WriteFile(filepath.Join(IndexDir(data), currentName), []byte(tc.current), 0o644)
			}
			got, err := CurrentGeneration(data)
			switch {
			case tc.want != "" && (err != nil || got != filepath.Join(IndexDir(data), tc.want)):
				t.Errorf("got %q, %v; want %s", got, err, tc.want)
			case tc.want == "" && (err == nil || !strings.Contains(err.Error(), tc.errText)):
				t.Errorf("err = %v, want one mentioning %q", err, tc.errText)
			}
		})
	}
	if _, err := CurrentGeneration(t.TempDir()); !errors.Is(err, ErrNoIndex) {
		t.Errorf("empty data dir: %v, want ErrNoIndex", err)
	}
}

func TestOpenGenerationRefusesOtherFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen-1")
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.New(shardPath(path, 0), m)
	if err != nil {
		t.Fatal(err)
	}
	idx.SetInternal([]byte(internalFormat), []byte("precedent-index-0"))
	idx.Close()
	_, err = OpenGeneration(path)
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "rebuild") {
		t.Errorf("err = %v, want ErrFormat telling to rebuild", err)
	}
}

// TestLeftoversOfCrashedRuns: a half-built generation, a half-deleted one
// and a complete generation that never became live are cleaned up by the
// next run, which builds past them.
func TestLeftoversOfCrashedRuns(t *testing.T) {
	opt := fixtureOptions(t, copyTree(t, "testdata/corpus"))
	ctx := context.Background()
	if _, err := Build(ctx, opt); err != nil {
		t.Fatal(err)
	}
	dir := IndexDir(opt.Data)
	for _, d := range []string{buildPrefix + "2-999", trashPrefix + "0"} {
		os.MkdirAll(filepath.Join(dir, d, "store"), 0o755)
	}
	if err := copyGeneration(filepath.Join(dir, "gen-1"), filepath.Join(dir, "gen-2")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(opt.Corpus, "reports", "new.txt"), []byte("Title\n\nAn invented paragraph about buoys.\n"), 0o644)
	r, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Generation != "gen-3" || r.Previous != "gen-1" {
		t.Errorf("generation %s after %s, want gen-3 after gen-1", r.Generation, r.Previous)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "CURRENT LOCK gen-1 gen-3" {
		t.Errorf("index dir = %s, want CURRENT LOCK gen-1 gen-3", got)
	}
}

func TestOneIndexerAtATime(t *testing.T) {
	opt := fixtureOptions(t, "testdata/corpus")
	os.MkdirAll(IndexDir(opt.Data), 0o755)
	release, err := lockIndexDir(IndexDir(opt.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := Build(context.Background(), opt); err == nil || !strings.Contains(err.Error(), "another") {
		t.Errorf("second indexer: %v, want it refused", err)
	}
}
