package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/load"
)

// Uploads keeps uploaded documents in one folder: each file as
// <sha256>.<pdf|txt> with a <sha256>.meta.json sidecar in corpus/load's
// format, so the indexer reads the folder like any corpus folder when it
// sits at the top of the indexed corpus (see UploadsFolder). A client's file
// name is never used as a path.
type Uploads struct {
	Dir string
	mu  sync.Mutex
}

// UploadMeta is the metadata sent with an upload.
type UploadMeta struct {
	Title    string   `json:"title"`
	Symbol   string   `json:"symbol,omitempty"`
	Body     string   `json:"body,omitempty"`
	Type     string   `json:"type,omitempty"`
	Date     string   `json:"date,omitempty"`
	Language string   `json:"language,omitempty"`
	States   []string `json:"states,omitempty"`
	Groups   []string `json:"groups,omitempty"`
}

var (
	alpha3     = regexp.MustCompile(`^[A-Z]{3}$`)
	groupID    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,20}$`)
	symbolText = regexp.MustCompile(`^[A-Za-z0-9/.()\- ]{1,60}$`)
	languages  = []string{"en", "fr", "es", "ru", "ar", "zh"}
)

func (m *UploadMeta) validate() error {
	bad := func(msg string) error {
		return badRequest("bad_metadata", msg, `metadata: {"title" (required, under 500 bytes), "language" (en, fr, es, ru, ar, zh), "states" (ISO alpha-3), "date" (YYYY or YYYY-MM-DD), "symbol", "type", "body", "groups"}`)
	}
	switch {
	case strings.TrimSpace(m.Title) == "" || len(m.Title) > 500 || checkText("title", m.Title) != nil:
		return bad("title is missing, too long or holds control characters")
	case m.Symbol != "" && !symbolText.MatchString(m.Symbol):
		return bad(fmt.Sprintf("symbol %q is not a UN document symbol", clip(m.Symbol)))
	case m.Language != "" && !slices.Contains(languages, m.Language):
		return bad(fmt.Sprintf("language %q is not a UN language", clip(m.Language)))
	case m.Date != "" && validateDates(m.Date, "") != nil:
		return bad(fmt.Sprintf("date %q is not a year or a date", clip(m.Date)))
	case len(m.States) > 200 || len(m.Groups) > 20 || len(m.Type) > 40 || len(m.Body) > 40:
		return bad("too many states or groups, or type or body too long")
	}
	for _, s := range m.States {
		if !alpha3.MatchString(s) {
			return bad(fmt.Sprintf("state %q is not an ISO 3166 alpha-3 code", clip(s)))
		}
	}
	for _, g := range m.Groups {
		if !groupID.MatchString(g) {
			return bad(fmt.Sprintf("group %q is not a group id", clip(g)))
		}
	}
	return nil
}

// receive streams a file part into a temporary file in the folder, no
// longer than max bytes, and tells a PDF from UTF-8 text by its content.
func (u *Uploads) receive(part io.Reader, max int64) (tmp, kind string, size int64, err error) {
	if err := os.MkdirAll(u.Dir, 0o755); err != nil {
		return "", "", 0, err
	}
	f, err := os.CreateTemp(u.Dir, ".upload-*")
	if err != nil {
		return "", "", 0, err
	}
	defer f.Close()
	var head bytes.Buffer
	n, err := io.Copy(f, io.TeeReader(io.LimitReader(part, max+1), &prefixWriter{buf: &head, max: 8192}))
	if err == nil && n > max {
		err = &Error{Status: 413, Code: "too_large", Message: "the file is too large", Hint: "upload at most " + byteSize(max)}
	}
	if err == nil {
		kind, err = sniff(head.Bytes(), n)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", "", 0, err
	}
	return f.Name(), kind, n, f.Sync()
}

// prefixWriter keeps the first max bytes written to it.
type prefixWriter struct {
	buf *bytes.Buffer
	max int
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	if room := p.max - p.buf.Len(); room > 0 {
		p.buf.Write(b[:min(room, len(b))])
	}
	return len(b), nil
}

func sniff(head []byte, n int64) (string, error) {
	switch {
	case n == 0:
		return "", badRequest("bad_upload", "the file is empty", "upload a PDF or a UTF-8 text file")
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf", nil
	case bytes.IndexByte(head, 0) < 0 && utf8.Valid(trimPartialRune(head)):
		return "txt", nil
	}
	return "", &Error{Status: 415, Code: "unsupported_media_type", Message: "the file is neither a PDF nor UTF-8 text",
		Hint: "upload a PDF (starting with %PDF-) or a UTF-8 text file"}
}

// trimPartialRune drops an incomplete UTF-8 sequence cut by the prefix limit.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return b
}

// Add moves a received file into place under its content hash, writes its
// metadata sidecar, and returns its document id.
func (u *Uploads) Add(tmp, kind string, m UploadMeta) (string, error) {
	sum, err := corpus.FileHash(tmp)
	if err != nil {
		return "", err
	}
	if m.Language == "" {
		m.Language = "en"
	}
	name := sum + "." + kind
	meta := load.Meta{File: name, Title: m.Title, Symbol: m.Symbol, Body: m.Body, DocType: m.Type,
		States: m.States, Groups: m.Groups, Date: m.Date, Language: m.Language, Source: "admin upload"}
	u.mu.Lock()
	defer u.mu.Unlock()
	if err := os.Rename(tmp, uploadsPath(u.Dir, name)); err != nil {
		return "", err
	}
	if err := writeFileAtomic(uploadsPath(u.Dir, sum+metaSuffix), meta); err != nil {
		return "", err
	}
	return uploadID(meta), nil
}

// metaSuffix names an upload's sidecar, as corpus/load reads it.
const metaSuffix = ".meta.json"

// uploadID is the document id the indexer gives an upload: the uploads
// folder sits at the top of the indexed corpus.
func uploadID(m load.Meta) string {
	return corpus.DocumentID(m.Symbol, m.Language, UploadsFolder+"/"+m.File)
}

// UploadsFolder is the name of the uploads folder inside the indexed corpus.
const UploadsFolder = "uploads"

// Remove deletes the upload whose document id is id; os.ErrNotExist when
// no upload has it.
func (u *Uploads) Remove(id string) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	metas, err := u.list()
	if err != nil {
		return err
	}
	for _, m := range metas {
		if uploadID(m) != id {
			continue
		}
		if err := os.Remove(uploadsPath(u.Dir, m.File)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return os.Remove(uploadsPath(u.Dir, strings.TrimSuffix(m.File, filepath.Ext(m.File))+metaSuffix))
	}
	return os.ErrNotExist
}

func (u *Uploads) list() ([]load.Meta, error) {
	paths, err := filepath.Glob(filepath.Join(u.Dir, "*"+metaSuffix))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	metas := make([]load.Meta, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		m, err := load.ParseSidecar(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		metas = append(metas, m)
	}
	return metas, nil
}

func writeFileAtomic(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
