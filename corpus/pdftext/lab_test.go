package pdftext

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
	"golang.org/x/text/unicode/norm"
)

// The pdf-lab scorer (pdf-lab/score.py) ported: word F1 against the
// truth's body_text and the fraction of the truth's paragraphs found as one
// run. Go's regexp has no look-behind and its \W is ASCII, so tokens are
// runs of Unicode letters and digits and the hyphen rule is applied twice;
// on these English files the figures match the script's.

var (
	labSpace  = regexp.MustCompile(`\s+`)
	labHyphen = regexp.MustCompile(`([\pL\pN])- (\S)`)
	labToken  = regexp.MustCompile(`[\pL\pN]+`)
)

func labNormalise(s string) string {
	s = strings.ReplaceAll(norm.NFKC.String(s), "\u00ad", "")
	s = strings.TrimSpace(labSpace.ReplaceAllString(s, " "))
	s = labHyphen.ReplaceAllString(s, "$1-$2")
	return labHyphen.ReplaceAllString(s, "$1-$2")
}

type labTruth struct {
	BodyText            string            `json:"body_text"`
	Paragraphs          map[string]string `json:"paragraphs"`
	ParagraphsUnmatched map[string]any    `json:"paragraphs_unmatched"`
}

// labScore returns word F1 and the paragraphs found and scored.
func labScore(tr labTruth, extracted string) (f1 float64, found, total int) {
	f1 = multisetF1(labToken.FindAllString(strings.ToLower(labNormalise(tr.BodyText)), -1),
		labToken.FindAllString(strings.ToLower(labNormalise(extracted)), -1))
	hay := labNormalise(extracted)
	for k, p := range tr.Paragraphs {
		if _, skip := tr.ParagraphsUnmatched[k]; skip {
			continue
		}
		total++
		if n := labNormalise(p); n != "" && strings.Contains(hay, n) {
			found++
		}
	}
	return f1, found, total
}

// labText is what the scorer reads from us: the page bodies in order, then
// the footnotes (the truth lists them after the body).
func labText(d *Document) string {
	var notes []string
	var b strings.Builder
	for _, p := range d.Pages {
		b.WriteString(p.Text + "\n\n")
		notes = append(notes, p.Footnotes...)
	}
	return b.String() + strings.Join(notes, "\n")
}

func TestPDFLabScores(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the comparison with pdftotext over the shared corpus")
	}
	lab := testcorpus.PDFLab(t)
	files, _ := filepath.Glob(filepath.Join(lab, "rendered", "*.pdf"))
	var ours, theirs labTotals
	for i, path := range files {
		if os.Getenv("PDFTEXT_ALL") == "" && strings.Contains(path, ".chromium.") && i%5 != 0 {
			continue
		}
		var tr labTruth
		raw, err := os.ReadFile(strings.TrimSuffix(path, ".pdf") + ".truth.json")
		if err != nil || json.Unmarshal(raw, &tr) != nil {
			t.Fatalf("truth of %s: %v", path, err)
		}
		doc, err := ExtractFile(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ours.add(labScore(tr, labText(doc)))
		theirs.add(labScore(tr, pdftotext(t, path)))
	}
	t.Logf("pdf-lab, %d files: pdftext word F1 %.4f, paragraphs %.1f%% (%d/%d); pdftotext F1 %.4f, paragraphs %.1f%% (%d/%d)",
		ours.n, ours.meanF1(), ours.paraPct(), ours.found, ours.total, theirs.meanF1(), theirs.paraPct(), theirs.found, theirs.total)
	if ours.meanF1() < 0.99 || ours.meanF1() < theirs.meanF1() {
		t.Errorf("mean word F1 %.4f: want at least 0.99 and pdftotext's %.4f", ours.meanF1(), theirs.meanF1())
	}
	if ours.paraPct() < 95 || ours.paraPct() < theirs.paraPct() {
		t.Errorf("paragraphs found %.1f%%: want at least 95%% and pdftotext's %.1f%%", ours.paraPct(), theirs.paraPct())
	}
}

type labTotals struct {
	n, found, total int
	f1              float64
}

func (s *labTotals) add(f1 float64, found, total int) {
	s.n, s.f1, s.found, s.total = s.n+1, s.f1+f1, s.found+found, s.total+total
}
func (s *labTotals) meanF1() float64  { return s.f1 / float64(max(s.n, 1)) }
func (s *labTotals) paraPct() float64 { return 100 * float64(s.found) / float64(max(s.total, 1)) }

// BenchmarkExtract measures pages per second of Extract and, on the same
// files in the same run, of the pdftotext command (its process start
// included, as an indexer calling it would pay).
func BenchmarkExtract(b *testing.B) {
	files := benchFiles(b)
	pages := 0
	for _, f := range files {
		doc, err := ExtractFile(f)
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		pages += len(doc.Pages)
	}
	b.Run("pdftext", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				if _, err := ExtractFile(f); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
	b.Run("pdftotext", func(b *testing.B) {
		bin, err := exec.LookPath("pdftotext")
		if err != nil {
			b.Skip("pdftotext not installed")
		}
		for b.Loop() {
			for _, f := range files {
				if err := exec.Command(bin, "-enc", "UTF-8", f, os.DevNull).Run(); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
}

// benchFiles: the text PDFs of the shared corpus and ten pdf-lab files.
func benchFiles(b *testing.B) []string {
	corpus := testcorpus.Corpus(b)
	files := []string{
		filepath.Join(corpus, "positions", "position-israel-2020.pdf"),
		filepath.Join(corpus, "other", "paris-call-2018.pdf"),
		filepath.Join(corpus, "other", "paris-call-wg6-ict-supply-chain-2021.pdf"),
	}
	lab, _ := filepath.Glob(filepath.Join(testcorpus.PDFLab(b), "rendered", "*.pdf"))
	for i := 0; i < len(lab) && i < 100; i += 10 {
		files = append(files, lab[i])
	}
	return files
}
