package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestShutdownFinishesInFlightRequests cancels the serve context while a
// slow request is in flight: the request still gets its whole answer and
// the server stops cleanly.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	started := make(chan struct{})
	hs := &http.Server{Addr: addr, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "finished")
	})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- listenAndServe(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)), hs, 5*time.Second) }()
	answer := make(chan string, 1)
	go func() {
		for range 50 { // wait for the listener
			resp, err := http.Get("http://" + addr + "/slow")
			if err != nil {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			answer <- string(b)
			return
		}
		answer <- "never connected"
	}()
	<-started
	cancel()
	if got := <-answer; got != "finished" {
		t.Errorf("in-flight request got %q", got)
	}
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if _, err := http.Get("http://" + addr + "/"); err == nil {
		t.Error("server still accepts connections after shutdown")
	}
}
