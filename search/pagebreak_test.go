package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/pdftext"
	"github.com/precedent/precedent/internal/testcorpus"
)

// TestPhraseAcrossPageBreaks checks that an exact phrase made of the last
// words of one PDF page and the first words of the next, where a sentence
// runs on over the break, finds its passage in the shared-corpus index. The
// phrases are taken from the PDFs at run time; nothing is copied here.
func TestPhraseAcrossPageBreaks(t *testing.T) {
	ix := realIndex(t)
	root := testcorpus.Corpus(t)
	pdfs, _ := filepath.Glob(filepath.Join(root, "*", "*.pdf"))
	tried := 0
	for _, path := range pdfs {
		doc, err := pdftext.ExtractFile(path)
		if err != nil {
			continue // the image-only scan
		}
		rel, _ := filepath.Rel(root, path)
		docID := corpus.DocumentID("", "", filepath.ToSlash(rel))
		for i := 0; i+1 < len(doc.Pages); i++ {
			phrase, ok := runOnPhrase(doc.Pages[i].Text, doc.Pages[i+1].Text)
			if !ok {
				continue
			}
			tried++
			resp, err := ix.Search(context.Background(), Request{Query: `"` + phrase + `"`, Size: 100})
			if err != nil {
				t.Fatalf("%s: %q: %v", rel, phrase, err)
			}
			if !hitsDocument(resp, docID) {
				t.Errorf("%s pages %d-%d: phrase %q across the page break not found (%d hits)", rel, i+1, i+2, phrase, resp.Total)
			}
		}
	}
	t.Logf("%d phrases across page breaks tried in %d PDFs", tried, len(pdfs))
	if tried < 5 {
		t.Errorf("only %d page breaks inside a sentence found; the test checks too little", tried)
	}
}

// runOnPhrase returns the last three words of a page and the first three of
// the next when a sentence runs on over the break (the page ends without
// punctuation that closes a paragraph and the next starts in lower case).
func runOnPhrase(page, next string) (string, bool) {
	page, next = strings.TrimSpace(page), strings.TrimSpace(next)
	if page == "" || next == "" || strings.HasSuffix(page, "\n") {
		return "", false
	}
	last, first := []rune(page)[len([]rune(page))-1], []rune(next)[0]
	if !(unicode.IsLower(last) || last == ',') || !unicode.IsLower(first) {
		return "", false
	}
	tail, head := plainWords(page), plainWords(next)
	if len(tail) < 3 || len(head) < 3 {
		return "", false
	}
	words := append(tail[len(tail)-3:], head[:3]...)
	for _, w := range words {
		if w == "" {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}

// plainWords splits text into words without their trailing commas, colons
// or semicolons, blanking any word that is not then all letters, so that a
// phrase never spans numbers, footnote marks or sentence ends.
func plainWords(text string) []string {
	fields := strings.Fields(text)
	for i, f := range fields {
		f = strings.TrimRight(f, ",;:")
		fields[i] = f
		for _, r := range f {
			if !unicode.IsLetter(r) {
				fields[i] = ""
				break
			}
		}
	}
	return fields
}

func hitsDocument(resp *Response, docID string) bool {
	for _, h := range resp.Hits {
		if h.Document.ID == docID {
			return true
		}
	}
	return false
}
