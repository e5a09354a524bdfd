package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
)

// Limits on the request line and headers, checked before routing so the
// client gets a JSON error (the server's MaxHeaderBytes is a larger backstop).
const (
	MaxURILen     = 8 << 10  // bytes of the request URI
	MaxHeaderLen  = 16 << 10 // bytes of all header names and values
	unmatchedPath = "unmatched"
)

// routeKey holds a *routeInfo in a request's context.
type routeKey struct{}

// routeInfo is filled in by the router with the matched route's template, so
// the outer middleware can label metrics without unbounded path values.
type routeInfo struct{ template string }

// statusWriter records the status and whether anything was written.
type statusWriter struct {
	http.ResponseWriter
	status  int
	written bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.written {
		w.status, w.written = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.status, w.written = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

// Flush lets streamed exports reach the client as they are written.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// outer wraps the whole router: panic boundary, request limits, metrics.
func (s *Server) outer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &routeInfo{template: unmatchedPath}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		r = r.WithContext(context.WithValue(r.Context(), routeKey{}, info))
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path,
					"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if !sw.written {
					writeError(sw, r, s.log, &Error{Status: http.StatusInternalServerError, Code: "internal",
						Message: "internal error", Hint: "retry later; the server logged the cause"})
				}
			}
			s.observe(info.template, r.Method, sw.status, time.Since(start))
		}()
		if err := checkRequest(r); err != nil {
			writeError(sw, r, s.log, err)
			return
		}
		next.ServeHTTP(sw, r)
	})
}

// checkRequest answers 414 and 431 for oversized URIs and headers, and 400
// for a query string that does not parse (Go would drop such parameters
// silently, e.g. after a ';').
func checkRequest(r *http.Request) error {
	if len(r.RequestURI) > MaxURILen {
		return &Error{Status: http.StatusRequestURITooLong, Code: "uri_too_long",
			Message: fmt.Sprintf("the URL is %d bytes long", len(r.RequestURI)),
			Hint:    fmt.Sprintf("keep URLs under %d bytes; send long queries with POST /v1/search", MaxURILen)}
	}
	n := 0
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v)
		}
	}
	if n > MaxHeaderLen {
		return &Error{Status: http.StatusRequestHeaderFieldsTooLarge, Code: "headers_too_large",
			Message: fmt.Sprintf("the headers are %d bytes long", n), Hint: fmt.Sprintf("keep headers under %d bytes", MaxHeaderLen)}
	}
	if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
		return badRequest("bad_query_string", "the query string does not parse: "+clip(err.Error()),
			"percent-encode parameter values (';' as %3B, '%' as %25) and separate parameters with '&'")
	}
	return nil
}

// markRoute is router middleware recording the matched route's template.
func markRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info, ok := r.Context().Value(routeKey{}).(*routeInfo); ok {
			if t, err := mux.CurrentRoute(r).GetPathTemplate(); err == nil {
				info.template = t
			}
		}
		next.ServeHTTP(w, r)
	})
}

// metrics are the server's Prometheus collectors.
type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inflight prometheus.Gauge
	rejected prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "precedent_http_requests_total", Help: "HTTP requests by route template, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "precedent_http_request_duration_seconds", Help: "HTTP request latency by route template and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "precedent_expensive_requests_in_flight", Help: "Expensive requests holding a concurrency slot.",
		}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "precedent_requests_rejected_total", Help: "Expensive requests answered 429 for lack of a slot.",
		}),
	}
	reg.MustRegister(m.requests, m.latency, m.inflight, m.rejected)
	return m
}

func (s *Server) observe(route, method string, status int, d time.Duration) {
	if !knownMethod(method) {
		method = "other"
	}
	s.metrics.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	s.metrics.latency.WithLabelValues(route, method).Observe(d.Seconds())
}

func knownMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete,
		http.MethodPatch, http.MethodOptions:
		return true
	}
	return false
}

// expensive bounds a handler: it waits up to QueueWait for one of
// MaxConcurrent slots (429 otherwise), refuses to run before an index is
// open (503), and runs under a deadline.
func (s *Server) expensive(timeout time.Duration, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.search.Ready(); err != nil {
			return notReady(err)
		}
		timer := time.NewTimer(s.opt.QueueWait)
		defer timer.Stop()
		select {
		case s.slots <- struct{}{}:
		case <-timer.C:
			s.metrics.rejected.Inc()
			w.Header().Set("Retry-After", "1")
			return &Error{Status: http.StatusTooManyRequests, Code: "busy",
				Message: "too many expensive requests at once", Hint: "retry after a second; export and facet requests cost the most"}
		case <-r.Context().Done():
			return r.Context().Err()
		}
		s.metrics.inflight.Inc()
		defer func() { <-s.slots; s.metrics.inflight.Dec() }()
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		return h(w, r.WithContext(ctx))
	}
}

func notReady(error) *Error {
	return &Error{Status: http.StatusServiceUnavailable, Code: "not_ready",
		Message: "no index is open yet", Hint: "wait for indexing to finish; GET /readyz says when"}
}
