package load

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/pdftext"
)

const fixtures = "testdata/corpus"

func TestFileFormats(t *testing.T) {
	tests := []struct {
		rel                         string
		title, typ, date, lang, sym string
		states                      []string
		passages                    int
		citation                    string // of the last passage
	}{
		{"notes/ruritania.txt", "Ruritania: positions on lighthouses (excerpts)", corpus.TypeNationalPosition, "2031", "en", "",
			[]string{"RUR"}, 3, "Ruritania, national position (2031), § 3.2"},
		{"notes/call.md", "Call for Lighthouses (1 May 2030)", corpus.TypeOther, "2030-05-01", "en", "",
			nil, 3, "Call for Lighthouses (2030), para. 2"},
		{"notes/page.html", "Notes on lighthouses", corpus.TypeStatement, "2032-02-02", "fr", "",
			[]string{"RUR"}, 3, "Notes on lighthouses (2032), para. 2"},
		{"ga/A_RES_88_301.json", "88/301. Lighthouses and coastal signalling", corpus.TypeResolution, "2033-12-14", "en", "A/RES/88/301",
			nil, 15, "A/RES/88/301, footnote 1"},
	}
	for _, tc := range tests {
		t.Run(tc.rel, func(t *testing.T) {
			d, err := File(fixtures, tc.rel, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title || d.Type != tc.typ || d.Date != tc.date || d.Language != tc.lang || d.Symbol != tc.sym {
				t.Errorf("metadata: title %q type %q date %q lang %q symbol %q", d.Title, d.Type, d.Date, d.Language, d.Symbol)
			}
			if !reflect.DeepEqual(d.States, tc.states) {
				t.Errorf("states %q, want %q", d.States, tc.states)
			}
			if len(d.Passages) != tc.passages {
				for _, p := range d.Passages {
					t.Logf("%s | %s", p.Citation, p.Text)
				}
				t.Fatalf("%d passages, want %d", len(d.Passages), tc.passages)
			}
			if c := d.Passages[len(d.Passages)-1].Citation; c != tc.citation {
				t.Errorf("last citation %q, want %q", c, tc.citation)
			}
			if d.Source != tc.rel || len(d.ContentHash) != 64 || d.ID != corpus.DocumentID(d.Symbol, d.Language, tc.rel) {
				t.Errorf("source %q hash %q id %q", d.Source, d.ContentHash, d.ID)
			}
		})
	}
}

func TestFileMetadataDetails(t *testing.T) {
	d, err := File(fixtures, "notes/ruritania.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Completeness != "partial" || d.SourceURL != "https://example.org/ruritania" || d.Body != corpus.BodyNational {
		t.Errorf("manifest fields: %+v", d)
	}
	html, err := File(fixtures, "notes/page.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range html.Passages {
		if strings.Contains(p.Text, "not text") || strings.Contains(p.Text, "Home") {
			t.Errorf("script or navigation text in passage: %q", p.Text)
		}
	}
	if got := html.Passages[1].Headings; !reflect.DeepEqual(got, []string{"Lighthouse Notes", "Devoirs"}) {
		t.Errorf("headings %q", got)
	}
	if n := html.Passages[2].Number; n != "2" {
		t.Errorf("ordered list item number %q", n)
	}
}

func TestFileSkips(t *testing.T) {
	tests := []struct{ rel, reason string }{
		{"notes/memo.docx", "unsupported file type .docx"},
		{"notes/blob.txt", "binary content in a text file"},
		{"notes/broken.json", "JSON without text field"},
		{"notes/MANIFEST.json", "metadata file, not a document"},
		{"notes/missing.txt", "no such file"},
		{"notes/list.json", "JSON without text field"},
		{"notes/cut.json", "broken JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.rel, func(t *testing.T) {
			_, err := File(fixtures, tc.rel, Options{})
			var skip *SkipError
			if !errors.As(err, &skip) || !strings.Contains(skip.Reason, tc.reason) || skip.Path != tc.rel {
				t.Errorf("err = %v, want SkipError %q", err, tc.reason)
			}
		})
	}
}

func TestFilePDFErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		err    error
		reason string
	}{
		{pdftext.ErrNoTextLayer, "no text layer (needs OCR)"},
		{pdftext.ErrEncrypted, "encrypted PDF"},
		{errors.New("bad xref"), "broken PDF: bad xref"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			opt := Options{ExtractPDF: func(string) (*pdftext.Document, error) { return nil, tc.err }}
			_, err := File(dir, "scan.pdf", opt)
			var skip *SkipError
			if !errors.As(err, &skip) || skip.Reason != tc.reason {
				t.Errorf("err = %v, want %q", err, tc.reason)
			}
		})
	}
	t.Run("pages", func(t *testing.T) {
		opt := Options{ExtractPDF: func(string) (*pdftext.Document, error) {
			return &pdftext.Document{Title: "Keepers", Pages: []pdftext.Page{
				{Number: 1, Text: "1. Keepers keep the light.\n\n2. Keepers report", Footnotes: []string{"1 A note."}},
				{Number: 2, Text: "every storm.\n2/2"}}}, nil
		}}
		d, err := File(dir, "scan.pdf", opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Passages) != 3 || d.Passages[1].Text != "Keepers report every storm." || d.Passages[1].PageTo != 2 || d.Pages != 2 {
			t.Errorf("passages %+v", d.Passages)
		}
	})
}

func TestFileRecoversFromPanic(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.pdf"), []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := Options{ExtractPDF: func(string) (*pdftext.Document, error) { panic("boom") }}
	_, err := File(dir, "x.pdf", opt)
	var skip *SkipError
	if !errors.As(err, &skip) || !strings.Contains(skip.Reason, "boom") {
		t.Errorf("err = %v", err)
	}
}

func TestSidecarWinsOverManifest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Keepers keep the light of the lighthouse burning all night long.\n")
	write("MANIFEST.json", `[{"file":"a.txt","title":"From manifest","date":"2001"}]`)
	d, err := File(dir, "a.txt", Options{})
	if err != nil || d.Title != "From manifest" || d.Date != "2001" {
		t.Fatalf("manifest: %v %+v", err, d)
	}
	write("a.meta.json", `{"title":"From sidecar"}`)
	d, err = File(dir, "a.txt", Options{})
	if err != nil || d.Title != "From sidecar" || d.Date != "" {
		t.Fatalf("sidecar: %v %+v", err, d)
	}
	write("a.meta.json", `{"title":`)
	if _, err := File(dir, "a.txt", Options{}); err == nil || !strings.Contains(err.Error(), "bad metadata in a.meta.json") {
		t.Errorf("broken sidecar: %v", err)
	}
}

func TestFileEncodings(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// "Sécurité des phares" in Windows-1252 and in ISO-8859-1 declared by a meta tag.
	write("latin.txt", []byte("S\xe9curit\xe9 des phares et des c\xf4tes, garantie par l'\xc9tat."))
	write("meta.html", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>S\xe9curit\xe9 des phares.</p></body></html>"))
	write("bom.txt", []byte("\xef\xbb\xbfKeepers keep the light burning."))
	for name, want := range map[string]string{"latin.txt": "Sécurité des phares et des côtes, garantie par l'État.",
		"meta.html": "Sécurité des phares.", "bom.txt": "Keepers keep the light burning."} {
		d, err := File(dir, name, Options{})
		if err != nil || len(d.Passages) != 1 || d.Passages[0].Text != want {
			t.Errorf("%s: %v %+v", name, err, d)
		}
	}
}

func TestIsMetadataFile(t *testing.T) {
	for name, want := range map[string]bool{"MANIFEST.json": true, "dir/x.meta.json": true, "x.json": false, "manifest.json.txt": false} {
		if got := IsMetadataFile(name); got != want {
			t.Errorf("IsMetadataFile(%q) = %v", name, got)
		}
	}
}

func TestReadmeIsSkipped(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"README.md", "readme.txt", "README"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("# About this collection\n\nInvented notes.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := File(dir, name, Options{})
		var skip *SkipError
		if !errors.As(err, &skip) || !strings.Contains(skip.Reason, "README") {
			t.Errorf("%s: got %v, want a SkipError naming README", name, err)
		}
	}
}
