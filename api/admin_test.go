package api

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const testToken = "s3cret-admin-token"

// adminServer returns a server with the write path on, and a channel that
// receives one value per re-index run.
func adminServer(t *testing.T) (*Server, string, chan struct{}) {
	t.Helper()
	dir := t.TempDir()
	runs := make(chan struct{}, 16)
	srv := New(&fakeSearcher{n: 1}, Options{Logger: quietLogger(), Admin: &Admin{Token: testToken,
		Store: &Uploads{Dir: dir}, MaxUpload: 4096,
		Reindex: func(context.Context) error { runs <- struct{}{}; return nil }}})
	return srv, dir, runs
}

// multipartBody builds an upload form; a part is left out when its value is "".
func multipartBody(t *testing.T, filename string, file []byte, meta string) (string, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if meta != "" {
		mw.WriteField("metadata", meta)
	}
	if file != nil {
		fw, _ := mw.CreateFormFile("file", filename)
		fw.Write(file)
	}
	mw.Close()
	return b.String(), mw.FormDataContentType()
}

func TestAdminUploadAndDelete(t *testing.T) {
	srv, dir, runs := adminServer(t)
	auth := "Bearer " + testToken
	body, ct := multipartBody(t, "../../etc/passwd", []byte("1. An invented paragraph about tide tables.\n"),
		`{"title":"Invented note","language":"en","states":["FRA"],"date":"2031"}`)
	rec := do(t, srv, "POST", "/v1/admin/documents", body, map[string]string{"Authorization": auth, "Content-Type": ct})
	if rec.Code != http.StatusAccepted {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	select {
	case <-runs:
	case <-time.After(5 * time.Second):
		t.Fatal("no re-index after upload")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 2 {
		t.Fatalf("uploads folder holds %v, want the file and its sidecar", files)
	}
	for _, f := range files {
		base := filepath.Base(f)
		if strings.Contains(base, "passwd") || !(strings.HasSuffix(base, ".txt") || strings.HasSuffix(base, ".meta.json")) {
			t.Errorf("unexpected file %s", base)
		}
	}
	id := "uploads_" + strings.TrimSuffix(filepath.Base(files[1]), ".txt")
	if !strings.Contains(rec.Body.String(), `"id":"`+id+`"`) {
		t.Errorf("answer %s does not name id %s", rec.Body, id)
	}
	rec = do(t, srv, "DELETE", "/v1/admin/documents/"+id, "", map[string]string{"Authorization": auth})
	if rec.Code != http.StatusAccepted {
		t.Fatalf("delete: %d %s", rec.Code, rec.Body)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("after delete the folder holds %d files", len(files))
	}
	if rec := do(t, srv, "DELETE", "/v1/admin/documents/"+id, "", map[string]string{"Authorization": auth}); rec.Code != 404 {
		t.Errorf("second delete: %d", rec.Code)
	}
}

func TestAdminOffIsNotFound(t *testing.T) {
	srv := New(&fakeSearcher{n: 1}, Options{Logger: quietLogger()})
	rec := do(t, srv, "POST", "/v1/admin/documents", "x", map[string]string{"Authorization": "Bearer anything"})
	if rec.Code != 404 {
		t.Errorf("admin route without a token configured: %d", rec.Code)
	}
}

func TestAdminWrongTokenHasChallenge(t *testing.T) {
	srv, _, _ := adminServer(t)
	rec := do(t, srv, "DELETE", "/v1/admin/documents/x", "", map[string]string{"Authorization": "Bearer nope"})
	if rec.Code != 401 || !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("status %d, WWW-Authenticate %q", rec.Code, rec.Header().Get("WWW-Authenticate"))
	}
}

func TestReindexRunsOneAtATime(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 8)
	a := &Admin{log: quietLogger(), Reindex: func(context.Context) error {
		started <- struct{}{}
		<-release
		return nil
	}}
	a.trigger()
	<-started
	a.trigger()
	a.trigger() // coalesces with the previous one
	close(release)
	time.Sleep(100 * time.Millisecond)
	if n := len(started); n != 1 {
		t.Errorf("%d more runs after triggers during a run, want 1", n)
	}
}
