// Package load turns one file of a corpus into a corpus.Document with its
// metadata and passages (not tagged): PDF, plain text, Markdown, HTML, and
// JSON files with symbol/title/text fields. Metadata comes first from a
// sidecar NAME.meta.json, else from the folder's MANIFEST.json, then from
// the text itself for whatever is missing. Files it cannot read come back
// as a *SkipError with the reason.
//
// Dependency rule: load imports corpus and its subpackages (detect, segment,
// pdftext), golang.org/x/net/html, golang.org/x/text and goldmark; never
// indexer, search or api.
package load

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/detect"
	"github.com/precedent/precedent/corpus/segment"
)

// MaxFileSize is the largest file File reads; larger files are skipped.
const MaxFileSize = 200 << 20

// SkipError says why a file was not turned into a document.
type SkipError struct {
	Path   string // the file, relative to the corpus root
	Reason string // e.g. "no text layer (needs OCR)", "unsupported file type .docx"
}

// Error returns the file's path and why it was skipped.
func (e *SkipError) Error() string { return e.Path + ": " + e.Reason }

// IsMetadataFile says whether a file name is corpus metadata (MANIFEST.json,
// NAME.meta.json) rather than a document.
func IsMetadataFile(name string) bool {
	base := filepath.Base(name)
	return base == manifestName || strings.HasSuffix(base, metaSuffix)
}

// IsReadme says whether a file is a corpus folder's README (README,
// README.md, readme.txt ...): documentation of the collection, which the
// indexer reports as skipped rather than indexing it as a document.
func IsReadme(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	return base == "readme" || strings.HasPrefix(base, "readme.")
}

// text is what a format reader gives back: pages of text for UN-style
// segmentation, or structured blocks, plus what the file itself says of
// its metadata.
type text struct {
	pages     []segment.Page
	blocks    []segment.Block
	symbol    string
	title     string // the title the format gives (JSON field, Markdown h1, HTML title)
	infoTitle string // a PDF's info title: often a file name or the symbol
	masthead  string // masthead lines removed from the text, read for metadata only
}

// File reads the file rel (slash or OS separated, relative to root) and
// returns its document with metadata and passages. It never panics: a
// failure in a parser becomes a *SkipError.
func File(root, rel string, opt Options) (doc *corpus.Document, err error) {
	rel = filepath.ToSlash(rel)
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &SkipError{Path: rel, Reason: fmt.Sprintf("parser failure: %v", r)}
		}
	}()
	full := filepath.Join(root, filepath.FromSlash(rel))
	if IsMetadataFile(rel) {
		return nil, &SkipError{Path: rel, Reason: "metadata file, not a document"}
	}
	if IsReadme(rel) {
		return nil, &SkipError{Path: rel, Reason: "corpus documentation (README), not a document"}
	}
	data, err := readFile(full)
	if err != nil {
		return nil, &SkipError{Path: rel, Reason: err.Error()}
	}
	meta, err := Metadata(full)
	if err != nil {
		return nil, &SkipError{Path: rel, Reason: err.Error()}
	}
	t, err := read(full, data, opt)
	if err != nil {
		var skip *SkipError
		if errors.As(err, &skip) {
			skip.Path = rel
			return nil, skip
		}
		return nil, &SkipError{Path: rel, Reason: err.Error()}
	}
	sum := sha256.Sum256(data)
	return build(rel, hex.EncodeToString(sum[:]), meta, t), nil
}

func readFile(full string) ([]byte, error) {
	st, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file too large (%d bytes, limit %d)", st.Size(), MaxFileSize)
	}
	return os.ReadFile(full)
}

// read dispatches on the file's extension.
func read(full string, data []byte, opt Options) (text, error) {
	ext := strings.ToLower(path.Ext(full))
	switch ext {
	case ".pdf":
		return readPDF(full, opt)
	case ".txt", ".text":
		return readPlain(data)
	case ".md", ".markdown":
		return readMarkdown(data)
	case ".html", ".htm":
		return readHTML(data)
	case ".json":
		return readJSON(data)
	}
	if ext == "" {
		return text{}, &SkipError{Reason: "unsupported file type (no extension)"}
	}
	return text{}, &SkipError{Reason: "unsupported file type " + ext}
}

// build assembles the document: metadata by precedence (sidecar or
// manifest, then what the file's format says, then the text), id, passages.
func build(rel, hash string, meta Meta, t text) *corpus.Document {
	d := &corpus.Document{Source: rel, ContentHash: hash, Pages: len(t.pages)}
	meta.apply(d)
	if d.Symbol == "" {
		d.Symbol = t.symbol
	}
	if d.Title == "" {
		d.Title = t.title
	}
	if d.Symbol == "" {
		d.Symbol = detect.Symbol([]string{t.infoTitle}) // PDFs may carry the symbol as title
	}
	detect.Text(t.masthead + "\n" + plainText(t)).Fill(d)
	if d.Title == "" && d.Symbol == "" {
		d.Title = t.infoTitle
	}
	if d.Title == "" {
		d.Title = strings.TrimSuffix(path.Base(rel), path.Ext(rel))
		if d.Symbol != "" {
			d.Title = d.Symbol
		}
	}
	if d.Body == "" {
		d.Body = corpus.BodyOther
	}
	if d.Type == "" {
		d.Type = corpus.TypeOther
	}
	d.ID = corpus.DocumentID(d.Symbol, d.Language, rel)
	if t.blocks != nil {
		segment.Blocks(d, t.blocks)
	} else {
		segment.Pages(d, t.pages)
	}
	return d
}

func plainText(t text) string {
	var b strings.Builder
	for _, p := range t.pages {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	for _, bl := range t.blocks {
		b.WriteString(bl.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}
