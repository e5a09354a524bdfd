package main

import (
	"os"

	"github.com/precedent/precedent/corpus/pdftext"
)

// The hidden pdf-worker command is the child process of pdftext.Isolated:
// it extracts one PDF named on stdin and answers in JSON on stdout.
func init() {
	register("pdf-worker", "(internal) extract one PDF for the indexer in a child process", runPDFWorker)
}

func runPDFWorker(args []string) error {
	return pdftext.ServeWorker(os.Stdin, os.Stdout)
}
