package pdftext

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
	"golang.org/x/text/unicode/norm"
)

// The yardstick is poppler's pdftotext. Agreement is the F1 of the two
// multisets of word tokens, where a token is a run of letters and digits
// after NFKC and lowercasing, soft hyphens deleted and hyphens between
// letters (also across a line break) deleted: so "implemen-\ntation",
// "implementation" and "Open-ended"/"Openended" compare equal, because
// whether a line-end hyphen is kept is judged by the pdf-lab truth, not
// here. Our side is the body, the footnotes and the furniture rows that
// the extractor dropped on purpose, so agreement measures the words
// rebuilt from glyphs, not the choice of what to drop. (Some producers map
// the soft hyphen of a break to a space, so "mea \u2010\nsure" is a break
// too.)

var (
	lineHyphen  = regexp.MustCompile(`(\pL)(-|\s?[\x{2010}\x{00ad}]+)\s+(\pL)`)
	innerHyphen = regexp.MustCompile(`(\pL)[-\x{2010}\x{00ad}](\pL)`)
	wordToken   = regexp.MustCompile(`[^\W_]+`)
)

func agreementTokens(s string) []string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = lineHyphen.ReplaceAllString(s, "$1$3")
	s = innerHyphen.ReplaceAllString(s, "$1$2")
	s = innerHyphen.ReplaceAllString(s, "$1$2")
	return wordToken.FindAllString(s, -1)
}

func multisetF1(a, b []string) float64 {
	count := map[string]int{}
	for _, t := range a {
		count[t]++
	}
	overlap := 0
	for _, t := range b {
		if count[t] > 0 {
			count[t]--
			overlap++
		}
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(len(b)), float64(overlap)/float64(len(a))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// gluedWords returns the tokens among ours that are two consecutive
// pdftotext tokens run together and not themselves a pdftotext token. Both
// parts must be words pdftotext finds at least twice, so that its own
// kerning splits ("T ALK") do not count against us.
func gluedWords(ours, theirs []string) []string {
	single := map[string]int{}
	for _, t := range theirs {
		single[t]++
	}
	pairs := map[string]bool{}
	for i := 1; i < len(theirs); i++ {
		if single[theirs[i-1]] >= 2 && single[theirs[i]] >= 2 {
			pairs[theirs[i-1]+theirs[i]] = true
		}
	}
	var glued []string
	for _, t := range ours {
		if pairs[t] && single[t] == 0 {
			glued = append(glued, t)
		}
	}
	return glued
}

// pdftotext returns poppler's text of path, or skips (fails under CI) when
// it is not installed.
func pdftotext(t testing.TB, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is needed under CI as the extraction yardstick")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils); skipping the comparison")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// fullText is everything the extractor read: body, footnotes, furniture.
func fullText(d *Document) string {
	var b strings.Builder
	for _, p := range d.Pages {
		b.WriteString(p.Text + "\n")
		b.WriteString(strings.Join(p.Footnotes, "\n") + "\n")
		b.WriteString(strings.Join(p.Furniture, "\n") + "\n")
	}
	return b.String()
}

func bodyText(d *Document) string {
	var b strings.Builder
	for _, p := range d.Pages {
		b.WriteString(p.Text + "\n\n")
	}
	return b.String()
}

// realPDFs lists the PDFs of the shared corpus and a sample of pdf-lab:
// every two-column and hyphenated variant and every fifth plain one (all of
// them with PDFTEXT_ALL=1).
func realPDFs(t *testing.T) []string {
	corpus := testcorpus.Corpus(t)
	var files []string
	for _, glob := range []string{"positions/*.pdf", "other/*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(corpus, glob))
		files = append(files, m...)
	}
	lab, _ := filepath.Glob(filepath.Join(testcorpus.PDFLab(t), "rendered", "*.pdf"))
	sort.Strings(lab)
	for i, f := range lab {
		if os.Getenv("PDFTEXT_ALL") != "" || !strings.Contains(f, ".chromium.") || i%5 == 0 {
			files = append(files, f)
		}
	}
	return files
}

func TestAgreementWithPdftotext(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the comparison with pdftotext over the shared corpus")
	}
	files := realPDFs(t)
	minF1, sum, n := 1.0, 0.0, 0
	for _, path := range files {
		name := filepath.Base(path)
		doc, err := ExtractFile(path)
		if err == ErrNoTextLayer {
			if strings.TrimSpace(pdftotext(t, path)) != "" {
				t.Errorf("%s: no text layer, but pdftotext finds text", name)
			}
			t.Logf("%-45s no text layer (needs OCR)", name)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		theirs := agreementTokens(pdftotext(t, path))
		f1 := multisetF1(theirs, agreementTokens(fullText(doc)))
		first := agreementTokens(bodyText(doc))
		first = first[:min(1000, len(first))]
		glued := gluedWords(first, theirs)
		minF1, sum, n = min(minF1, f1), sum+f1, n+1
		if !strings.Contains(name, ".chromium.") || f1 < 0.98 || len(glued) > 0 {
			t.Logf("%-45s agreement %.4f glued %d %v", name, f1, len(glued), glued[:min(5, len(glued))])
		}
		if f1 < 0.98 {
			t.Errorf("%s: word agreement with pdftotext %.4f < 0.98", name, f1)
		}
		if len(glued) > 0 {
			t.Errorf("%s: glued words in the first 1000: %v", name, glued)
		}
	}
	t.Logf("agreement over %d text PDFs: min %.4f mean %.4f", n, minF1, sum/float64(n))
}
