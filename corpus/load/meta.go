package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/precedent/precedent/corpus"
)

const (
	manifestName = "MANIFEST.json"
	metaSuffix   = ".meta.json"
	maxMetaSize  = 16 << 20
)

// Meta is the metadata a sidecar NAME.meta.json or a MANIFEST.json entry
// gives for a file (the fields of ../shared/corpus/README.md). Missing
// fields are left for detection.
type Meta struct {
	File         string   `json:"file,omitempty"`
	Title        string   `json:"title,omitempty"`
	Symbol       string   `json:"symbol,omitempty"`
	Body         string   `json:"body,omitempty"`
	DocType      string   `json:"doc_type,omitempty"`
	States       []string `json:"states,omitempty"`
	Groups       []string `json:"groups,omitempty"`
	Date         string   `json:"date,omitempty"`
	Language     string   `json:"language,omitempty"`
	Source       string   `json:"source,omitempty"`
	Completeness string   `json:"completeness,omitempty"`
	Notes        string   `json:"notes,omitempty"`
}

// Metadata returns the metadata for the file at full: its sidecar
// (NAME.meta.json or NAME.EXT.meta.json) if there is one, else its entry in
// the folder's MANIFEST.json, else an empty Meta. A metadata file that
// exists but cannot be parsed is an error.
func Metadata(full string) (Meta, error) {
	ext := filepath.Ext(full)
	for _, side := range []string{strings.TrimSuffix(full, ext) + metaSuffix, full + metaSuffix} {
		data, err := readMeta(side)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Meta{}, err
		}
		m, err := ParseSidecar(data)
		if err != nil {
			return Meta{}, fmt.Errorf("bad metadata in %s: %v", filepath.Base(side), err)
		}
		return m, nil
	}
	data, err := readMeta(filepath.Join(filepath.Dir(full), manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return Meta{}, nil
	}
	if err != nil {
		return Meta{}, err
	}
	entries, err := ParseManifest(data)
	if err != nil {
		return Meta{}, fmt.Errorf("bad metadata in %s: %v", manifestName, err)
	}
	base := filepath.Base(full)
	for _, e := range entries {
		if filepath.Base(filepath.FromSlash(e.File)) == base && filepath.Dir(filepath.FromSlash(e.File)) == "." {
			return e, nil
		}
	}
	return Meta{}, nil
}

func readMeta(p string) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxMetaSize {
		return nil, fmt.Errorf("%s too large (%d bytes)", filepath.Base(p), st.Size())
	}
	return os.ReadFile(p)
}

// ParseSidecar parses a sidecar metadata file: one JSON object.
func ParseSidecar(data []byte) (Meta, error) {
	var m Meta
	if err := json.Unmarshal(data, &m); err != nil {
		return Meta{}, err
	}
	return m.clean(), nil
}

// ParseManifest parses a MANIFEST.json: an array of objects, one per file.
func ParseManifest(data []byte) ([]Meta, error) {
	var ms []Meta
	if err := json.Unmarshal(data, &ms); err != nil {
		return nil, err
	}
	for i := range ms {
		ms[i] = ms[i].clean()
	}
	return ms, nil
}

// clean trims fields and drops values that are not what their field holds.
func (m Meta) clean() Meta {
	for _, f := range []*string{&m.Title, &m.Symbol, &m.Body, &m.DocType, &m.Date, &m.Language, &m.Source, &m.Completeness} {
		*f = strings.TrimSpace(*f)
	}
	m.Language = strings.ToLower(m.Language)
	if m.Completeness != "" && m.Completeness != "full" && m.Completeness != "partial" {
		m.Completeness = ""
	}
	m.States = nonEmpty(m.States)
	m.Groups = nonEmpty(m.Groups)
	return m
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// apply copies the known metadata into d.
func (m Meta) apply(d *corpus.Document) {
	d.Title, d.Symbol, d.Body, d.Type = m.Title, m.Symbol, m.Body, m.DocType
	d.Date, d.Language, d.Completeness = m.Date, m.Language, m.Completeness
	d.States = append([]string(nil), m.States...)
	d.Groups = append([]string(nil), m.Groups...)
	if strings.HasPrefix(m.Source, "http://") || strings.HasPrefix(m.Source, "https://") {
		d.SourceURL = m.Source
	}
}
