package pdftext

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"
)

// Defaults of Isolated.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultMemoryLimit = 1 << 30 // bytes of resident memory
	memoryPoll         = 20 * time.Millisecond
	workerMaxStack     = 64 << 20
	maxWorkerOutput    = 256 << 20
)

// Isolated extracts each PDF in a child process of the same binary, with a
// time limit and a memory limit, so that a hostile file (an endless loop,
// a memory bomb, a runaway recursion) costs that file only.
type Isolated struct {
	Exe         string        // the binary to run; "" means this one (os.Executable)
	Args        []string      // arguments that make Exe serve one request with ServeWorker; nil means ["pdf-worker"]
	Env         []string      // extra environment for the child
	Timeout     time.Duration // per file; 0 means DefaultTimeout
	MemoryLimit int64         // resident-memory limit of the child in bytes; 0 means DefaultMemoryLimit
}

// workerRequest and workerResponse are the JSON exchanged with the child.
type workerRequest struct {
	Path string `json:"path"`
}

type workerResponse struct {
	Document *Document `json:"document,omitempty"`
	Error    string    `json:"error,omitempty"`
	Kind     string    `json:"kind,omitempty"` // "no_text", "encrypted" or "" for other errors
}

// ExtractFile extracts path in a child process. Besides the errors of
// Extract it returns errors naming the reason a child failed: "timed out
// after 30s", "exceeded memory limit (1024 MiB)" or "crashed: ...".
func (iso Isolated) ExtractFile(ctx context.Context, path string) (*Document, error) {
	timeout, limit := iso.Timeout, iso.MemoryLimit
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if limit <= 0 {
		limit = DefaultMemoryLimit
	}
	exe := iso.Exe
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("pdf worker: %w", err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, _ := json.Marshal(workerRequest{Path: path})
	args := iso.Args
	if args == nil {
		args = []string{"pdf-worker"}
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(append(os.Environ(), iso.Env...), fmt.Sprintf("GOMEMLIMIT=%d", limit/2))
	cmd.Stdin = bytes.NewReader(req)
	var stdout, stderr limitedBuffer
	stdout.limit, stderr.limit = maxWorkerOutput, 64<<10
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("pdf worker: %w", err)
	}
	exceeded := watchMemory(ctx, cmd.Process, limit)
	waitErr := cmd.Wait()
	ctxErr := ctx.Err()
	cancel()
	overLimit := <-exceeded
	switch {
	case overLimit:
		return nil, fmt.Errorf("exceeded memory limit (%d MiB)", limit>>20)
	case waitErr != nil && ctxErr == context.DeadlineExceeded:
		return nil, fmt.Errorf("timed out after %v", timeout)
	case waitErr != nil && ctxErr != nil:
		return nil, ctxErr
	case waitErr != nil:
		return nil, childFailure(waitErr, stderr.String(), limit)
	}
	return decodeResponse(stdout.Bytes())
}

// watchMemory kills p when its resident memory passes limit; the channel
// then yields true once, otherwise false when ctx ends.
func watchMemory(ctx context.Context, p *os.Process, limit int64) <-chan bool {
	out := make(chan bool, 1)
	go func() {
		t := time.NewTicker(memoryPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				out <- false
				return
			case <-t.C:
				if rss, err := residentBytes(p.Pid); err == nil && rss > limit {
					p.Kill()
					out <- true
					return
				}
			}
		}
	}()
	return out
}

func childFailure(waitErr error, stderr string, limit int64) error {
	if strings.Contains(stderr, "out of memory") {
		return fmt.Errorf("exceeded memory limit (%d MiB)", limit>>20)
	}
	return fmt.Errorf("crashed: %v: %s", waitErr, firstLine(stderr))
}

// firstLine returns the first non-empty line of a child's stderr (a Go
// panic's message).
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return "no output"
}

func decodeResponse(b []byte) (*Document, error) {
	var resp workerResponse
	if err := json.Unmarshal(b, &resp); err != nil {
		return nil, fmt.Errorf("crashed: unreadable worker answer: %v", err)
	}
	switch {
	case resp.Kind == "no_text":
		return nil, ErrNoTextLayer
	case resp.Kind == "encrypted":
		return nil, fmt.Errorf("%w: %s", ErrEncrypted, resp.Error)
	case resp.Error != "":
		return nil, errors.New(resp.Error)
	case resp.Document == nil:
		return nil, errors.New("crashed: worker returned no document")
	}
	return resp.Document, nil
}

// ServeWorker is the child side of Isolated: it reads one request from r,
// extracts the file and writes the answer to w. The binary's hidden
// "pdf-worker" command calls it.
func ServeWorker(r io.Reader, w io.Writer) error {
	debug.SetMaxStack(workerMaxStack)
	var req workerRequest
	if err := json.NewDecoder(io.LimitReader(r, 1<<20)).Decode(&req); err != nil {
		return fmt.Errorf("pdf worker: bad request: %w", err)
	}
	doc, err := ExtractFile(req.Path)
	resp := workerResponse{Document: doc}
	if err != nil {
		resp.Error = err.Error()
		switch {
		case errors.Is(err, ErrNoTextLayer):
			resp.Kind = "no_text"
		case errors.Is(err, ErrEncrypted):
			resp.Kind = "encrypted"
		}
	}
	return json.NewEncoder(w).Encode(resp)
}

// limitedBuffer is a bytes.Buffer that refuses to grow past limit.
type limitedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		return 0, errors.New("worker output too large")
	}
	return b.Buffer.Write(p)
}
