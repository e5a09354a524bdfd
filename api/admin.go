package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gorilla/mux"
)

// Limits of the admin write path.
const (
	DefaultMaxUpload = 32 << 20 // bytes of one uploaded file
	maxMetadata      = 64 << 10 // bytes of the metadata part
)

// Admin is the guarded write path: uploading a document (a PDF or a text
// file with its metadata) and removing an upload, each followed by a
// re-index into the next generation. Its routes exist only when Token is set.
type Admin struct {
	Token     string                      // bearer token, compared in constant time
	Store     *Uploads                    // where uploads are kept
	MaxUpload int64                       // bytes of one file; default DefaultMaxUpload
	Reindex   func(context.Context) error // builds and switches to the next generation

	mu      sync.Mutex
	running bool
	pending bool
	log     *slog.Logger
}

func (a *Admin) routes(r *mux.Router, s *Server) {
	if a.Store == nil || a.Reindex == nil {
		panic("api: an Admin with a Token needs a Store and a Reindex")
	}
	a.log = s.log
	if a.MaxUpload <= 0 {
		a.MaxUpload = DefaultMaxUpload
	}
	r.Handle("/v1/admin/documents", s.handle(a.guard(a.upload))).Methods(http.MethodPost)
	r.Handle("/v1/admin/documents/{id}", s.handle(a.guard(a.remove))).Methods(http.MethodDelete)
}

// guard lets a request through only with the right bearer token.
func (a *Admin) guard(h handlerFunc) handlerFunc {
	want := sha256.Sum256([]byte(a.Token))
	return func(w http.ResponseWriter, r *http.Request) error {
		auth := r.Header.Get("Authorization")
		token, ok := strings.CutPrefix(auth, "Bearer ")
		got := sha256.Sum256([]byte(token))
		if !ok || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			a.log.Warn("admin request refused", "method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr, "had_token", auth != "")
			return &Error{Status: http.StatusUnauthorized, Code: "unauthorized",
				Message: "a valid admin token is required", Hint: "send the header Authorization: Bearer <token> with the server's admin token"}
		}
		return h(w, r)
	}
}

// who names the writer in logs without revealing the token.
func who(r *http.Request) string {
	return "admin@" + r.RemoteAddr
}

func (a *Admin) upload(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, a.MaxUpload+maxMetadata+4096)
	mr, err := r.MultipartReader()
	if err != nil {
		return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "the body is not multipart/form-data", Hint: `send a form with a "file" part (PDF or text) and a "metadata" part (JSON)`}
	}
	up, err := a.readUpload(mr)
	if err != nil {
		return err
	}
	defer os.Remove(up.tmp)
	id, err := a.Store.Add(up.tmp, up.kind, up.meta)
	if err != nil {
		return err
	}
	a.log.Info("admin upload", "who", who(r), "id", id, "title", up.meta.Title, "kind", up.kind, "bytes", up.size)
	a.trigger()
	writeJSON(w, http.StatusAccepted, map[string]string{"id": id, "status": "indexing"})
	return nil
}

func (a *Admin) remove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.Store.Remove(id); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return &Error{Status: http.StatusNotFound, Code: "not_found", Message: fmt.Sprintf("%s is not an uploaded document", id),
				Hint: "only documents added with POST /v1/admin/documents can be removed"}
		}
		return err
	}
	a.log.Info("admin delete", "who", who(r), "id", id)
	a.trigger()
	writeJSON(w, http.StatusAccepted, map[string]string{"id": id, "status": "removing"})
	return nil
}

// trigger runs Reindex in the background, one at a time: a trigger during a
// run makes one more run after it, which sees every write so far.
func (a *Admin) trigger() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.running {
		a.pending = true
		return
	}
	a.running = true
	go func() {
		for {
			err := a.Reindex(context.Background())
			if err != nil {
				a.log.Error("re-index after admin write failed", "err", err)
			} else {
				a.log.Info("re-index after admin write done")
			}
			a.mu.Lock()
			if !a.pending {
				a.running = false
				a.mu.Unlock()
				return
			}
			a.pending = false
			a.mu.Unlock()
		}
	}()
}

// upload is a parsed upload: the file in a temporary path, its kind, its metadata.
type upload struct {
	tmp  string
	kind string
	size int64
	meta UploadMeta
}

// readUpload reads the "metadata" and "file" parts, in either order.
func (a *Admin) readUpload(mr *multipart.Reader) (*upload, error) {
	up := &upload{}
	var haveMeta bool
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if up.tmp != "" {
				os.Remove(up.tmp)
			}
			return nil, multipartError(err)
		}
		switch part.FormName() {
		case "metadata":
			up.meta, err = decodeMeta(part)
			haveMeta = err == nil
		case "file":
			if up.tmp != "" {
				err = badRequest("bad_upload", "more than one file part", "upload one file per request")
				break
			}
			up.tmp, up.kind, up.size, err = a.Store.receive(part, a.MaxUpload)
		default:
			err = badRequest("bad_upload", fmt.Sprintf("unknown form field %q", clip(part.FormName())), `send only "file" and "metadata"`)
		}
		if err != nil {
			if up.tmp != "" {
				os.Remove(up.tmp)
			}
			return nil, err
		}
	}
	if up.tmp == "" || !haveMeta {
		if up.tmp != "" {
			os.Remove(up.tmp)
		}
		return nil, badRequest("bad_upload", "the upload needs a file part and a metadata part",
			`send multipart/form-data with "file" (PDF or UTF-8 text) and "metadata" (JSON: title, language, ...)`)
	}
	return up, nil
}

func multipartError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return badRequest("bad_upload", "the multipart body is malformed", "let your HTTP client build the form (curl -F file=@x.pdf -F metadata=<meta.json)")
}

func decodeMeta(r io.Reader) (UploadMeta, error) {
	var m UploadMeta
	dec := json.NewDecoder(io.LimitReader(r, maxMetadata))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, badRequest("bad_metadata", "the metadata part is not valid JSON: "+clip(err.Error()),
			`send JSON such as {"title":"...","language":"en","states":["FRA"],"date":"2024-05-01","type":"national_position","body":"national"}`)
	}
	return m, m.validate()
}

// uploadsPath joins a file name made by this package (never a client's) to dir.
func uploadsPath(dir, name string) string { return filepath.Join(dir, filepath.Base(name)) }
