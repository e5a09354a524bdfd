package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/internal/testcorpus"
)

// numberLineRe is the independent check: a paragraph number printed alone
// on its line ("13.") or opening a line ("1.3. States ..."), the way the GA
// texts print operative paragraph numbers.
var numberLineRe = regexp.MustCompile(`(?m)^[ \t]*(\d{1,3}(?:\.\d{1,3})*)\.(?:[ \t]*$|[ \t]+\p{Lu})`)

// gaFile is a GA JSON with the fields the checks read.
type gaFile struct {
	Text       string            `json:"text"`
	Paragraphs map[string]string `json:"paragraphs"`
}

// expectedNumbers returns the paragraph numbers printed at line start in
// the body of a GA text (after "The General Assembly" or the masthead),
// found by a regular expression independent of the segmenter.
func expectedNumbers(text string) []string {
	if i := strings.Index(text, "The General Assembly"); i >= 0 {
		text = text[i:]
	}
	var nums []string
	for _, m := range numberLineRe.FindAllStringSubmatch(text, -1) {
		nums = append(nums, m[1])
	}
	return nums
}

// TestGAOperativeParagraphs measures, over every GA JSON of the shared
// corpus, the share of independently counted paragraph numbers that come
// out as passages with exactly that number, and cross-checks against the
// JSON's derived 'paragraphs' keys.
func TestGAOperativeParagraphs(t *testing.T) {
	root := testcorpus.Corpus(t)
	files, _ := filepath.Glob(filepath.Join(root, "ga", "*.json"))
	var want, found, keys, keysFound, same, subWant, subFound int
	var misses []string
	for _, f := range files {
		if IsMetadataFile(f) {
			continue
		}
		rel, _ := filepath.Rel(root, f)
		doc, err := File(root, rel, Options{})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		var g gaFile
		data, _ := os.ReadFile(f)
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatal(err)
		}
		got := numbered(doc)
		for _, n := range expectedNumbers(g.Text) {
			want++
			if got[n] > 0 {
				got[n]--
				found++
			} else {
				misses = append(misses, rel+" "+n)
			}
		}
		got = numbered(doc)
		texts := textsByNumber(doc)
		for k, v := range g.Paragraphs {
			keys++
			if got[k] > 0 {
				keysFound++
			}
			if texts[k] == strings.Join(strings.Fields(v), " ") {
				same++
			}
		}
		w, f := subItems(g.Text, doc)
		subWant += w
		subFound += f
	}
	sort.Strings(misses)
	share := float64(found) / float64(want)
	t.Logf("%d files: %d of %d line-start paragraph numbers found as passages with that number (%.2f%%)",
		len(files)-1, found, want, 100*share)
	t.Logf("cross-check: %d of %d 'paragraphs' keys of the JSONs found (%.2f%%)", keysFound, keys, 100*float64(keysFound)/float64(keys))
	t.Logf("text of the numbered passage equals the JSON's derived paragraph text (whitespace normalised) for %d of %d keys (%.2f%%)",
		same, keys, 100*float64(same)/float64(keys))
	t.Logf("sub-items: %d of %d line-start \"(x)\" markers in operative parts found as the last part of passage numbers (%.2f%%)",
		subFound, subWant, 100*float64(subFound)/float64(subWant))
	if len(misses) > 0 {
		t.Logf("missed (first 30): %v", misses[:min(30, len(misses))])
	}
	if float64(subFound) < 0.98*float64(subWant) {
		t.Errorf("sub-item recall below 98%%")
	}
	if share < 0.98 {
		t.Errorf("operative paragraph recall %.2f%% < 98%%", 100*share)
	}
}

// numbered counts the non-footnote passages of doc by number.
func numbered(doc *corpus.Document) map[string]int {
	got := map[string]int{}
	for _, p := range doc.Passages {
		if p.Number != "" && p.Kind != corpus.KindFootnote {
			got[p.Number]++
		}
	}
	return got
}

// textsByNumber maps the numbers of the top-level numbered passages to
// their text.
func textsByNumber(doc *corpus.Document) map[string]string {
	out := map[string]string{}
	for _, p := range doc.Passages {
		if p.Number != "" && p.Kind != corpus.KindFootnote {
			if _, ok := out[p.Number]; !ok {
				out[p.Number] = p.Text
			}
		}
	}
	return out
}

var subItemLineRe = regexp.MustCompile(`(?m)^[ \t]*\(([a-z]{1,2}|[ivx]{1,5})\)`)

// subItems counts the sub-item markers at line start after the first
// operative paragraph ("1." alone on its line) and how many of them are the
// last part of a passage number ("13 (f)", or "(a)" under an unnumbered
// article).
func subItems(text string, doc *corpus.Document) (want, found int) {
	i := regexp.MustCompile(`(?m)^[ \t]*1\.[ \t]*$`).FindStringIndex(text)
	if i == nil {
		return 0, 0
	}
	ends := map[string]int{}
	for _, p := range doc.Passages {
		if j := strings.LastIndex(p.Number, "("); j >= 0 {
			ends[p.Number[j:]]++
		}
	}
	for _, m := range subItemLineRe.FindAllStringSubmatch(text[i[0]:], -1) {
		want++
		if k := "(" + m[1] + ")"; ends[k] > 0 {
			ends[k]--
			found++
		}
	}
	return want, found
}
