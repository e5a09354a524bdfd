package api

import (
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/precedent/precedent/api/web"
)

// Options configure a Server. The zero value is usable: every field has a default.
type Options struct {
	Logger         *slog.Logger  // default: slog.Default()
	RequestTimeout time.Duration // deadline of one search; default 5s
	ExportTimeout  time.Duration // deadline of one export; default 60s
	MaxConcurrent  int           // expensive requests at once; default 4 x GOMAXPROCS
	QueueWait      time.Duration // how long an expensive request waits for a slot before a 429; default RequestTimeout
	MaxExportHits  int           // hits in one export; default 10,000
	// Admin enables the write path under /v1/admin when its Token is set.
	Admin *Admin
	// Web serves the web page at / and its assets under web.AssetPrefix
	// when set (web.Handler()).
	Web http.Handler
}

func (o *Options) defaults() {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 5 * time.Second
	}
	if o.ExportTimeout <= 0 {
		o.ExportTimeout = 60 * time.Second
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 4 * runtime.GOMAXPROCS(0)
	}
	if o.QueueWait <= 0 {
		o.QueueWait = o.RequestTimeout
	}
	if o.MaxExportHits <= 0 {
		o.MaxExportHits = 10000
	}
}

// Server is Precedent's HTTP API over a Searcher.
type Server struct {
	search  Searcher
	opt     Options
	log     *slog.Logger
	router  *mux.Router
	handler http.Handler
	slots   chan struct{}
	metrics *metrics
}

// New returns the API server over s.
func New(s Searcher, opt Options) *Server {
	opt.defaults()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	srv := &Server{search: s, opt: opt, log: opt.Logger, slots: make(chan struct{}, opt.MaxConcurrent),
		metrics: newMetrics(reg)}
	srv.router = srv.routes(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv.handler = srv.outer(srv.router)
	return srv
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Router returns the route table, for tests that walk it.
func (s *Server) Router() *mux.Router { return s.router }

// HTTPServer returns an http.Server for addr with timeouts and header limits
// suited to the public internet.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.opt.ExportTimeout + 10*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// handle adapts a handlerFunc: a returned error is written as JSON.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			writeError(w, r, s.log, err)
		}
	})
}

func (s *Server) routes(metricsHandler http.Handler) *mux.Router {
	r := mux.NewRouter()
	r.SkipClean(true)
	r.UseEncodedPath()
	r.Use(markRoute)
	notFound := s.handle(func(http.ResponseWriter, *http.Request) error {
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "no such route",
			Hint: "the API lives under /v1/; GET /openapi.json describes every route"}
	})
	notAllowed := s.handle(func(w http.ResponseWriter, req *http.Request) error {
		return &Error{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
			Message: req.Method + " is not allowed here", Hint: "GET /openapi.json lists each route's methods"}
	})
	r.NotFoundHandler, r.MethodNotAllowedHandler = notFound, notAllowed
	cheap := func(h handlerFunc) http.Handler { return s.handle(h) }
	costly := func(h handlerFunc) http.Handler { return s.handle(s.expensive(s.opt.RequestTimeout, h)) }

	r.Handle("/healthz", cheap(s.healthz)).Methods(http.MethodGet)
	r.Handle("/readyz", cheap(s.readyz)).Methods(http.MethodGet)
	r.Handle("/metrics", metricsHandler).Methods(http.MethodGet)
	r.Handle("/openapi.json", cheap(serveOpenAPI)).Methods(http.MethodGet)

	// One flat router: a PathPrefix subrouter would answer 404 instead of 405.
	r.Handle("/v1/search", costly(s.searchGET)).Methods(http.MethodGet)
	r.Handle("/v1/search", costly(s.searchPOST)).Methods(http.MethodPost)
	r.Handle("/v1/documents", costly(s.listDocuments)).Methods(http.MethodGet)
	r.Handle("/v1/documents/{id}", costly(s.document)).Methods(http.MethodGet)
	r.Handle("/v1/passages/{id}", costly(s.passage)).Methods(http.MethodGet)
	r.Handle("/v1/facets/{field}", costly(s.facetValues)).Methods(http.MethodGet)
	r.Handle("/v1/export", s.handle(s.expensive(s.opt.ExportTimeout, s.export))).Methods(http.MethodGet)
	r.Handle("/v1/passages/{id}/lineage", costly(s.passageLineage)).Methods(http.MethodGet)
	r.Handle("/v1/passages/{id}/similar", costly(s.similar)).Methods(http.MethodGet)
	r.Handle("/v1/lineage", costly(s.textLineage)).Methods(http.MethodPost)
	r.Handle("/v1/compare", costly(s.compare)).Methods(http.MethodGet)
	r.Handle("/v1/taxonomy", cheap(s.taxonomy)).Methods(http.MethodGet)
	r.Handle("/v1/states", cheap(s.states)).Methods(http.MethodGet)
	if s.opt.Admin != nil && s.opt.Admin.Token != "" {
		s.opt.Admin.routes(r, s)
	}
	if s.opt.Web != nil {
		// Only the page and its assets: any other path stays a JSON 404.
		r.Handle("/", s.opt.Web).Methods(http.MethodGet, http.MethodHead)
		r.PathPrefix(web.AssetPrefix).Handler(s.opt.Web).Methods(http.MethodGet, http.MethodHead)
	}
	return r
}
