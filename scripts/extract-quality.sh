#!/bin/sh
# Measures the PDF text extractor (corpus/pdftext) on the shared corpus:
# word agreement with pdftotext per PDF, pdf-lab word F1 and paragraphs
# found beside pdftotext's, and pages per second of both.
# Needs ../shared and pdftotext (apt-get install poppler-utils).
# PDFTEXT_ALL=1 scores every pdf-lab file instead of a sample.
set -eu
cd "$(dirname "$0")/.."
go test ./corpus/pdftext -count=1 -v -run 'TestAgreementWithPdftotext|TestPDFLabScores' | grep -E 'agreement|pdf-lab|no text layer|^(ok|FAIL|---)'
go test ./corpus/pdftext -run '^$' -bench BenchmarkExtract -benchtime 3x | grep -E 'Benchmark|ok'
