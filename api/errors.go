package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/precedent/precedent/search"
)

// Error is a failure the API answers with a status and a JSON body
// {"error":{"code","message","hint"}}. Handlers return it for the client's
// mistakes; any other error becomes a 500 that shows no internals.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

// Error returns the message, without code or hint.
func (e *Error) Error() string { return e.Message }

// badRequest returns a 400 with a code, a message and a hint on how to fix it.
func badRequest(code, message, hint string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: code, Message: message, Hint: hint}
}

// errorBody is the JSON envelope of every error answer.
type errorBody struct {
	Error *Error `json:"error"`
}

// handlerFunc is an HTTP handler that returns its failure instead of writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// toAPIError maps any error a handler returns to the answer the client gets.
func toAPIError(err error) (*Error, bool) {
	var ae *Error
	var se *search.Error
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae, true
	case errors.As(err, &se):
		return &Error{Status: http.StatusBadRequest, Code: se.Code, Message: se.Message, Hint: se.Hint}, true
	case errors.Is(err, search.ErrNotFound):
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "no such document or passage",
			Hint: "ids come from search hits (hit.id, hit.document.id); GET /v1/documents lists documents"}, true
	case errors.As(err, &mbe):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
			Message: "request body too large", Hint: "send at most " + byteSize(mbe.Limit)}, true
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Status: http.StatusServiceUnavailable, Code: "timeout",
			Message: "the request took longer than the server allows",
			Hint:    "narrow the query (fewer wildcards, fuzzy terms or facets) or retry later"}, true
	case errors.Is(err, context.Canceled):
		return &Error{Status: 499, Code: "canceled", Message: "the client went away"}, true
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal",
		Message: "internal error", Hint: "retry later; the server logged the cause"}, false
}

// writeError writes err as a JSON error answer; errors that are not the
// client's are logged with the request's method and path.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	ae, known := toAPIError(err)
	if !known {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if ae.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="precedent admin"`)
	}
	writeJSON(w, ae.Status, errorBody{Error: ae})
}

// writeJSON writes v as an indented-free JSON answer with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
