package pdftext

import (
	"bytes"
	"testing"
)

// FuzzExtract feeds arbitrary bytes to Extract, which must answer with a
// document or an error and never panic. Seeds are in
// testdata/fuzz/FuzzExtract (small PDFs made by buildPDF and crashers
// found so far).
func FuzzExtract(f *testing.F) {
	f.Add(buildPDF([]fixturePage{{texts: rowsAt(60, 700, 10, "seed text for the fuzzer", "imple-", "mentation")}}, fixtureOptions{title: "t"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(bytes.NewReader(data), int64(len(data)))
		if err == nil && (doc == nil || len(doc.Pages) == 0) {
			t.Fatalf("no error and no pages")
		}
	})
}
