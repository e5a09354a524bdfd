package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus/detect"
	"github.com/precedent/precedent/internal/testcorpus"
)

// TestPositionsExcerpts loads every excerpt file with its MANIFEST metadata
// and paragraphs.
func TestPositionsExcerpts(t *testing.T) {
	root := testcorpus.Corpus(t)
	data, err := os.ReadFile(filepath.Join(root, "positions-excerpts", "MANIFEST.json"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := ParseManifest(data)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "positions-excerpts", "*.txt"))
	if len(files) != len(entries) || len(files) < 40 {
		t.Fatalf("%d files, %d manifest entries", len(files), len(entries))
	}
	passages := 0
	for _, e := range entries {
		d, err := File(root, "positions-excerpts/"+e.File, Options{})
		if err != nil {
			t.Errorf("%s: %v", e.File, err)
			continue
		}
		if d.Title != e.Title || d.Date != e.Date || d.Completeness != "partial" || d.Type != e.DocType ||
			strings.Join(d.States, ",") != strings.Join(e.States, ",") || strings.Join(d.Groups, ",") != strings.Join(e.Groups, ",") {
			t.Errorf("%s: metadata %q %q %q %v %v", e.File, d.Title, d.Date, d.Completeness, d.States, d.Groups)
		}
		blocks := 0
		for _, b := range regexp.MustCompile(`\n\s*\n`).Split(readString(t, filepath.Join(root, "positions-excerpts", e.File)), -1) {
			if strings.TrimSpace(b) != "" {
				blocks++
			}
		}
		headings := map[string]bool{}
		for _, p := range d.Passages {
			for _, h := range p.Headings {
				headings[h] = true
			}
		}
		if len(d.Passages)+len(headings) < blocks {
			t.Errorf("%s: %d passages and %d headings for %d blank-line paragraphs", e.File, len(d.Passages), len(headings), blocks)
		}
		passages += len(d.Passages)
	}
	t.Logf("%d excerpt files, %d passages", len(entries), passages)
}

// TestParisCallFrench checks that the French Markdown is detected as French
// from its text alone, not only from its manifest.
func TestParisCallFrench(t *testing.T) {
	root := testcorpus.Corpus(t)
	rel := "other/paris-call-2018-fr.md"
	d, err := File(root, rel, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Language != "fr" || len(d.Passages) < 10 {
		t.Errorf("language %q, %d passages", d.Language, len(d.Passages))
	}
	raw, err := readMarkdown([]byte(readString(t, filepath.Join(root, rel))))
	if err != nil {
		t.Fatal(err)
	}
	if got := detect.Language(plainText(raw)); got != "fr" {
		t.Errorf("detected language %q, want fr", got)
	}
	for _, p := range d.Passages {
		if strings.Contains(p.Text, "![") {
			t.Errorf("image markup in passage: %q", p.Text)
		}
	}
}

var draftFileRe = regexp.MustCompile(`^A_(?:C\.\d_)?\d+_L\.\d+\.json$`)

// sponsorLineRe finds, independently of detect, whether a draft's first page
// prints a sponsor line ("...: draft resolution", "...: draft decision").
var sponsorLineRe = regexp.MustCompile(`:\**[ \t]*\n?[ \t]*draft (?:resolution|decision)`)

// TestDraftMetadata checks symbol, date and sponsors of every GA draft.
func TestDraftMetadata(t *testing.T) {
	root := testcorpus.Corpus(t)
	files, _ := filepath.Glob(filepath.Join(root, "ga", "*.json"))
	drafts, withLine, behalf := 0, 0, 0
	for _, f := range files {
		if !draftFileRe.MatchString(filepath.Base(f)) {
			continue
		}
		drafts++
		var g struct{ Symbol, Text string }
		if err := json.Unmarshal([]byte(readString(t, f)), &g); err != nil {
			t.Fatal(err)
		}
		d, err := File(root, "ga/"+filepath.Base(f), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Symbol != g.Symbol || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(d.Date) || d.Type != "draft_resolution" {
			t.Errorf("%s: symbol %q date %q type %q", g.Symbol, d.Symbol, d.Date, d.Type)
		}
		if sponsorLineRe.MatchString(g.Text[:min(3000, len(g.Text))]) {
			withLine++
			if d.Sponsors == "" || strings.ContainsAny(d.Sponsors, "*\n") || strings.Contains(d.Sponsors, "draft") {
				t.Errorf("%s: sponsors %q", g.Symbol, d.Sponsors)
			}
		}
		if strings.Contains(g.Text, "* On behalf of") {
			behalf++
			if !strings.HasPrefix(d.OnBehalfOf, "On behalf of ") || strings.Contains(d.OnBehalfOf, "\n") {
				t.Errorf("%s: on behalf of %q", g.Symbol, d.OnBehalfOf)
			}
		}
	}
	t.Logf("%d drafts, %d with a sponsor line, %d with an on-behalf-of footnote: all detected", drafts, withLine, behalf)
	if drafts < 60 {
		t.Errorf("only %d drafts found", drafts)
	}
}

// TestDraftSponsorSpotChecks compares full sponsor lists read by hand from
// the PDFs' layout (names broken across lines).
func TestDraftSponsorSpotChecks(t *testing.T) {
	root := testcorpus.Corpus(t)
	tests := []struct {
		file     string
		contains []string
		count    int
	}{
		{"A_C.1_80_L.9.json", []string{"Netherlands (Kingdom of the)", "United Kingdom of Great Britain and Northern Ireland and Uruguay"}, 56},
		{"A_C.1_80_L.22.json", []string{"San Marino", "Sri Lanka"}, 51},
		{"A_C.1_80_L.43.json", []string{"New Zealand", "Republic of Korea", "Bolivia (Plurinational State of)"}, 55},
		{"A_C.1_80_L.21.json", []string{"Uruguay and Venezuela (Bolivarian Republic of)"}, 29},
		{"A_C.1_80_L.13.json", []string{"Indonesia"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d, err := File(root, "ga/"+tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tc.contains {
				if !strings.Contains(d.Sponsors, c) {
					t.Errorf("sponsors lack %q: %q", c, d.Sponsors)
				}
			}
			if names := sponsorNames(d.Sponsors); len(names) != tc.count {
				t.Errorf("%d sponsors, want %d: %q", len(names), tc.count, names)
			}
		})
	}
}

// sponsorNames splits a sponsor line at commas and its final " and ",
// keeping names that contain "and" ("Bosnia and Herzegovina", "United
// Kingdom of Great Britain and Northern Ireland") whole.
func sponsorNames(line string) []string {
	parts := strings.Split(line, ", ")
	last := parts[len(parts)-1]
	if i := strings.LastIndex(last, " and "); i >= 0 && len(parts) > 1 {
		parts = append(parts[:len(parts)-1], last[:i], last[i+5:])
	}
	return parts
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
